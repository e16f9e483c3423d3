package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// readNeed reads the need that starts at token i, and the benefit after
// it, into p. It reports whether it found one.
func (r *reader) readNeed(p *parsed, i int, lang Lang) bool {
	toks := r.toks
	if i >= len(toks) {
		return false
	}
	end := r.endFrom(i, lang)
	needStart := -1
	if m, after := matchSeq(toks, i, wantIndex, lang); m != nil {
		p.needForm, p.negated = m.form, m.neg
		p.Lang = m.lang
		needStart = after
		// "I want to": the "to" is the modal's.
		if m.lang == EN && m.seq[len(m.seq)-1] == "to" {
			p.enTo = true
		}
		if needStart < end && toks[needStart].w == "to" && m.lang == EN {
			needStart++
			p.enTo = true
		}
	} else if toks[i].word && isSubject(toks[i].w, lang) {
		needStart = i + 1
		p.needForm = r.verbShape(p, i, lang)
	} else if r.passiveAt(i, end, lang) {
		needStart = i
		p.needForm = "passive"
	} else if lang == FR && r.frInfinitiveAt(i) || lang == EN && enVerbs[toks[i].w] {
		needStart = i
		p.needForm = "infinitive"
	} else if lang == FR && r.statementAt(i, end) {
		needStart = i
		p.needForm = "statement"
	}
	if needStart < 0 || needStart >= end {
		return false
	}
	needEnd := end
	if !p.benefitFirst && p.Benefit == "" {
		if at, after, form := r.findBenefit(needStart+1, end, lang); at >= 0 {
			needEnd = at
			p.Benefit = r.cut(after, end)
			p.benefitForm = form
			p.benefitMarker = r.cut(at, after)
		} else if end < len(toks) && end > 0 && toks[end-1].isMark('.') {
			// "… with a Final Action status. So that I can finish it.":
			// the benefit written as a sentence of its own.
			if m, after := matchSeq(toks, end, benefitIndex, lang); m != nil {
				bEnd := r.endFrom(after, lang)
				if o, _ := matchOpener(toks, after); o == nil && bEnd > after {
					needEnd = end - 1
					p.Benefit = r.cut(after, bEnd)
					p.benefitForm = m.form
					p.benefitMarker = r.cut(end, after)
					end = bEnd
				}
			}
		}
	}
	p.Action = r.cut(needStart, needEnd)
	p.need = p.Action
	if p.negated && p.Action != "" {
		// Keep the negation: the need is what must not happen.
		p.Action = map[Lang]string{EN: "not ", FR: "ne pas "}[lang] + p.Action
	}
	r.sentEnd = end
	return true
}

// verbShape classifies the verb after a subject at token i: "peux",
// "dois", "indicative", "plural" (French), "can", "should", "indicative",
// "plural" (English). It records the verb as written.
func (r *reader) verbShape(p *parsed, i int, lang Lang) string {
	toks := r.toks
	subj := toks[i].w
	k := i + 1
	if lang == FR {
		if k < len(toks) && (toks[k].w == "ne" || toks[k].w == "n'") {
			p.negated = false // the negation stays in the need
			k++
		}
		for k < len(toks) && toks[k].word && frClitics[toks[k].w] && k+1 < len(toks) && toks[k+1].word {
			k++
		}
		if k >= len(toks) || !toks[k].word {
			return "indicative"
		}
		p.verb = r.orig(k)
		v := toks[k].w
		switch {
		case subj == "nous" || subj == "on":
			return "plural"
		case v == "peux" || v == "pourrai" || v == "pourrais":
			return "peux"
		case v == "dois" || v == "devrai" || v == "devrais":
			return "dois"
		}
		return "indicative"
	}
	if k < len(toks) && adverbs[toks[k].w] {
		k++
	}
	if subj == "we" || subj == "we're" || subj == "we'll" {
		return "plural"
	}
	if subj == "i'm" && k < len(toks) && toks[k].w == "able" {
		return "able"
	}
	if k < len(toks) && toks[k].word {
		p.verb = r.orig(k)
		switch toks[k].w {
		case "can", "could", "may":
			return "can"
		case "should", "must", "shall":
			if k+2 < len(toks) && toks[k+1].w == "be" && toks[k+2].w == "able" {
				return "able"
			}
			return "should"
		case "have":
			if k+1 < len(toks) && toks[k+1].w == "to" {
				return "should"
			}
		case "am":
			if k+1 < len(toks) && toks[k+1].w == "able" {
				return "able"
			}
		case "will", "would":
			if k+2 < len(toks) && toks[k+1].w == "be" && toks[k+2].w == "able" {
				return "able"
			}
		}
	}
	return "indicative"
}

// frDeterminers open a noun phrase that may be the subject of a
// statement: "les demandes déposées sur le portail arrivent …".
var frDeterminers = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "mon": true, "ma": true, "mes": true, "notre": true,
	"nos": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true, "un": true, "une": true,
	"des": true, "chaque": true, "tout": true, "tous": true, "toute": true, "toutes": true, "ce": true,
	"cet": true, "cette": true, "ces": true, "aucun": true, "aucune": true,
}

