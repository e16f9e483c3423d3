package rules

import (
	"strings"
	"unicode"
)

// The sentence reader. A story sentence has up to four parts: who (the
// role), when (a situation clause), what (the need) and why (the benefit),
// in the orders real backlogs write them:
//
//	ETQ usager, je reçois un courriel quand mon dossier est accepté.
//	En tant qu'instructeur, je ne dois pas pouvoir modifier un dossier clos.
//	ETQ DDETS, relire la liste des structures.
//	Afin de ne plus ressaisir les pièces, en tant que demandeur, je veux …
//	Lorsqu'un dossier est incomplet, ETQ instructeur, je veux …
//	**En tant que** usager / **Je veux** … / **Afin de** … (three lines)
//	As a visitor, I can see the opening hours so that I do not travel for nothing.
//
// The need is what follows the subject and a wanting modal ("je veux",
// "j'ai besoin de", "I would like to"); any other verb stays in it
// ("peux archiver un dossier", "reçois un courriel"). The reader works on
// folded tokens (see readTokens) and cuts the parts out of the text as
// written.

// matchSeq returns the longest marker of idx at token i (of lang when
// lang is set), with the index after it; an adverb right after the
// subject is skipped.
func matchSeq(toks []rtok, i int, idx map[string][]*seqMarker, lang Lang) (*seqMarker, int) {
	if i >= len(toks) || !toks[i].word {
		return nil, i
	}
	for _, m := range idx[toks[i].w] {
		if lang != "" && m.lang != lang {
			continue
		}
		if tokSeq(toks, i, m.seq) {
			return m, i + len(m.seq)
		}
		// "I only want": the subject, an adverb, then the rest.
		if len(m.seq) > 1 && i+1 < len(toks) && adverbs[toks[i+1].w] && tokSeq(toks, i+2, m.seq[1:]) {
			return m, i + 1 + len(m.seq)
		}
	}
	return nil, i
}

func matchOpener(toks []rtok, i int) (*roleOpener, int) {
	for k := range roleOpeners {
		o := &roleOpeners[k]
		if tokSeq(toks, i, o.seq) {
			return o, i + len(o.seq)
		}
	}
	return nil, i
}

func isSubject(w string, lang Lang) bool {
	if lang == EN {
		return enSubjects[w]
	}
	return frSubjects[w]
}

// clauseAt reports whether tokens from i open a situation clause: "lorsque
// …", "si …", "dès que …", "une fois connecté …", "en cas de …".
func clauseAt(toks []rtok, i int) bool {
	if i >= len(toks) || !toks[i].word || !clauseWords[toks[i].w] {
		return false
	}
	w := toks[i].w
	next := ""
	if i+1 < len(toks) && toks[i+1].word {
		next = toks[i+1].w
	}
	switch w {
	case "des":
		return next == "que" || next == "qu'" || next == "la" || next == "le" || next == "l'" || next == "reception"
	case "une":
		return next == "fois"
	case "en":
		return next == "cas"
	case "on":
		// "On veut pouvoir vendre…", "on peut…": French "on" is the
		// subject of a modal; "On the map, …", "On submission, …" open a
		// place or a moment.
		if frOnModals[next] || next == "a" && i+2 < len(toks) && toks[i+2].w == "besoin" {
			return false
		}
		return next != "" && !frSubjects[next] && !enSubjects[next]
	case "dans", "a", "au", "sur", "in":
		// "dans le cas où", "à la réception de", "au moment où", "sur la
		// page …", "on the page …", "in case …": a place or a moment.
		return next != "" && !frSubjects[next] && !enSubjects[next] && (w != "a" || next == "la" || next == "chaque" || next == "partir")
	}
	return true
}

// frOnModals follow French "on" as its verb: "on veut", "on peut", "on
// aimerait" ("on a besoin" is read apart: English "On a Monday, …").
var frOnModals = setOf(`veut voudrait souhaite souhaiterait aimerait peut pourrait doit devrait`)

// reader holds one candidate text while it is read.
type reader struct {
	s    string  // as written (markers stripped)
	f    string  // folded
	idx  []int32 // f offset → s offset
	toks []rtok
	// sentEnd is the token after the last sentence readNeed read.
	sentEnd int
}

