package rules

import (
	"strings"
)

// critBuilder turns criteria sections into Criterion values: list items,
// task items, and Gherkin scenarios written in fences, paragraphs, list
// items or headings.
type critBuilder struct {
	out  []Criterion
	spec []int
	end  []int // last body line of each criterion
	// open is the index in out of the scenario steps go to; -1 when none.
	open int
	// background is true between "Contexte:" and the next scenario: its
	// steps set the scene and are no criterion.
	background bool
	// title is a sub-heading waiting to name the next untitled scenario.
	title string
	// free holds plain paragraphs, criteria only when a section has
	// nothing else.
	free     []Criterion
	freeEnd  []int
	freeSpec int
	// secStart is len(out) when the current section began.
	secStart int
}

func newCritBuilder() *critBuilder { return &critBuilder{open: -1} }

func (cb *critBuilder) close() {
	if cb.open >= 0 {
		c := &cb.out[cb.open]
		if c.Text == "" {
			parts := make([]string, len(c.Steps))
			for i, st := range c.Steps {
				parts[i] = st.Keyword + " " + st.Text
				if strings.HasSuffix(st.Keyword, "'") {
					parts[i] = st.Keyword + st.Text
				}
			}
			c.Text = strings.Join(parts, " ")
		}
	}
	cb.open = -1
	cb.background = false
}

// line feeds one line of text. It returns false when the line is not
// Gherkin, leaving the caller to decide what it is.
func (cb *critBuilder) line(text string, line, spec int) bool {
	kw, kind, rest, ok := gherkinLine(text)
	if !ok {
		return false
	}
	switch kind {
	case gkScenario:
		cb.close()
		cb.add(Criterion{Text: rest, Line: line, Gherkin: true}, spec, line)
		cb.open = len(cb.out) - 1
		cb.title = ""
	case gkBackground:
		cb.close()
		cb.background = true
	case gkExamples:
		// The table that follows feeds the open scenario.
	case gkFeature, gkRule:
		cb.close()
	default:
		if cb.background {
			return true
		}
		if cb.open >= 0 && kind == "given" && cb.hasAction(cb.open) {
			// A new "Given" after an outcome starts the next scenario.
			cb.close()
		}
		if cb.open < 0 {
			cb.add(Criterion{Text: cb.title, Line: line, Gherkin: true}, spec, line)
			cb.open = len(cb.out) - 1
			cb.title = ""
		}
		c := &cb.out[cb.open]
		if c.Steps == nil {
			c.Steps = make([]Step, 0, 4)
		}
		c.Steps = append(c.Steps, Step{Keyword: kw, Kind: kind, Text: rest})
		cb.end[cb.open] = line
	}
	return true
}

func (cb *critBuilder) hasAction(i int) bool {
	for _, st := range cb.out[i].Steps {
		if st.Kind == "when" || st.Kind == "then" {
			return true
		}
	}
	return false
}

// code reads a fenced block as Gherkin.
func (cb *critBuilder) code(b *block, spec int) {
	i := -1
	for l := range strings.SplitSeq(b.text, "\n") {
		i++
		ln := b.line + i
		if i < len(b.lines) {
			ln = b.lines[i]
		}
		cb.line(l, ln, spec)
	}
	cb.close()
}

// isGherkinFence reports whether a fenced block holds Gherkin: by its info
// string, or, without one, by its first line.
func isGherkinFence(b *block) bool {
	switch b.info {
	case "gherkin", "feature", "cucumber", "gherkin-fr", "gherkin-en":
		return true
	case "":
		for l := range strings.SplitSeq(b.text, "\n") {
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") || strings.HasPrefix(strings.TrimSpace(l), "@") {
				continue
			}
			_, _, _, ok := gherkinLine(l)
			return ok
		}
	}
	return false
}

