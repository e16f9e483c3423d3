package rules

var templatePlaceholder = Rule{
	ID:       "template-placeholder",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Il ne reste pas de texte du modèle à remplacer",
		EN: "No template text is left to replace",
	},
	// No fix: only the author can write what a placeholder asks for. The
	// message names it, which is what is left to do.
	Message: Text{
		FR: "Il reste un texte à remplacer : « {text} ». Écrivez ce qu'il demande, ou supprimez la ligne.",
		EN: "Text left to replace: “{text}”. Write what it asks for, or delete the line.",
	},
	check: checkTemplatePlaceholder,
}

func checkTemplatePlaceholder(s *story) []hit {
	out := make([]hit, 0, len(s.placeholders))
	seen := make(map[placeholder]bool, len(s.placeholders))
	for _, p := range s.placeholders {
		if seen[p] || s.sentencePlaceholder(p) {
			continue
		}
		seen[p] = true
		if len(out) >= maxFindingsPerRule {
			out = append(out, hit{line: p.line}) // counted, not quoted
			continue
		}
		out = append(out, hit{line: p.line, args: map[string]Text{"text": same(shorten(p.text, 80))}})
	}
	return out
}

// sentencePlaceholder reports whether a placeholder is the story
// sentence's role or need, which story-format already names.
func (s *story) sentencePlaceholder(p placeholder) bool {
	if s.sent == nil || p.line != s.sent.Line {
		return false
	}
	return p.text == s.sent.rolePh || p.text == s.sent.needPh
}
