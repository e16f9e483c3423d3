package rules_test

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
)

var issueRules = []string{
	"story-format", "story-benefit", "story-atomic", "story-minimal", "story-ambiguous", "role-unknown",
	"story-uniform", "story-unique", "acceptance-criteria-missing", "acceptance-criteria-vague",
	"gherkin-incomplete", "section-missing", "section-empty", "template-placeholder",
}

// Every rule of issue 2 is listed, once, with a kebab-case ID, a severity,
// and its texts in French and English; and each has its own file and test
// file, which is how a rule is added.
func TestRulesTable(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[string]bool{}
	for _, r := range rules.Rules() {
		if seen[r.ID] {
			t.Errorf("%s listed twice", r.ID)
		}
		seen[r.ID] = true
		if !kebab.MatchString(r.ID) {
			t.Errorf("%s is not kebab-case", r.ID)
		}
		if !slices.Contains([]rules.Severity{rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo}, r.Severity) {
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		// A rule without a fix is one only the author can answer, and
		// whose message says what: which story to merge with, which
		// placeholder to fill.
		noFix := r.ID == "story-unique" || r.ID == "template-placeholder" || r.ID == "story-too-long"
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			if r.Summary[lang] == "" || r.Message[lang] == "" || (r.Fix[lang] == "") != noFix {
				t.Errorf("%s: summary, message or fix (want one: %v) wrong in %s", r.ID, !noFix, lang)
			}
		}
		if r.Backlog != (r.ID == "story-uniform" || r.ID == "story-unique") {
			t.Errorf("%s: backlog %v", r.ID, r.Backlog)
		}
		file := "rule_" + strings.ReplaceAll(r.ID, "-", "_")
		for _, f := range []string{file + ".go", file + "_test.go"} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("%s: %v", r.ID, err)
			}
		}
	}
	for _, id := range issueRules {
		if !seen[id] {
			t.Errorf("rule %s missing", id)
		}
	}
	if got := rules.Rules(); got[0].ID != "story-format" || got[0].Severity != rules.SeverityError {
		t.Errorf("first rule %+v", got[0])
	}
}

func TestRuleSettings(t *testing.T) {
	base := builtin(t).Default()
	body := "En tant qu'agent, la liste est trop longue."
	if r := rules.Analyze(rules.Input{Body: body + criteria}, base, ""); r.Ready {
		t.Fatal("story-format should block readiness by default")
	}
	off, on := false, true
	tmpl := *base
	tmpl.Rules = map[string]rules.RuleSetting{
		"story-format":  {Enabled: &on, Severity: rules.SeverityWarning},
		"story-minimal": {Enabled: &off},
	}
	r := rules.Analyze(rules.Input{Body: body + " Elle contient 3 000 lignes." + criteria}, &tmpl, "")
	if !r.Ready {
		t.Errorf("story-format turned into a warning still blocks: %+v", r.Findings)
	}
	if f := fired(r, "story-format"); len(f) != 1 || f[0].Severity != rules.SeverityWarning {
		t.Errorf("story-format findings %+v", f)
	}
	r = rules.Analyze(rules.Input{Body: "En tant qu'agent, je veux trier (par date)." + criteria}, &tmpl, "")
	if len(fired(r, "story-minimal")) != 0 {
		t.Error("a disabled rule fired")
	}
	// Backlog rules obey the settings too.
	tmpl.Rules = map[string]rules.RuleSetting{"story-unique": {Enabled: &off}}
	res := rules.AnalyzeBacklog([]rules.Input{{Title: "As a user, I want to log in."}, {Title: "As a user, I want to log in."}}, &tmpl, "")
	if len(fired(res[0], "story-unique")) != 0 {
		t.Error("disabled story-unique fired")
	}
}

