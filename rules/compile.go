package rules

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"weak"
)

// compiled is what Analyze derives from a Template once: alias and hint
// lookups, keyword matchers, persona name stems.
type compiled struct {
	aliases map[string]int // key(alias) → index in Template.Sections
	hints   map[string]int // key(hint) → index in Template.Sections
	// answer marks the sections that answer a condition (security notes,
	// RGPD, accessibility): their text does not make a story sensitive,
	// or "Sans objet : pas d'authentification" would ask for a review.
	answer   []bool
	topics   phraseMatcher
	acronyms map[string][]int // acronym as written → topic indices
	vague    map[Lang]phraseMatcher
	personas []personaNames
	ruleOff  map[string]bool
	ruleSev  map[string]Severity
	// checklist holds the keys of the security checklist's questions.
	checklist map[string]bool
}

type personaNames struct {
	names [][]string // stems of each name
}

// phrase is a keyword of one or more folded words. Words match as
// written (docs/templates.md): a template lists the plurals it wants.
type phrase struct {
	words []string
	id    int
	text  string // as the template writes it
}

// phraseMatcher finds phrases in a token stream by their first word.
type phraseMatcher map[string][]phrase

func (m phraseMatcher) add(text string, id int) {
	ws := words(text)
	if len(ws) == 0 {
		return
	}
	list := append(m[ws[0]], phrase{words: ws, id: id, text: text})
	// Longest first, so that "adresse IP" is reported rather than "adresse".
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	m[ws[0]] = list
}

// scan calls fn for every phrase found in toks, at the token where it
// starts. Phrases match whole words only: tokens are words.
func (m phraseMatcher) scan(toks []tok, fn func(p *phrase, at int)) {
	if len(m) == 0 {
		return
	}
	for i := range toks {
		list, ok := m[toks[i].w]
		if !ok {
			continue
		}
	next:
		for k := range list {
			p := &list[k]
			if i+len(p.words) > len(toks) {
				continue
			}
			for j := 1; j < len(p.words); j++ {
				if toks[i+j].w != p.words[j] {
					continue next
				}
			}
			fn(p, i)
			break
		}
	}
}

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
		topics:   phraseMatcher{},
		acronyms: map[string][]int{},
		vague:    map[Lang]phraseMatcher{},
		ruleOff:  map[string]bool{},
		ruleSev:  map[string]Severity{},

		checklist: map[string]bool{},
	}
	for _, q := range t.SecurityChecklist {
		for _, tx := range q {
			if k := key(tx); k != "" {
				c.checklist[k] = true
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
			}
		}
		for _, cond := range s.RequiredWhen {
			if cond != Always {
				c.answer[i] = true
			}
		}
		switch s.ID {
		case SectionSecurityNotes, SectionPersonalData, SectionAccessibility:
			c.answer[i] = true
		}
	}
	for i, tp := range t.Topics {
		for _, k := range tp.Keywords {
			c.topics.add(k, i)
		}
		for _, a := range tp.Acronyms {
			a = strings.TrimSpace(a)
			if a != "" {
				c.acronyms[a] = append(c.acronyms[a], i)
			}
		}
	}
	for lang, terms := range t.VagueTerms {
		m := phraseMatcher{}
		for i, term := range terms {
			m.add(term, i)
		}
		c.vague[lang] = m
	}
	for _, p := range t.Personas {
		var pn personaNames
		for _, n := range p.Names {
			if st := roleStems(n); len(st) > 0 {
				pn.names = append(pn.names, st)
			}
		}
		c.personas = append(c.personas, pn)
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
// An exact name wins over a name that opens the role ("agent instructeur
// du pôle" is an "agent instructeur"), which wins over a name found inside
// it; longer names win ties so that "agent habilité" beats "agent".
func (c *compiled) matchPersona(role string) int {
	rs := roleStems(role)
	if len(rs) == 0 {
		return -1
	}
	best, bestScore := -1, 0
	for i, p := range c.personas {
		for _, n := range p.names {
			score := 0
			switch {
			case equalWords(rs, n):
				score = 3000
			case hasPrefixWords(rs, n):
				score = 2000
			case containsWords(rs, n):
				score = 1000
			default:
				continue
			}
			score += len(n)
			if score > bestScore {
				best, bestScore = i, score
			}
		}
	}
	return best
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasPrefixWords(a, p []string) bool {
	return len(p) <= len(a) && equalWords(a[:len(p)], p)
}

func containsWords(a, p []string) bool {
	for i := 0; i+len(p) <= len(a); i++ {
		if equalWords(a[i:i+len(p)], p) {
			return true
		}
	}
	return false
}
