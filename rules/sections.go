package rules

import (
	"slices"
	"strings"
)

// The state of each template section, and why a story needs it.
//
// A free-text section is present when it says something other than
// template text or a bare "N/A". When it holds the security checklist,
// it is present only when every question it holds is answered: ticked,
// followed by an answer on its line or in the lines under it, or marked
// "Sans objet : <raison>". What is left (the questions without answer,
// the placeholders not filled) is kept, so that the finding names it.

// naPhrases say "does not apply"; with no reason after them the section
// is as good as empty.
var naPhrases = []string{
	"n/a", "n.a.", "na", "sans objet", "non applicable", "non concerne", "pas concerne",
	"not applicable", "none", "nothing", "aucun", "aucune", "neant", "rien", "ras", "nc",
	"-", "so", "vide", "empty",
}

// naWithoutReason reports whether text is only "N/A" or "Sans objet" with
// fewer than two words of reason.
func naWithoutReason(text string) bool {
	f := strings.TrimSpace(fold(text))
	f = strings.Trim(f, " .!:;-–—()")
	if f == "" {
		return true
	}
	for _, p := range naPhrases {
		if !strings.HasPrefix(f, p) {
			continue
		}
		rest := f[len(p):]
		if rest != "" && isWordByte(rest[0]) {
			continue
		}
		return countWords(rest) < 2
	}
	return false
}

// hole is a placeholder left in a section, with the label it answers
// ("Finalité : <pourquoi ?>").
type hole struct {
	label, text string
}

// emptiness says what is left in a section that is not complete.
type emptiness struct {
	// why is "" when the section is not empty, else "blank",
	// "placeholder", "checklist" (questions left unanswered) or "na"
	// (N/A without a reason).
	why string
	// questions are the checklist questions (indices in
	// Template.SecurityChecklist) without an answer.
	questions []int
	// holes are the placeholders left to fill.
	holes []hole
}

// leadSection lets the prose that opens the body stand for the
// template's lead section when no heading names it: a bug report that
// opens with "Depuis la mise à jour, les levées sont comptées deux fois"
// says what was observed, and asking for a « Comportement observé »
// heading over it would block a report that is right as it is. The
// opening prose is the run of paragraphs before the first heading, list
// or code block, other than the story sentence's. It runs after the
// criteria are found, and the template is chosen by headings before it:
// the lead is no heading.
func (s *story) leadSection() {
	lead := slices.IndexFunc(s.t.Sections, func(sp SectionSpec) bool { return sp.Lead })
	if lead < 0 || len(s.bySpec[lead]) > 0 {
		return
	}
	from, to := -1, -1
	for i := range s.d.blocks {
		b := &s.d.blocks[i]
		if b.section >= 0 || b.kind != blockPara {
			break
		}
		if b.text == "" || slices.Contains(s.sentBlocks, i) {
			if from >= 0 {
				break
			}
			continue
		}
		if from < 0 {
			from = i
		}
		to = i + 1
	}
	if from < 0 {
		return
	}
	s.sections = append(s.sections, section{spec: lead, line: s.d.blocks[from].line, from: from, to: to})
	s.bySpec[lead] = append(s.bySpec[lead], len(s.sections)-1)
}

// sectionStates works out each template section's state.
func (s *story) sectionStates() {
	n := len(s.t.Sections)
	s.states = make([]SectionState, n)
	s.empty = make([]emptiness, n)
	critCount := make([]int, n)
	for k, sp := range s.critSpec {
		if sp >= 0 && !s.criterionIsTemplate(k) {
			critCount[sp]++
		}
	}
	for i, spec := range s.t.Sections {
		present := len(s.bySpec[i]) > 0
		switch spec.Kind {
		case KindStory:
			switch {
			case s.sent.found() == 2:
				s.states[i] = SectionPresent
			case present || s.sent != nil:
				s.states[i], s.empty[i].why = SectionEmpty, "blank"
			default:
				s.states[i] = SectionMissing
			}
		case KindCriteria:
			switch {
			case critCount[i] > 0:
				s.states[i] = SectionPresent
			case present && s.holdsPlaceholder(i):
				s.states[i], s.empty[i] = SectionEmpty, emptiness{why: "placeholder", holes: s.sectionHoles(i)}
			case present:
				s.states[i], s.empty[i].why = SectionEmpty, "blank"
			default:
				s.states[i] = SectionMissing
			}
		default:
			if !present {
				s.states[i] = SectionMissing
				continue
			}
			s.states[i], s.empty[i] = s.textState(i)
		}
	}
}

