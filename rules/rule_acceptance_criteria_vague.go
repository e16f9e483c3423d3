package rules

import "strings"

var acceptanceCriteriaVague = Rule{
	ID:       "acceptance-criteria-vague",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Chaque critère d'acceptation se vérifie",
		EN: "Each acceptance criterion can be checked",
	},
	Message: Text{
		FR: "Critère difficile à vérifier : « {criterion} » ({why}).",
		EN: "Criterion hard to check: “{criterion}” ({why}).",
	},
	Fix: Text{
		FR: "Étant donné <contexte>\nQuand <action>\nAlors <résultat observable, chiffré si possible>",
		EN: "Given <context>\nWhen <action>\nThen <observable result, with figures where possible>",
	},
	check: checkAcceptanceCriteriaVague,
}

func checkAcceptanceCriteriaVague(s *story) []hit {
	var out []hit
	for i, c := range s.criteria {
		// The body was scanned once for vague terms; a criterion owns
		// those on its lines.
		var terms []string
		for _, h := range s.vagueHits {
			if h.line >= c.Line && h.line <= s.critEnd[i] {
				terms = addTerm(terms, h.word)
			}
		}
		var why Text
		if len(terms) > 0 {
			why = Text{
				FR: "termes vagues : « " + strings.Join(terms, " », « ") + " »",
				EN: "vague terms: “" + strings.Join(terms, "”, “") + "”",
			}
		} else if !c.Gherkin && countWordsUpTo(c.Text, 3) < 3 {
			why = Text{FR: "trop court pour dire le résultat attendu", EN: "too short to state the expected result"}
		} else {
			continue
		}
		out = append(out, hit{line: c.Line, args: map[string]Text{"criterion": same(shorten(c.Text, 80)), "why": why}})
	}
	return out
}

// shorten cuts s to about n bytes on a word boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}
