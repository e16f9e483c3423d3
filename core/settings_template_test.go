package core_test

import (
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// TestTemplateIsSharedAcrossIssues: the template chosen for two issues of
// the same repository is one value, so rules compiles its keywords once;
// a fresh copy per issue recompiled them every time (a third of a second
// a story, and a 500-issue backfill test past ten minutes). Overrides are
// still applied, once per set of overrides, whatever pointers they hold.
func TestTemplateIsSharedAcrossIssues(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	in := rules.Input{Title: "Exporter les dossiers", Body: "ETQ agent, je veux exporter les dossiers."}
	plain := core.Settings{Templates: set}
	if a, b := plain.Template(in), plain.Template(in); a == nil || a != b {
		t.Fatalf("no overrides: two calls gave %p and %p, want one template", a, b)
	}
	off := func() core.Settings {
		no := false // a new pointer on each load, as a settings file gives
		return core.Settings{Templates: set, Rules: map[string]rules.RuleSetting{"story-uniform": {Enabled: &no}}}
	}
	a, b := off().Template(in), off().Template(in)
	if a != b {
		t.Fatalf("same overrides loaded twice: %p and %p, want one template", a, b)
	}
	if r, ok := a.Rules["story-uniform"]; !ok || r.Enabled == nil || *r.Enabled {
		t.Fatalf("override lost: %+v", a.Rules["story-uniform"])
	}
	if a == plain.Template(in) {
		t.Fatal("the overridden template is the plain one")
	}
	yes := true
	on := core.Settings{Templates: set, Rules: map[string]rules.RuleSetting{"story-uniform": {Enabled: &yes}}}
	if on.Template(in) == a {
		t.Fatal("different overrides share a template")
	}
}