// criterionIsTemplate reports whether criterion k says nothing but
// template text: "Scénario : <cas nominal>" with steps that are all
// placeholders.
func (s *story) criterionIsTemplate(k int) bool {
	c := s.criteria[k]
	texts := []string{c.Text}
	for _, st := range c.Steps {
		texts = append(texts, st.Text)
	}
	for _, t := range texts {
		if t == "" {
			continue
		}
		rest, _ := withoutPlaceholders(t)
		if countWordsUpTo(rest, 1) > 0 {
			return false
		}
	}
	return true
}

// holdsPlaceholder reports whether template section spec holds template
// text: a placeholder block or an empty task box ("- [ ]").
func (s *story) holdsPlaceholder(spec int) bool {
	for _, si := range s.bySpec[spec] {
		for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
			b := &s.d.blocks[bi]
			if s.phBlock[bi] || b.task && strings.TrimSpace(b.text) == "" || len(placeholderSpans(b.text)) > 0 {
				return true
			}
		}
	}
	return false
}

// sectionHoles lists the placeholders of template section spec, with the
// label before each ("Finalité : <pourquoi ?>").
func (s *story) sectionHoles(spec int) []hole {
	var out []hole
	for _, si := range s.bySpec[spec] {
		for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
			b := &s.d.blocks[bi]
			if s.phBlock[bi] && len(placeholderSpans(b.text)) == 0 {
				if !(b.italic && b.text == "No response") {
					out = append(out, hole{text: shorten(firstLine(b.text), 80)})
				}
				continue
			}
			for line := range strings.SplitSeq(b.text, "\n") {
				for _, sp := range placeholderSpans(line) {
					label := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[:sp[0]]), ":"))
					if countWordsUpTo(label, 6) > 5 {
						label = ""
					}
					out = append(out, hole{label: label, text: line[sp[0]:sp[1]]})
				}
			}
		}
	}
	return out
}

// textState reads a free-text section: present when it says something
// other than template text or a bare "N/A", and, when it holds the
// security checklist, when each of its questions is answered.
func (s *story) textState(spec int) (SectionState, emptiness) {
	words := 0
	var only string // the section's text when one block holds it all
	blocks := 0
	sawPlaceholder := false
	var holes []hole
	// Checklist questions seen, in order, and whether each is answered.
	var asked []int
	answered := map[int]bool{}
	current := -1 // the question the blocks under it answer
	for _, si := range s.bySpec[spec] {
		for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
			b := &s.d.blocks[bi]
			if b.text == "" {
				// An empty task box is the template's, left to fill.
				sawPlaceholder = sawPlaceholder || b.task
				continue
			}
			if s.phBlock[bi] {
				if b.italic && b.text == "No response" {
					continue // a form's field left empty: blank
				}
				sawPlaceholder = true
				holes = append(holes, hole{text: shorten(firstLine(b.text), 80)})
				continue
			}
			if q, inline := s.checklistQuestion(bi); q >= 0 {
				asked = append(asked, q)
				current = q
				if b.checked || inline {
					answered[q] = true
				}
				continue
			}
			t := b.text
			filled := true
			if b.kind != blockCode && strings.ContainsAny(t, "<[") {
				var found bool
				t, found = withoutPlaceholders(t)
				if found {
					sawPlaceholder = true
					for line := range strings.SplitSeq(b.text, "\n") {
						for _, sp := range placeholderSpans(line) {
							label := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line[:sp[0]]), ":"))
							if countWordsUpTo(label, 6) > 5 {
								label = ""
							}
							holes = append(holes, hole{label: label, text: line[sp[0]:sp[1]]})
						}
					}
					// "Finalité : <pourquoi ?>" is a label waiting for
					// its answer, not an answer.
					filled = !labelsOnly(t)
				}
			}
			if !filled {
				continue
			}
			if n := countWordsUpTo(t, 7); n > 0 {
				if current >= 0 {
					answered[current] = true
				}
				words += n
				blocks++
				only = t
			}
		}
	}
	if len(asked) > 0 {
		var left []int
		for _, q := range asked {
			if !answered[q] && !slices.Contains(left, q) {
				left = append(left, q)
			}
		}
		if len(left) > 0 {
			return SectionEmpty, emptiness{why: "checklist", questions: left, holes: holes}
		}
		if len(holes) == 0 {
			return SectionPresent, emptiness{}
		}
	}
	switch {
	case len(holes) > 0 && (words == 0 || len(asked) > 0 || naWithoutReason(only)):
		return SectionEmpty, emptiness{why: "placeholder", holes: holes}
	case words > 0:
	case sawPlaceholder:
		return SectionEmpty, emptiness{why: "placeholder", holes: holes}
	default:
		return SectionEmpty, emptiness{why: "blank"}
	}
	if len(holes) > 0 {
		return SectionEmpty, emptiness{why: "placeholder", holes: holes}
	}
	// "N/A" with a reason of two words or more is an answer; a longer
	// text never is a bare "N/A".
	if blocks == 1 && words <= 6 && naWithoutReason(only) {
		return SectionEmpty, emptiness{why: "na"}
	}
	return SectionPresent, emptiness{}
}

