package rules

import "strings"

// Section headings as teams write them: a label with its text on one
// line ("RGPD : …"), a section's name alone or qualified ("Retours du
// maire"), several labels in one paragraph.

// maxLabelWords is the longest inline label read: "Données personnelles
// / RGPD" is four words; a longer text before a colon is a sentence.
const maxLabelWords = 4

// inlineLabel returns the label of a line that opens with one of the
// template's sections and a colon, and that section; -1 when it does not.
func (s *story) inlineLabel(line string) (string, int) {
	label, _, ok := strings.Cut(line, ":")
	if !ok || len(strings.Fields(label)) > maxLabelWords {
		return "", -1
	}
	label = strings.TrimSpace(label)
	return label, s.matchSection(label)
}

// splitLabelLines cuts a paragraph before each of its lines, after the
// first, that opens with a section's label: "RGPD : …" then
// "Accessibilité : …" on the next line, with no blank line between, are
// one Markdown paragraph but two sections.
func (s *story) splitLabelLines() {
	var out []block
	for i, b := range s.d.blocks {
		parts := s.labelParts(b)
		switch {
		case parts != nil && out == nil:
			out = append(make([]block, 0, len(s.d.blocks)+len(parts)), s.d.blocks[:i]...)
			out = append(out, parts...)
		case parts != nil:
			out = append(out, parts...)
		case out != nil:
			out = append(out, b)
		}
	}
	if out != nil {
		s.d.blocks = out
	}
}

// opensSection reports whether a line of a paragraph opens a section: a
// label with its text ("RGPD : …") or a section's name alone.
func (s *story) opensSection(line string) bool {
	if strings.IndexByte(line, ':') >= 0 {
		if _, spec := s.inlineLabel(line); spec >= 0 {
			return true
		}
	}
	return s.sectionLine(line)
}

// maxSectionLine is the longest line read as a section's name alone.
const maxSectionLine = 48

// sectionLine reports whether a line holds only a section's name, with
// or without a colon ("Décisions", "Critères d'acceptation :").
func (s *story) sectionLine(line string) bool {
	if len(line) > maxSectionLine {
		return false
	}
	h := strings.TrimRight(strings.TrimSpace(line), " \t:")
	return h != "" && s.matchSection(h) >= 0
}

// labelParts returns paragraph b cut before each of its lines, after the
// first, that opens with a section's label or names a section alone
// ("Démontré : …" then "Décisions" over a list, with no blank line
// between: the list is the decisions'); nil when none does.
func (s *story) labelParts(b block) []block {
	if b.kind != blockPara || b.bold != "" || len(b.lines) < 2 {
		return nil
	}
	// Most paragraphs open no section after their first line: look
	// before cutting, without allocating.
	_, rest, _ := strings.Cut(b.text, "\n")
	found := false
	for rest != "" && !found {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		found = s.opensSection(line)
	}
	if !found {
		return nil
	}
	texts := strings.Split(b.text, "\n")
	if len(texts) != len(b.lines) {
		return nil
	}
	var parts []block
	cut := func(from, to int) {
		part := b
		part.text, part.lines, part.line = strings.Join(texts[from:to], "\n"), b.lines[from:to], b.lines[from]
		parts = append(parts, part)
	}
	from := 0
	for k := 1; k < len(texts); k++ {
		if s.opensSection(texts[k]) {
			cut(from, k)
			from = k
		}
	}
	if from == 0 {
		return nil
	}
	cut(from, len(texts))
	return parts
}

// inlineAfterLabel returns the text after "label :" on a paragraph's first
// line and the lines after it, when the first line goes on past the
// colon ("CA : un seul courriel par jour").
func inlineAfterLabel(text, label string) (string, bool) {
	rest, ok := strings.CutPrefix(text, label)
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	rest, ok = strings.CutPrefix(rest, ":")
	if !ok {
		return "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || rest[0] == '\n' {
		return "", false
	}
	return rest, true
}

// matchSection returns the template section a heading names, or -1. Case,
// accents, punctuation, a leading number and a trailing parenthesis
// ("Critères d'acceptation (Gherkin)") do not matter.
func (s *story) matchSection(h string) int {
	var buf [160]byte
	if i, ok := s.c.aliases[string(keyPrefix(h, buf[:]))]; ok {
		return i
	}
	if p := strings.IndexAny(h, "(["); p > 0 {
		if i, ok := s.c.aliases[string(keyPrefix(h[:p], buf[:]))]; ok {
			return i
		}
	}
	return s.qualifiedSection(h)
}

// qualifiedSection returns the section a heading names before a
// qualifier: whose ("Retours du maire", "Feedback from the grounds
// team"), or a second name after a slash or a dash ("Décisions /
// actions"), or a comma ("Pas terminé, reporté au sprint 5"). A section
// that answers a review is never found this way: "Sécurité des manèges"
// is about rides, not the story's security notes.
func (s *story) qualifiedSection(h string) int {
	if len(h) > 80 {
		return -1
	}
	var buf [160]byte
	ws := strings.Fields(h)
	for n := min(len(ws)-1, 3); n >= 1; n-- {
		next := strings.ToLower(ws[n])
		// "Pas terminé, reporté au sprint 5": a comma ends the name too.
		// A colon does not: "Contexte : la DREAL veut…" labels its own
		// text, not all that follows it.
		comma := strings.HasSuffix(ws[n-1], ",")
		if !comma && !headingQualifiers[next] && !strings.HasPrefix(next, "d'") && !strings.HasPrefix(next, "d’") {
			continue
		}
		if i, ok := s.c.aliases[string(keyPrefix(strings.TrimSuffix(strings.Join(ws[:n], " "), ","), buf[:]))]; ok && !s.c.reply[i] {
			return i
		}
	}
	return -1
}

// headingQualifiers open what qualifies a section's name in a heading.
var headingQualifiers = setOf(`/ - – — du de des par pour from of by`)

func isScenarioHeading(h string) bool {
	_, kind, _, ok := gherkinLine(h)
	return ok && (kind == gkScenario || kind == gkBackground || kind == gkExamples)
}
