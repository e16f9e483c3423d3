package rules

var templatePlaceholder = Rule{
	ID:       "template-placeholder",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Il ne reste pas de texte du modèle à remplacer",
		EN: "No template text is left to replace",
	},
	Message: Text{
		FR: "Texte du modèle laissé tel quel : « {text} ».",
		EN: "Template text left as is: “{text}”.",
	},
	Fix: Text{
		FR: "Remplacez « {text} » par votre contenu, ou supprimez la ligne.",
		EN: "Replace “{text}” with your own content, or delete the line.",
	},
	check: checkTemplatePlaceholder,
}

func checkTemplatePlaceholder(s *story) []hit {
	var out []hit
	seen := map[placeholder]bool{}
	for _, p := range s.placeholders {
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, hit{line: p.line, args: map[string]Text{"text": same(shorten(p.text, 80))}})
	}
	return out
}
