package rules

import (
	"strconv"
	"strings"
)

// section is a part of the body opened by a heading (or a bold line used
// as one).
type section struct {
	spec    int // index in Template.Sections; -1 when the template does not know the heading
	heading string
	line    int
	level   int // 1–6, 7 for a bold line
	// The section's blocks are doc.blocks[from:to]; the heading itself, when
	// it is a block of its own, has no text left.
	from, to int
}

// placeholder is template text left in a story.
type placeholder struct {
	text string
	line int
}

// vagueHit is a vague term in the body, kept for the criteria.
type vagueHit struct {
	line int
	word string
}

type topicHit struct {
	topic int    // index in Template.Topics
	word  string // as written in the story, for messages
	// orgOwned: the word belongs to an organisation ("le RIB de
	// l'association"): no personal data, whatever the topic says.
	orgOwned bool
	// changed: a detail the need only changes ("modifier mon RIB"):
	// personal data, no security notes.
	changed bool
	// own: a citizen's own thing, for a topic of OwnData ("joindre mon
	// bail"): personal data, whatever the topic's categories.
	own bool
}

// has reports whether the hit counts for category cat.
func (s *story) has(h topicHit, cat string) bool {
	if h.own && cat == CategoryPersonalData {
		return true
	}
	return s.t.Topics[h.topic].Has(cat) && !(h.orgOwned && cat == CategoryPersonalData) && !(h.changed && cat == CategorySecurity)
}

// story is everything Analyze learns about one story; the rules read it.
type story struct {
	in   Input
	t    *Template
	c    *compiled
	d    *doc
	lang Lang // the story's own language
	// tooLong is the length of a story over MaxStoryChars, which is not
	// analysed; 0 otherwise.
	tooLong int

	sent *parsed // nil when there is no story sentence
	// sentBlocks are the blocks the sentence was read from (none when it
	// is in the title).
	sentBlocks []int
	sections   []section
	bySpec     [][]int // per template section: indices in sections
	states     []SectionState
	// empty[i] says why template section i is empty, and what is left.
	empty []emptiness

	persona   int     // index in Template.Personas, -1 when none
	act       needAct // what the need does with the data it names
	topics    []topicHit
	vagueHits []vagueHit

	required []bool     // per template section
	reasons  [][]reason // per template section: why it is required

	criteria     []Criterion
	critSpec     []int // per criterion: the template section it belongs to
	critEnd      []int // per criterion: its last body line
	placeholders []placeholder
	phBlock      []bool // per block: the whole block is template text
	blockKeys    []string

	// In a backlog: the story's rank (from 1) and, when the caller knows
	// it, its line in the file the backlog was read from (0 otherwise).
	rank, fileLine int
}

// ref names the story for a finding about another one.
func (s *story) ref() Text {
	if s.fileLine > 0 {
		n := strconv.Itoa(s.fileLine)
		return Text{FR: "le récit de la ligne " + n, EN: "the story on line " + n}
	}
	n := strconv.Itoa(s.rank)
	return Text{FR: "le récit n° " + n, EN: "story #" + n}
}

// blockKey is key(text) of block i, computed once, for comparing a block
// with the template's hints and checklist questions. A block no hint or
// question starts like gets "\x00", which matches nothing.
func (s *story) blockKey(i int) string {
	if s.blockKeys == nil {
		s.blockKeys = make([]string, len(s.d.blocks))
	}
	if s.blockKeys[i] == "" {
		var buf [keyHead + 8]byte
		head := keyPrefix(s.d.blocks[i].text, buf[:])
		if !s.c.keyHeads[string(head[:min(len(head), keyHead)])] {
			// No hint or question starts like this block.
			s.blockKeys[i] = "\x00"
			return s.blockKeys[i]
		}
		s.blockKeys[i] = key(s.d.blocks[i].text)
		if s.blockKeys[i] == "" {
			s.blockKeys[i] = "\x00"
		}
	}
	return s.blockKeys[i]
}

func (s *story) privileged() bool {
	if s.persona < 0 || !s.t.Personas[s.persona].Privileged {
		return false
	}
	// "ETQ exploitant, je veux modifier mon RIB": a farmer handling their
	// own file, not the service's operator. A role that also names a
	// citizen is privileged only when the need is not about the
	// persona's own records.
	return !s.servedExploitant() && !s.tradeOperator()
}

// tradeOperator reports whether the role is an operator of a trade, not
// of the service: "As a food business operator", "ETQ opérateur de
// téléassistance", "exploitant d'un restaurant". An operator of the
// platform, the system or production stays privileged.
func (s *story) tradeOperator() bool {
	if s.sent == nil {
		return false
	}
	ws := words(s.sent.Role)
	for i, w := range ws {
		if !operatorWords[w] {
			continue
		}
		if i > 0 && !itWords[ws[i-1]] && !roleArticles[ws[i-1]] {
			return true // "business operator", "tour operator"
		}
		for _, x := range ws[i+1:] {
			if ofWords[x] || roleArticles[x] || x == "l" || x == "la" || x == "le" || x == "du" || x == "des" {
				continue
			}
			return !itWords[x] // "de téléassistance", "d'un restaurant"
		}
	}
	return false
}

