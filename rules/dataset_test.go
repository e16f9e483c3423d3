package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

// readBacklog returns the non-empty lines of one dataset file (CRLF, some
// without a final newline).
func readBacklog(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.SplitSeq(string(data), "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

var startsAsA = regexp.MustCompile(`(?i)^as (a|an|the)\b`)

// TestDatasetDalpiaz runs the eleven real backlogs of testdata/dalpiaz2018
// through AnalyzeBacklog, as `cochef check --backlog` does (one story per
// line, as the title). No story may panic, and of the stories that begin
// with "As a/an/the", at least 97 % must have their role and action found.
// The misses are logged.
func TestDatasetDalpiaz(t *testing.T) {
	files, err := filepath.Glob("testdata/dalpiaz2018/*.txt")
	if err != nil || len(files) != 11 {
		t.Fatalf("dataset: %d files, %v", len(files), err)
	}
	tmpl := builtin(t).Default()
	total, asA, found := 0, 0, 0
	var misses []string
	for _, f := range files {
		lines := readBacklog(t, f)
		in := make([]rules.Input, len(lines))
		for i, l := range lines {
			in[i] = rules.Input{Title: l}
		}
		results := rules.AnalyzeBacklog(in, tmpl, "")
		if len(results) != len(lines) {
			t.Fatalf("%s: %d results for %d stories", f, len(results), len(lines))
		}
		for i, r := range results {
			total++
			if !startsAsA.MatchString(lines[i]) {
				continue
			}
			asA++
			if r.Story.Role != "" && r.Story.Action != "" {
				found++
			} else {
				misses = append(misses, filepath.Base(f)+": "+lines[i])
			}
		}
	}
	share := float64(found) / float64(asA)
	t.Logf("%d stories, %d begin with \"As a/an/the\", role and action found in %d (%.1f %%)", total, asA, found, 100*share)
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	if share < 0.97 {
		t.Errorf("role and action found in %.1f %% of the \"As a\" stories, want ≥ 97 %%", 100*share)
	}
}
