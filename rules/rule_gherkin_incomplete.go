package rules

import "strings"

var gherkinIncomplete = Rule{
	ID:       "gherkin-incomplete",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Chaque scénario a une étape « Alors »",
		EN: "Each scenario has a “Then” step",
	},
	Message: Text{
		FR: "Le scénario « {scenario} » n'a pas d'étape « Alors » : le résultat attendu manque.",
		EN: "Scenario “{scenario}” has no “Then” step: the expected result is missing.",
	},
	Fix: Text{
		FR: "  Alors <résultat attendu>",
		EN: "  Then <expected result>",
	},
	check: checkGherkinIncomplete,
}

func checkGherkinIncomplete(s *story) []hit {
	var out []hit
	for _, c := range s.criteria {
		if !c.Gherkin || hasOutcome(c) {
			continue
		}
		out = append(out, hit{line: c.Line, args: map[string]Text{"scenario": same(shorten(c.Text, 80))}})
	}
	return out
}

// hasOutcome reports whether a scenario says what should happen: a Then
// step, or "alors" / "then" inside a step ("Quand je valide, alors le
// dossier est transmis").
func hasOutcome(c Criterion) bool {
	for _, st := range c.Steps {
		if st.Kind == "then" {
			return true
		}
	}
	for _, st := range c.Steps {
		for _, w := range words(st.Text) {
			if w == "alors" || w == "then" {
				return true
			}
		}
	}
	// "Quand l'agent valide, le dossier part": a one-step scenario whose
	// When carries its outcome after a comma. A scenario with no step at
	// all (a title alone) is incomplete.
	return len(c.Steps) == 1 && c.Steps[0].Kind == "when" && strings.Contains(c.Steps[0].Text, ",")
}