var (
	// operatorWords name an operator; itWords say of what when it is the
	// service itself.
	operatorWords = setOf(`operateur operatrice operator exploitant exploitante`)
	itWords       = setOf(`plateforme plateformes systeme systemes service services production informatique infrastructure
		infrastructures technique si hebergement platform platforms system systems it cloud site reliability`)
)

// servedExploitant reports whether the role is a privileged name that
// also names a citizen ("exploitant") and the story is a farmer's or a
// trader's:
// the need is about the persona's own records ("modifier mon RIB"), the
// story names a farm ("mes pertes de récolte", "ma déclaration PAC"), or
// the need files with the service ("déclarer sa translation", "annuler
// une déclaration", "reprendre une déclaration en brouillon") and the
// story names no running of the service (a server, a backup, the logs).
// The farmer or trader is then a natural person served by the service.
func (s *story) servedExploitant() bool {
	if s.sent == nil || !citizenToo[strings.Join(words(s.sent.Role), " ")] {
		return false
	}
	if s.ownRecords() {
		return true
	}
	all := words(s.in.Title + " " + s.in.Body)
	for _, w := range all {
		if farmWords[w] {
			return true
		}
	}
	filing := false
	for _, w := range words(s.sent.Action) {
		filing = filing || filingWords[w]
	}
	for _, w := range words(s.sent.Benefit) {
		filing = filing || firstPossessives[w]
	}
	if !filing {
		return false
	}
	for _, w := range all {
		if runWords[w] {
			return false
		}
	}
	return true
}

// citizenToo are privileged role names that also name a citizen: the
// farmer ("exploitant agricole") is an "exploitant" too.
var citizenToo = setOf(`exploitant exploitante`)

// farmWords name a farm's work: an "exploitant" who handles them is a
// farmer, not the service's operator.
var farmWords = setOf(`agricole agricoles agriculture recolte recoltes culture cultures parcelle parcelles ilot ilots
	pac elevage elevages cheptel troupeau troupeaux calamite calamites fourrage semis betail vigne vignes dja`)

// filingWords name what a person files with the service and follows:
// an "exploitant" whose need handles one is a user, not an operator.
var filingWords = setOf(`declarer declaration declarations demande demandes recepisse recepisses brouillon brouillons
	rib indemnite indemnites`)

// runWords name the running of the service: an "exploitant" who handles
// them is its operator, whatever else the need says.
var runWords = setOf(`serveur serveurs production sauvegarde sauvegardes supervision journaux logs purger purge
	deploiement deployer redemarrer metriques disponibilite certificat tls cron conteneur server servers backup
	backups deploy deployment monitoring restart metrics uptime container`)

func (s *story) citizen() bool {
	return s.persona >= 0 && s.t.Personas[s.persona].Citizen
}

func (s *story) hasCategory(cat string) bool {
	for _, h := range s.topics {
		if s.has(h, cat) {
			return true
		}
	}
	return false
}

// topicWords lists, quoted, the words that made the story match topics
// of cat: « ProConnect », « habilitations » / “password”.
func (s *story) topicWords(cat string) Text {
	var out []string
	seen := map[string]bool{}
	for _, h := range s.topics {
		if !s.has(h, cat) || seen[strings.ToLower(h.word)] {
			continue
		}
		seen[strings.ToLower(h.word)] = true
		out = append(out, h.word)
	}
	// « Attribuer les habilitations » already says « habilitations »
	// and « désactiver le compte » says « compte »: keep the longer one.
	kept := out[:0:0]
	for i, w := range out {
		lw, inside := strings.ToLower(w), false
		for j, o := range out {
			if j != i && len(o) > len(w) && strings.Contains(strings.ToLower(o), lw) {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, w)
		}
	}
	q := quoteAll(kept)
	return Text{FR: strings.ReplaceAll(q.Get(FR), " et « ", ", « "), EN: strings.ReplaceAll(q.Get(EN), " and “", ", “")}
}

// sentenceLine is the line findings about the sentence point at.
func (s *story) sentenceLine() int {
	if s.sent == nil {
		return 0
	}
	return s.sent.Line
}

// specIndex returns the index of the template section with id, or -1.
func (s *story) specIndex(id string) int {
	for i := range s.t.Sections {
		if s.t.Sections[i].ID == id {
			return i
		}
	}
	return -1
}

