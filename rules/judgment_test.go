package rules_test

import (
	"strings"
	"testing"

	"github.com/cochef/cochef/internal/judgment"
)

// TestJudgment is a regression guard over the labelled corpus and the
// QUS labels of the Dalpiaz backlogs (the figures `go run
// ./scripts/judgment` prints and the README quotes): it fails when a
// figure drops under issue #9's thresholds. It measures judgment, not
// time.
func TestJudgment(t *testing.T) {
	backlogs, qus, lines, err := judgment.LoadAll("testdata/corpus", "testdata/dalpiaz2018")
	if err != nil {
		t.Fatal(err)
	}
	rep := judgment.Evaluate(backlogs, qus, lines, builtin(t))
	// Parse: French and English stories read at 97 % or more, and every
	// French shape too. A shape group may miss up to two stories below
	// 97 %: the corpus labels a few needs cut before "avant de" / "sans"
	// and a "pour" + noun as a benefit, against its own guidelines (see
	// the corpus disputes); a third miss is a regression.
	for _, lang := range []string{"fr", "en"} {
		if r := rep.Parse[lang]; r == nil || r.Value() < 0.97 {
			t.Errorf("parse %s: %+v, want ≥ 0.97", lang, r)
		}
	}
	for k, r := range rep.Parse {
		if strings.HasPrefix(k, "fr ") && r.Value() < 0.97 && r.N-r.OK > 2 {
			t.Errorf("parse %s: %d/%d", k, r.OK, r.N)
		}
	}
	if v := rep.NotStories.Value(); v < 0.9 {
		t.Errorf("non-stories read as stories: %.2f", v)
	}
	// Review triggers: precision and recall ≥ 0.9 each.
	for _, k := range []string{"rgpd", "security"} {
		c := rep.Reviews[k]
		if c.Precision() < 0.9 || c.Recall() < 0.9 {
			t.Errorf("%s: precision %.3f recall %.3f, want ≥ 0.9 each (%+v)", k, c.Precision(), c.Recall(), *c)
		}
	}
	// QUS: every rule above AQUSA's published F1, on both label sets;
	// ambiguous, for which no AQUSA figure is quoted, above the mean of
	// AQUSA's five (0.24).
	for _, set := range []map[string]*judgment.PRF{rep.Corpus, rep.Dalpiaz} {
		for _, q := range judgment.QUSRules {
			bar, ok := judgment.AQUSA[q.Defect]
			if !ok {
				bar = 0.24
			}
			if f := set[q.Defect].F1(); f <= bar {
				t.Errorf("%s: F1 %.3f, want above %.2f", q.Rule, f, bar)
			}
		}
	}
	// Regression floors, a little under the figures measured on
	// 2026-12-05 (README): a change that loses more is a regression
	// even when the thresholds still hold.
	floors(t, "corpus", rep.Reviews, map[string][2]float64{"rgpd": {0.95, 0.93}, "security": {0.94, 0.92}})
	f1Floors(t, "corpus", rep.Corpus, map[string]float64{"atomic": 0.8, "minimal": 0.9, "ambiguous": 0.93, "uniform": 0.99, "unique": 0.65})
	f1Floors(t, "dalpiaz", rep.Dalpiaz, map[string]float64{"atomic": 0.58, "minimal": 0.75, "ambiguous": 0.8, "uniform": 0.99, "unique": 0.45})
	if t.Failed() {
		for _, m := range rep.Misses {
			t.Log(m)
		}
	}
}

// TestJudgmentValidation guards the figures on the validation set
// (rules/testdata/validation: written blind by another labeller, seen
// after a first measure), a little under those measured on 2026-12-05.
func TestJudgmentValidation(t *testing.T) {
	backlogs, qus, lines, err := judgment.LoadAll("testdata/validation", "testdata/dalpiaz2018")
	if err != nil {
		t.Fatal(err)
	}
	rep := judgment.Evaluate(backlogs, qus, lines, builtin(t))
	for _, lang := range []string{"fr", "en"} {
		if r := rep.Parse[lang]; r == nil || r.Value() < 0.97 {
			t.Errorf("parse %s: %+v, want ≥ 0.97", lang, r)
		}
	}
	floors(t, "validation", rep.Reviews, map[string][2]float64{"rgpd": {0.9, 0.95}, "security": {0.92, 0.9}})
	f1Floors(t, "validation", rep.Corpus, map[string]float64{"atomic": 0.9, "minimal": 0.85, "ambiguous": 0.9, "uniform": 0.99, "unique": 0.6})
	if t.Failed() {
		for _, m := range rep.Misses {
			t.Log(m)
		}
	}
}

