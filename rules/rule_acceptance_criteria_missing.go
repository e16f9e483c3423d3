package rules

var acceptanceCriteriaMissing = Rule{
	ID:       "acceptance-criteria-missing",
	Severity: SeverityError,
	Summary: Text{
		FR: "Le récit a au moins un critère d'acceptation",
		EN: "The story has at least one acceptance criterion",
	},
	Message: Text{
		FR: "Aucun critère d'acceptation : {detail}.",
		EN: "No acceptance criteria: {detail}.",
	},
	Fix: Text{
		FR: "## {title}\n\n```gherkin\nScénario : <cas nominal>\n  Étant donné <contexte>\n  Quand <action>\n  Alors <résultat attendu>\n```",
		EN: "## {title}\n\n```gherkin\nScenario: <main case>\n  Given <context>\n  When <action>\n  Then <expected result>\n```",
	},
	check: checkAcceptanceCriteriaMissing,
}

func checkAcceptanceCriteriaMissing(s *story) []hit {
	var out []hit
	// Criteria written under another criteria heading ("Règles de
	// gestion", which French teams use as their criteria) stand for a
	// missing criteria section; an empty one is still told.
	written := false
	for _, i := range s.criteriaSpecs() {
		written = written || s.states[i] == SectionPresent
	}
	for _, i := range s.criteriaSpecs() {
		if !s.required[i] || s.states[i] == SectionPresent || written && s.states[i] == SectionMissing {
			continue
		}
		spec := s.t.Sections[i]
		title := spec.Title
		if len(title) == 0 {
			title = same(spec.ID)
		}
		h := hit{args: map[string]Text{"title": title}}
		switch {
		case s.states[i] == SectionEmpty && s.empty[i].why == "placeholder":
			h.line = s.sections[s.bySpec[i][0]].line
			if hs := s.empty[i].holes; len(hs) > 0 {
				l := holeList(hs)
				h.args["detail"] = Text{
					FR: "la section « " + title.Get(FR) + " » n'a encore que du texte à remplacer : " + l.Get(FR),
					EN: "the “" + title.Get(EN) + "” section still holds only text to replace: " + l.Get(EN),
				}
			} else {
				h.args["detail"] = Text{
					FR: "la section « " + title.Get(FR) + " » n'a que des cases vides : écrivez un critère après chacune",
					EN: "the “" + title.Get(EN) + "” section holds only empty boxes: write a criterion after each",
				}
			}
			// Only the author can write the criteria: nothing to paste.
			h.fix = Text{FR: "", EN: ""}
		case s.states[i] == SectionEmpty:
			h.line = s.sections[s.bySpec[i][0]].line
			h.args["detail"] = Text{
				FR: "la section « " + title.Get(FR) + " » ne contient ni liste, ni case à cocher, ni scénario",
				EN: "the “" + title.Get(EN) + "” section holds no list item, task or scenario",
			}
		default:
			h.args["detail"] = Text{
				FR: "ajoutez une section « " + title.Get(FR) + " » avec au moins un scénario ou une liste",
				EN: "add a section “" + title.Get(EN) + "” with at least one scenario or list item",
			}
		}
		out = append(out, h)
	}
	return out
}
