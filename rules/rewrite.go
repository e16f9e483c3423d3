package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rewriting a story sentence in the author's own words: the role, the
// need and the benefit they wrote, in the template's form ("En tant que
// <profil>, je veux <besoin> afin de <bénéfice>."). The fixes of
// story-format and story-uniform are built here.

// canonicalNeed returns the need as it reads after "je veux" / "I want
// to": "reçois un courriel" → "recevoir un courriel", "peux archiver" →
// "pouvoir archiver", "mes données sont récupérées" → "que mes données
// soient récupérées". ok is false when cochef cannot rewrite it without
// changing its meaning ("je dois", "je ne peux pas").
func (p *parsed) canonicalNeed() (string, bool) {
	if p == nil || p.Action == "" {
		return "", false
	}
	a := p.Action
	if p.Lang == EN {
		return p.canonicalNeedEN()
	}
	switch p.needForm {
	case "veux", "souhaite", "voudrais", "aimerais", "besoin", "infinitive", "impersonal":
		return a, true
	case "plural":
		if first, rest := splitFirst(a); fold(first) == "peut" || fold(first) == "pouvons" {
			return "pouvoir " + rest, true
		}
		if p.verb == "" {
			return a, true // "nous voulons partager …": the need follows the modal
		}
		return "", false
	case "peux":
		first, rest := splitFirst(a)
		switch fold(first) {
		case "peux", "pourrai", "pourrais":
			return "pouvoir " + rest, true
		}
		return "", false // "ne peux pas …" is often a bug report
	case "indicative":
		return frIndicativeToInfinitive(a)
	case "passive":
		return frPassiveToClause(a)
	}
	return "", false
}

func (p *parsed) canonicalNeedEN() (string, bool) {
	a := p.Action
	first, rest := splitFirst(a)
	switch p.needForm {
	case "want", "would like", "need", "wish", "infinitive", "no subject":
		if p.negated {
			return "", false
		}
		return strings.TrimPrefix(a, "to "), true
	case "plural":
		if p.verb == "" {
			return strings.TrimPrefix(a, "to "), true
		}
	case "can", "able":
		switch strings.ToLower(first) {
		case "can", "could", "may":
			return "be able to " + rest, true
		case "able":
			return "be " + a, true
		case "am", "should", "must", "will", "would":
			if i := strings.Index(strings.ToLower(a), "able to "); i >= 0 {
				return "be " + a[i:], true
			}
		}
	case "indicative":
		switch strings.ToLower(first) {
		case "am", "'m":
			return "be " + rest, true
		case "will", "'ll", "do", "don't", "did", "was", "have":
			return "", false
		}
		if strings.HasSuffix(strings.ToLower(first), "ed") {
			return "", false
		}
		return a, true
	}
	return "", false
}

// splitFirst splits the first word off s.
func splitFirst(s string) (string, string) {
	first, rest, _ := strings.Cut(strings.TrimSpace(s), " ")
	return first, rest
}

// frIndicativeToInfinitive rewrites a need written in the first person
// ("reçois un courriel", "n'ai plus à ressaisir", "me connecte", "ne les
// reçois plus") as an infinitive phrase ("recevoir un courriel", "ne plus
// avoir à ressaisir", "me connecter", "ne plus les recevoir").
func frIndicativeToInfinitive(a string) (string, bool) {
	f, idx := foldMap(a)
	toks := readTokens(f)
	orig := func(i int) string { return a[idx[toks[i].s]:idx[toks[i].e]] }
	k := 0
	neg := false
	if k < len(toks) && (toks[k].w == "ne" || toks[k].w == "n'") {
		neg = true
		k++
	}
	var clitics []string
	for k < len(toks) && toks[k].word && frClitics[toks[k].w] && k+1 < len(toks) && toks[k+1].word {
		clitics = append(clitics, strings.ToLower(orig(k)))
		k++
	}
	if k >= len(toks) || !toks[k].word {
		return "", false
	}
	inf, ok := frInfinitiveOf(orig(k))
	if !ok {
		return "", false
	}
	restFrom := int(idx[toks[k].e])
	neg2 := ""
	if neg && k+1 < len(toks) && toks[k+1].word && frNegations[toks[k+1].w] {
		switch toks[k+1].w {
		case "aucun", "aucune", "personne":
			// "ne reçois aucun courriel" → "ne recevoir aucun courriel".
		default:
			neg2 = orig(k + 1)
			restFrom = int(idx[toks[k+1].e])
		}
	}
	var b strings.Builder
	if neg {
		b.WriteString("ne ")
		if neg2 != "" {
			b.WriteString(neg2 + " ")
		}
	}
	for _, c := range clitics {
		b.WriteString(c)
		if !strings.HasSuffix(c, "'") {
			b.WriteByte(' ')
		}
	}
	// A clitic elided before the conjugated verb may not be before the
	// infinitive, and the other way round: "m'inscris" → "m'inscrire",
	// "l'envoie" → "l'envoyer", "me connecte" → "me connecter".
	out := b.String()
	out = elideBefore(out, inf) + inf + a[restFrom:]
	return strings.TrimSpace(out), true
}

