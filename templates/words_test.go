package templates

import (
	"strings"
	"testing"
	"text/template"

	"github.com/cochef/cochef/rules"
)

// The articles come from the noun's data, never from a template's hand.
func TestWordFuncs(t *testing.T) {
	ticket := Noun{Word: "ticket", Lang: rules.FR}
	pr := Noun{Word: "pull request", Lang: rules.FR, Feminine: true}
	issueFR := Noun{Word: "issue", Lang: rules.FR, Feminine: true, Elided: true}
	outil := Noun{Word: "outil", Lang: rules.FR, Elided: true}
	issueEN := Noun{Word: "issue", Lang: rules.EN, Elided: true}
	mr := Noun{Word: "merge request", Lang: rules.EN}
	for _, c := range []struct {
		tmpl string
		n    Noun
		want string
	}{
		{"{{ le . }}", ticket, "le ticket"},
		{"{{ de . }}", ticket, "du ticket"},
		{"{{ au . }}", ticket, "au ticket"},
		{"{{ un . }}", ticket, "un ticket"},
		{"{{ ce . }}", ticket, "ce ticket"},
		{"supprimé{{ e . }}", ticket, "supprimé"},
		{"{{ le . }}", pr, "la pull request"},
		{"{{ de . }}", pr, "de la pull request"},
		{"{{ au . }}", pr, "à la pull request"},
		{"{{ un . }}", pr, "une pull request"},
		{"{{ ce . | cap }}", pr, "Cette pull request"},
		{"supprimé{{ e . }}", pr, "supprimée"},
		{"{{ le . }}", issueFR, "l'issue"},
		{"{{ de . }}", issueFR, "de l'issue"},
		{"{{ au . }}", issueFR, "à l'issue"},
		{"{{ ce . }}", issueFR, "cette issue"},
		{"{{ ce . }}", outil, "cet outil"},
		{"{{ de . }}", outil, "de l'outil"},
		{"{{ le . | cap }}", issueEN, "The issue"},
		{"{{ de . }}", issueEN, "of the issue"},
		{"{{ un . }}", issueEN, "an issue"},
		{"{{ un . }}", mr, "a merge request"},
		{"{{ ce . }}", mr, "this merge request"},
		{"deleted{{ e . }}", mr, "deleted"},
		{"{{ . }}", ticket, "ticket"},
	} {
		tp := template.Must(template.New("").Funcs(WordFuncs()).Parse(c.tmpl))
		var b strings.Builder
		if err := tp.Execute(&b, c.n); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%s on %q = %q, want %q", c.tmpl, c.n.Word, b.String(), c.want)
		}
	}
}

// One noun for one thing: both platforms' French says « ticket », each
// platform names its own form and configuration file, and every noun is
// in the language it is given for.
func TestWordsFor(t *testing.T) {
	for _, c := range []struct {
		platform string
		lang     rules.Lang
		issue    string
		mr       string
		config   string
	}{
		{"github", rules.FR, "du ticket", "cette pull request", ".github/cochef.yml"},
		{"gitlab", rules.FR, "du ticket", "cette merge request", ".gitlab/cochef.yml"},
		{"github", rules.EN, "of the issue", "this pull request", ".github/cochef.yml"},
		{"gitlab", rules.EN, "of the issue", "this merge request", ".gitlab/cochef.yml"},
		{"forgejo", "es", "du ticket", "cette pull request", ".github/cochef.yml"},
	} {
		w := WordsFor(c.platform, c.lang)
		if got := w.Issue.article("de l'", "du ", "de la ", "of the "); got != c.issue {
			t.Errorf("%s %s: issue %q, want %q", c.platform, c.lang, got, c.issue)
		}
		if got := w.MergeRequest.demonstrative(); got != c.mr {
			t.Errorf("%s %s: merge request %q, want %q", c.platform, c.lang, got, c.mr)
		}
		if w.ConfigFile != c.config {
			t.Errorf("%s %s: config %q", c.platform, c.lang, w.ConfigFile)
		}
	}
	for platform, byLang := range words {
		for lang, w := range byLang {
			for _, n := range []Noun{w.Issue, w.MergeRequest, w.Form} {
				if n.Lang != lang || n.Word == "" {
					t.Errorf("%s %s: noun %+v", platform, lang, n)
				}
			}
		}
	}
}
