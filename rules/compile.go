package rules

import (
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"weak"
)

// compiled is what Analyze derives from a Template once: alias and hint
// lookups, keyword matchers, persona name stems.
type compiled struct {
	aliases map[string]int // key(alias) → index in Template.Sections
	hints   map[string]int // key(hint) → index in Template.Sections
	// answer marks the sections whose text does not make a story
	// sensitive: those that answer a condition (security notes, RGPD,
	// accessibility), or "Sans objet : pas d'authentification" would ask
	// for a review, and those the template marks IgnoreTopics (out of
	// scope).
	answer []bool
	// reply marks, among them, the sections that answer a condition: a
	// heading is never qualified into one of those ("Sécurité des
	// manèges" is a story's subject, not its security notes), while a
	// section the template only leaves unread ("Pas terminé / reporté")
	// may be.
	reply []bool
	// words holds the topics' keywords and the vague terms in one
	// matcher: a story's text is walked once for both.
	words    phraseMatcher
	hasVague bool
	acronyms map[string][]int // acronym as written → topic indices
	// listed and listedAcronyms hold the keywords and acronyms of the
	// Listed topics alone: the RGPD section's answer is walked for them
	// only, at a fraction of the whole matcher's cost.
	listed         phraseMatcher
	listedAcronyms map[string][]int
	// personaNames maps each persona name's stems, joined by spaces, to
	// the first persona that lists it.
	personaNames map[string]int
	// privileged[i] is Personas[i].Privileged; anyPrivileged is true when
	// one is: only then is a role searched for a privileged name first.
	privileged    []bool
	anyPrivileged bool
	// maxNameWords is the most words a persona name has: no longer run of
	// a role's words can be one, so matchPersona need not try them (a
	// role of thousands of words would otherwise cost a cubic search).
	maxNameWords int
	ruleOff      map[string]bool
	// people holds the stems of the one-word keywords of the topics of
	// context need: the words that name a person. anyNeed is true when a
	// topic has that context. anyProvider: a topic has context provider.
	people      map[string]bool
	anyNeed     bool
	anyProvider bool
	// labelTopics are the topics an issue label finds, by the label's key.
	labelTopics map[string][]int
	// records and attributes hold the stems of the one-word keywords of
	// the personal-data topics of context own (a person's dossier,
	// booking, application) and person (their name, address, photo): what
	// a need shows decides whether it is browsing (rules/acts.go).
	records, attributes map[string]bool
	ruleSev             map[string]Severity
	// checklist holds the keys of the security checklist's questions;
	// questions each key with the question's index.
	checklist map[string]bool
	questions []questionKey
	// A block longer than these (in bytes, with room for punctuation and
	// Markdown the key drops) cannot equal a hint or a question: no need
	// to compute its key.
	maxHint, maxChecklist int
	// keyHeads holds the first keyHead bytes of every hint's and
	// question's key: most blocks fail this test and never get a key.
	keyHeads map[string]bool
}

// questionKey is one security question, in one language, as key()
// writes it.
type questionKey struct {
	key   string
	index int
}

// keyHead is the length of the key prefixes in compiled.keyHeads.
const keyHead = 12

// phrase is a keyword of one or more folded words. Words match as
// written (docs/templates.md): a template lists the plurals it wants.
type phrase struct {
	words []string
	id    int    // index of the topic, or of the term in its list
	vague bool   // a vague term rather than a topic keyword
	text  string // as the template writes it
}

// phraseMatcher finds phrases in a text by their first word. A small
// filter on each first word's initial and length answers "no" for most
// words without hashing them.
type phraseMatcher struct {
	byFirst map[string][]phrase
	seen    map[string]bool // phrases added, by words, id and kind
	filter  [128]uint64     // by first byte: bit min(len, 63) set
}

func (m *phraseMatcher) empty() bool { return len(m.byFirst) == 0 }

func (m *phraseMatcher) add(text string, id int, vague bool) {
	m.addWords(phraseWords(text), text, id, vague)
}

// properName stands, in a keyword, for a word written with a capital
// that is not the first of its sentence: "envoyé par le service <Nom>"
// is a named provider, whatever its name.
const properName = "\x01"

// maxGap is how many words "…" in a keyword stands for: "déposer …
// justificatif" matches "déposer un justificatif", "dépose mon
// justificatif de domicile", "déposer les deux derniers justificatifs",
// within one sentence.
const maxGap = 3

