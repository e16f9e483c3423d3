package rules

var storyFormat = Rule{
	ID:       "story-format",
	Severity: SeverityError,
	Summary: Text{
		FR: "La phrase de récit a un profil et une action",
		EN: "The story sentence has a role and an action",
	},
	Message: Text{
		FR: "Phrase de récit incomplète : {detail}.",
		EN: "Incomplete story sentence: {detail}.",
	},
	Fix: Text{
		FR: "{opening}, je veux {action} afin de {benefit}.",
		EN: "{opening}, I want to {action} so that {benefit}.",
	},
	check: checkStoryFormat,
}

func checkStoryFormat(s *story) []hit {
	if s.sent.found() == 2 {
		return nil
	}
	open := Text{FR: "En tant que <profil>", EN: "As a <role>"}
	action, benefit := same("<action>"), Text{FR: "<bénéfice>", EN: "<benefit>"}
	var detail Text
	switch {
	case s.sent == nil:
		detail = Text{
			FR: "aucune phrase « En tant que <profil>, je veux <action> » dans le titre ni au début de la description",
			EN: "no “As a <role>, I want <action>” sentence in the title or at the top of the description",
		}
	case s.sent.Role == "":
		detail = Text{FR: "le profil manque après « En tant que »", EN: "the role is missing after “As a”"}
	case s.sent.Action == "":
		detail = Text{FR: "l'action manque (« je veux … »)", EN: "the action is missing (“I want …”)"}
	default:
		return nil
	}
	if s.sent != nil {
		if s.sent.Role != "" {
			open = opening(s.sent.Role)
		}
		if s.sent.Action != "" {
			action = same(s.sent.Action)
		}
		if s.sent.Benefit != "" {
			benefit = same(s.sent.Benefit)
		}
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{"detail": detail, "opening": open, "action": action, "benefit": benefit}}}
}
