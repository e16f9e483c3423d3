package rules

import (
	"strings"
)

// Template text left in a story: placeholders found in the body, and
// the text with them blanked out.

// findPlaceholders marks template text left in the body and the title.
func (s *story) findPlaceholders() {
	s.phBlock = make([]bool, len(s.d.blocks))
	title := stripInlineMarkers(s.in.Title)
	for _, p := range spanPlaceholders(title[leadingTags(title):]) {
		s.placeholders = append(s.placeholders, placeholder{text: p, line: 0})
	}
	// "<email>" in a step is a scenario outline's parameter only when the
	// story has an Examples table to fill it; otherwise it is a
	// placeholder someone left ("Étant donné <contexte>").
	outline := false
	for i := range s.d.blocks {
		for line := range strings.SplitSeq(s.d.blocks[i].text, "\n") {
			if _, kind, _, ok := gherkinLine(line); ok && kind == gkExamples {
				outline = true
			}
		}
	}
	firstPara := true // the body's first paragraph may open with tags too
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.kind == blockCode && isGherkinFence(b) && !outline {
			for li, line := range strings.Split(b.text, "\n") {
				for _, p := range spanPlaceholders(line) {
					l := b.line + li
					if li < len(b.lines) {
						l = b.lines[li]
					}
					s.placeholders = append(s.placeholders, placeholder{text: p, line: l})
				}
			}
			continue
		}
		if b.kind == blockCode || b.kind == blockHeading || b.text == "" {
			continue
		}
		tagsEnd := 0
		if firstPara {
			tagsEnd = leadingTags(b.text)
			firstPara = false
		}
		if b.italic && b.text == "No response" {
			// What a GitHub issue form writes for a field left empty: the
			// section is empty, and nobody left template text behind.
			s.phBlock[i] = true
			continue
		}
		if s.wholePlaceholder(i) {
			s.phBlock[i] = true
			s.placeholders = append(s.placeholders, placeholder{text: firstLine(b.text), line: b.line})
			continue
		}
		if !strings.ContainsAny(b.text[tagsEnd:], "<[") {
			continue
		}
		li := -1
		for line := range strings.SplitSeq(b.text, "\n") {
			li++
			if li == 0 {
				line = line[min(tagsEnd, len(line)):]
			}
			if strings.ContainsAny(line, "<[") {
				if _, kind, _, ok := gherkinLine(line); ok && isStepKind(kind) && outline {
					continue // a scenario outline's parameter
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

func (s *story) wholePlaceholder(i int) bool {
	b := &s.d.blocks[i]
	t := strings.TrimSpace(b.text)
	if isPlaceholderText(t) {
		return true
	}
	if len(t) <= s.c.maxHint {
		if _, ok := s.c.hints[s.blockKey(i)]; ok {
			return true
		}
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

// leadingTags returns the length of the bracketed tags that open line
// ("[Front] ", "[Back office][API] ") when more text follows them: teams
// sort issues that way, and the tag is no template text. A line that is
// only "[Titre du récit]" keeps its placeholder.
func leadingTags(line string) int {
	end := 0
	for {
		j := end
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		if j >= len(line) || line[j] != '[' {
			break
		}
		k := strings.IndexAny(line[j+1:], "]\n")
		if k < 0 || line[j+1+k] != ']' {
			break
		}
		end = j + k + 2
	}
	if end == 0 || strings.TrimSpace(firstLine(line[end:])) == "" {
		return 0
	}
	return end
}

// spanPlaceholders finds "<profil>" and "[rôle]" in a line: a few words
// between brackets, not a task box, not an all-capitals tag ("[WIP]"), not
// a reference ("[1]").
func spanPlaceholders(line string) []string {
	var out []string
	for _, sp := range placeholderSpans(line) {
		out = append(out, line[sp[0]:sp[1]])
	}
	return out
}

// placeholderSpans returns the bounds of spanPlaceholders' finds.
func placeholderSpans(line string) [][2]int {
	var out [][2]int
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
		j := strings.IndexByte(line[i+1:min(len(line), i+50)], closer)
		if j < 1 {
			continue
		}
		inner := line[i+1 : i+1+j]
		if !plausiblePlaceholder(inner) {
			continue
		}
		out = append(out, [2]int{i, i + 2 + j})
		i += j + 1
	}
	return out
}

// withoutPlaceholders returns s with its placeholders blanked out.
func withoutPlaceholders(s string) (string, bool) {
	spans := placeholderSpans(s)
	if len(spans) == 0 {
		return s, false
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp[0]])
		b.WriteByte(' ')
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String(), true
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
