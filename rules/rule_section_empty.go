package rules

var sectionEmpty = Rule{
	ID:       "section-empty",
	Severity: SeverityError,
	Summary: Text{
		FR: "Les sections demandées disent quelque chose",
		EN: "The sections asked for say something",
	},
	Message: Text{
		FR: "La section « {title} » {detail} (demandée : {reason}).",
		EN: "The “{title}” section {detail} (asked: {reason}).",
	},
	Fix: Text{
		FR: "## {title}\n\n{hint}",
		EN: "## {title}\n\n{hint}",
	},
	check: checkSectionEmpty,
}

var emptyDetails = map[string]Text{
	"blank": {FR: "est vide", EN: "is empty"},
	"placeholder": {
		FR: "ne contient que le texte du modèle",
		EN: "holds only the template's text",
	},
	"checklist": {
		FR: "reprend les questions sans y répondre : cochez ou répondez à chacune",
		EN: "repeats the questions without answering them: tick or answer each",
	},
	"na": {
		FR: "dit seulement « sans objet » : dites pourquoi en une phrase",
		EN: "only says “N/A”: say why in one sentence",
	},
}

func checkSectionEmpty(s *story) []hit {
	var out []hit
	for i, spec := range s.t.Sections {
		if !s.required[i] || s.states[i] != SectionEmpty || spec.Kind == KindStory || spec.Kind == KindCriteria {
			continue
		}
		args := s.sectionArgs(i)
		args["detail"] = emptyDetails[s.emptyWhy[i]]
		if s.emptyWhy[i] == "na" {
			args["hint"] = Text{
				FR: "Sans objet : <pourquoi cette story n'est pas concernée>",
				EN: "N/A: <why this story is not concerned>",
			}
		}
		out = append(out, hit{line: s.sections[s.bySpec[i][0]].line, args: args})
	}
	return out
}