// labelsOnly reports whether a text, placeholders taken out, holds only
// labels: "Finalité :", "Base légale : / Durée :".
func labelsOnly(t string) bool {
	for line := range strings.SplitSeq(t, "\n") {
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		if !strings.HasSuffix(l, ":") && !strings.HasSuffix(l, "?") || countWordsUpTo(l, 8) > 7 {
			return false
		}
	}
	return true
}

// checklistQuestion returns the index of the security checklist question
// block bi holds, and whether the block answers it on its line ("… ?
// Non : aucune donnée nouvelle"); -1 when it holds none.
func (s *story) checklistQuestion(bi int) (int, bool) {
	if len(s.c.questions) == 0 {
		return -1, false
	}
	k := s.blockKey(bi)
	if k == "\x00" || k == "" {
		// A long block may still open with a question: compare its head.
		var buf [keyHead + 8]byte
		head := string(keyPrefix(s.d.blocks[bi].text, buf[:]))
		if len(head) < keyHead || !s.c.keyHeads[head[:keyHead]] {
			return -1, false
		}
		k = key(s.d.blocks[bi].text)
	}
	for _, q := range s.c.questions {
		if k == q.key {
			return q.index, false
		}
		if strings.HasPrefix(k, q.key) {
			return q.index, true
		}
	}
	return -1, false
}

// reason says why a section is required.
type reason uint8

const (
	reasonAlways reason = iota
	reasonPrivileged
	reasonCitizen
	reasonSensitive
	reasonPersonalData
	reasonPersona
)

// requirements works out which sections this story needs and why.
func (s *story) requirements() {
	n := len(s.t.Sections)
	s.required = make([]bool, n)
	s.reasons = make([][]reason, n)
	need := func(i int, why reason) {
		if i < 0 {
			return
		}
		s.required[i] = true
		if !slices.Contains(s.reasons[i], why) {
			s.reasons[i] = append(s.reasons[i], why)
		}
	}
	for i, spec := range s.t.Sections {
		for _, cond := range spec.RequiredWhen {
			switch {
			case cond == Always:
				need(i, reasonAlways)
			case cond == WhenPrivileged && s.privileged():
				need(i, reasonPrivileged)
			case cond == WhenCitizen && s.citizen():
				need(i, reasonCitizen)
			case cond == WhenSensitive && s.hasCategory(CategorySecurity):
				need(i, reasonSensitive)
			case cond == WhenPersonalData && s.hasCategory(CategoryPersonalData):
				need(i, reasonPersonalData)
			}
		}
	}
	// A privileged role always needs security notes and a citizen-facing
	// one an accessibility note, even when a template forgets to say so.
	if s.privileged() {
		need(s.specIndex(SectionSecurityNotes), reasonPrivileged)
	}
	if s.citizen() {
		need(s.specIndex(SectionAccessibility), reasonCitizen)
	}
	if s.persona >= 0 {
		for _, id := range s.t.Personas[s.persona].Requires {
			need(s.specIndex(id), reasonPersona)
		}
	}
}

// reasonText says a reason to the author, as a clause that follows
// "parce que" / "because".
func (s *story) reasonText(r reason) Text {
	role := ""
	if s.sent != nil {
		role = s.sent.Role
	}
	// A bug report or meeting notes are no « récit »: the ticket.
	subjFR, subjEN := "le récit", "the story"
	if s.t.NoStory {
		subjFR, subjEN = "le ticket", "the issue"
	}
	switch r {
	case reasonPrivileged:
		return Text{FR: "le profil « " + role + " » a des privilèges", EN: "the role “" + role + "” is privileged"}
	case reasonCitizen:
		return Text{FR: subjFR + " s'adresse à des usagers (« " + role + " »)", EN: subjEN + " is citizen-facing (“" + role + "”)"}
	case reasonSensitive:
		w := s.topicWords(CategorySecurity)
		return Text{FR: subjFR + " touche à la sécurité (" + w.Get(FR) + ")", EN: subjEN + " touches security (" + w.Get(EN) + ")"}
	case reasonPersonalData:
		w := s.topicWords(CategoryPersonalData)
		return Text{FR: subjFR + " traite des données personnelles (" + w.Get(FR) + ")", EN: subjEN + " processes personal data (" + w.Get(EN) + ")"}
	case reasonPersona:
		return Text{FR: "le profil « " + role + " » la demande", EN: "the role “" + role + "” asks for it"}
	}
	return Text{FR: "le modèle la demande toujours", EN: "the template always asks for it"}
}
