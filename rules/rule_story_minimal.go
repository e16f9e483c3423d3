package rules

import "strings"

var storyMinimal = Rule{
	ID:       "story-minimal",
	Severity: SeverityInfo,
	Summary: Text{
		FR: "La phrase de récit dit le besoin, sans détail d'écran ni autre phrase",
		EN: "The story sentence states the need, without screen detail or other sentences",
	},
	Message: Text{
		FR: "La phrase de récit en dit trop : {detail}. Gardez-la courte ; les détails vont dans « Contexte » ou les critères d'acceptation.",
		EN: "The story sentence says too much: {detail}. Keep it short; details belong in “Context” or the acceptance criteria.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	check: checkStoryMinimal,
}

// uiTerms describe a screen or a technical solution rather than a need.
var uiTerms = phraseMatcherOf(
	"bouton", "button", "cliquer", "clic", "click", "clicking", "menu déroulant", "dropdown",
	"drop-down", "checkbox", "case à cocher", "popup", "pop-up", "modale", "modal",
	"glisser-déposer", "drag and drop", "icône", "icon", "combobox", "radio button", "bouton radio",
	"base de données", "database", "SQL", "endpoint", "microservice", "cron", "table SQL",
)

func phraseMatcherOf(terms ...string) *phraseMatcher {
	m := &phraseMatcher{}
	for i, t := range terms {
		m.add(t, i, true)
	}
	return m
}

func checkStoryMinimal(s *story) []hit {
	if s.sent.found() < 2 {
		return nil
	}
	var fr, en []string
	sentence := s.sent.Text
	if s.sent.extra != "" && s.sent.Line > 0 {
		fr = append(fr, "d'autres phrases la suivent dans le même paragraphe")
		en = append(en, "other sentences follow it in the same paragraph")
	}
	if open := strings.IndexByte(sentence, '('); open >= 0 {
		if end := strings.IndexByte(sentence[open:], ')'); end > 0 {
			paren := sentence[open : open+end+1]
			fr = append(fr, "une parenthèse « "+paren+" »")
			en = append(en, "a parenthesis “"+paren+"”")
			sentence = collapse(strings.Replace(sentence, paren, "", 1))
			sentence = strings.ReplaceAll(sentence, " ,", ",")
		}
	}
	var ui []string
	uiTerms.scan(s.sent.Action, func(p *phrase, _, _ int) { ui = append(ui, p.text) })
	if len(ui) > 0 {
		fr = append(fr, "un détail d'interface ou de solution (« "+strings.Join(ui, " », « ")+" »)")
		en = append(en, "interface or solution detail (“"+strings.Join(ui, "”, “")+"”)")
	}
	if len(fr) == 0 {
		return nil
	}
	return []hit{{
		line: s.sentenceLine(),
		args: map[string]Text{
			"detail":   Text{FR: strings.Join(fr, ", "), EN: strings.Join(en, ", ")},
			"sentence": same(sentence),
		},
	}}
}