// cut returns the text as written between tokens a (inclusive) and b
// (exclusive), trimmed.
func (r *reader) cut(a, b int) string {
	if a >= b || a >= len(r.toks) {
		return ""
	}
	from := int(r.idx[r.toks[a].s])
	to := int(r.idx[r.toks[b-1].e])
	// Brackets around a word are no tokens, but a placeholder's: keep them.
	for from > 0 && strings.IndexByte("<[{", r.s[from-1]) >= 0 {
		from--
	}
	for to < len(r.s) && strings.IndexByte(">]}", r.s[to]) >= 0 {
		to++
	}
	return collapse(strings.Trim(r.s[from:to], " ,;:\n\t-\"«»“”"))
}

// orig returns token i as written.
func (r *reader) orig(i int) string {
	return r.s[r.idx[r.toks[i].s]:r.idx[r.toks[i].e]]
}

// frInfinitiveAt reports whether an infinitive comes at token i, after
// clitics and a negation: "relire la liste", "me connecter", "ne plus
// ressaisir".
func (r *reader) frInfinitiveAt(i int) bool {
	for k := 0; k < 5 && i+k < len(r.toks); k++ {
		t := r.toks[i+k]
		if !t.word {
			return false
		}
		switch {
		case frModal[t.w] || frInfinitive(t.w):
			return true
		case t.w == "designer" && strings.ContainsRune(r.orig(i+k), 'é'):
			// "désigner le conducteur": the French verb, which folds to
			// the English noun "designer".
			return true
		case !frBeforeInfinitive[strings.TrimSuffix(t.w, "'")]:
			return false
		}
	}
	return false
}

// parseSentence looks for a story sentence in s: at its start (after up
// to two label prefixes such as "US 12 :" or "[Front]"), or at the start
// of any of its sentences or lines when it opens with a role. The most
// complete one wins, the first among equals.
func parseSentence(s string) *parsed { return readSentence(s, true) }

// readSentence is parseSentence; noRole says whether a sentence without a
// role ("Je veux pouvoir exporter …") counts at the text's start: in the
// title, the story section or the body's first paragraph, not in any
// paragraph of the context.
func readSentence(s string, noRole bool) *parsed {
	// Emphasis CommonMark could not pair ("*En tant qu'***usagère**")
	// stays in the text as stray markers. Only the end is trimmed: the
	// line breaks before the sentence count.
	s = strings.TrimRight(stripInlineMarkers(sentenceText(s)), " \t\n\r")
	// Emoji and pictographs before the sentence ("🚀 En tant qu'…",
	// "✅ ETQ …") are decoration; line breaks stay, they are counted.
	s = strings.TrimLeftFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == 0xFE0F || r == 0x200D || unicode.IsSymbol(r) || unicode.In(r, unicode.Co)
	})
	if s == "" {
		return nil
	}
	f, idx := foldMap(s)
	r := &reader{s: s, f: f, idx: idx, toks: readTokens(f)}
	if len(r.toks) == 0 {
		return nil
	}
	var best *parsed
	try := func(start int, initial bool) bool {
		p := r.parseFrom(start, initial)
		if p.score() > best.score() {
			p.lineOff = strings.Count(s[:r.idx[r.toks[start].s]], "\n")
			best = p
		}
		return best.score() == 3
	}
	// The text's start, then after label prefixes.
	startTok := func(off int) int {
		for i, t := range r.toks {
			if int(r.idx[t.s]) >= off {
				return i
			}
		}
		return len(r.toks)
	}
	first := 0
	for first < len(r.toks) && !r.toks[first].word {
		first++
	}
	if first < len(r.toks) && try(first, noRole) {
		return best
	}
	off := 0
	for range 2 {
		rest := s[off:]
		lead := strings.IndexFunc(rest, isWordRune)
		if lead < 0 {
			break
		}
		n := labelEnd(rest[lead:])
		if n <= 0 {
			break
		}
		off += lead + n
		if k := startTok(off); k < len(r.toks) {
			for k < len(r.toks) && !r.toks[k].word {
				k++
			}
			if k < len(r.toks) && try(k, noRole) {
				return best
			}
		}
	}
	// Any later sentence or line that opens with a role, a benefit or a
	// clause: "Contexte… ETQ usager, je veux …".
	// "ETQ" counts anywhere ("Pour cette itération, ETQ instructeur, je
	// veux …"); "en tant que" and "as a" only after a comma: "se
	// connecter en tant qu'agent", "as a result" are no roles.
	for i := first + 1; i < len(r.toks); i++ {
		if !r.toks[i].word {
			continue
		}
		prev := r.toks[i-1]
		start := !prev.word && (prev.w[0] == '\n' || r.isEnd(i-1) || prev.w[0] == ':')
		if !start {
			o, _ := matchOpener(r.toks, i)
			start = o != nil && (o.form == "etq" || !prev.word && prev.w[0] == ',')
		}
		if start && try(i, false) {
			return best
		}
	}
	return best
}

