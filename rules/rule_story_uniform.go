package rules

import (
	"fmt"
	"strings"
)

var storyUniform = Rule{
	ID:       "story-uniform",
	Severity: SeverityInfo,
	Summary: Text{
		FR: "Les récits suivent une même forme",
		EN: "Stories follow one form",
	},
	Message: Text{
		FR: "Ce récit s'écarte de {reference} : {detail}.",
		EN: "This story departs from {reference}: {detail}.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	alone:   checkStoryUniformAlone,
	backlog: checkStoryUniform,
}

// checkStoryUniformAlone compares a story analysed on its own with the
// template's form, "En tant que <profil>, je veux <besoin> afin de
// <bénéfice>": a need written in the indicative, the passive or as a bare
// infinitive, a benefit or a clause before the role, a pleonastic "ETQ
// qu'" are read, and rewritten in the author's words. Wanting modals
// ("je souhaite", "j'ai besoin de"), "je peux" and "ETQ" are the template's
// form in other words: nothing to say about them.
func checkStoryUniformAlone(s *story) []hit {
	p := s.sent
	if !p.complete() {
		return nil
	}
	var fr, en []string
	switch {
	case p.benefitFirst:
		fr = append(fr, "le bénéfice vient avant le profil")
		en = append(en, "the benefit comes before the role")
	case p.clauseFirst:
		fr = append(fr, "la situation vient avant le profil")
		en = append(en, "the situation comes before the role")
	}
	if p.pleonastic {
		fr = append(fr, "le profil s'ouvre sur une abréviation redoublée ou rare (« ETQ qu' », « ETD », « E.T.Q. »)")
		en = append(en, "the role opens with a doubled or rare abbreviation (“ETQ qu'”, “ETD”, “E.T.Q.”)")
	}
	switch p.needForm {
	case "indicative":
		verb := p.verb
		if verb == "" {
			verb, _ = splitFirst(p.Action)
		}
		fr = append(fr, "le besoin est écrit comme un fait (« "+verb+" ») plutôt qu'avec « je veux »")
		en = append(en, "the need is written as a fact (“"+verb+"”) rather than with “I want”")
	case "passive":
		fr = append(fr, "le besoin est écrit au passif, sans « je veux »")
		en = append(en, "the need is written in the passive, without “I want”")
	case "infinitive":
		fr = append(fr, "le besoin suit le profil sans « je veux »")
		en = append(en, "the need follows the role without “I want”")
	}
	if len(fr) == 0 {
		return nil
	}
	c, ok := p.canonical()
	if !ok {
		return nil
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{
		"reference": {
			FR: "la forme du modèle, « En tant que <profil>, je veux <besoin> afin de <bénéfice> »",
			EN: "the template's form, “As a <role>, I want <need> so that <benefit>”",
		},
		"detail":   Text{FR: strings.Join(fr, ", "), EN: strings.Join(en, ", ")},
		"sentence": same(c),
	}}}
}

// opener is the family of the way a sentence opens, for comparing stories:
// "En tant que" and "ETQ" are two templates, "As a", "As the" and a bare
// "As" one.
func (p *parsed) opener() string {
	switch {
	case p.benefitFirst:
		return "benefit-first"
	case p.clauseFirst:
		return "clause-first"
	case p.roleForm == "as the" || p.roleForm == "as":
		return "as a"
	}
	return p.roleForm
}

type formPart struct {
	name Text
	get  func(p *parsed) string
}

// formParts are what makes a backlog's template: how a sentence opens and
// the family of its need's verb. The benefit, its marker, the layout and
// a misspelt opener ("ETQ qu'") do not: two stories differing only there
// follow one template.
var formParts = []formPart{
	{Text{FR: "le profil", EN: "the role"}, (*parsed).opener},
	{Text{FR: "le besoin", EN: "the need"}, (*parsed).needFamily},
}

// needFamily groups need shapes into the families a backlog's template is
// made of: "je voudrais" and "j'aimerais" are one, a passive or a
// statement is written in the indicative.
func (p *parsed) needFamily() string {
	switch p.needForm {
	case "voudrais":
		return "aimerais"
	case "passive", "statement":
		return "indicative"
	}
	return p.needForm
}

