// Command learnbaseline measures a learned baseline next to cochef's
// review triggers: for each held-out set, a logistic regression over the
// words and word pairs of the stories (internal/judgment.Train) is
// trained on every other labelled set and scored on that one. It prints,
// per set and review, the rules' precision/recall, the model's (score ≥
// 0.5), and the rules or a confident model (score ≥ -confident, 0.8 by
// default) together; the last rows pool every scored set.
//
// The rules were read against most of these sets; the learner never sees
// the set it is scored on. It is no part of cochef: it says how much a
// learner fed the same labels would generalise.
//
//	go run ./scripts/learnbaseline
//	go run ./scripts/learnbaseline -confident 0.9
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/cochef/cochef/internal/judgment"
	"github.com/cochef/cochef/templates"
)

// rank orders the sets as they were written: corpus, validation, heldout,
// heldout2, heldout3…
func rank(name string) int {
	switch name {
	case "corpus":
		return 0
	case "validation":
		return 1
	}
	n, _ := strconv.Atoi(strings.TrimPrefix(name, "heldout"))
	return 2 + n
}

type story struct {
	set      string
	features []string
	want     [2]bool
	rules    [2]bool
}

func main() {
	dir := flag.String("testdata", "rules/testdata", "directory holding the labelled sets")
	train := flag.String("train-only", "corpus", "sets used for training and never scored (space-separated)")
	epochs := flag.Int("epochs", 15, "passes over the training stories")
	confident := flag.Float64("confident", 0.8, "the model score that adds a review to the rules'")
	flag.Parse()
	set, err := templates.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "learnbaseline:", err)
		os.Exit(2)
	}
	dirs, _ := filepath.Glob(filepath.Join(*dir, "*", "ABOUT.md"))
	var names []string
	for _, d := range dirs {
		name := filepath.Base(filepath.Dir(d))
		if name == "corpus" || name == "validation" || strings.HasPrefix(name, "heldout") {
			names = append(names, name)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return rank(a) - rank(b) })
	var all []story
	for _, name := range names {
		backlogs, err := judgment.LoadCorpus(filepath.Join(*dir, name))
		if err != nil {
			fmt.Fprintln(os.Stderr, "learnbaseline:", err)
			os.Exit(2)
		}
		for _, b := range backlogs {
			res := judgment.Analyze(b, set)
			for i, e := range b.Entries {
				all = append(all, story{set: name, features: judgment.Features(e.Title + " " + e.Body),
					want:  [2]bool{e.RGPD, e.Security},
					rules: [2]bool{slices.Contains(res[i].Required, "personal-data"), res[i].SecurityReview}})
			}
		}
	}
	trainOnly := strings.Fields(*train)
	fmt.Printf("set          review     rules P/R    model P/R   rules|model≥%.2g P/R\n", *confident)
	var pooled [2][3]judgment.PRF
	for _, name := range names {
		if slices.Contains(trainOnly, name) {
			continue
		}
		for review, label := range []string{"rgpd", "security"} {
			var ex []judgment.Example
			for _, s := range all {
				if s.set != name {
					ex = append(ex, judgment.Example{Features: s.features, Label: s.want[review]})
				}
			}
			m := judgment.Train(ex, *epochs)
			var r, l, both judgment.PRF
			for _, s := range all {
				if s.set != name {
					continue
				}
				p := m.Score(s.features)
				r.Add(s.want[review], s.rules[review])
				l.Add(s.want[review], p >= 0.5)
				both.Add(s.want[review], s.rules[review] || p >= *confident)
				pooled[review][0].Add(s.want[review], s.rules[review])
				pooled[review][1].Add(s.want[review], p >= 0.5)
				pooled[review][2].Add(s.want[review], s.rules[review] || p >= *confident)
			}
			fmt.Printf("%-12s %-9s  %.2f/%.2f    %.2f/%.2f   %.2f/%.2f\n", name, label,
				r.Precision(), r.Recall(), l.Precision(), l.Recall(), both.Precision(), both.Recall())
		}
	}
	for review, label := range []string{"rgpd", "security"} {
		c := pooled[review]
		fmt.Printf("%-12s %-9s  %.2f/%.2f    %.2f/%.2f   %.2f/%.2f   (F1 %.2f, %.2f, %.2f)\n", "pooled", label,
			c[0].Precision(), c[0].Recall(), c[1].Precision(), c[1].Recall(), c[2].Precision(), c[2].Recall(),
			c[0].F1(), c[1].F1(), c[2].F1())
	}
}