// criteriaSpecs returns the indices of the template's criteria sections.
func (s *story) criteriaSpecs() []int {
	var out []int
	for i := range s.t.Sections {
		if s.t.Sections[i].Kind == KindCriteria {
			out = append(out, i)
		}
	}
	return out
}

// classify splits the blocks into sections. A heading the template does
// not know stays inside the current known section when it is deeper (a
// "### Cas nominal" under "## Critères d'acceptation") or names a Gherkin
// scenario; otherwise it opens a section of its own.
func (s *story) classify() {
	s.splitLabelLines()
	s.bySpec = make([][]int, len(s.t.Sections))
	s.sections = make([]section, 0, 12)
	cur := -1
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		heading, level, spec, ok := s.headingOf(b)
		if ok {
			stay := spec < 0 && cur >= 0 && s.sections[cur].spec >= 0 &&
				(level > s.sections[cur].level || isScenarioHeading(heading))
			if !stay {
				s.sections = append(s.sections, section{spec: spec, heading: heading, line: b.line, level: level, from: i, to: i + 1})
				cur = len(s.sections) - 1
				if spec >= 0 {
					s.bySpec[spec] = append(s.bySpec[spec], cur)
				}
				if b.kind == blockPara {
					// "**Contexte :** text", "Critères :\n- …", "CA : text":
					// the text after the label is the section's.
					rest, lines := b.restAfterFirstLine()
					if b.bold != "" {
						rest, lines = b.restAfterBold()
					} else if after, ok := inlineAfterLabel(b.text, heading); ok {
						rest, lines = after, b.lines
					}
					b.bold, b.boldLine = "", false
					b.text, b.lines = rest, lines
					if len(lines) > 0 {
						b.line = lines[0]
					}
					if strings.TrimSpace(rest) == "" {
						b.text = ""
					}
				} else {
					b.section = cur
					b.text = "" // the heading is not content
					continue
				}
			}
		}
		b.section = cur
		if cur >= 0 {
			s.sections[cur].to = i + 1
		}
	}
}

// headingOf says whether b opens a section: a heading, or a paragraph that
// opens with a bold line short enough to be a heading, or with bold text
// naming one of the template's sections, or whose first line, plain, names
// one ("Critères d'acceptation :" before a list; alone, or ending with a
// colon when more lines follow). spec is the template section the heading
// names, -1 when none.
func (s *story) headingOf(b *block) (heading string, level, spec int, ok bool) {
	switch {
	case b.kind == blockHeading:
		return b.text, b.level, s.matchSection(b.text), true
	case b.kind == blockPara && b.bold == "":
		first := firstLine(b.text)
		if len(first) > 80 {
			if label, spec := s.inlineLabel(first); spec >= 0 {
				return label, 7, spec, true
			}
			return "", 0, -1, false
		}
		trimmed := strings.TrimRight(first, " \t")
		h := strings.TrimRight(trimmed, " \t:")
		if h != "" && (len(first) == len(b.text) || strings.HasSuffix(trimmed, ":")) {
			if spec := s.matchSection(h); spec >= 0 {
				return h, 7, spec, true
			}
		}
		// "CA : un seul courriel par lecteur et par jour", "RGPD : aucune
		// donnée nouvelle", "Résultat obtenu : la page reste blanche": a
		// section's label with its text on the same line.
		if label, spec := s.inlineLabel(first); spec >= 0 {
			return label, 7, spec, true
		}
	case b.kind == blockPara && b.bold != "":
		h := strings.TrimRight(b.bold, " :.")
		colon := strings.HasSuffix(strings.TrimSpace(b.bold), ":") ||
			strings.HasPrefix(strings.TrimLeft(b.text[len(b.bold):], " \t"), ":")
		spec := s.matchSection(h)
		if (b.boldLine || colon) && spec >= 0 {
			return h, 7, spec, true
		}
		if b.boldLine && len(strings.Fields(h)) <= 8 && !strings.HasSuffix(b.bold, ".") && parseSentence(h) == nil {
			return h, 7, spec, true
		}
	}
	return "", 0, -1, false
}

// instructionVerbs open the instructions templates write in italics.
var instructionVerbs = map[string]bool{
	"decrivez": true, "decrire": true, "indiquez": true, "indiquer": true, "precisez": true,
	"preciser": true, "listez": true, "lister": true, "expliquez": true, "ajoutez": true,
	"renseignez": true, "renseigner": true, "remplacez": true, "completez": true, "completer": true,
	"redigez": true, "ecrivez": true, "mentionnez": true, "citez": true, "detaillez": true,
	"describe": true, "list": true, "explain": true, "add": true, "specify": true, "indicate": true,
	"replace": true, "fill": true, "write": true, "mention": true, "state": true, "provide": true,
	"exemple": true, "example": true, "ex": true,
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
