package judgment

import (
	"fmt"
	"strings"
)

// SecondLabels reads a second labeller's review labels: a TSV with a
// header and the columns id, rgpd, security (true or false), then any.
func SecondLabels(path string) (map[string][2]bool, error) {
	out := map[string][2]bool{}
	err := readTSV(path, func(cols []string) error {
		if len(cols) < 3 {
			return fmt.Errorf("want id, rgpd, security; got %d columns", len(cols))
		}
		var v [2]bool
		for i, c := range cols[1:3] {
			switch strings.ToLower(strings.TrimSpace(c)) {
			case "true":
				v[i] = true
			case "false":
			default:
				return fmt.Errorf("%q is neither true nor false", c)
			}
		}
		out[strings.TrimSpace(cols[0])] = v
		return nil
	})
	return out, err
}

// Agreement compares two labellers on one review: the first's labels
// taken as the truth, and Cohen's kappa.
type Agreement struct {
	PRF
	Kappa float64
}

// Agree compares the labels of the entries of backlogs (the first
// labeller) with second, on review 0 (rgpd) or 1 (security). It fails
// when an entry has no second label.
func Agree(backlogs []Backlog, second map[string][2]bool, review int) (Agreement, error) {
	var a Agreement
	for _, b := range backlogs {
		for _, e := range b.Entries {
			v, ok := second[e.ID]
			if !ok {
				return a, fmt.Errorf("%s: no second label", e.ID)
			}
			want := e.RGPD
			if review == 1 {
				want = e.Security
			}
			a.Add(want, v[review])
		}
	}
	n := float64(a.TP + a.FP + a.FN + a.TN)
	if n == 0 {
		return a, nil
	}
	agree := float64(a.TP+a.TN) / n
	first, sec := float64(a.TP+a.FN)/n, float64(a.TP+a.FP)/n
	chance := first*sec + (1-first)*(1-sec)
	if chance < 1 {
		a.Kappa = (agree - chance) / (1 - chance)
	}
	return a, nil
}
