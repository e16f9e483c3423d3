package rules

import "strings"

var storyAmbiguous = Rule{
	ID:       "story-ambiguous",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "La phrase de récit évite les termes vagues",
		EN: "The story sentence avoids vague terms",
	},
	Message: Text{
		FR: "Termes vagues dans la phrase de récit : {terms}. Dites ce qui se mesure.",
		EN: "Vague terms in the story sentence: {terms}. Say what can be measured.",
	},
	Fix: Text{
		FR: "Remplacez {terms} par un critère vérifiable, par exemple « en moins de 2 secondes », « en 3 clics au plus », « sans ressaisir mon numéro de dossier ».",
		EN: "Replace {terms} with something checkable, e.g. “in under 2 seconds”, “in at most 3 clicks”, “without typing my file number again”.",
	},
	check: checkStoryAmbiguous,
}

func checkStoryAmbiguous(s *story) []hit {
	if s.sent.found() < 2 {
		return nil
	}
	terms := s.vagueTerms(s.sent.Role, s.sent.Action, s.sent.Benefit)
	if len(terms) == 0 {
		return nil
	}
	quoted := Text{FR: "« " + strings.Join(terms, " », « ") + " »", EN: "“" + strings.Join(terms, "”, “") + "”"}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{"terms": quoted}}}
}

// vagueTerms returns the template's vague terms found in texts, as the
// story writes them, each once.
func (s *story) vagueTerms(texts ...string) []string {
	if !s.c.hasVague {
		return nil
	}
	var out []string
	for _, text := range texts {
		s.c.words.scan(text, func(p *phrase, start, end int) {
			if p.vague {
				out = addTerm(out, text[start:end])
			}
		})
	}
	return out
}

// addTerm appends w to terms unless it is there, whatever its case.
func addTerm(terms []string, w string) []string {
	for _, o := range terms {
		if strings.EqualFold(o, w) {
			return terms
		}
	}
	return append(terms, w)
}
