// Package judgment measures cochef's story analysis against labelled
// stories: the judgment corpus (rules/testdata/corpus/*.yml, one backlog
// per file, format in CORPUS-SPEC) and the QUS labels of the real English
// backlogs of Dalpiaz 2018 (rules/testdata/dalpiaz2018/qus-labels.tsv).
// It runs the real analysis (rules.AnalyzeBacklog with the built-in
// templates) and counts what it gets right. `go run ./scripts/judgment`
// prints the figures; rules' tests guard them against regressions.
package judgment

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Entry is one labelled story of the corpus.
type Entry struct {
	ID          string   `yaml:"id"`
	Lang        string   `yaml:"lang"`
	Shape       string   `yaml:"shape"`
	Title       string   `yaml:"title"`
	Body        string   `yaml:"body"`
	Labels      []string `yaml:"labels"`
	Persona     string   `yaml:"persona"`
	Need        string   `yaml:"need"`
	Benefit     string   `yaml:"benefit"`
	RGPD        bool     `yaml:"rgpd"`
	Security    bool     `yaml:"security"`
	Defects     []string `yaml:"defects"`
	DuplicateOf string   `yaml:"duplicate_of"`
	Note        string   `yaml:"note"`
}

// Story reports whether the entry is a story (not a bug report, a task or
// a question).
//
// The held-out sets spell a non-story's shape three ways, all with an
// empty persona and need: "not-a-story" (the corpus and the latest
// sets), "non-story" and a bare "none" (sets of earlier rounds; an
// English story without a role is "none/want", never a bare "none").
// The sets of the twenty-first round may add the kind after a
// slash ("non-story/bug", "not-a-story/epic").
func (e *Entry) Story() bool {
	kind, _, _ := strings.Cut(e.Shape, "/")
	switch {
	case e.Shape == "none", kind == "not-a-story", kind == "non-story":
		return false
	}
	return true
}

// HasDefect reports whether the entry is labelled with a QUS defect.
func (e *Entry) HasDefect(d string) bool {
	for _, x := range e.Defects {
		if x == d {
			return true
		}
	}
	return false
}

// Backlog is one corpus file: uniform and unique are judged within it.
type Backlog struct {
	File    string
	Entries []Entry
}

// LoadCorpus reads every *.yml of dir, in name order.
func LoadCorpus(dir string) ([]Backlog, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.yml corpus file", dir)
	}
	sort.Strings(files)
	var out []Backlog
	ids := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var entries []Entry
		if err := yaml.Unmarshal(data, &entries); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, e := range entries {
			if e.ID == "" {
				return nil, fmt.Errorf("%s: an entry has no id", f)
			}
			if prev, dup := ids[e.ID]; dup {
				return nil, fmt.Errorf("%s: id %s is already used in %s", f, e.ID, prev)
			}
			ids[e.ID] = f
			if e.Lang != "fr" && e.Lang != "en" {
				return nil, fmt.Errorf("%s: %s: lang %q, want fr or en", f, e.ID, e.Lang)
			}
		}
		out = append(out, Backlog{File: filepath.Base(f), Entries: entries})
	}
	return out, nil
}

// QUSRow is one line of a Dalpiaz backlog with its labels.
type QUSRow struct {
	File                                string
	Line                                int // 1-based
	Atomic, Minimal, Ambiguous, Uniform bool
	UniqueOf                            int // the line it duplicates, 0 when none
	Note                                string
}

// Has reports whether the row is labelled with defect d.
func (r *QUSRow) Has(d string) bool {
	switch d {
	case "atomic":
		return r.Atomic
	case "minimal":
		return r.Minimal
	case "ambiguous":
		return r.Ambiguous
	case "uniform":
		return r.Uniform
	case "unique":
		return r.UniqueOf > 0
	}
	return false
}

// LoadQUS reads the tab-separated labels: a header line, then file, line,
// atomic, minimal, ambiguous, uniform, unique_of, note.
func LoadQUS(path string) ([]QUSRow, error) {
	var out []QUSRow
	err := readTSV(path, func(cols []string) error {
		if len(cols) < 7 {
			return fmt.Errorf("%d columns, want at least 7", len(cols))
		}
		line, err := strconv.Atoi(cols[1])
		if err != nil {
			return fmt.Errorf("line %q: %w", cols[1], err)
		}
		r := QUSRow{File: cols[0], Line: line, Atomic: cols[2] == "1", Minimal: cols[3] == "1",
			Ambiguous: cols[4] == "1", Uniform: cols[5] == "1"}
		if cols[6] != "" {
			if r.UniqueOf, err = strconv.Atoi(cols[6]); err != nil {
				return fmt.Errorf("unique_of %q: %w", cols[6], err)
			}
		}
		if len(cols) > 7 {
			r.Note = cols[7]
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// LoadBacklogLines reads a Dalpiaz backlog as the labels number it: the
// file split on "\n" once "\r" is removed, no line for the empty string
// after a final newline.
func LoadBacklogLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(string(data), "\r", "")
	s = strings.TrimPrefix(s, "\ufeff")
	lines := strings.Split(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}
