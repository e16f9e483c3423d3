package rules

import (
	"strconv"
	"strings"
)

var sectionMissing = Rule{
	ID:       "section-missing",
	Severity: SeverityError,
	Summary: Text{
		FR: "Les sections que le modèle demande sont là",
		EN: "The sections the template asks for are there",
	},
	Message: Text{
		FR: "La section « {title} » manque : elle est demandée parce que {why}.",
		EN: "The “{title}” section is missing: it is asked because {why}.",
	},
	Fix: Text{
		FR: "## {title}\n\n{skeleton}",
		EN: "## {title}\n\n{skeleton}",
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

// sectionArgs gives the {title}, {why} and {skeleton} of template section
// i. The skeleton is the section's hint, which the built-in templates
// write as labels with placeholders ("Finalité : <pour quoi faire ?>");
// for security notes it is followed by the security checklist, one box
// per question: once pasted, what is left is named question by question.
func (s *story) sectionArgs(i int) map[string]Text {
	spec := s.t.Sections[i]
	title := spec.Title
	if len(title) == 0 {
		title = same(spec.ID)
	}
	why := Text{}
	for _, lang := range []Lang{FR, EN} {
		parts := make([]string, len(s.reasons[i]))
		for k, r := range s.reasons[i] {
			parts[k] = s.reasonText(r).Get(lang)
		}
		why[lang] = joinAnd(parts, lang)
	}
	skeleton := Text{}
	for _, lang := range []Lang{FR, EN} {
		h := spec.Hint.Get(lang)
		if spec.ID == SectionSecurityNotes && len(s.t.SecurityChecklist) > 0 {
			var b strings.Builder
			if h != "" {
				// The hint says what to do with the questions: an HTML
				// comment keeps it for the author and out of the answer.
				b.WriteString("<!-- " + strings.ReplaceAll(h, "-->", "-- >") + " -->\n\n")
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
		skeleton[lang] = h
	}
	return map[string]Text{"title": title, "why": why, "skeleton": skeleton}
}

// questionList names checklist questions by number and text: 4. « Une
// analyse d'impact … ? ».
func (s *story) questionList(qs []int) Text {
	out := Text{}
	for _, lang := range []Lang{FR, EN} {
		parts := make([]string, len(qs))
		for k, q := range qs {
			text := shorten(s.t.SecurityChecklist[q].Get(lang), 70)
			if lang == FR {
				parts[k] = strconv.Itoa(q+1) + ". « " + text + " »"
			} else {
				parts[k] = strconv.Itoa(q+1) + ". “" + text + "”"
			}
		}
		out[lang] = strings.Join(parts, ", ")
	}
	return out
}

// holeList names placeholders left to fill, with their labels: « <pour
// quoi faire ?> » (Finalité).
func holeList(hs []hole) Text {
	out := Text{}
	for _, lang := range []Lang{FR, EN} {
		var parts []string
		seen := map[string]bool{}
		for _, h := range hs {
			q := "« " + h.text + " »"
			if lang == EN {
				q = "“" + h.text + "”"
			}
			if h.label != "" {
				q += " (" + h.label + ")"
			}
			if !seen[q] {
				seen[q] = true
				parts = append(parts, q)
			}
		}
		out[lang] = strings.Join(parts, ", ")
	}
	return out
}