// parseFrom reads a sentence that starts at token i. initial says the
// token opens the text (or follows its label), where a sentence without a
// role ("Je veux pouvoir …") still counts.
func (r *reader) parseFrom(i int, initial bool) *parsed {
	toks := r.toks
	// Benefit first: "Afin de …, en tant que …, je veux …".
	if m, after := matchSeq(toks, i, benefitIndex, ""); m != nil || toks[i].w == "pour" && r.frInfinitiveAt(i+1) {
		if m == nil {
			after = i + 1
		}
		if p := r.benefitFirst(i, after, m, initial); p != nil {
			return p
		}
	}
	// A clause first: "Lorsqu'un dossier est incomplet, ETQ …, je veux …".
	if clauseAt(toks, i) {
		for k := i + 1; k < len(toks) && k < i+40; k++ {
			if r.isEnd(k) {
				break
			}
			if !toks[k].isMark(',') || k+1 >= len(toks) {
				continue
			}
			if o, _ := matchOpener(toks, k+1); o != nil {
				if p := r.fromRole(k+1, i); p != nil && p.Action != "" {
					p.clause = r.cut(i, k)
					p.clauseFirst = true
					return p
				}
			}
			if initial {
				if p := r.fromWant(k+1, i); p != nil {
					p.clause = r.cut(i, k)
					return p
				}
			}
		}
		return nil
	}
	if o, _ := matchOpener(toks, i); o != nil {
		return r.fromRole(i, i)
	}
	if initial {
		if p := r.fromWant(i, i); p != nil {
			return p
		}
		return r.fromCan(i, i)
	}
	return nil
}

// fromCan reads a sentence without a role that opens the text with what
// its speaker can do: "I can see which plaques are waiting", "Je peux
// télécharger mon attestation". A capacity is a need as valid as a wish
// (at most a story-uniform note); "I can't …" and "I cannot …" report a
// fault.
func (r *reader) fromCan(i, start int) *parsed {
	toks := r.toks
	if i+2 >= len(toks) || !toks[i+1].word || !toks[i+2].word {
		return nil
	}
	lang := EN
	switch {
	case toks[i].w == "i" && (toks[i+1].w == "can" || toks[i+1].w == "could"):
	case toks[i].w == "je" && (toks[i+1].w == "peux" || toks[i+1].w == "pourrai" || toks[i+1].w == "pourrais"):
		lang = FR
	default:
		return nil
	}
	if toks[i+2].w == "not" || toks[i+2].w == "pas" || toks[i+2].w == "no" {
		return nil
	}
	p := &parsed{}
	p.Lang = lang
	if !r.readNeed(p, i, lang) || p.Action == "" {
		return nil
	}
	r.finishText(p, start)
	return p
}

// benefitFirst reads "Afin de <bénéfice>, en tant que <profil>, je veux
// <besoin>" and "So that …, as a …, I want …" (on one line or three):
// the benefit runs to the role.
func (r *reader) benefitFirst(i, after int, m *seqMarker, initial bool) *parsed {
	toks := r.toks
	for k := after; k < len(toks) && k < after+60; k++ {
		if r.isEnd(k) {
			return nil
		}
		if !toks[k].word || k == after {
			continue
		}
		prevMark := !toks[k-1].word && (toks[k-1].w[0] == ',' || toks[k-1].w[0] == '\n')
		var p *parsed
		if o, _ := matchOpener(toks, k); o != nil && prevMark && o.form != "as" || o != nil && o.form == "as" && prevMark {
			p = r.fromRole(k, i)
		} else if prevMark && initial {
			if mm, _ := matchSeq(toks, k, wantIndex, ""); mm != nil {
				p = r.fromWant(k, i)
			}
		}
		if p == nil || p.Action == "" {
			continue
		}
		p.Benefit = r.cut(after, k)
		p.benefitFirst = true
		p.benefitMarker = r.cut(i, after)
		p.benefitForm = "pour"
		if m != nil {
			p.benefitForm = m.form
		}
		p.finish()
		return p
	}
	return nil
}

// fromWant reads a sentence without a role that opens with a wanting
// modal: "Je veux pouvoir exporter …", "I want to …". start is the first
// token of the whole sentence.
func (r *reader) fromWant(i, start int) *parsed {
	m, after := matchSeq(r.toks, i, wantIndex, "")
	if m == nil {
		return nil
	}
	p := &parsed{}
	p.Lang = m.lang
	if !r.readNeed(p, i, m.lang) || p.Action == "" {
		return nil
	}
	_ = after
	r.finishText(p, start)
	return p
}