// elideBefore fixes the last word of head for the word that follows:
// "me " before "inscrire" becomes "m'", "m'" before "connecter" "me ".
func elideBefore(head, next string) string {
	if head == "" {
		return head
	}
	vowel := startsWithVowel(next)
	for _, pair := range [][2]string{{"me ", "m'"}, {"te ", "t'"}, {"se ", "s'"}, {"le ", "l'"}, {"la ", "l'"}, {"ne ", "n'"}} {
		full, elided := pair[0], pair[1]
		switch {
		case vowel && strings.HasSuffix(head, full):
			return strings.TrimSuffix(head, full) + elided
		case !vowel && strings.HasSuffix(head, elided) && full != "la ":
			return strings.TrimSuffix(head, elided) + full
		}
	}
	return head
}

// frPassiveToClause turns "mes données sont récupérées …" into "que mes
// données soient récupérées …", to follow "je veux".
func frPassiveToClause(a string) (string, bool) {
	f, idx := foldMap(a)
	toks := readTokens(f)
	for k, t := range toks {
		sub, ok := frSubjunctiveBe[t.w]
		if !ok || !t.word || k == 0 {
			continue
		}
		head := a[:idx[t.s]]
		if strings.HasSuffix(head, "m'") || strings.HasSuffix(head, "m’") {
			// "le dossier m'est transmis" → "me soit transmis".
			head = head[:strings.LastIndex(head, "m")] + "me "
		}
		clause := head + sub + a[idx[t.e]:]
		if startsWithVowel(clause) {
			return "qu'" + clause, true
		}
		return "que " + clause, true
	}
	return "", false
}

// canonical returns the whole sentence in the template's form, in the
// author's words: "En tant qu'usager, je veux recevoir un courriel quand
// mon dossier est accepté." A sentence without a role gets the "<profil>"
// placeholder, the one thing only its author can write.
func (p *parsed) canonical() (string, bool) {
	need, ok := p.canonicalNeed()
	if !ok {
		return "", false
	}
	role := p.Role
	if role == "" {
		role = map[Lang]string{FR: "<profil>", EN: "<role>"}[p.Lang]
	}
	var b strings.Builder
	if p.Lang == EN {
		b.WriteString(opening(role).Get(EN))
		if p.clause != "" {
			b.WriteString(", " + lowerFirst(p.clause))
		}
		switch {
		case strings.HasPrefix(strings.ToLower(need), "to "):
			b.WriteString(", I want " + need)
		case p.needForm == "want" || p.needForm == "would like" || p.needForm == "need" || p.needForm == "wish" || p.needForm == "plural":
			if p.enTo {
				b.WriteString(", I want to " + need)
			} else {
				b.WriteString(", I want " + need)
			}
		default:
			b.WriteString(", I want to " + need)
		}
	} else {
		b.WriteString(opening(role).Get(FR))
		if p.clause != "" {
			b.WriteString(", " + lowerFirst(p.clause))
		}
		b.WriteString(", je veux " + need)
	}
	if p.Benefit != "" {
		marker := lowerFirst(p.benefitMarker)
		if marker == "" {
			marker = map[Lang]string{FR: "afin de", EN: "so that"}[p.Lang]
		}
		if p.Lang == EN || p.benefitFirst {
			b.WriteString(",")
		}
		b.WriteString(" " + marker)
		if !strings.HasSuffix(marker, "'") && !strings.HasSuffix(marker, "’") {
			b.WriteByte(' ')
		}
		b.WriteString(p.Benefit)
	}
	out := strings.TrimRight(b.String(), " ,;:")
	if !strings.HasSuffix(out, ".") || !endsWithAbbreviation(out) {
		out = strings.TrimRight(out, ".!?") + "."
	}
	return out, true
}

// lowerFirst lower-cases the first letter of s unless the first word is
// an acronym ("CAF") or a name written in capitals.
func lowerFirst(s string) string {
	first, _ := splitFirst(s)
	if len(first) > 1 && isUpperWord(first) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// tidy writes a sentence taken from the author's text the way a fix
// shows it: on one line, the role opener with its elision ("En tant
// que assuré" → "En tant qu'assuré"), a comma after the role, and the
// need in lower case after it ("**Je veux**" on its own line).
func (p *parsed) tidy(text string) string {
	text = collapse(text)
	if p == nil || p.Role == "" || p.clauseFirst || p.benefitFirst {
		return text
	}
	var opener string
	switch p.roleForm {
	case "en tant que", "as a":
		opener = opening(p.Role).Get(p.Lang)
	case "etq":
		if p.pleonastic {
			return text
		}
		opener = "ETQ " + p.Role
	default:
		return text
	}
	i := strings.Index(text, p.Role)
	if i < 0 {
		return text
	}
	rest := strings.TrimLeft(text[i+len(p.Role):], " ,:;")
	if rest == "" {
		return text
	}
	if p.Lang == FR {
		// "**Je veux**" on a line of its own was capitalised.
		switch first, _ := splitFirst(fold(rest)); {
		case first == "je", first == "nous", first == "on", strings.HasPrefix(first, "j'"):
			rest = lowerFirst(rest)
		}
	}
	return opener + ", " + rest
}