func TestMessageLanguage(t *testing.T) {
	fr := rules.Input{Body: "En tant qu'agent, je veux trier."}
	en := rules.Input{Body: "As an agent, I want to sort."}
	none := rules.Input{Title: "Tri", Body: "Trier la liste."}
	noneEN := rules.Input{Title: "Sorting", Body: "The list should be sorted by the date of the request."}
	tmpl := builtin(t).Default()
	tests := []struct {
		in          rules.Input
		ask, want   rules.Lang
		fixLang     rules.Lang
		storyLang   rules.Lang
		messageWord string
	}{
		{fr, "", rules.FR, rules.FR, rules.FR, "Aucun critère"},
		{en, "", rules.EN, rules.EN, rules.EN, "No acceptance criteria"},
		{fr, rules.EN, rules.EN, rules.FR, rules.FR, "No acceptance criteria"},
		{en, rules.FR, rules.FR, rules.EN, rules.EN, "Aucun critère"},
		{none, "", rules.FR, rules.FR, "", "Aucun critère"},
		{noneEN, "", rules.EN, rules.EN, "", "No acceptance criteria"},
	}
	for i, tt := range tests {
		r := rules.Analyze(tt.in, tmpl, tt.ask)
		if r.Lang != tt.want || r.Story.Lang != tt.storyLang {
			t.Errorf("%d: lang %q story lang %q, want %q %q", i, r.Lang, r.Story.Lang, tt.want, tt.storyLang)
		}
		f := fired(r, "acceptance-criteria-missing")
		if len(f) != 1 || !strings.HasPrefix(f[0].Message, tt.messageWord) {
			t.Fatalf("%d: %+v", i, f)
		}
		// The fix is pasted into the story: it is in the story's language.
		wantFix := map[rules.Lang]string{rules.FR: "## Critères d'acceptation", rules.EN: "## Acceptance criteria"}[tt.fixLang]
		if !strings.HasPrefix(f[0].Fix, wantFix) {
			t.Errorf("%d: fix %q", i, f[0].Fix)
		}
	}
}

func TestFindingsOrderAndReady(t *testing.T) {
	r := check(t, "", "En tant que stagiaire, je veux consulter et modifier le planning (de l'équipe) via ProConnect.\n\n## Critères d'acceptation\n\n- Rapide\n")
	if r.Ready {
		t.Error("ready with an error")
	}
	rank := map[rules.Severity]int{rules.SeverityError: 0, rules.SeverityWarning: 1, rules.SeverityInfo: 2}
	for i := 1; i < len(r.Findings); i++ {
		a, b := r.Findings[i-1], r.Findings[i]
		if rank[a.Severity] > rank[b.Severity] || a.Severity == b.Severity && (a.Line > b.Line || a.Line == b.Line && a.Rule > b.Rule) {
			t.Errorf("findings out of order: %+v before %+v", a, b)
		}
	}
	if len(r.Findings) < 4 {
		t.Errorf("expected several findings, got %+v", r.Findings)
	}
}

// Empty lists are [] in JSON, not null: consumers iterate them, and
// cochef check prints results as they come.
func TestResultJSONShape(t *testing.T) {
	for name, r := range map[string]rules.Result{
		"Analyze":        rules.Analyze(rules.Input{}, nil, ""),
		"AnalyzeBacklog": rules.AnalyzeBacklog([]rules.Input{{}}, nil, "")[0],
	} {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, field := range []string{`"sensitive":[]`, `"required":[]`, `"findings":[`, `"criteria_items":[]`, `"sections":{}`} {
			if !strings.Contains(string(b), field) {
				t.Errorf("%s: %s missing in %s", name, field, b)
			}
		}
		if r.Lang != rules.FR {
			t.Errorf("%s: empty story lang %q", name, r.Lang)
		}
	}
}

func TestCRLFLines(t *testing.T) {
	body := "## Récit\r\n\r\nEn tant qu'agent, je veux trier.\r\n\r\n## Critères d'acceptation\r\n\r\n- Rapide\r\n"
	r := check(t, "", body)
	if r.Story.Line != 3 {
		t.Errorf("story line %d", r.Story.Line)
	}
	if f := fired(r, "acceptance-criteria-vague"); len(f) != 1 || f[0].Line != 7 {
		t.Errorf("criterion line: %+v", f)
	}
}
