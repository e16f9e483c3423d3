package core

import (
	"strings"
	"testing"
)

func TestNeutralizeNeverPings(t *testing.T) {
	// Each input holds one would-be mention of a name; the output must
	// hold a zero-width joiner right after the at-sign, before the name
	// (escaped or not), so no platform reads a mention.
	cases := map[string]struct{ in, name string }{
		"plain":              {"ping @alice please", "alice"},
		"team":               {"ask @org/rssi", "org/rssi"},
		"entity":             {"ask &#64;bob", "bob"},
		"named entity":       {"ask &commat;bob", "bob"},
		"hex entity":         {"ask &#x40;bob", "bob"},
		"start of text":      {"@carol", "carol"},
		"underscore":         {"hi @_frank", `\_frank`},
		"dot (GitLab names)": {"hi @.dot", ".dot"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			out := Neutralize(c.in)
			if !strings.Contains(out, "@\u200d"+c.name) {
				t.Fatalf("Neutralize(%q) = %q: want %q after a joined at-sign", c.in, out, c.name)
			}
			if strings.Contains(out, "@"+c.name) || strings.Contains(out, "@\\") {
				t.Fatalf("Neutralize(%q) = %q still holds a mention", c.in, out)
			}
		})
	}
}

func TestNeutralizeKeepsMarkdownFlat(t *testing.T) {
	out := Neutralize("**bold** <script>x</script> [link](http://x) `code`\n# heading | cell")
	for _, bad := range []string{"<script>", "**bold**", "[link](", "\n", " `code`"} {
		if strings.Contains(out, bad) {
			t.Errorf("Neutralize left %q in %q", bad, out)
		}
	}
}

func TestFenceIsLongerThanAnyBacktickRun(t *testing.T) {
	in := "a ```` run\nand ``` another"
	out := Fence(in, "markdown", 2)
	first := strings.SplitN(out, "\n", 2)[0]
	if first != "  `````markdown" {
		t.Fatalf("opening fence %q, want five backticks indented by two", first)
	}
	if !strings.HasSuffix(out, "\n  `````") {
		t.Fatalf("closing fence wrong: %q", out)
	}
}

func TestInlineCode(t *testing.T) {
	if got := InlineCode("a`b"); got != "``a`b``" {
		t.Fatalf("InlineCode = %q", got)
	}
	if got := InlineCode("`x"); got != "`` `x ``" {
		t.Fatalf("InlineCode = %q", got)
	}
}

func TestCutAtLine(t *testing.T) {
	s := "première ligne\ndeuxième ligne très longue"
	if got := CutAtLine(s, 22); got != "première ligne\n" {
		t.Errorf("cut inside the second line = %q, want the first line whole", got)
	}
	// "é" is two bytes: a cut between them must not leave half of it.
	if got := CutAtLine("café", 4); got != "caf" {
		t.Errorf("cut inside a character = %q", got)
	}
	if got := CutAtLine("court", 10); got != "court" {
		t.Errorf("no cut needed = %q", got)
	}
}