// frFiniteVerbs are third-person verbs common in statements of a target
// situation; other verbs in "-ent" are found by their ending.
// "est" and "a" are left out: "la liste est trop longue" states a
// problem, not a need (a passive, "est transmise", is read apart).
var frFiniteVerbs = map[string]bool{
	"peut": true, "peuvent": true, "doit": true, "doivent": true, "devient": true, "deviennent": true, "reste": true,
	"restent": true, "apparait": true, "apparaissent": true, "arrive": true, "figure": true,
	"figurent": true, "contient": true, "affiche": true, "indique": true, "part": true, "passe": true,
}

// frNotVerbsInEnt are common words in "-ent" that are no verbs.
var frNotVerbsInEnt = map[string]bool{
	"agent": true, "agents": true, "client": true, "parent": true, "patient": true, "urgent": true,
	"souvent": true, "president": true, "accident": true, "argent": true, "content": true,
	"precedent": true, "recent": true, "absent": true, "present": true, "talent": true, "dent": true,
	"cent": true, "vent": true, "lent": true, "comment": true, "ent": true, "referent": true,
	"equivalent": true, "different": true, "frequent": true, "adherent": true, "resident": true,
	"etudiant": true, "intelligent": true, "competent": true, "permanent": true, "excellent": true,
}

// statementAt reports whether tokens from i state a target situation in
// the third person: "les demandes déposées sur le portail arrivent dans
// notre logiciel", "le tableau se met à jour chaque nuit".
func (r *reader) statementAt(i, end int) bool {
	toks := r.toks
	if i >= end || !toks[i].word || !frDeterminers[toks[i].w] {
		return false
	}
	for k := i + 1; k < end && k < i+15; k++ {
		t := toks[k]
		if !t.word {
			if t.w[0] == ',' {
				return false
			}
			continue
		}
		w := t.w
		switch {
		case frFiniteVerbs[w]:
			return true
		case (w == "se" || w == "s'") && k+1 < end && toks[k+1].word:
			return true
		case len(w) > 4 && strings.HasSuffix(w, "ent") && !strings.HasSuffix(w, "ment") && !frNotVerbsInEnt[w]:
			return true
		}
	}
	return false
}

// passiveAt reports whether tokens from i state a target situation in the
// passive voice: "mes données sont récupérées …", "le dossier m'est
// transmis", "my data is retrieved …".
func (r *reader) passiveAt(i, end int, lang Lang) bool {
	toks := r.toks
	for k := i; k < end && k < i+12; k++ {
		t := toks[k]
		if !t.word {
			if t.w[0] == ',' {
				return false
			}
			continue
		}
		var be bool
		if lang == EN {
			be = t.w == "is" || t.w == "are" || t.w == "gets" || t.w == "get"
		} else {
			be = frSubjunctiveBe[t.w] != ""
		}
		if !be || k == i {
			continue
		}
		for j := k + 1; j < end && j <= k+3; j++ {
			if !toks[j].word {
				break
			}
			w := toks[j].w
			if lang == EN {
				if enParticiple(w) {
					return true
				}
				if !adverbs[w] && w != "automatically" && w != "not" && w != "always" {
					break
				}
				continue
			}
			if frParticiple(r.orig(j)) || frStateAdjective(w) {
				return true
			}
			if !passiveAdverbs[w] {
				break
			}
		}
		return false
	}
	return false
}

// frStateAdjective reports whether a folded French word is an adjective
// of what can be done with a thing, which after "être" states a target
// situation as a participle does: "mon numéro est modifiable depuis mon
// espace", "les pages sont lisibles sur mobile".
func frStateAdjective(w string) bool {
	w = strings.TrimSuffix(w, "s")
	return len(w) > 6 && (strings.HasSuffix(w, "able") || strings.HasSuffix(w, "ible"))
}

// finishText sets the sentence's text, from token start to its end, and
// what follows it.
func (r *reader) finishText(p *parsed, start int) {
	end := r.sentEnd
	if end <= start {
		end = r.endFrom(start, p.Lang)
	}
	from := r.idx[r.toks[start].s]
	to := len(r.s)
	if end < len(r.toks) {
		to = int(r.idx[r.toks[end].s])
	}
	if end > 0 && end <= len(r.toks) && !r.toks[end-1].word {
		to = int(r.idx[r.toks[end-1].e])
	}
	p.Text = strings.TrimRight(collapse(r.s[from:to]), " ")
	p.extra = strings.TrimSpace(r.s[to:])
	p.finish()
}

// finish trims the parts and sets aside the template's placeholders.
func (p *parsed) finish() {
	p.Action = strings.TrimRight(p.Action, ".!?,;: ")
	p.need = strings.TrimRight(p.need, ".!?,;: ")
	p.Benefit = strings.TrimRight(p.Benefit, ".!?,;: ")
	p.Role = strings.TrimRight(p.Role, ".!?,;: ")
	for k, part := range []*string{&p.Role, &p.Action, &p.Benefit} {
		if *part != "" && isPlaceholderText(*part) {
			p.placeholder = append(p.placeholder, *part)
			switch k {
			case 0:
				p.rolePh = *part
			case 1:
				p.needPh = *part
			}
			*part = ""
		}
	}
}

