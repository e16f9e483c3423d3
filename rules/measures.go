package rules

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Measure is one statement of a story's security notes or RGPD section:
// what its author says the feature does to be secure or lawful ("Seuls
// les administrateurs peuvent attribuer un rôle"). The recette verifies
// them on the delivered feature, as it verifies the criteria.
type Measure struct {
	// Section is SectionSecurityNotes or SectionPersonalData.
	Section string `json:"section"`
	Text    string `json:"text"`
	Line    int    `json:"line,omitempty"`
	// Topics are the IDs of the template topics whose keywords the
	// statement uses, wherever they stand: a measure on access rights
	// covers the template's access-rights check.
	Topics []string `json:"topics,omitempty"`
}

// measureSections are the sections whose statements are measures.
var measureSections = []string{SectionSecurityNotes, SectionPersonalData}

// naMarkers open a statement that says a question does not apply.
var naMarkers = []string{"n/a", "na", "sans objet", "non applicable", "non concerne", "pas concerne", "not applicable", "non", "no"}

// unfinished marks a statement left to write ("Durée de conservation :
// à définir"): nothing to verify yet.
var unfinished = []string{"a completer", "a definir", "a preciser", "a confirmer", "a venir", "tbd", "tbc", "to be defined", "to be confirmed", "todo"}

// findMeasures reads the statements of the security notes and RGPD
// sections: each list item, each line of a paragraph, the answer written
// after a question of the template's checklist. Left out: the questions
// themselves, template text, what says "does not apply", a line that
// introduces a list ("Mesures :"), a statement of fewer than three words
// ("Oui", "Fait") and those the template's recette_skip names (a legal
// basis, a task of the homologation file: decisions, not things to see on
// the feature).
func (s *story) findMeasures() []Measure {
	var out []Measure
	for _, id := range measureSections {
		spec := s.specIndex(id)
		if spec < 0 {
			continue
		}
		for _, si := range s.bySpec[spec] {
			for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
				b := &s.d.blocks[bi]
				if b.text == "" || s.phBlock[bi] || b.kind == blockCode || b.kind == blockHeading {
					continue
				}
				text := b.text
				if q, inline := s.checklistQuestion(bi); q >= 0 {
					if !inline {
						continue
					}
					text = answerAfterQuestion(text)
				}
				var parts []string
				var lines []int
				if b.kind == blockItem {
					parts, lines = []string{collapse(text)}, []int{b.line}
				} else {
					parts, lines = statements(text, b.line, b.lines)
				}
				for i, p := range parts {
					if m, ok := s.measure(id, p); ok {
						m.Line = lines[i]
						if !slices.ContainsFunc(out, func(o Measure) bool { return strings.EqualFold(o.Text, m.Text) }) {
							out = append(out, m)
						}
					}
				}
			}
		}
	}
	return out
}

// statements splits a paragraph into its statements, with the line each
// starts on: a line per statement when the author wrote them so, the
// sentences of a paragraph wrapped over several lines otherwise. A line
// goes on the one before when that one does not end a sentence and it
// starts in lower case.
func statements(text string, first int, bodyLines []int) ([]string, []int) {
	var out []string
	var at []int
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if n := len(out); n > 0 && !strings.ContainsAny(out[n-1][len(out[n-1])-1:], ".!?;:") && startsLower(l) {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
		at = append(at, lineAt(first, bodyLines, i))
	}
	var parts []string
	var lines []int
	for i, st := range out {
		for _, sentence := range sentences(st) {
			parts = append(parts, sentence)
			lines = append(lines, at[i])
		}
	}
	return parts, lines
}

// sentences splits a statement at a full stop followed by a capital.
func sentences(s string) []string {
	var out []string
	for {
		cut := -1
		for i := 0; i+2 < len(s); i++ {
			if s[i] == '.' && s[i+1] == ' ' && startsUpper(s[i+2:]) {
				cut = i + 1
				break
			}
		}
		if cut < 0 {
			return append(out, s)
		}
		out = append(out, s[:cut])
		s = strings.TrimSpace(s[cut:])
	}
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// measure reads one statement, and says whether it is one.
func (s *story) measure(section, text string) (Measure, bool) {
	t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(text), "-*+•–—:"))
	if t == "" || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "?") {
		return Measure{}, false
	}
	if spans := placeholderSpans(t); len(spans) > 0 {
		// "Durée de conservation : <combien de temps ?>" waits for its
		// answer.
		return Measure{}, false
	}
	if countWordsUpTo(t, 3) < 3 || startsWithFold(t, naMarkers) || startsWithFold(t, s.t.RecetteSkip) || holdsFold(t, unfinished) {
		return Measure{}, false
	}
	return Measure{Section: section, Text: t, Topics: s.topicsIn(t)}, true
}

// startsWithFold reports whether t opens with one of the phrases, case
// and accents ignored, as a whole word.
func startsWithFold(t string, phrases []string) bool {
	f := fold(t)
	for _, p := range phrases {
		p = fold(strings.TrimSpace(p))
		if p == "" || !strings.HasPrefix(f, p) {
			continue
		}
		if rest := f[len(p):]; rest == "" || !isWordByte(rest[0]) {
			return true
		}
	}
	return false
}

// holdsFold reports whether t holds one of the folded phrases as whole
// words.
func holdsFold(t string, phrases []string) bool {
	f := " " + strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, fold(t)) + " "
	for _, p := range phrases {
		if strings.Contains(f, " "+p+" ") {
			return true
		}
	}
	return false
}

// answerAfterQuestion is what a block that opens with a checklist
// question says after it: the rest of the line after the question's last
// question mark, and the lines below, without a leading "Oui".
func answerAfterQuestion(text string) string {
	first, rest, _ := strings.Cut(text, "\n")
	answer := rest
	if i := strings.LastIndexByte(first, '?'); i >= 0 {
		answer = strings.TrimSpace(first[i+1:] + "\n" + rest)
	}
	answer = strings.TrimSpace(strings.TrimLeft(answer, " \t:—–-,."))
	for _, yes := range []string{"oui", "yes"} {
		if startsWithFold(answer, []string{yes}) {
			answer = strings.TrimSpace(strings.TrimLeft(answer[len(yes):], " \t:—–-,."))
		}
	}
	return strings.Join(strings.Fields(answer), " ")
}

// topicsIn lists, in template order, the topics whose keywords or
// acronyms text uses.
func (s *story) topicsIn(text string) []string {
	found := map[int]bool{}
	s.c.words.scanWords(text, func(p *phrase, start, end int) {
		if !p.vague && systemAcronym(text[start:end]) {
			found[p.id] = true // "connectés via ProConnect" names no other system
		}
	}, func(start, end int) {
		for _, id := range s.c.acronyms[text[start:end]] {
			found[id] = true
		}
	})
	var out []string
	for i, tp := range s.t.Topics {
		if found[i] && !slices.Contains(out, tp.ID) {
			out = append(out, tp.ID)
		}
	}
	return out
}
