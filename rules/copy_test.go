package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cochef/cochef/internal/copycheck"
	"github.com/cochef/cochef/internal/judgment"
	"github.com/cochef/cochef/rules"
)

// Every message and fix cochef writes reads as French in French and
// English in English: on the golden stories and the whole corpus, alone
// and as backlogs, with messages asked in both languages.
func TestCopyReadsRight(t *testing.T) {
	set := builtin(t)
	for _, r := range rules.Rules() {
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			copycheck.Report(t, r.ID+" summary", r.Summary[lang], string(lang))
		}
	}
	checkResult := func(where string, res rules.Result, story rules.Lang) {
		for _, f := range res.Findings {
			copycheck.Report(t, where+" "+f.Rule+" message", f.Message, string(res.Lang))
			if f.Fix != "" && story != "" {
				copycheck.Report(t, where+" "+f.Rule+" fix", f.Fix, string(story))
			}
		}
	}
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		g := readGolden(t, file)
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			res := rules.Analyze(g.in, set.Select(g.in.Labels), lang)
			checkResult(filepath.Base(file), res, res.Story.Lang)
		}
	}
	backlogs, err := judgment.LoadCorpus("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range backlogs {
		results := judgment.Analyze(b, set)
		for i, res := range results {
			n++
			checkResult(b.Entries[i].ID, res, rules.Lang(b.Entries[i].Lang))
			// And alone, in the other language too.
			other := rules.EN
			if res.Lang == rules.EN {
				other = rules.FR
			}
			e := b.Entries[i]
			alone := rules.Analyze(rules.Input{Title: e.Title, Body: e.Body, Labels: e.Labels}, set.Select(e.Labels), other)
			checkResult(e.ID+" alone", alone, rules.Lang(e.Lang))
		}
	}
	if n < 200 {
		t.Errorf("%d corpus stories checked, want the corpus", n)
	}
	_ = strings.TrimSpace
}
