package rules

import (
	"fmt"
	"strings"
)

var storyUniform = Rule{
	ID:       "story-uniform",
	Severity: SeverityInfo,
	Summary: Text{
		FR: "Les stories d'un backlog suivent la même forme",
		EN: "A backlog's stories follow one form",
	},
	Message: Text{
		FR: "Cette story s'écarte de la forme dominante du backlog, « {form} » ({share} des stories) : {detail}.",
		EN: "This story departs from the backlog's dominant form, “{form}” ({share} of the stories): {detail}.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	backlog: checkStoryUniform,
}

// formDisplay shows a marker family as the author reads it.
var formDisplay = map[string]string{
	"en tant que": "En tant que …", "etq": "ETQ …", "as a": "As a …", "as the": "As the …", "as": "As …",
	"je veux": "je veux …", "je voudrais": "je voudrais …", "je souhaite": "je souhaite …", "je peux": "je peux …",
	"je dois": "je dois …", "j'aimerais": "j'aimerais …", "j'ai besoin de": "j'ai besoin de …",
	"i want": "I want …", "i would like": "I would like …", "i need": "I need …", "i wish": "I wish …",
	"i can": "I can …", "i don't want": "I don't want …", "je ne veux pas": "je ne veux pas …", "i should": "I should …", "i expect": "I expect …",
	"afin de": "afin de …", "afin que": "afin que …", "pour que": "pour que …", "pour": "pour …",
	"de facon a": "de façon à …", "de maniere a": "de manière à …", "de sorte que": "de sorte que …",
	"dans le but de": "dans le but de …", "so that": "so that …", "in order to": "in order to …", "so": "so …",
}

type formPart struct {
	name Text
	get  func(p *parsed) string
}

var formParts = []formPart{
	{Text{FR: "le profil", EN: "the role"}, func(p *parsed) string { return p.roleForm }},
	{Text{FR: "l'action", EN: "the action"}, func(p *parsed) string { return p.actionForm }},
	{Text{FR: "le bénéfice", EN: "the benefit"}, func(p *parsed) string { return p.benefitForm }},
}

// checkStoryUniform finds, for the role, action and benefit markers, the
// form most stories use; a story using another one is reported. Forms are
// compared within one language: a team writing in French and English has
// a form in each, and an English story is not told to write « En tant
// que ». A part needs three stories and a 60 % majority to have a dominant
// form; the benefit is compared only among stories that have one
// (story-benefit reports the others).
func checkStoryUniform(ss []*story) [][]hit {
	out := make([][]hit, len(ss))
	for _, lang := range []Lang{FR, EN} {
		uniformIn(ss, lang, out)
	}
	return out
}

// uniformIn runs checkStoryUniform over the stories whose sentence is in
// lang, adding its hits to out.
func uniformIn(ss []*story, lang Lang, out [][]hit) {
	in := func(s *story) bool { return s.sent.found() == 2 && s.sent.Lang == lang }
	dominant := make([]string, len(formParts))
	shares := make([]float64, len(formParts))
	for k, part := range formParts {
		counts := map[string]int{}
		total := 0
		for _, s := range ss {
			if !in(s) {
				continue
			}
			if f := part.get(s.sent); f != "" {
				counts[f]++
				total++
			}
		}
		best, bestN := "", 0
		for f, n := range counts {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		if total >= 3 && float64(bestN) >= 0.6*float64(total) {
			dominant[k] = best
			shares[k] = float64(bestN) / float64(total)
		}
	}
	if dominant[0] == "" && dominant[1] == "" {
		return
	}
	form := formOf(dominant)
	minShare := 1.0
	for k := range shares {
		if dominant[k] != "" && shares[k] < minShare {
			minShare = shares[k]
		}
	}
	for i, s := range ss {
		if !in(s) {
			continue
		}
		var fr, en []string
		for k, part := range formParts {
			f := part.get(s.sent)
			if dominant[k] == "" || f == "" || f == dominant[k] {
				continue
			}
			fr = append(fr, fmt.Sprintf("%s « %s » au lieu de « %s »", part.name[FR], display(f), display(dominant[k])))
			en = append(en, fmt.Sprintf("%s “%s” instead of “%s”", part.name[EN], display(f), display(dominant[k])))
		}
		if len(fr) == 0 {
			continue
		}
		out[i] = append(out[i], hit{line: s.sentenceLine(), args: map[string]Text{
			"form":     same(form),
			"share":    same(fmt.Sprintf("%d %%", int(minShare*100+0.5))),
			"detail":   Text{FR: strings.Join(fr, ", "), EN: strings.Join(en, ", ")},
			"sentence": same(rebuild(s.sent, dominant)),
		}})
	}
}

func display(form string) string {
	if d, ok := formDisplay[form]; ok {
		return strings.TrimSuffix(d, " …")
	}
	return form
}

func formOf(dominant []string) string {
	var parts []string
	for _, f := range dominant {
		if f == "" {
			continue
		}
		if d, ok := formDisplay[f]; ok {
			parts = append(parts, d)
		} else {
			parts = append(parts, f+" …")
		}
	}
	return strings.Join(parts, " ")
}

// rebuild writes the story's sentence in the dominant form.
func rebuild(p *parsed, dominant []string) string {
	roleForm, actionForm, benefitForm := p.roleForm, p.actionForm, p.benefitForm
	if dominant[0] != "" {
		roleForm = dominant[0]
	}
	if dominant[1] != "" {
		actionForm = dominant[1]
	}
	if dominant[2] != "" && benefitForm != "" {
		benefitForm = dominant[2]
	}
	var b strings.Builder
	switch roleForm {
	case "en tant que", "as a":
		o := opening(p.Role)
		b.WriteString(strings.TrimSuffix(o[map[bool]Lang{true: FR, false: EN}[roleForm == "en tant que"]], p.Role))
	default:
		b.WriteString(display(roleForm) + " ")
	}
	b.WriteString(p.Role)
	b.WriteString(", ")
	b.WriteString(display(actionForm))
	action := p.Action
	if strings.HasPrefix(actionForm, "i ") && actionForm != "i can" && actionForm != "i should" && !strings.HasPrefix(strings.ToLower(action), "to ") {
		b.WriteString(" to")
	}
	b.WriteString(" " + action)
	if p.Benefit != "" {
		b.WriteString(", " + display(benefitForm) + " " + convertBenefit(p.Benefit, p.benefitForm, benefitForm))
	}
	b.WriteString(".")
	return b.String()
}

// Benefit markers followed by an infinitive ("in order to log in") rather
// than a clause ("so that I can log in").
var infinitiveBenefit = map[string]bool{
	"in order to": true, "afin de": true, "pour": true, "de facon a": true, "de maniere a": true, "dans le but de": true,
}

// convertBenefit rewrites a benefit for another marker: "log in" after
// "in order to" becomes "I can log in" after "so that", and back.
func convertBenefit(benefit, from, to string) string {
	switch {
	case from == to || infinitiveBenefit[from] == infinitiveBenefit[to]:
		return benefit
	case infinitiveBenefit[from]:
		if strings.HasPrefix(to, "so") {
			return "I can " + benefit
		}
		return "je puisse " + benefit
	}
	for _, subject := range []string{"I can ", "we can ", "je puisse ", "je peux ", "nous puissions "} {
		if rest, ok := strings.CutPrefix(benefit, subject); ok {
			return rest
		}
	}
	return benefit
}

// startsWithVowel reports whether a French word takes an elision: "qu'agent",
// "qu'usager", "qu'habitant".
func startsWithVowel(s string) bool {
	f := fold(s)
	return f != "" && strings.IndexByte("aeiouyh", f[0]) >= 0
}

// takesAn reports whether an English word takes "an": a vowel sound, which
// "user", "unit", "European" or "one" do not start with.
func takesAn(s string) bool {
	f := fold(s)
	if f == "" || strings.IndexByte("aeiou", f[0]) < 0 {
		return strings.HasPrefix(f, "hour") || strings.HasPrefix(f, "honest")
	}
	for _, p := range []string{"us", "uni", "uti", "uro", "eu", "one", "once"} {
		if strings.HasPrefix(f, p) {
			return false
		}
	}
	return true
}
