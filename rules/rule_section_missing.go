package rules

import "strings"

var sectionMissing = Rule{
	ID:       "section-missing",
	Severity: SeverityError,
	Summary: Text{
		FR: "Les sections que le modèle demande sont là",
		EN: "The sections the template asks for are there",
	},
	Message: Text{
		FR: "Section « {title} » manquante (demandée : {reason}).",
		EN: "Missing “{title}” section (asked: {reason}).",
	},
	Fix: Text{
		FR: "## {title}\n\n{hint}",
		EN: "## {title}\n\n{hint}",
	},
	check: checkSectionMissing,
}

func checkSectionMissing(s *story) []hit {
	var out []hit
	for i, spec := range s.t.Sections {
		if !s.required[i] || s.states[i] != SectionMissing || spec.Kind == KindStory || spec.Kind == KindCriteria {
			continue
		}
		out = append(out, hit{args: s.sectionArgs(i)})
	}
	return out
}

// sectionArgs gives the {title}, {reason} and {hint} of template section
// i. The security notes' hint is followed by the security checklist, the
// questions the RSSI will ask anyway.
func (s *story) sectionArgs(i int) map[string]Text {
	spec := s.t.Sections[i]
	title := spec.Title
	if len(title) == 0 {
		title = same(spec.ID)
	}
	reason := Text{}
	for _, lang := range []Lang{FR, EN} {
		parts := make([]string, len(s.reasons[i]))
		for k, r := range s.reasons[i] {
			parts[k] = s.reasonText(r).Get(lang)
		}
		reason[lang] = strings.Join(parts, map[Lang]string{FR: " ; ", EN: "; "}[lang])
	}
	hint := Text{}
	for _, lang := range []Lang{FR, EN} {
		h := spec.Hint.Get(lang)
		if spec.ID == SectionSecurityNotes && len(s.t.SecurityChecklist) > 0 {
			var b strings.Builder
			b.WriteString(h)
			if h != "" {
				b.WriteString("\n\n")
			}
			for k, q := range s.t.SecurityChecklist {
				if k > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("- [ ] " + q.Get(lang))
			}
			h = b.String()
		}
		if h == "" {
			h = map[Lang]string{FR: "<à compléter>", EN: "<to be written>"}[lang]
		}
		hint[lang] = h
	}
	return map[string]Text{"title": title, "reason": reason, "hint": hint}
}
