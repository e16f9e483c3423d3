package rules

import (
	"strings"
	"unicode"
)

var roleUnknown = Rule{
	ID:       "role-unknown",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Le profil est un des profils connus de l'équipe",
		EN: "The role is one of the team's known personas",
	},
	Message: Text{
		FR: "Le profil « {role} » n'est pas un des profils connus ({known}) : écrivez l'un d'eux, ou ajoutez ce profil à la liste « personas » du modèle (fichier .github/cochef.yml) avec la ligne ci-dessous.",
		EN: "The role “{role}” is not one of the known personas ({known}): write one of them, or add this one to the template's “personas” list (file .github/cochef.yml) with the line below.",
	},
	Fix: Text{
		FR: "- {id: {id}, names: [{role}]}",
		EN: "- {id: {id}, names: [{role}]}",
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
		"role":  same(s.sent.Role),
		"known": same(strings.Join(known, ", ")),
		"id":    same(personaID(s.sent.Role)),
	}}}
}

// personaID makes a template id of a role: "Agent de la DDETS" →
// "agent-de-la-ddets".
func personaID(role string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(role) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "profil"
	}
	return b.String()
}
