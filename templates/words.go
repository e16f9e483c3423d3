package templates

import (
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/cochef/cochef/rules"
)

// Noun is a word the comments use for one of the platform's things, with
// what grammar needs to put an article or an agreement before or after it.
// The comment templates never write an article by hand: {{ de .Words.Issue }}
// gives « du ticket », « de la pull request » or « de l'issue », as the
// noun asks.
type Noun struct {
	Word string
	Lang rules.Lang
	// Feminine nouns take « la », « une », « cette » and agree in -e.
	Feminine bool
	// Elided nouns take « l' » and « de l' » (a vowel or a mute h), and
	// « cet » when masculine. Said, not guessed: « le hachage », « l'habilitation ».
	Elided bool
}

// String is the bare word, so {{ .Words.Issue }} prints it.
func (n Noun) String() string { return n.Word }

// Words are a platform's names for things in one language: one noun for
// one thing, whatever comment uses it.
type Words struct {
	// Story is what a story template's issue is about: « récit », never
	// « story » in French.
	Story Noun
	// Issue is what a story is written in.
	Issue Noun
	// MergeRequest is GitHub's pull request, GitLab's merge request.
	MergeRequest Noun
	// Form is what the platform calls a ready-made issue: GitHub's issue
	// form, GitLab's description template.
	Form Noun
	// ConfigFile is where a repository's cochef configuration lives.
	ConfigFile string
}

// Platform names as package core spells them; templates cannot import core.
const (
	platformGitHub = "github"
	platformGitLab = "gitlab"
)

// words is the wording data. French: GitLab's own French interface says
// « ticket » and French teams on GitHub say it too, so both platforms share
// it; a pull or merge request keeps its English name, feminine as teams
// use it (« la merge request »).
var words = map[string]map[rules.Lang]Words{
	platformGitHub: {
		rules.FR: {
			Story:        Noun{Word: "récit", Lang: rules.FR},
			Issue:        Noun{Word: "ticket", Lang: rules.FR},
			MergeRequest: Noun{Word: "pull request", Lang: rules.FR, Feminine: true},
			Form:         Noun{Word: "formulaire", Lang: rules.FR},
			ConfigFile:   ".github/cochef.yml",
		},
		rules.EN: {
			Story:        Noun{Word: "story", Lang: rules.EN},
			Issue:        Noun{Word: "issue", Lang: rules.EN, Elided: true},
			MergeRequest: Noun{Word: "pull request", Lang: rules.EN},
			Form:         Noun{Word: "issue form", Lang: rules.EN, Elided: true},
			ConfigFile:   ".github/cochef.yml",
		},
	},
	platformGitLab: {
		rules.FR: {
			Story:        Noun{Word: "récit", Lang: rules.FR},
			Issue:        Noun{Word: "ticket", Lang: rules.FR},
			MergeRequest: Noun{Word: "merge request", Lang: rules.FR, Feminine: true},
			Form:         Noun{Word: "modèle de description", Lang: rules.FR},
			ConfigFile:   ".gitlab/cochef.yml",
		},
		rules.EN: {
			Story:        Noun{Word: "story", Lang: rules.EN},
			Issue:        Noun{Word: "issue", Lang: rules.EN, Elided: true},
			MergeRequest: Noun{Word: "merge request", Lang: rules.EN},
			Form:         Noun{Word: "description template", Lang: rules.EN},
			ConfigFile:   ".gitlab/cochef.yml",
		},
	},
}

// WordsFor are platform's words in lang; GitHub's for an unknown platform,
// French for an unknown language.
func WordsFor(platform string, lang rules.Lang) Words {
	byLang, ok := words[platform]
	if !ok {
		byLang = words[platformGitHub]
	}
	if w, ok := byLang[lang]; ok {
		return w
	}
	return byLang[rules.FR]
}

// WordFuncs are the helpers every comment template has to write a noun
// with its article: le, de, au, un, ce, the agreement e, and cap to open a
// sentence. In English, le/de/au/ce give "the …", "of the …", "to the …",
// "this …", un "a …"/"an …", e nothing.
func WordFuncs() template.FuncMap {
	return template.FuncMap{
		"le":  func(n Noun) string { return n.article("l'", "le ", "la ", "the ") },
		"de":  func(n Noun) string { return n.article("de l'", "du ", "de la ", "of the ") },
		"au":  func(n Noun) string { return n.article("à l'", "au ", "à la ", "to the ") },
		"un":  func(n Noun) string { return n.indefinite() },
		"ce":  func(n Noun) string { return n.demonstrative() },
		"e":   func(n Noun) string { return n.agreement() },
		"cap": Capitalize,
	}
}

func (n Noun) article(elided, masc, fem, en string) string {
	switch {
	case n.Lang == rules.EN:
		return en + n.Word
	case n.Elided:
		return elided + n.Word
	case n.Feminine:
		return fem + n.Word
	}
	return masc + n.Word
}

func (n Noun) indefinite() string {
	switch {
	case n.Lang == rules.EN && n.Elided:
		return "an " + n.Word
	case n.Lang == rules.EN:
		return "a " + n.Word
	case n.Feminine:
		return "une " + n.Word
	}
	return "un " + n.Word
}

func (n Noun) demonstrative() string {
	switch {
	case n.Lang == rules.EN:
		return "this " + n.Word
	case n.Feminine:
		return "cette " + n.Word
	case n.Elided:
		return "cet " + n.Word
	}
	return "ce " + n.Word
}

func (n Noun) agreement() string {
	if n.Lang != rules.EN && n.Feminine {
		return "e"
	}
	return ""
}

// Capitalize puts the first letter of s in upper case.
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
