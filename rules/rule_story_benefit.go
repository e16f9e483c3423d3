package rules

import "strings"

var storyBenefit = Rule{
	ID:       "story-benefit",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "La phrase de récit dit pourquoi (le bénéfice)",
		EN: "The story sentence says why (the benefit)",
	},
	Message: Text{
		FR: "La phrase de récit ne dit pas pourquoi : ajoutez le bénéfice attendu (« afin de … »).",
		EN: "The story sentence does not say why: add the expected benefit (“so that …”).",
	},
	Fix: Text{
		FR: "{sentence} afin de <bénéfice attendu>.",
		EN: "{sentence}, so that <expected benefit>.",
	},
	check: checkStoryBenefit,
}

func checkStoryBenefit(s *story) []hit {
	if s.sent.found() < 2 || s.sent.Benefit != "" || s.sent.benefitForm != "" {
		// A benefit left as a placeholder ("afin de <bénéfice>") is
		// template-placeholder's to name.
		return nil
	}
	sentence := strings.TrimRight(s.sent.tidy(s.sent.Text), " !?,")
	// "…, etc." keeps its period: it belongs to the abbreviation.
	if strings.HasSuffix(sentence, ".") && !endsWithAbbreviation(sentence) {
		sentence = strings.TrimRight(sentence, " .!?,")
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{"sentence": same(sentence)}}}
}