// abbreviatedRoles are openers that hold their role: "ETD" is "en tant
// que développeur", "AAU" "as a user".
var abbreviatedRoles = map[string]string{"etd": "développeur", "aau": "user"}

// fromRole reads a sentence whose role opener is at token i. start is the
// first token of the whole sentence (a clause or a benefit may come
// before the role).
func (r *reader) fromRole(i, start int) *parsed {
	toks := r.toks
	o, k := matchOpener(toks, i)
	p := &parsed{roleForm: o.form}
	p.Lang = o.lang
	lang := o.lang
	// "ETQ qu'administrateur", "ETQ que gestionnaire": a pleonasm.
	if o.form == "etq" && k < len(toks) && (toks[k].w == "qu'" || toks[k].w == "que") {
		p.pleonastic = true
		k++
	}
	abbreviated := abbreviatedRoles[toks[i].w]
	if abbreviated != "" || toks[i].w == "e.t.q" {
		p.pleonastic = true
	}
	// The role runs to a comma, a line break, a colon or the subject.
	roleStart := k
	for roleStart < len(toks) && (toks[roleStart].isMark(':') || toks[roleStart].isMark('.')) {
		roleStart++ // "ETQ : agent"
	}
	if abbreviated != "" && (roleStart >= len(toks) || !toks[roleStart].word || isSubject(toks[roleStart].w, lang)) {
		// "ETD, je veux …", "AAU I want …": the abbreviation names the
		// role.
		roleStart = i + 1
	}
	roleEnd := r.roleEnd(roleStart, lang)
	firstEnd := roleEnd
	for ext := 0; ; ext++ {
		// Articles open a role without being part of it.
		rs := roleStart
		for rs < roleEnd && toks[rs].word && roleArticles[toks[rs].w] {
			rs++
		}
		p.Role = r.cut(rs, roleEnd)
		if abbreviated != "" && p.Role == "" {
			p.Role = abbreviated
		}
		r.readAfterRole(p, roleEnd, lang)
		if p.Action != "" || ext == 2 || roleEnd >= len(toks) || !toks[roleEnd].isMark(',') {
			if p.Action == "" && roleEnd-rs > 12 {
				// A whole clause, not a role: "as a result we…".
				return nil
			}
			break
		}
		// No need after the comma: the role goes on ("gestionnaire,
		// super admin de la plateforme, je veux …").
		next := r.roleEnd(roleEnd+1, lang)
		if next <= roleEnd+1 || next >= len(toks) || !toks[next].isMark(',') {
			break
		}
		roleEnd = next
	}
	if p.Action == "" && roleEnd != firstEnd {
		// No need anywhere: the role is what came before the first comma.
		rs := roleStart
		for rs < firstEnd && toks[rs].word && roleArticles[toks[rs].w] {
			rs++
		}
		p.Role = r.cut(rs, firstEnd)
	}
	if o.form == "as" && p.Action == "" {
		return nil
	}
	r.finishText(p, start)
	return p
}

// roleEnd returns the token that ends a role starting at i: a comma, a
// line break, a colon, a full stop, or the subject of the need.
func (r *reader) roleEnd(i int, lang Lang) int {
	toks := r.toks
	k := i
	for k < len(toks) {
		t := toks[k]
		if !t.word {
			if strings.ContainsRune(",;:\n.!?", rune(t.w[0])) {
				break
			}
			k++
			continue
		}
		if isSubject(t.w, lang) || k > i && lang == FR && t.w == "afin" {
			break
		}
		if m, _ := matchSeq(toks, k, wantIndex, lang); m != nil && k > i {
			break
		}
		k++
	}
	return k
}

// readAfterRole reads what follows a role ending at token k: maybe a
// situation clause, then the need.
func (r *reader) readAfterRole(p *parsed, k int, lang Lang) {
	toks := r.toks
	n := k
	for n < len(toks) && !toks[n].word && strings.ContainsRune(",;:\n", rune(toks[n].w[0])) {
		n++
	}
	if n >= len(toks) || !toks[n].word {
		return
	}
	if clauseAt(toks, n) {
		for c := n + 1; c < len(toks) && c < n+30 && !r.isEnd(c); c++ {
			if toks[c].isMark(',') && c+1 < len(toks) {
				q := *p
				if r.readNeed(&q, c+1, lang) && q.Action != "" {
					q.clause = r.cut(n, c)
					*p = q
					return
				}
			}
		}
	}
	r.readNeed(p, n, lang)
}