// isEnd reports whether the mark at token i ends the sentence: a full
// stop, "!" or "?" before a space, not after an abbreviation or an
// initial.
func (r *reader) isEnd(i int) bool {
	t := r.toks[i]
	if t.word {
		return false
	}
	switch t.w[0] {
	case '!', '?':
		return true
	case '.':
		if t.e < len(r.f) && r.f[t.e] != ' ' && r.f[t.e] != '\n' {
			return false
		}
		if i > 0 && r.toks[i-1].word && r.toks[i-1].e == t.s {
			w := r.toks[i-1].w
			if abbreviations[w] || len(w) == 1 || dottedInitials(w) {
				return false
			}
		}
		return true
	}
	return false
}

// continues reports whether the line break at token i goes on with the
// same sentence: after a comma, before a lower-case word, or before a
// part of a story sentence written on its own line.
func (r *reader) continues(i int, lang Lang) bool {
	if i > 0 && !r.toks[i-1].word && strings.ContainsRune(",;:", rune(r.toks[i-1].w[0])) {
		return true
	}
	j := i + 1
	if j >= len(r.toks) || r.toks[j].isMark('\n') || r.toks[j].isMark('-') {
		return false // a blank line or a list-like line ends it
	}
	if !r.toks[j].word {
		return true // "(nom, date de naissance)" wrapped onto the next line
	}
	if i > 0 && r.toks[i-1].word && wrapWords[r.toks[i-1].w] {
		return true // "… vers la\nCAF": a line wrapped mid-phrase
	}
	if m, _ := matchSeq(r.toks, j, benefitIndex, ""); m != nil {
		return true
	}
	if m, _ := matchSeq(r.toks, j, wantIndex, ""); m != nil {
		return true
	}
	if o, _ := matchOpener(r.toks, j); o != nil && o.form != "as" {
		return true
	}
	if isSubject(r.toks[j].w, lang) || r.toks[j].w == "pour" || r.toks[j].w == "so" {
		return true
	}
	w := r.orig(j)
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(c) || len(w) > 1 && isUpperWord(w)
}

// endFrom returns the index of the token that ends the sentence going on
// from token i: its final mark is included; a line break that ends it is
// not.
func (r *reader) endFrom(i int, lang Lang) int {
	for ; i < len(r.toks); i++ {
		t := r.toks[i]
		if t.word {
			continue
		}
		if r.isEnd(i) {
			return i + 1
		}
		if t.w[0] == '\n' && !r.continues(i, lang) {
			return i
		}
	}
	return len(r.toks)
}

// soNounClause reports whether the words from k are a noun then a modal
// ("so officers can see how much there is", "so residents know"): a
// clause after "so", whatever its subject; not "so much is".
func (r *reader) soNounClause(k, end int) bool {
	if k+1 >= end || !r.toks[k+1].word || adverbs[r.toks[k].w] || soDegree[r.toks[k].w] {
		return false
	}
	return soModals[r.toks[k+1].w]
}

var (
	soModals = map[string]bool{"can": true, "could": true, "will": true, "would": true, "may": true,
		"know": true, "get": true, "don't": true, "do": true}
	soDegree = map[string]bool{"much": true, "many": true, "far": true, "long": true, "well": true, "few": true}
)

// weakBenefit finds "pour" before an infinitive (preferring one after a
// comma) or "so" opening a clause ("so I can"), from token i to end.
func (r *reader) weakBenefit(i, end int, lang Lang) (int, string) {
	first, form := -1, ""
	for k := i; k < end; k++ {
		t := r.toks[k]
		if !t.word {
			continue
		}
		afterComma := k > 0 && r.toks[k-1].isMark(',')
		switch {
		case t.w == "pour" && lang != EN && r.frInfinitiveAt(k+1):
		case t.w == "so" && lang != FR && k+1 < end && r.toks[k+1].word &&
			(soSubjects[r.toks[k+1].w] || afterComma && !adverbs[r.toks[k+1].w] || r.soNounClause(k+1, end)):
		default:
			continue
		}
		if afterComma {
			return k, t.w
		}
		if first < 0 {
			first, form = k, t.w
		}
	}
	return first, form
}

// findBenefit returns the first benefit marker between tokens i and end:
// a strong one anywhere, else a weak one.
func (r *reader) findBenefit(i, end int, lang Lang) (at, after int, form string) {
	for k := i; k < end; k++ {
		if m, next := matchSeq(r.toks, k, benefitIndex, lang); m != nil && next <= end {
			return k, next, m.form
		}
	}
	if k, w := r.weakBenefit(i, end, lang); k >= 0 {
		return k, k + 1, w
	}
	return -1, -1, ""
}
