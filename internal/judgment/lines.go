package judgment

import (
	"errors"
	"fmt"
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
	var out []Line
	err := readTSV(path, func(cols []string) error {
		if len(cols) < 2 {
			return errors.New("want id, story")
		}
		out = append(out, Line{ID: strings.TrimSpace(cols[0]), Text: strings.Join(cols[1:], "\t")})
		return nil
	})
	return out, err
}

// ReviewLines measures the review triggers on one-line stories against
// a labeller's labels (SecondLabels' format): every story must have one.
// It also returns one line per wrong decision, in the stories' order, so
// that a miss can be read where it is.
func ReviewLines(lines []Line, labels map[string][2]bool, set *templates.Set) ([2]PRF, []string, error) {
	var out [2]PRF
	var misses []string
	for _, l := range lines {
		want, ok := labels[l.ID]
		if !ok {
			return out, nil, fmt.Errorf("%s: no label", l.ID)
		}
		in := rules.Input{Body: l.Text}
		res := rules.Analyze(in, set.Select(nil), "")
		got := [2]bool{slices.Contains(res.Required, rules.SectionPersonalData), res.SecurityReview}
		for i, name := range []string{"rgpd", "security"} {
			out[i].Add(want[i], got[i])
			if got[i] != want[i] {
				misses = append(misses, fmt.Sprintf("%s %t, want %t: %s %s (found %v)", name, got[i], want[i], l.ID, l.Text, res.Sensitive))
			}
		}
	}
	return out, misses, nil
}