// findCriteria reads the criteria sections, and Gherkin fences anywhere:
// a scenario is a criterion wherever the author put it.
func (s *story) findCriteria() {
	cb := newCritBuilder()
	specs := s.criteriaSpecs()
	defaultSpec := -1
	if len(specs) > 0 {
		defaultSpec = specs[0]
		if i := s.specIndex(SectionCriteria); i >= 0 && s.t.Sections[i].Kind == KindCriteria {
			defaultSpec = i
		}
	}
	inCriteria := make([]bool, len(s.sections))
	anyCriteriaSection := false
	for i, sec := range s.sections {
		inCriteria[i] = sec.spec >= 0 && s.t.Sections[sec.spec].Kind == KindCriteria
		anyCriteriaSection = anyCriteriaSection || inCriteria[i]
	}
	// A plain list right under the story sentence, or anywhere in the
	// body of a story whose sentence is its title, in an issue with no
	// criteria heading at all, is the team's criteria.
	sentenceLine := -1
	if s.sent != nil && s.sent.Action != "" && !anyCriteriaSection {
		sentenceLine = s.sent.Line // 0: the title
	}
	lastSection := -2
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.section != lastSection {
			cb.close()
			cb.flushFree()
			lastSection = b.section
			if b.section >= 0 {
				// "### Scénario : …" with no criteria heading above opens
				// a section of its own: its heading is the scenario's.
				if sec := s.sections[b.section]; sec.spec < 0 && isScenarioHeading(sec.heading) {
					cb.line(sec.heading, sec.line, defaultSpec)
				}
			}
		}
		if b.text == "" && !b.task {
			continue
		}
		if b.section < 0 || !inCriteria[b.section] {
			switch {
			case b.kind == blockCode && isGherkinFence(b):
				cb.code(b, defaultSpec)
			case b.kind == blockPara && s.looseGherkinPlace(b) && !s.phBlock[i] && cb.looksLikeGherkin(b):
				// Plain Gherkin lines with no criteria heading above.
				cb.lines(b, defaultSpec)
			case b.kind == blockHeading && s.looseGherkinPlace(b) && isScenarioHeading(b.text):
				// A scenario's heading under the story's own.
				cb.line(b.text, b.line, defaultSpec)
			case b.kind == blockItem && b.task && strings.TrimSpace(b.text) != "" && !anyCriteriaSection && s.looseGherkinPlace(b) && !s.phBlock[i]:
				// A task list in an issue with no criteria heading: what a
				// GitHub or GitLab team writes as its criteria ("- [ ] lien
				// « Télécharger (PDF) » sur chaque ligne").
				cb.close()
				cb.add(Criterion{Text: b.text, Line: b.line, Task: true, Checked: b.checked}, defaultSpec, b.lastLine())
			case b.kind == blockItem && !b.task && b.level == 0 && sentenceLine >= 0 && b.line > sentenceLine && s.looseGherkinPlace(b) && !s.phBlock[i]:
				if cb.lines(b, defaultSpec) {
					continue
				}
				cb.close()
				cb.add(Criterion{Text: collapse(b.text), Line: b.line}, defaultSpec, b.lastLine())
			default:
				cb.close()
			}
			continue
		}
		spec := s.sections[b.section].spec
		if s.phBlock[i] {
			continue
		}
		switch b.kind {
		case blockCode:
			if isGherkinFence(b) {
				cb.code(b, spec)
			}
		case blockHeading:
			if !cb.line(b.text, b.line, spec) {
				cb.close()
				cb.title = b.text
			}
		case blockItem:
			if b.task {
				cb.close()
				if strings.TrimSpace(b.text) == "" {
					// "- [ ]" with nothing after it is the template's box
					// left to fill: it tests nothing.
					continue
				}
				cb.add(Criterion{Text: b.text, Line: b.line, Task: true, Checked: b.checked}, spec, b.lastLine())
				continue
			}
			if cb.lines(b, spec) {
				continue
			}
			cb.close()
			if b.level == 0 {
				cb.add(Criterion{Text: collapse(b.text), Line: b.line}, spec, b.lastLine())
			}
		case blockPara:
			if cb.lines(b, spec) {
				continue
			}
			t := strings.TrimSpace(b.text)
			if strings.HasSuffix(t, ":") {
				// "Les critères sont :" introduces the list below.
				continue
			}
			cb.free = append(cb.free, Criterion{Text: collapse(t), Line: b.line})
			cb.freeEnd = append(cb.freeEnd, b.lastLine())
			cb.freeSpec = spec
		}
	}
	cb.close()
	cb.flushFree()
	s.criteria, s.critSpec, s.critEnd = cb.out, cb.spec, cb.end
}

// looseGherkinPlace reports whether a paragraph outside the criteria
// sections may still hold them as plain Gherkin lines: before any
// section, under a heading the template does not know, or under the story
// sentence. Not in the template's other sections: scenarios under "Hors
// périmètre" are what the story does not do.
func (s *story) looseGherkinPlace(b *block) bool {
	if b.section < 0 {
		return true
	}
	spec := s.sections[b.section].spec
	return spec < 0 || s.t.Sections[spec].Kind == KindStory
}

// looksLikeGherkin says whether a paragraph outside a criteria section is
// Gherkin rather than prose that opens with "Quand" or "Given": it opens
// with a scenario line, or goes on with steps of a scenario a previous
// paragraph opened, or holds two steps or more, one of them an outcome.
func (cb *critBuilder) looksLikeGherkin(b *block) bool {
	steps, outcome := 0, false
	first := true
	for l := range strings.SplitSeq(b.text, "\n") {
		_, kind, _, ok := gherkinLine(l)
		switch {
		case !ok:
		case first && (kind == gkScenario || kind == gkBackground):
			return true
		case first && cb.open >= 0 && isStepKind(kind):
			return true
		case isStepKind(kind):
			steps++
			outcome = outcome || kind == "then"
		}
		first = false
	}
	return steps >= 2 && outcome
}

func (cb *critBuilder) add(c Criterion, spec, end int) {
	cb.out = append(cb.out, c)
	cb.spec = append(cb.spec, spec)
	cb.end = append(cb.end, end)
}

// flushFree ends a section: its plain paragraphs are its criteria when it
// has no list item and no scenario.
func (cb *critBuilder) flushFree() {
	if len(cb.out) == cb.secStart {
		for i, c := range cb.free {
			cb.add(c, cb.freeSpec, cb.freeEnd[i])
		}
	}
	cb.free, cb.freeEnd = cb.free[:0], cb.freeEnd[:0]
	cb.secStart = len(cb.out)
	cb.title = ""
}

// lines feeds a paragraph or item line by line. A first line that is not
// Gherkin ("Cas nominal :") names the scenario that follows. It returns
// whether the block held Gherkin.
func (cb *critBuilder) lines(b *block, spec int) bool {
	found := false
	var pending string
	i := -1
	for l := range strings.SplitSeq(b.text, "\n") {
		i++
		ln := b.line
		if i < len(b.lines) {
			ln = b.lines[i]
		}
		if cb.line(l, ln, spec) {
			found = true
			continue
		}
		if !found && i == 0 {
			pending = strings.TrimRight(strings.TrimSpace(l), " :")
			cb.title = pending
		}
	}
	if !found && pending != "" {
		cb.title = ""
	}
	return found
}
