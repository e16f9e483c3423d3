package rules

import (
	"strings"
)

// section is a part of the body opened by a heading (or a bold line used
// as one).
type section struct {
	spec    int // index in Template.Sections; -1 when the template does not know the heading
	heading string
	line    int
	level   int   // 1–6, 7 for a bold line
	blocks  []int // content blocks, indices in doc.blocks
}

// placeholder is template text left in a story.
type placeholder struct {
	text string
	line int
}

type topicHit struct {
	topic int    // index in Template.Topics
	word  string // as written in the story, for messages
}

// story is everything Analyze learns about one story; the rules read it.
type story struct {
	in   Input
	t    *Template
	c    *compiled
	d    *doc
	lang Lang // the story's own language

	sent     *parsed // nil when there is no story sentence
	sections []section
	bySpec   [][]int // per template section: indices in sections
	states   []SectionState
	// empty[i] explains why template section i is empty: "" when it is not,
	// "na" for N/A without a reason, "placeholder", "blank".
	emptyWhy []string

	persona int // index in Template.Personas, -1 when none
	topics  []topicHit

	required []bool   // per template section
	reasons  [][]Text // per template section: why it is required

	criteria     []Criterion
	critSpec     []int // per criterion: the template section it belongs to
	placeholders []placeholder
	phBlock      []bool // per block: the whole block is template text
}

func (s *story) privileged() bool {
	return s.persona >= 0 && s.t.Personas[s.persona].Privileged
}

func (s *story) citizen() bool {
	return s.persona >= 0 && s.t.Personas[s.persona].Citizen
}

func (s *story) hasCategory(cat string) bool {
	for _, h := range s.topics {
		if s.t.Topics[h.topic].Category == cat {
			return true
		}
	}
	return false
}

