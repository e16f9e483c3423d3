package rules

import "strings"

// sentCand is a text that may hold the story sentence.
type sentCand struct {
	text   string
	line   int   // body line of the text's first line; 0 for the title
	lines  []int // the body line of each of text's lines
	noRole bool  // a sentence without a role counts here
	blocks []int // the blocks the text comes from
}

// findSentence looks for the story sentence: in a story section, then in
// every paragraph and list item of the body (a sentence inside a longer
// description, or bold on three lines), in the narrative of a Gherkin
// feature, then in the title. A complete sentence (role and need) beats
// a need alone, which beats a role alone; the first wins among equals.
func (s *story) findSentence() {
	var best *parsed
	var bestBlocks []int
	consider := func(c sentCand) bool {
		p := readSentence(c.text, c.noRole)
		if p.score() > best.score() {
			p.Line = lineAt(c.line, c.lines, p.lineOff)
			best, bestBlocks = p, c.blocks
		}
		return best.score() == 3
	}
	if c, ok := s.storySection(); ok && consider(c) {
		s.setSentence(best, bestBlocks)
		return
	}
	firstPara := true
	for i := 0; i < len(s.d.blocks); i++ {
		b := &s.d.blocks[i]
		if b.text == "" || s.inCriteria(b) {
			continue
		}
		switch b.kind {
		case blockCode:
			if c, ok := s.featureNarrative(i); ok && consider(c) {
				s.setSentence(best, bestBlocks)
				return
			}
			continue
		case blockHeading:
			continue
		}
		initial := firstPara
		firstPara = false
		if !initial && !mentionsRole(b.text) {
			continue
		}
		c := sentCand{text: b.text, line: b.line, lines: b.lines, noRole: initial, blocks: []int{i}}
		if consider(c) {
			s.setSentence(best, bestBlocks)
			return
		}
		// "**En tant que** usager" alone on its line, the need in the
		// next item or paragraph: read them together.
		if p := readSentence(b.text, initial); p != nil && p.roleForm != "" && p.Action == "" {
			joined := c
			for j := i + 1; j < len(s.d.blocks) && j <= i+2; j++ {
				nb := &s.d.blocks[j]
				if nb.kind != blockPara && nb.kind != blockItem || nb.text == "" {
					break
				}
				joined.text += "\n" + nb.text
				joined.lines = append(append([]int(nil), joined.lines...), nb.lines...)
				joined.blocks = append(append([]int(nil), joined.blocks...), j)
				if consider(joined) {
					s.setSentence(best, bestBlocks)
					return
				}
			}
		}
	}
	if title := strings.TrimSpace(s.in.Title); title != "" {
		consider(sentCand{text: stripInlineMarkers(title), noRole: true})
	}
	if best == nil {
		// No sentence anywhere, but a paragraph after the context opens
		// with the speaker's wish: "From the user research …" then "I
		// want to filter the timetable by discipline so that …". Read it
		// as a role-less sentence, as the first paragraph would be.
		paras := 0
		for i := 0; i < len(s.d.blocks) && paras < 3 && best == nil; i++ {
			b := &s.d.blocks[i]
			if b.kind != blockPara || b.text == "" || s.inCriteria(b) {
				continue
			}
			paras++
			if paras > 1 && opensWithWish(b.text) {
				consider(sentCand{text: b.text, line: b.line, lines: b.lines, noRole: true, blocks: []int{i}})
			}
		}
	}
	s.setSentence(best, bestBlocks)
}

// opensWithWish reports whether a paragraph opens with the speaker's
// wish or need, as the reader's wanting modals spell it: "I want to …",
// "I need to …", "Je souhaite …", "J'ai besoin de …". The reader then
// decides whether a need follows.
func opensWithWish(text string) bool {
	// No copy: it runs for the paragraphs of every issue with no sentence.
	var buf [64]byte
	head := appendFold(buf[:0], text[:min(len(text), 48)])
	for _, w := range wishHeads {
		if len(head) > len(w) && string(head[:len(w)]) == w && !isWordByte(head[len(w)]) {
			return true
		}
	}
	return false
}

