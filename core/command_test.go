package core

import (
	"reflect"
	"testing"
)

func TestParseCommandArguments(t *testing.T) {
	cases := []struct {
		line string // after "/cochef "
		ok   bool
		want Command
	}{
		{"valide 2 5", true, Command{Verb: VerbValidate, Items: []int{2, 5}}},
		{"Valide 5,2 2-3", true, Command{Verb: VerbValidate, Items: []int{2, 3, 5}}},
		{"valide tout", true, Command{Verb: VerbValidate, All: true}},
		{"validate all", true, Command{Verb: VerbValidate, All: true}},
		{"accept 1", true, Command{Verb: VerbValidate, Items: []int{1}}},
		{"refuse 3 le montant est arrondi", true, Command{Verb: VerbRefuse, Items: []int{3}, Reason: "le montant est arrondi"}},
		{"refuse 3: 2 jours de retard", true, Command{Verb: VerbRefuse, Items: []int{3}, Reason: "2 jours de retard"}},
		{"reject 4 — too slow", true, Command{Verb: VerbRefuse, Items: []int{4}, Reason: "too slow"}},
		{"refuse 3", true, Command{Verb: VerbRefuse, Items: []int{3}}},
		// A no-break space, as French keyboards type before a colon.
		{"refuse\u00a03 le montant", true, Command{Verb: VerbRefuse, Items: []int{3}, Reason: "le montant"}},
		{"refuse 3\u00a0: raison", true, Command{Verb: VerbRefuse, Items: []int{3}, Reason: "raison"}},
		// Numbers past any checklist are not expanded.
		{"valide 100000000-100000200", true, Command{Verb: VerbValidate}},
		{"valide deux", true, Command{Verb: VerbValidate}},
		{"check", true, Command{Verb: VerbCheck}},
		{"checklist", false, Command{}},
		{"", false, Command{}},
	}
	for _, c := range cases {
		got, ok := ParseCommand("/cochef " + c.line)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseCommand(%q) = %+v, %v; want %+v, %v", "/cochef "+c.line, got, ok, c.want, c.ok)
		}
	}
}

func TestParseCommandFindsTheCommandLine(t *testing.T) {
	for body, want := range map[string]string{
		"\n  /cochef valide 2 5\nmerci": VerbValidate,
		"/COCHEF refuse 1 pas bon":      VerbRefuse,
		"/cochef check":                 VerbCheck,
		"/cochef checklist":             "",
		"merci\n/cochef valide 1":       "",
		"/cochefvalide 1":               "",
		"> /cochef valide 1 (citation)": "",
		"/cochef inconnu 1":             "",
	} {
		got, ok := ParseCommand(body)
		if got.Verb != want || ok != (want != "") {
			t.Errorf("ParseCommand(%q) = %+v, %v; want verb %q", body, got, ok, want)
		}
	}
}

// "/cochef check" is the same command on issues and on pull or merge
// requests: only the command itself, text after it following a space.
func TestParseCommandCheck(t *testing.T) {
	tests := map[string]bool{
		"/cochef check":                  true,
		"/Cochef CHECK":                  true,
		"\n\n  /cochef check\t":          true,
		"/cochef check please":           true,
		"/cochef check\nmore text":       true,
		"/cochef check\r\n":              true,
		"/cochef checks":                 false,
		"/cochef":                        false,
		"please /cochef check":           false,
		"> /cochef check":                false,
		"text\n/cochef check":            false,
		"":                               false,
		"/cochef  check":                 false,
		"/cochef check\u00a0(nbsp text)": false,
	}
	for in, want := range tests {
		c, ok := ParseCommand(in)
		if got := ok && c.Verb == VerbCheck; got != want {
			t.Errorf("ParseCommand(%q) = %+v, %v; want check %v", in, c, ok, want)
		}
	}
}