// phraseWords returns a keyword's folded words, "…" (or "...") as an
// empty word: a gap of up to maxGap words. A verb and its object are a
// class this way ("joindre … fichier"), not a list of determiners.
func phraseWords(text string) []string {
	text = strings.ReplaceAll(text, "...", "…")
	var out []string
	text = strings.NewReplacer("<Nom>", " \x01 ", "<nom>", " \x01 ", "<Name>", " \x01 ").Replace(text)
	for i, part := range strings.Split(text, "…") {
		var ws []string
		for j, chunk := range strings.Split(part, "\x01") {
			if j > 0 {
				ws = append(ws, properName)
			}
			ws = append(ws, words(chunk)...)
		}
		if i > 0 && len(ws) > 0 && len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, ws...)
	}
	return out
}

// nameFollows reports whether the text between a keyword's word and the
// capitalised word after it lets that word be a name the keyword goes on
// with: a space or an elision ("par la plateforme Démarches", "via
// l'ANTS"), not a bracket ("générées par la plateforme (PDF)").
func nameFollows(between string) bool {
	return strings.Trim(between, " \t'’") == ""
}

// capitalised reports whether a word starts with a capital letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sentenceEnd reports whether the text between two words ends a
// sentence: a gap does not cross it.
func sentenceEnd(between string) bool {
	return strings.ContainsAny(between, ".!?\n;:")
}

// addWords adds one form of a phrase, text being the phrase as written.
// A form already listed for the same topic or term is skipped.
func (m *phraseMatcher) addWords(ws []string, text string, id int, vague bool) {
	if len(ws) == 0 {
		return
	}
	if m.byFirst == nil {
		m.byFirst = map[string][]phrase{}
		m.seen = map[string]bool{}
	}
	k := strings.Join(ws, " ") + "\x00" + strconv.Itoa(id) + strconv.FormatBool(vague)
	if m.seen[k] {
		return
	}
	m.seen[k] = true
	m.byFirst[ws[0]] = append(m.byFirst[ws[0]], phrase{words: ws, id: id, vague: vague, text: text})
	m.filter[ws[0][0]&127] |= 1 << min(len(ws[0]), 63)
}

// finish orders each first word's phrases longest first, so that
// "adresse IP" is reported rather than "adresse", in the order added
// among phrases of one length; build calls it once every phrase is in.
func (m *phraseMatcher) finish() {
	for _, list := range m.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	m.seen = nil
}

// scan calls fn for every phrase found in text, with the bounds of the
// words it covers; at one place, the longest topic keyword and the longest
// vague term. Phrases match whole words only. It allocates nothing: it
// runs over every block of every story.
func (m *phraseMatcher) scan(text string, fn func(p *phrase, start, end int)) {
	m.scanWords(text, fn, nil)
}

// scanWords is scan that also calls word for every word written like an
// acronym (see acronymCandidate), in the same walk.
func (m *phraseMatcher) scanWords(text string, fn func(p *phrase, start, end int), word func(start, end int)) {
	if m.empty() && word == nil {
		return
	}
	var b1 [64]byte
	// The words after a first word, folded once: a first word may open
	// hundreds of phrases (every form of a verb and its objects), each
	// compared with the same few words.
	var ahead [aheadWords]struct {
		buf        [64]byte
		n          int
		start, end int
		gapStop    bool // a sentence ends before this word
	}
	for pos := 0; pos < len(text); {
		start, end, w := wordAt(text, pos, b1[:])
		if start < 0 {
			return
		}
		pos = end
		if word != nil && acronymCandidate(text[start:end]) {
			word(start, end)
		}
		if m.filter[w[0]&127]&(1<<min(len(w), 63)) == 0 {
			continue
		}
		list, ok := m.byFirst[string(w)]
		if !ok {
			continue
		}
		// Fold the next words lazily: most first words open only
		// one-word phrases.
		nAhead, aheadDone := 0, false
		get := func(i int) bool {
			for !aheadDone && nAhead <= i {
				from := end
				if nAhead > 0 {
					from = ahead[nAhead-1].end
				}
				st, e, w2 := wordAt(text, from, ahead[nAhead].buf[:])
				if st < 0 {
					aheadDone = true
					break
				}
				a := &ahead[nAhead]
				a.n, a.start, a.end = len(w2), st, e
				if a.n > len(a.buf) {
					// Longer than any keyword word: it matches none
					// (and wordAt did not fold it into buf).
					a.n = 0
				}
				a.gapStop = sentenceEnd(text[from:st])
				nAhead++
				if nAhead == aheadWords {
					aheadDone = true
				}
			}
			return i < nAhead
		}
		var done [2]bool // a topic, a vague term
	next:
		for k := range list {
			p := &list[k]
			kind := 0
			if p.vague {
				kind = 1
			}
			if done[kind] {
				continue
			}
			at := 0 // index of the next word ahead
			gap := 0
			last := end
			for j := 1; j < len(p.words); j++ {
				if p.words[j] == "" {
					gap = maxGap // "déposer … justificatif"
					continue
				}
				for skipped := 0; ; skipped++ {
					if skipped > gap || !get(at) || gap > 0 && ahead[at].gapStop {
						continue next
					}
					a := &ahead[at]
					at++
					prevEnd := last
					last = a.end
					if string(a.buf[:a.n]) == p.words[j] || p.words[j] == properName && capitalised(text[a.start:a.end]) &&
						nameFollows(text[prevEnd:a.start]) {
						break
					}
				}
				gap = 0
			}
			done[kind] = true
			fn(p, start, last)
		}
	}
}