// formNames show each form as the author writes it.
var formNames = map[Lang]map[string]string{
	FR: {
		"en tant que": "En tant que …", "etq": "ETQ …", "benefit-first": "Afin de …, en tant que …",
		"clause-first": "Lorsque …, en tant que …", "": "(sans profil)",
		"veux": "je veux …", "souhaite": "je souhaite …", "voudrais": "je voudrais …", "aimerais": "j'aimerais …",
		"besoin": "j'ai besoin de …", "peux": "je peux …", "dois": "je dois …", "indicative": "je <verbe> …",
		"infinitive": "<infinitif> …", "plural": "nous voulons …", "impersonal": "il faudrait que je puisse …",
		"afin de": "afin de …", "afin que": "afin que …", "pour que": "pour que …", "pour": "pour …",
		"de facon a": "de façon à …", "de maniere a": "de manière à …", "de sorte que": "de sorte que …",
		"dans le but de": "dans le but de …",
	},
	EN: {
		"as a": "As a …", "as the": "As the …", "as": "As …", "benefit-first": "So that …, as a …",
		"clause-first": "When …, as a …", "": "(no role)",
		"want": "I want …", "would like": "I would like …", "need": "I need …", "wish": "I wish …",
		"can": "I can …", "able": "I am able to …", "should": "I should …", "indicative": "I <verb> …",
		"infinitive": "<verb> …", "plural": "we want …", "no subject": "would like …",
		"so that": "so that …", "in order to": "in order to …", "so": "so …",
	},
}

func formName(lang Lang, form string) string {
	if n, ok := formNames[lang][form]; ok {
		return n
	}
	return form + " …"
}

// checkStoryUniform finds, for the opener, the need and the benefit, the
// form most stories of the backlog use; a story using another one is
// reported. Forms are compared within one language: a team writing in
// French and English has a form in each, and an English story is not told
// to write « En tant que ». A part needs three stories and a 60 %
// majority to have a dominant form; the benefit is compared only among
// stories that have one (story-benefit reports the others).
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
	has := make([]bool, len(formParts))
	for k, part := range formParts {
		counts := map[string]int{}
		total := 0
		for _, s := range ss {
			if !in(s) {
				continue
			}
			f := part.get(s.sent)
			counts[f]++
			total++
		}
		best, bestN := "", 0
		for f, n := range counts {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		if total >= 3 && float64(bestN) >= 0.6*float64(total) {
			dominant[k], has[k] = best, true
			shares[k] = float64(bestN) / float64(total)
		}
	}
	if !has[0] && !has[1] {
		return
	}
	var names []string
	minShare := 1.0
	for k := range formParts {
		if has[k] {
			names = append(names, formName(lang, dominant[k]))
			minShare = min(minShare, shares[k])
		}
	}
	form := strings.Join(names, " ")
	for i, s := range ss {
		if !in(s) {
			continue
		}
		var fr, en []string
		for k, part := range formParts {
			f := part.get(s.sent)
			if !has[k] || f == dominant[k] {
				continue
			}
			fr = append(fr, fmt.Sprintf("%s « %s » au lieu de « %s »", part.name[FR], trimDots(formName(lang, f)), trimDots(formName(lang, dominant[k]))))
			en = append(en, fmt.Sprintf("%s “%s” instead of “%s”", part.name[EN], trimDots(formName(lang, f)), trimDots(formName(lang, dominant[k]))))
		}
		if len(fr) == 0 {
			continue
		}
		share := fmt.Sprintf("%d %%", int(minShare*100+0.5))
		h := hit{line: s.sentenceLine(), args: map[string]Text{
			"reference": {
				FR: "la forme la plus courante du backlog, « " + form + " » (" + share + " des récits)",
				EN: "the backlog's most common form, “" + form + "” (" + share + " of the stories)",
			},
			"detail": {FR: strings.Join(fr, ", "), EN: strings.Join(en, ", ")},
		}}
		if sentence, ok := rebuild(s.sent, dominant, has); ok {
			h.args["sentence"] = same(sentence)
		} else {
			h.fix = Text{FR: "", EN: ""}
		}
		out[i] = append(out[i], h)
	}
}

func trimDots(s string) string { return strings.TrimSuffix(s, " …") }

