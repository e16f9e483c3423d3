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
	terms := s.vagueTerms(s.sent.Role + " , " + s.sent.Action + " , " + s.sent.Benefit)
	if len(terms) == 0 {
		return nil
	}
	quoted := Text{FR: "« " + strings.Join(terms, " », « ") + " »", EN: "“" + strings.Join(terms, "”, “") + "”"}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{"terms": quoted}}}
}

// vagueTerms returns the template's vague terms found in text, as the
// story writes them. The story's language's list comes first; the other
// lists apply too, since teams mix "user-friendly" into French.
func (s *story) vagueTerms(text string) []string {
	if len(s.c.vague) == 0 {
		return nil
	}
	toks := tokenize(text, nil)
	var out []string
	seen := map[string]bool{}
	add := func(m phraseMatcher) {
		m.scan(toks, func(p *phrase, at int) {
			w := span(text, toks, at, len(p.words))
			if !seen[fold(w)] {
				seen[fold(w)] = true
				out = append(out, w)
			}
		})
	}
	if m, ok := s.c.vague[s.lang]; ok {
		add(m)
	}
	for lang, m := range s.c.vague {
		if lang != s.lang {
			add(m)
		}
	}
	return out
}