// aheadWords bounds the words a phrase may span after its first: longer
// phrases (with their gaps) do not match.
const aheadWords = 16

// compiledCache keys on the Template's address without keeping it alive:
// the server parses a repository's templates on each event, and an entry
// must go when its Template does.
var compiledCache sync.Map // weak.Pointer[Template] → *compiled

// compile returns t's compiled form. Templates are read-only once in use
// (the templates package builds them; rules only reads them).
func compile(t *Template) *compiled {
	wp := weak.Make(t)
	if c, ok := compiledCache.Load(wp); ok {
		return c.(*compiled)
	}
	c := build(t)
	if actual, loaded := compiledCache.LoadOrStore(wp, c); loaded {
		return actual.(*compiled)
	}
	runtime.AddCleanup(t, func(wp weak.Pointer[Template]) { compiledCache.Delete(wp) }, wp)
	return c
}

func build(t *Template) *compiled {
	c := &compiled{
		aliases:  map[string]int{},
		hints:    map[string]int{},
		answer:   make([]bool, len(t.Sections)),
		reply:    make([]bool, len(t.Sections)),
		acronyms: map[string][]int{},
		ruleOff:  map[string]bool{},
		ruleSev:  map[string]Severity{},

		listedAcronyms: map[string][]int{},

		checklist: map[string]bool{},
		keyHeads:  map[string]bool{},
	}
	for qi, q := range t.SecurityChecklist {
		for _, tx := range q {
			if k := key(tx); k != "" {
				c.checklist[k] = true
				c.questions = append(c.questions, questionKey{key: k, index: qi})
				c.keyHeads[k[:min(len(k), keyHead)]] = true
				c.maxChecklist = max(c.maxChecklist, 2*len(tx)+16)
			}
		}
	}
	for i, s := range t.Sections {
		names := append([]string{s.ID}, s.Aliases...)
		for _, tx := range s.Title {
			names = append(names, tx)
		}
		for _, a := range names {
			k := key(a)
			if k == "" {
				continue
			}
			if _, dup := c.aliases[k]; !dup {
				c.aliases[k] = i
			}
		}
		for _, h := range s.Hint {
			if k := key(h); k != "" {
				c.hints[k] = i
				c.keyHeads[k[:min(len(k), keyHead)]] = true
				c.maxHint = max(c.maxHint, 2*len(h)+16)
			}
		}
		for _, cond := range s.RequiredWhen {
			if cond != Always {
				c.reply[i] = true
			}
		}
		switch s.ID {
		case SectionSecurityNotes, SectionPersonalData, SectionAccessibility:
			c.reply[i] = true
		}
		c.answer[i] = s.IgnoreTopics || c.reply[i]
	}
	c.people, c.records, c.attributes = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i, tp := range t.Topics {
		for _, l := range tp.Labels {
			if c.labelTopics == nil {
				c.labelTopics = map[string][]int{}
			}
			c.labelTopics[key(l)] = append(c.labelTopics[key(l)], i)
		}
		// Verbs are conjugated where a topic lists acts ("exporter",
		// "anonymiser"); people, attributes and records are nouns.
		verbs := tp.Context != ContextNeed && tp.Context != ContextPerson && tp.Context != ContextOwn && tp.Context != ContextProvider &&
			tp.Context != ContextOnBehalf
		if tp.Context == ContextOnBehalf {
			c.anyNeed = true
		}
		c.anyProvider = c.anyProvider || tp.Context == ContextProvider && len(tp.Keywords) > 0
		for _, k := range tp.Keywords {
			for _, ws := range inflections(phraseWords(k), verbs) {
				c.words.addWords(ws, k, i, false)
				if tp.Listed {
					c.listed.addWords(ws, k, i, false)
				}
				if tp.Has(CategoryPersonalData) && len(ws) == 2 && tp.Context == ContextOwn {
					c.records[stem(ws[0])] = true // "rendez-vous", "compte rendu"
				}
				if tp.Has(CategoryPersonalData) && len(ws) == 1 {
					switch tp.Context {
					case ContextNeed:
						c.people[stem(ws[0])] = true
						c.anyNeed = true
					case ContextOwn:
						c.records[stem(ws[0])] = true
					case ContextPerson:
						c.attributes[stem(ws[0])] = true
					}
				}
			}
		}
		for _, a := range tp.Acronyms {
			a = strings.TrimSpace(a)
			if a != "" {
				c.acronyms[a] = append(c.acronyms[a], i)
				if tp.Listed {
					c.listedAcronyms[a] = append(c.listedAcronyms[a], i)
				}
			}
		}
	}
	// Every language's vague terms apply: teams mix "user-friendly" into
	// French. Sorted languages keep the matcher's order stable.
	langs := make([]Lang, 0, len(t.VagueTerms))
	for lang := range t.VagueTerms {
		langs = append(langs, lang)
	}
	sort.Slice(langs, func(i, j int) bool { return langs[i] < langs[j] })
	for _, lang := range langs {
		for i, term := range t.VagueTerms[lang] {
			c.words.add(term, i, true)
			c.hasVague = true
		}
	}
	c.words.finish()
	c.listed.finish()
	c.personaNames = map[string]int{}
	c.privileged = make([]bool, len(t.Personas))
	for i, p := range t.Personas {
		c.privileged[i] = p.Privileged
		c.anyPrivileged = c.anyPrivileged || p.Privileged
		for _, n := range p.Names {
			if k := PersonaKey(n); k != "" {
				c.maxNameWords = max(c.maxNameWords, strings.Count(k, " ")+1)
				if _, dup := c.personaNames[k]; !dup {
					c.personaNames[k] = i
				}
			}
		}
	}
	for id, rs := range t.Rules {
		if rs.Enabled != nil && !*rs.Enabled {
			c.ruleOff[id] = true
		}
		if rs.Severity != "" {
			c.ruleSev[id] = rs.Severity
		}
	}
	return c
}

