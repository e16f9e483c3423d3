package rules

import (
	"strings"
	"testing"
)

func TestParseBodyBlocks(t *testing.T) {
	body := strings.Join([]string{
		"Intro <!-- hidden --> text", // 1
		"",                           // 2
		"<!--",                       // 3
		"Instructions for the author",
		"-->",                          // 5
		"**Critères d'acceptation :**", // 6
		"- [x] first *done*",           // 7
		"  - nested",                   // 8
		"- [ ] second",                 // 9
		"",                             // 10
		"_Décrivez le contexte…_",      // 11
		"",                             // 12
		"| a | b |",                    // 13
		"|---|---|",                    // 14
		"| 1 | 2 |",                    // 15
		"",                             // 16
		"```gherkin",                   // 17
		"Scénario: x",                  // 18
		"  Alors y",                    // 19
		"```",                          // 20
		"## Notes <!-- comment --> de sécurité", // 21
		"<profil>", // 22
	}, "\r\n")
	d := parseBody(body)
	type want struct {
		kind  blockKind
		line  int
		text  string
		level int
	}
	wants := []want{
		{blockPara, 1, "Intro  text", 0},
		{blockPara, 6, "Critères d'acceptation :", 0},
		{blockItem, 7, "first done", 0},
		{blockItem, 8, "nested", 1},
		{blockItem, 9, "second", 0},
		{blockPara, 11, "Décrivez le contexte…", 0},
		{blockPara, 13, "a | b", 0},
		{blockPara, 15, "1 | 2", 0},
		{blockCode, 18, "Scénario: x\n  Alors y", 0},
		{blockHeading, 21, "Notes  de sécurité", 2},
		{blockPara, 22, "<profil>", 0},
	}
	if len(d.blocks) != len(wants) {
		for _, b := range d.blocks {
			t.Logf("%d line %d %q", b.kind, b.line, b.text)
		}
		t.Fatalf("%d blocks, want %d", len(d.blocks), len(wants))
	}
	for i, w := range wants {
		b := d.blocks[i]
		if b.kind != w.kind || b.line != w.line || b.text != w.text || b.level != w.level {
			t.Errorf("block %d: kind %d line %d %q level %d; want kind %d line %d %q level %d", i, b.kind, b.line, b.text, b.level, w.kind, w.line, w.text, w.level)
		}
	}
	if b := d.blocks[1]; b.bold != "Critères d'acceptation :" || !b.boldLine {
		t.Errorf("bold line: %q %v", b.bold, b.boldLine)
	}
	if b := d.blocks[2]; !b.task || !b.checked {
		t.Errorf("first item task %v checked %v", b.task, b.checked)
	}
	if b := d.blocks[4]; !b.task || b.checked {
		t.Errorf("second item task %v checked %v", b.task, b.checked)
	}
	if !d.blocks[5].italic {
		t.Error("italic hint not marked")
	}
	if d.blocks[8].info != "gherkin" || d.blocks[8].lines[1] != 19 {
		t.Errorf("code info %q lines %v", d.blocks[8].info, d.blocks[8].lines)
	}
}

func TestParseBodyLines(t *testing.T) {
	d := parseBody("first line\nsecond line\n\n- item\n  continued")
	if len(d.blocks) != 2 {
		t.Fatalf("%d blocks", len(d.blocks))
	}
	if got := d.blocks[0].lines; len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("paragraph lines %v", got)
	}
	if d.blocks[0].text != "first line\nsecond line" {
		t.Errorf("paragraph text %q", d.blocks[0].text)
	}
	if b := d.blocks[1]; b.line != 4 || b.lastLine() != 5 {
		t.Errorf("item lines %v", b.lines)
	}
}

func TestBoldLead(t *testing.T) {
	d := parseBody("**Contexte :** les agents recopient tout.\n\n**En tant qu'agent, je veux exporter.**")
	if b := d.blocks[0]; b.bold != "Contexte :" || b.boldLine {
		t.Errorf("bold lead %q line %v", b.bold, b.boldLine)
	}
	rest, _ := d.blocks[0].restAfterBold()
	if rest != "les agents recopient tout." {
		t.Errorf("rest %q", rest)
	}
	s := &story{t: &Template{}, c: compile(&Template{}), d: d}
	if _, _, _, ok := s.headingOf(&d.blocks[1]); ok {
		t.Error("a story sentence in bold is taken for a heading")
	}
}

func TestSpanPlaceholders(t *testing.T) {
	tests := map[string][]string{
		"En tant que [rôle], je veux <action>": {"[rôle]", "<action>"},
		"Voir [WIP] et [1] et [ ] et f[x]":     nil,
		"a < b > c":                            nil,
		"List<String> is code":                 nil,
		"[nom du service] et <profil usager>":  {"[nom du service]", "<profil usager>"},
	}
	for in, want := range tests {
		got := spanPlaceholders(in)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("spanPlaceholders(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNAWithoutReason(t *testing.T) {
	for in, want := range map[string]bool{
		"N/A":            true,
		"Sans objet.":    true,
		"Non applicable": true,
		"Aucune":         true,
		"Sans objet : aucune donnée personnelle n'est traitée": false,
		"N/A: no personal data":                                false,
		"Nous chiffrons les exports":                           false,
		"Narration du parcours":                                false,
	} {
		if got := naWithoutReason(in); got != want {
			t.Errorf("naWithoutReason(%q) = %v, want %v", in, got, want)
		}
	}
}
