package rules

import "strings"

var roleUnknown = Rule{
	ID:       "role-unknown",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Le profil est un des profils connus de l'équipe",
		EN: "The role is one of the team's known personas",
	},
	Message: Text{
		FR: "Le profil « {role} » n'est pas un des profils connus ({known}).",
		EN: "The role “{role}” is not one of the known personas ({known}).",
	},
	Fix: Text{
		FR: "{example}, je veux …\n(ou ajoutez « {role} » aux profils du modèle)",
		EN: "{example}, I want …\n(or add “{role}” to the template's personas)",
	},
	check: checkRoleUnknown,
}

func checkRoleUnknown(s *story) []hit {
	if len(s.t.Personas) == 0 || s.sent == nil || s.sent.Role == "" || s.persona >= 0 {
		return nil
	}
	var known []string
	for _, p := range s.t.Personas {
		if len(p.Names) > 0 {
			known = append(known, p.Names[0])
		}
	}
	if len(known) == 0 {
		return nil
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{
		"role":    same(s.sent.Role),
		"known":   same(strings.Join(known, ", ")),
		"example": opening("<" + strings.Join(known, " | ") + ">"),
	}}}
}