// topicWords lists the words that made the story match topics of cat.
func (s *story) topicWords(cat string) string {
	var out []string
	seen := map[string]bool{}
	for _, h := range s.topics {
		if s.t.Topics[h.topic].Category != cat || seen[strings.ToLower(h.word)] {
			continue
		}
		seen[strings.ToLower(h.word)] = true
		out = append(out, h.word)
	}
	return strings.Join(out, ", ")
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
	s.bySpec = make([][]int, len(s.t.Sections))
	cur := -1
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		heading, level, ok := s.headingOf(b)
		if ok {
			spec := s.matchSection(heading)
			stay := spec < 0 && cur >= 0 && s.sections[cur].spec >= 0 &&
				(level > s.sections[cur].level || isScenarioHeading(heading))
			if !stay {
				s.sections = append(s.sections, section{spec: spec, heading: heading, line: b.line, level: level})
				cur = len(s.sections) - 1
				if spec >= 0 {
					s.bySpec[spec] = append(s.bySpec[spec], cur)
				}
				if b.kind == blockPara {
					// "**Contexte :** text": the text is the section's.
					rest, lines := b.restAfterBold()
					b.bold, b.boldLine = "", false
					b.text, b.lines = rest, lines
					if len(lines) > 0 {
						b.line = lines[0]
					}
					if strings.TrimSpace(rest) == "" {
						b.text = ""
						b.section = cur
						continue
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
			s.sections[cur].blocks = append(s.sections[cur].blocks, i)
		}
	}
}

// headingOf says whether b opens a section: a heading, or a paragraph that
// opens with a bold line short enough to be a heading, or with bold text
// naming one of the template's sections.
func (s *story) headingOf(b *block) (string, int, bool) {
	switch {
	case b.kind == blockHeading:
		return b.text, b.level, true
	case b.kind == blockPara && b.bold != "":
		h := strings.TrimRight(b.bold, " :.")
		colon := strings.HasSuffix(strings.TrimSpace(b.bold), ":") ||
			strings.HasPrefix(strings.TrimLeft(b.text[len(b.bold):], " \t"), ":")
		if (b.boldLine || colon) && s.matchSection(h) >= 0 {
			return h, 7, true
		}
		if b.boldLine && len(strings.Fields(h)) <= 8 && !strings.HasSuffix(b.bold, ".") && parseSentence(h) == nil {
			return h, 7, true
		}
	}
	return "", 0, false
}

// matchSection returns the template section a heading names, or -1. Case,
// accents, punctuation, a leading number and a trailing parenthesis
// ("Critères d'acceptation (Gherkin)") do not matter.
func (s *story) matchSection(h string) int {
	if i, ok := s.c.aliases[key(h)]; ok {
		return i
	}
	if p := strings.IndexAny(h, "(["); p > 0 {
		if i, ok := s.c.aliases[key(h[:p])]; ok {
			return i
		}
	}
	return -1
}

func isScenarioHeading(h string) bool {
	_, kind, _, ok := gherkinLine(h)
	return ok && (kind == gkScenario || kind == gkBackground || kind == gkExamples)
}

// findPlaceholders marks template text left in the body and the title.
func (s *story) findPlaceholders() {
	s.phBlock = make([]bool, len(s.d.blocks))
	for _, p := range spanPlaceholders(stripInlineMarkers(s.in.Title)) {
		s.placeholders = append(s.placeholders, placeholder{text: p, line: 0})
	}
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.kind == blockCode || b.kind == blockHeading || b.text == "" {
			continue
		}
		if s.wholePlaceholder(b) {
			s.phBlock[i] = true
			s.placeholders = append(s.placeholders, placeholder{text: firstLine(b.text), line: b.line})
			continue
		}
		for li, line := range strings.Split(b.text, "\n") {
			if strings.ContainsAny(line, "<[") {
				if _, kind, _, ok := gherkinLine(line); ok && isStepKind(kind) {
					// "<email>" in a step is a scenario outline parameter.
					continue
				}
				for _, p := range spanPlaceholders(line) {
					l := b.line
					if li < len(b.lines) {
						l = b.lines[li]
					}
					s.placeholders = append(s.placeholders, placeholder{text: p, line: l})
				}
			}
		}
	}
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

func (s *story) wholePlaceholder(b *block) bool {
	t := strings.TrimSpace(b.text)
	if isPlaceholderText(t) {
		return true
	}
	if _, ok := s.c.hints[key(t)]; ok {
		return true
	}
	if b.italic {
		if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
			return true
		}
		if instructionVerbs[firstWord(fold(t))] {
			return true
		}
	}
	return false
}

// spanPlaceholders finds "<profil>" and "[rôle]" in a line: a few words
// between brackets, not a task box, not an all-capitals tag ("[WIP]"), not
// a reference ("[1]").
func spanPlaceholders(line string) []string {
	var out []string
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '<' && c != '[' {
			continue
		}
		closer := byte('>')
		if c == '[' {
			closer = ']'
		}
		if i > 0 {
			prev := line[i-1]
			if isWordByte(prev) || prev >= 'A' && prev <= 'Z' {
				continue
			}
		}
		j := strings.IndexByte(line[i+1:], closer)
		if j < 1 || j > 48 {
			continue
		}
		inner := line[i+1 : i+1+j]
		if !plausiblePlaceholder(inner) {
			continue
		}
		out = append(out, line[i:i+2+j])
		i += j + 1
	}
	return out
}

func plausiblePlaceholder(inner string) bool {
	if strings.ContainsAny(inner, "<>[]=/\"0123456789") {
		return false
	}
	ts := tokenize(inner, nil)
	if len(ts) == 0 || len(ts) > 5 {
		return false
	}
	letters, upper := 0, 0
	for _, r := range inner {
		if isWordRune(r) {
			letters++
			if strings.ToUpper(string(r)) == string(r) {
				upper++
			}
		}
	}
	if letters < 2 || letters == upper {
		return false
	}
	return true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