// wishHeads are the reader's first-person wanting modals (wantMarkers),
// as folded text: what a later paragraph opens with when it states a
// need. Impersonal and plural wishes and a missing subject ("il faut
// que je puisse", "we need an answer before go-live", "need to …") are
// left out: in a question or a context paragraph they describe the team's
// situation, they do not state the speaker's need.
var wishHeads = func() []string {
	var out []string
	for _, m := range wantMarkers {
		if m.neg || m.form == "impersonal" || m.form == "plural" || m.form == "no subject" {
			continue
		}
		var b strings.Builder
		for i, w := range m.seq {
			if i > 0 && !strings.HasSuffix(m.seq[i-1], "'") {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		out = append(out, b.String())
	}
	return out
}()

// setSentence keeps the sentence found and where it came from.
func (s *story) setSentence(p *parsed, blocks []int) {
	s.sent = p
	s.sentBlocks = blocks
}

// storySection joins the paragraphs and items of the story section, if
// the template has one and the story uses it.
func (s *story) storySection() (sentCand, bool) {
	var c sentCand
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.section < 0 || s.sections[b.section].spec < 0 || s.t.Sections[s.sections[b.section].spec].Kind != KindStory ||
			(b.kind != blockPara && b.kind != blockItem) || b.text == "" {
			if len(c.blocks) > 0 && b.section >= 0 && s.sections[b.section].spec >= 0 &&
				s.t.Sections[s.sections[b.section].spec].Kind != KindStory {
				break
			}
			continue
		}
		if len(c.blocks) == 0 {
			c = sentCand{text: b.text, line: b.line, lines: b.lines, noRole: true, blocks: []int{i}}
			continue
		}
		if len(c.blocks) >= 4 {
			break
		}
		c.text += "\n" + b.text
		c.lines = append(append([]int(nil), c.lines...), b.lines...)
		c.blocks = append(c.blocks, i)
	}
	return c, len(c.blocks) > 0
}

// featureNarrative returns the lines between a Gherkin "Fonctionnalité :"
// and its first scenario: "Afin de … / En tant que … / Je veux …".
func (s *story) featureNarrative(i int) (sentCand, bool) {
	b := &s.d.blocks[i]
	if !isGherkinFence(b) && b.info != "" {
		return sentCand{}, false
	}
	var text []string
	var lines []int
	in := false
	k := -1
	for l := range strings.SplitSeq(b.text, "\n") {
		k++
		_, kind, _, ok := gherkinLine(l)
		switch {
		case ok && kind == gkFeature:
			in = true
			continue
		case ok && kind != gkFeature:
			in = in && !(kind == gkScenario || kind == gkBackground || kind == gkRule || isStepKind(kind))
		}
		if !in || strings.TrimSpace(l) == "" {
			continue
		}
		text = append(text, strings.TrimSpace(l))
		ln := b.line + k
		if k < len(b.lines) {
			ln = b.lines[k]
		}
		lines = append(lines, ln)
	}
	if len(text) == 0 {
		return sentCand{}, false
	}
	return sentCand{text: strings.Join(text, "\n"), line: lines[0], lines: lines, blocks: []int{i}}, true
}

// lineAt is the body line of a text's line i, given the text's first line
// and the lines of each of its lines when known. The title (line 0) has
// no body line.
func lineAt(first int, lines []int, i int) int {
	switch {
	case first == 0:
		return 0
	case i < len(lines):
		return lines[i]
	}
	return first + i
}

// mentionsRole is a cheap test before reading every paragraph: does it
// hold a role opener ("ETQ", "en tant qu", "As a") anywhere?
func mentionsRole(t string) bool {
	return containsFold(t, "etq") || containsFold(t, "e.t.q") || containsFold(t, "etd") || containsFold(t, "aau") ||
		containsFold(t, "en tant qu") || containsFold(t, "as a") || containsFold(t, "as the")
}

// containsFold reports whether t holds the lower-case ASCII needle,
// whatever the case of t's letters.
func containsFold(t, needle string) bool {
	n := len(needle)
	for i := 0; i+n <= len(t); i++ {
		j := 0
		for j < n {
			c := t[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}
