package judgment

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// Line is a one-line story with its id, as a TSV of real stories holds
// it (id, story).
type Line struct{ ID, Text string }

// LoadLines reads a TSV with a header and the columns id and story.
func LoadLines(path string) ([]Line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if n == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		id, text, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want id, story", path, n)
		}
		out = append(out, Line{ID: strings.TrimSpace(id), Text: text})
	}
	return out, sc.Err()
}

// ReviewLines measures the review triggers on one-line stories against
// a labeller's labels (SecondLabels' format): every story must have one.
func ReviewLines(lines []Line, labels map[string][2]bool, set *templates.Set) ([2]PRF, error) {
	var out [2]PRF
	for _, l := range lines {
		want, ok := labels[l.ID]
		if !ok {
			return out, fmt.Errorf("%s: no label", l.ID)
		}
		in := rules.Input{Body: l.Text}
		res := rules.Analyze(in, set.Select(nil), "")
		out[0].Add(want[0], slices.Contains(res.Required, rules.SectionPersonalData))
		out[1].Add(want[1], res.SecurityReview)
	}
	return out, nil
}