// articles open a role without being part of it.
var articles = map[string]bool{
	"un": true, "une": true, "l": true, "le": true, "la": true, "les": true, "des": true,
	"du": true, "a": true, "an": true, "the": true,
}

// roleStems turns a role or persona name into comparable stems:
// "une Administratrice" and "administrateurs" both give [administrateur].
func roleStems(s string) []string {
	ws := words(s)
	for len(ws) > 0 && articles[ws[0]] {
		ws = ws[1:]
	}
	for i := range ws {
		ws[i] = stem(ws[i])
	}
	return ws
}

// matchPersona returns the index of the persona that role names, or -1.
// An exact name wins; then a privileged name anywhere in the role
// ("utilisateur administrateur de ma structure" grants rights whatever
// it opens with, and missing its review is the costly mistake); then a
// name that opens the role ("agent instructeur du pôle" is an "agent
// instructeur"), then a name found inside it ("nouvel usager"). Longer
// names win, so that "agent habilité" beats "agent", and the first
// persona listed wins a tie.
func (c *compiled) matchPersona(role string) int {
	rs := roleStems(role)
	if len(rs) == 0 {
		return -1
	}
	if i, ok := c.personaNames[strings.Join(rs, " ")]; ok {
		return i
	}
	if c.anyPrivileged {
		for n := min(len(rs)-1, c.maxNameWords); n > 0; n-- {
			for start := 0; start+n <= len(rs); start++ {
				if i, ok := c.personaNames[strings.Join(rs[start:start+n], " ")]; ok && c.privileged[i] {
					return i
				}
			}
		}
	}
	for n := min(len(rs)-1, c.maxNameWords); n > 0; n-- {
		if i, ok := c.personaNames[strings.Join(rs[:n], " ")]; ok {
			return i
		}
	}
	for n := min(len(rs)-1, c.maxNameWords); n > 0; n-- {
		for start := 1; start+n <= len(rs); start++ {
			if i, ok := c.personaNames[strings.Join(rs[start:start+n], " ")]; ok {
				return i
			}
		}
	}
	return -1
}