// TestJudgmentHeldOut guards the review figures on the sixty-four
// held-out sets, each written blind by another labeller and measured once
// before it was read (figures in the README): floors about 0.02 under the
// figures of the final rules of the round that added or last raised them
// (2026-12-06 to 08), never lower than before, so that a later change cannot
// quietly undo a class.
func TestJudgmentHeldOut(t *testing.T) {
	for _, c := range []struct {
		dir  string
		want map[string][2]float64
	}{
		{"heldout", map[string][2]float64{"rgpd": {0.83, 0.9}, "security": {0.84, 0.89}}},
		{"heldout2", map[string][2]float64{"rgpd": {0.93, 0.9}, "security": {0.95, 0.91}}},
		{"heldout3", map[string][2]float64{"rgpd": {0.92, 0.92}, "security": {0.92, 0.88}}},
		{"heldout4", map[string][2]float64{"rgpd": {0.82, 0.89}, "security": {0.97, 0.91}}},
		{"heldout5", map[string][2]float64{"rgpd": {0.93, 0.93}, "security": {0.92, 0.93}}},
		{"heldout6", map[string][2]float64{"rgpd": {0.79, 0.83}, "security": {0.9, 0.87}}},
		{"heldout7", map[string][2]float64{"rgpd": {0.89, 0.9}, "security": {0.96, 0.88}}},
		{"heldout8", map[string][2]float64{"rgpd": {0.88, 0.92}, "security": {0.93, 0.9}}},
		{"heldout9", map[string][2]float64{"rgpd": {0.89, 0.88}, "security": {0.92, 0.84}}},
		{"heldout10", map[string][2]float64{"rgpd": {0.91, 0.89}, "security": {0.97, 0.93}}},
		{"heldout11", map[string][2]float64{"rgpd": {0.87, 0.93}, "security": {0.97, 0.85}}},
		{"heldout12", map[string][2]float64{"rgpd": {0.84, 0.85}, "security": {0.93, 0.81}}},
		{"heldout13", map[string][2]float64{"rgpd": {0.93, 0.86}, "security": {0.94, 0.85}}},
		{"heldout14", map[string][2]float64{"rgpd": {0.88, 0.85}, "security": {0.95, 0.85}}},
		{"heldout15", map[string][2]float64{"rgpd": {0.87, 0.84}, "security": {0.92, 0.75}}},
		{"heldout16", map[string][2]float64{"rgpd": {0.9, 0.84}, "security": {0.93, 0.82}}},
		{"heldout17", map[string][2]float64{"rgpd": {0.89, 0.91}, "security": {0.98, 0.81}}},
		{"heldout18", map[string][2]float64{"rgpd": {0.86, 0.93}, "security": {0.9, 0.92}}},
		{"heldout19", map[string][2]float64{"rgpd": {0.89, 0.9}, "security": {0.9, 0.89}}},
		{"heldout20", map[string][2]float64{"rgpd": {0.89, 0.88}, "security": {0.96, 0.83}}},
		{"heldout21", map[string][2]float64{"rgpd": {0.87, 0.88}, "security": {0.92, 0.85}}},
		{"heldout22", map[string][2]float64{"rgpd": {0.9, 0.89}, "security": {0.88, 0.87}}},
		{"heldout23", map[string][2]float64{"rgpd": {0.88, 0.85}, "security": {0.92, 0.82}}},
		{"heldout24", map[string][2]float64{"rgpd": {0.89, 0.8}, "security": {0.89, 0.84}}},
		{"heldout25", map[string][2]float64{"rgpd": {0.89, 0.89}, "security": {0.93, 0.94}}},
		{"heldout26", map[string][2]float64{"rgpd": {0.88, 0.93}, "security": {0.92, 0.92}}},
		{"heldout27", map[string][2]float64{"rgpd": {0.85, 0.89}, "security": {0.93, 0.91}}},
		{"heldout28", map[string][2]float64{"rgpd": {0.9, 0.91}, "security": {0.94, 0.92}}},
		{"heldout29", map[string][2]float64{"rgpd": {0.9, 0.87}, "security": {0.95, 0.83}}},
		{"heldout30", map[string][2]float64{"rgpd": {0.88, 0.85}, "security": {0.96, 0.87}}},
		{"heldout31", map[string][2]float64{"rgpd": {0.88, 0.9}, "security": {0.91, 0.86}}},
		{"heldout32", map[string][2]float64{"rgpd": {0.87, 0.9}, "security": {0.93, 0.92}}},
		{"heldout33", map[string][2]float64{"rgpd": {0.86, 0.9}, "security": {0.91, 0.88}}},
		{"heldout34", map[string][2]float64{"rgpd": {0.87, 0.85}, "security": {0.89, 0.87}}},
		{"heldout35", map[string][2]float64{"rgpd": {0.87, 0.91}, "security": {0.9, 0.9}}},
		{"heldout36", map[string][2]float64{"rgpd": {0.89, 0.9}, "security": {0.93, 0.89}}},
		{"heldout37", map[string][2]float64{"rgpd": {0.81, 0.88}, "security": {0.9, 0.89}}},
		{"heldout38", map[string][2]float64{"rgpd": {0.8, 0.92}, "security": {0.91, 0.88}}},
		{"heldout39", map[string][2]float64{"rgpd": {0.83, 0.87}, "security": {0.89, 0.88}}},
		{"heldout40", map[string][2]float64{"rgpd": {0.82, 0.91}, "security": {0.85, 0.81}}},
		{"heldout41", map[string][2]float64{"rgpd": {0.84, 0.86}, "security": {0.85, 0.91}}},
		{"heldout42", map[string][2]float64{"rgpd": {0.87, 0.86}, "security": {0.9, 0.9}}},
		{"heldout43", map[string][2]float64{"rgpd": {0.85, 0.9}, "security": {0.89, 0.88}}},
		{"heldout44", map[string][2]float64{"rgpd": {0.86, 0.87}, "security": {0.9, 0.87}}},
		{"heldout45", map[string][2]float64{"rgpd": {0.87, 0.9}, "security": {0.92, 0.92}}},
		{"heldout46", map[string][2]float64{"rgpd": {0.9, 0.86}, "security": {0.88, 0.86}}},
		{"heldout47", map[string][2]float64{"rgpd": {0.87, 0.92}, "security": {0.9, 0.86}}},
		{"heldout48", map[string][2]float64{"rgpd": {0.91, 0.87}, "security": {0.88, 0.93}}},
		{"heldout49", map[string][2]float64{"rgpd": {0.83, 0.9}, "security": {0.93, 0.88}}},
		{"heldout50", map[string][2]float64{"rgpd": {0.79, 0.89}, "security": {0.88, 0.89}}},
		{"heldout51", map[string][2]float64{"rgpd": {0.89, 0.9}, "security": {0.95, 0.86}}},
		{"heldout52", map[string][2]float64{"rgpd": {0.86, 0.9}, "security": {0.9, 0.84}}},
		{"heldout53", map[string][2]float64{"rgpd": {0.92, 0.88}, "security": {0.95, 0.89}}},
		{"heldout54", map[string][2]float64{"rgpd": {0.89, 0.95}, "security": {0.9, 0.95}}},
		{"heldout55", map[string][2]float64{"rgpd": {0.85, 0.93}, "security": {0.9, 0.92}}},
		{"heldout56", map[string][2]float64{"rgpd": {0.9, 0.89}, "security": {0.92, 0.91}}},
		{"heldout57", map[string][2]float64{"rgpd": {0.83, 0.92}, "security": {0.92, 0.92}}},
		{"heldout58", map[string][2]float64{"rgpd": {0.91, 0.94}, "security": {0.9, 0.92}}},
		{"heldout59", map[string][2]float64{"rgpd": {0.85, 0.95}, "security": {0.94, 0.94}}},
		{"heldout60", map[string][2]float64{"rgpd": {0.84, 0.91}, "security": {0.89, 0.93}}},
		{"heldout61", map[string][2]float64{"rgpd": {0.9, 0.87}, "security": {0.9, 0.93}}},
		{"heldout62", map[string][2]float64{"rgpd": {0.81, 0.9}, "security": {0.9, 0.87}}},
		{"heldout63", map[string][2]float64{"rgpd": {0.88, 0.9}, "security": {0.91, 0.91}}},
		{"heldout64", map[string][2]float64{"rgpd": {0.87, 0.92}, "security": {0.85, 0.91}}},
	} {
		t.Run(c.dir, func(t *testing.T) {
			backlogs, qus, lines, err := judgment.LoadAll("testdata/"+c.dir, "testdata/dalpiaz2018")
			if err != nil {
				t.Fatal(err)
			}
			rep := judgment.Evaluate(backlogs, qus, lines, builtin(t))
			floors(t, c.dir, rep.Reviews, c.want)
			if t.Failed() {
				for _, m := range rep.Misses {
					t.Log(m)
				}
			}
		})
	}
}

// floors checks precision and recall of each review trigger.
func floors(t *testing.T, set string, got map[string]*judgment.PRF, want map[string][2]float64) {
	t.Helper()
	for k, w := range want {
		if c := got[k]; c.Precision() < w[0] || c.Recall() < w[1] {
			t.Errorf("%s %s: precision %.3f recall %.3f, want ≥ %.2f / %.2f", set, k, c.Precision(), c.Recall(), w[0], w[1])
		}
	}
}

// f1Floors checks each QUS rule's F1.
func f1Floors(t *testing.T, set string, got map[string]*judgment.PRF, want map[string]float64) {
	t.Helper()
	for k, w := range want {
		if f := got[k].F1(); f < w {
			t.Errorf("%s %s: F1 %.3f, want ≥ %.2f", set, k, f, w)
		}
	}
}
