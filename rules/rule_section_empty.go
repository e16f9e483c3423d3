package rules

import "strconv"

var sectionEmpty = Rule{
	ID:       "section-empty",
	Severity: SeverityError,
	Summary: Text{
		FR: "Les sections demandées disent quelque chose",
		EN: "The sections asked for say something",
	},
	Message: Text{
		FR: "{detail} Elle est demandée parce que {why}.",
		EN: "{detail} It is asked because {why}.",
	},
	Fix: Text{
		FR: "## {title}\n\n{skeleton}",
		EN: "## {title}\n\n{skeleton}",
	},
	check: checkSectionEmpty,
}

// checkSectionEmpty reports a required section that says nothing yet, and
// names what is left: the questions without an answer, the placeholders
// not filled. Only when the section is blank does it offer the skeleton
// again; an "N/A" without a reason gets a line to complete; questions
// and placeholders only the author can answer, so there is nothing more
// to paste.
func checkSectionEmpty(s *story) []hit {
	var out []hit
	for i, spec := range s.t.Sections {
		if !s.required[i] || s.states[i] != SectionEmpty || spec.Kind == KindStory || spec.Kind == KindCriteria {
			continue
		}
		args := s.sectionArgs(i)
		title := args["title"]
		e := s.empty[i]
		h := hit{line: s.sections[s.bySpec[i][0]].line, args: args}
		switch e.why {
		case "checklist":
			n := len(e.questions)
			qs := s.questionList(e.questions)
			args["detail"] = Text{
				FR: "La section « " + title.Get(FR) + " » a encore " + strconv.Itoa(n) + " " + plural(n, "question sans réponse", "questions sans réponse") +
					" : " + qs.Get(FR) + ". Cochez chacune, répondez dessous ou écrivez « Sans objet : <raison> ».",
				EN: "The “" + title.Get(EN) + "” section still has " + strconv.Itoa(n) + " " + plural(n, "question", "questions") +
					" without an answer: " + qs.Get(EN) + ". Tick each, answer under it, or write “N/A: <reason>”.",
			}
			h.fix = Text{FR: "", EN: ""}
		case "placeholder":
			hs := holeList(e.holes)
			args["detail"] = Text{
				FR: "La section « " + title.Get(FR) + " » a encore du texte à remplacer : " + hs.Get(FR) + ".",
				EN: "The “" + title.Get(EN) + "” section still has text to replace: " + hs.Get(EN) + ".",
			}
			h.fix = Text{FR: "", EN: ""}
		case "na":
			args["detail"] = Text{
				FR: "La section « " + title.Get(FR) + " » dit seulement « sans objet » : dites pourquoi en une phrase.",
				EN: "The “" + title.Get(EN) + "” section only says “N/A”: say why in one sentence.",
			}
			args["skeleton"] = Text{
				FR: "Sans objet : <pourquoi ce récit n'est pas concerné>",
				EN: "N/A: <why this story is not concerned>",
			}
		default:
			args["detail"] = Text{
				FR: "La section « " + title.Get(FR) + " » est vide.",
				EN: "The “" + title.Get(EN) + "” section is empty.",
			}
		}
		out = append(out, h)
	}
	return out
}

// plural picks the singular or the plural for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