// rebuild writes a story's sentence in the backlog's dominant forms, in
// its author's words. ok is false when a part cannot be rewritten in the
// dominant form (a need in "je veux" for a backlog written in the
// indicative).
func rebuild(p *parsed, dominant []string, has []bool) (string, bool) {
	need, ok := p.canonicalNeed()
	if !ok {
		return "", false
	}
	opener := p.opener()
	if has[0] {
		opener = dominant[0]
	}
	needForm := p.needForm
	if has[1] && dominant[1] != p.needFamily() {
		needForm = dominant[1]
	}
	benefitForm := p.benefitForm
	var b strings.Builder
	switch opener {
	case "en tant que", "as a":
		b.WriteString(opening(p.Role).Get(p.Lang))
	case "etq":
		b.WriteString("ETQ " + p.Role)
	case "as the":
		b.WriteString("As the " + p.Role)
	case "as":
		b.WriteString("As " + p.Role)
	default:
		return "", false
	}
	if p.clause != "" {
		b.WriteString(", " + lowerFirst(p.clause))
	}
	modal, ok := withModal(needForm, need, p.Lang, p.enTo)
	if !ok {
		return "", false
	}
	b.WriteString(", " + modal)
	if p.Benefit != "" {
		benefit := convertBenefit(p.Benefit, p.benefitForm, benefitForm)
		marker := lowerFirst(p.benefitMarker)
		if benefitForm != p.benefitForm || marker == "" {
			marker = markerText(benefitForm, benefit)
		}
		if p.Lang == EN {
			b.WriteString(",")
		}
		b.WriteString(" " + marker)
		if !strings.HasSuffix(marker, "'") {
			b.WriteByte(' ')
		}
		b.WriteString(benefit)
	}
	return strings.TrimRight(b.String(), " .,") + ".", true
}

// withModal writes a need after the modal of a need form: "je souhaite
// recevoir …", "j'ai besoin d'un export", "I would like to see …".
func withModal(form, need string, lang Lang, enTo bool) (string, bool) {
	infinitive := lang == FR && startsWithInfinitive(need)
	switch form {
	case "veux":
		return "je veux " + need, true
	case "souhaite":
		return "je souhaite " + need, true
	case "voudrais":
		return "je voudrais " + need, true
	case "aimerais":
		return "j'aimerais " + need, true
	case "impersonal":
		return "il faudrait que je puisse " + need, true
	case "besoin":
		if strings.HasPrefix(need, "que ") || strings.HasPrefix(need, "qu'") {
			return "j'ai besoin " + need, true
		}
		return "j'ai besoin " + elide("de", need) + need, true
	case "peux":
		if rest, ok := strings.CutPrefix(need, "pouvoir "); ok {
			return "je peux " + rest, true
		}
		if infinitive {
			return "je peux " + need, true
		}
	case "want", "would like", "need", "wish":
		modal := map[string]string{"want": "I want", "would like": "I would like", "need": "I need", "wish": "I wish"}[form]
		if enTo || form == "would like" || form == "wish" {
			return modal + " to " + strings.TrimPrefix(need, "to "), true
		}
		return modal + " " + need, true
	case "can":
		if rest, ok := strings.CutPrefix(need, "be able to "); ok {
			return "I can " + rest, true
		}
		if enTo {
			return "I can " + need, true
		}
	}
	return "", false
}

// startsWithInfinitive reports whether a French text opens with an
// infinitive (after clitics and a negation).
func startsWithInfinitive(t string) bool {
	f, idx := foldMap(t)
	r := &reader{s: t, f: f, idx: idx, toks: readTokens(f)}
	return len(r.toks) > 0 && r.frInfinitiveAt(0)
}

// elide returns "de " or "d'" (and the like) for the word that follows.
func elide(word, next string) string {
	if startsWithVowel(next) {
		return word[:len(word)-1] + "'"
	}
	return word + " "
}

// markerText writes a benefit marker before its benefit.
func markerText(form, benefit string) string {
	switch form {
	case "afin de", "dans le but de":
		return strings.TrimSuffix(form, "de") + strings.TrimSpace(elide("de", benefit))
	case "afin que", "pour que", "de sorte que":
		return strings.TrimSuffix(form, "que") + strings.TrimSpace(elide("que", benefit))
	case "de facon a":
		return "de façon à"
	case "de maniere a":
		return "de manière à"
	}
	return form
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
