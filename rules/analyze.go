package rules

import (
	"slices"
	"strings"
)

// Result is the analysis of one story. Its JSON form is the output of
// `cochef check --format json` (documented in the README).
type Result struct {
	Title string `json:"title"`
	// Lang is the language of the messages: the one asked for, else the
	// story's own (Story.Lang), else French.
	Lang     Lang   `json:"lang"`
	Template string `json:"template"`
	Ready    bool   `json:"ready"`
	// Story is the story sentence; empty fields when not found.
	Story Sentence `json:"story"`
	// Sensitive lists the IDs of the topics found.
	Sensitive []string `json:"sensitive"`
	// SecurityReview is true when a security review is asked: privileged
	// persona or a security topic.
	SecurityReview bool `json:"security_review"`
	// Persona is the ID of the template persona the story's role names;
	// empty when none does.
	Persona string `json:"persona,omitempty"`
	// Sections maps every section ID of the template to its state.
	Sections map[string]SectionState `json:"sections"`
	// Required lists the section IDs required for this story.
	Required      []string        `json:"required"`
	Criteria      CriteriaSummary `json:"criteria"`
	CriteriaItems []Criterion     `json:"criteria_items"`
	Findings      []Finding       `json:"findings"`
}

// Analyze parses one story and runs every enabled rule of t over it.
// Messages are in lang; an empty lang means the story's own language.
func Analyze(in Input, t *Template, lang Lang) Result {
	s := analyze(in, t)
	msgLang := messageLang(lang, s.lang)
	res := s.result(msgLang)
	res.Findings = s.runRules(msgLang, true)
	finish(&res)
	return res
}

// AnalyzeBacklog analyses each story and also runs the rules that compare
// stories with one another (story-uniform, story-unique). A finding that
// names another story gives its rank in the backlog, from 1.
func AnalyzeBacklog(in []Input, t *Template, lang Lang) []Result {
	return AnalyzeBacklogAt(in, nil, t, lang)
}

// AnalyzeBacklogAt is AnalyzeBacklog for a backlog read from a file:
// lines[i] is the line story i is on, and a finding that names another
// story gives that line, which the person can find, rather than a rank
// that blank and comment lines make differ from it. nil lines, or a line
// of 0, mean ranks.
func AnalyzeBacklogAt(in []Input, lines []int, t *Template, lang Lang) []Result {
	stories := make([]*story, len(in))
	out := make([]Result, len(in))
	for i := range in {
		stories[i] = analyze(in[i], t)
		stories[i].rank = i + 1
		if i < len(lines) {
			stories[i].fileLine = lines[i]
		}
	}
	// One language for a whole backlog: the one asked for, else the
	// language most of its stories are written in.
	msgLang := lang
	if msgLang == "" {
		n := 0
		for _, s := range stories {
			if s.lang == EN {
				n++
			}
		}
		msgLang = FR
		if 2*n > len(stories) {
			msgLang = EN
		}
	}
	for i, s := range stories {
		out[i] = s.result(msgLang)
		out[i].Findings = s.runRules(msgLang, false)
	}
	c := compile(orEmpty(t))
	for _, r := range registry {
		if r.backlog == nil || c.ruleOff[r.ID] {
			continue
		}
		hits := r.backlog(stories)
		for i, hs := range hits {
			for _, h := range hs {
				out[i].Findings = append(out[i].Findings, r.finding(h, c, msgLang, stories[i].lang))
			}
		}
	}
	for i := range out {
		finish(&out[i])
	}
	return out
}

func messageLang(asked, story Lang) Lang {
	switch {
	case asked != "":
		return asked
	case story != "":
		return story
	}
	return FR
}

var emptyTemplate = &Template{}

func orEmpty(t *Template) *Template {
	if t == nil {
		return emptyTemplate
	}
	return t
}

// analyze parses a story and works out everything the rules read.
func analyze(in Input, t *Template) *story {
	t = orEmpty(t)
	s := &story{in: in, t: t, c: compile(t), d: parseBody(in.Body), persona: -1}
	s.classify()
	s.findPlaceholders()
	s.findSentence()
	s.detectLang()
	if s.sent != nil && s.sent.Role != "" {
		s.persona = s.c.matchPersona(s.sent.Role)
	}
	s.scanWords()
	s.findCriteria()
	s.sectionStates()
	s.requirements()
	return s
}

// Words frequent in one language and rare in the other.
var (
	frWords = map[string]bool{
		"le": true, "la": true, "les": true, "des": true, "du": true, "et": true, "est": true,
		"une": true, "pour": true, "dans": true, "que": true, "qui": true, "sur": true, "avec": true,
		"pas": true, "au": true, "aux": true, "cette": true, "sont": true, "je": true, "nous": true,
		"vous": true, "il": true, "elle": true, "doit": true, "peut": true, "lorsque": true, "quand": true,
	}
	enWords = map[string]bool{
		"the": true, "and": true, "is": true, "are": true, "to": true, "of": true, "for": true,
		"in": true, "that": true, "with": true, "not": true, "be": true, "this": true, "it": true,
		"by": true, "i": true, "we": true, "you": true, "should": true, "can": true, "will": true,
		"when": true, "must": true,
	}
)

// detectLang takes the sentence's language, else counts frequent words of
// the title and body. French wins ties: it is our users' language.
func (s *story) detectLang() {
	if s.sent != nil {
		s.lang = s.sent.Lang
		return
	}
	var toks []tok
	toks = tokenize(s.in.Title, toks)
	n := 0
	for i := range s.d.blocks {
		if s.d.blocks[i].kind == blockCode {
			continue
		}
		toks = tokenize(s.d.blocks[i].text, toks)
		if n++; n > 40 || len(toks) > 400 {
			break
		}
	}
	fr, en := 0, 0
	for _, t := range toks {
		if frWords[t.w] {
			fr++
		}
		if enWords[t.w] {
			en++
		}
	}
	s.lang = FR
	if en > fr {
		s.lang = EN
	}
}

// inCriteria reports whether b is in a criteria section.
func (s *story) inCriteria(b *block) bool {
	if b.section < 0 {
		return false
	}
	spec := s.sections[b.section].spec
	return spec >= 0 && s.t.Sections[spec].Kind == KindCriteria
}

func sortTopics(hs []topicHit) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].topic < hs[j-1].topic; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}

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

// sectionStates works out each template section's state.
func (s *story) sectionStates() {
	n := len(s.t.Sections)
	s.states = make([]SectionState, n)
	s.emptyWhy = make([]string, n)
	critCount := make([]int, n)
	for _, sp := range s.critSpec {
		if sp >= 0 {
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
				s.states[i], s.emptyWhy[i] = SectionEmpty, "blank"
			default:
				s.states[i] = SectionMissing
			}
		case KindCriteria:
			switch {
			case critCount[i] > 0:
				s.states[i] = SectionPresent
			case present && s.holdsPlaceholder(i):
				s.states[i], s.emptyWhy[i] = SectionEmpty, "placeholder"
			case present:
				s.states[i], s.emptyWhy[i] = SectionEmpty, "blank"
			default:
				s.states[i] = SectionMissing
			}
		default:
			if !present {
				s.states[i] = SectionMissing
				continue
			}
			s.states[i], s.emptyWhy[i] = s.textState(i)
		}
	}
}

// holdsPlaceholder reports whether template section spec holds template
// text: a placeholder block or an empty task box ("- [ ]").
func (s *story) holdsPlaceholder(spec int) bool {
	for _, si := range s.bySpec[spec] {
		for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
			b := &s.d.blocks[bi]
			if s.phBlock[bi] || b.task && strings.TrimSpace(b.text) == "" {
				return true
			}
		}
	}
	return false
}

// textState reads a free-text section: present when it says something
// other than template text or a bare "N/A".
func (s *story) textState(spec int) (SectionState, string) {
	words := 0
	var only string // the section's text when one block holds it all
	blocks := 0
	sawPlaceholder, sawChecklist := false, false
	for _, si := range s.bySpec[spec] {
		for bi := s.sections[si].from; bi < s.sections[si].to; bi++ {
			b := &s.d.blocks[bi]
			if b.text == "" {
				// An empty task box is the template's, left to fill.
				sawPlaceholder = sawPlaceholder || b.task
				continue
			}
			if s.phBlock[bi] {
				sawPlaceholder = true
				continue
			}
			t := b.text
			if b.kind != blockCode && strings.ContainsAny(t, "<[") {
				var found bool
				t, found = withoutPlaceholders(t)
				sawPlaceholder = sawPlaceholder || found
			}
			if !b.checked && s.isChecklistQuestion(bi) {
				// The security checklist pasted as is asks; it answers
				// nothing until an item is ticked or written after.
				sawChecklist = true
				continue
			}
			if n := countWordsUpTo(t, 7); n > 0 {
				words += n
				blocks++
				only = t
			}
		}
	}
	switch {
	case words > 0:
	case sawChecklist:
		return SectionEmpty, "checklist"
	case sawPlaceholder:
		return SectionEmpty, "placeholder"
	default:
		return SectionEmpty, "blank"
	}
	// "N/A" with a reason of two words or more is an answer; a longer
	// text never is a bare "N/A".
	if blocks == 1 && words <= 6 && naWithoutReason(only) {
		return SectionEmpty, "na"
	}
	return SectionPresent, ""
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

// reasonText says a reason to the author.
func (s *story) reasonText(r reason) Text {
	role := ""
	if s.sent != nil {
		role = s.sent.Role
	}
	switch r {
	case reasonPrivileged:
		return Text{FR: "rôle privilégié « " + role + " »", EN: "privileged role “" + role + "”"}
	case reasonCitizen:
		return Text{FR: "profil usager « " + role + " »", EN: "citizen-facing role “" + role + "”"}
	case reasonSensitive:
		w := s.topicWords(CategorySecurity)
		return Text{FR: "sujet sensible : " + w, EN: "sensitive topic: " + w}
	case reasonPersonalData:
		w := s.topicWords(CategoryPersonalData)
		return Text{FR: "données personnelles : " + w, EN: "personal data: " + w}
	case reasonPersona:
		return Text{FR: "demandée pour le profil « " + role + " »", EN: "asked for the role “" + role + "”"}
	}
	return Text{FR: "le modèle la demande toujours", EN: "the template always asks for it"}
}

// result fills the parts of a Result that do not depend on rules.
func (s *story) result(lang Lang) Result {
	r := Result{
		Title:         s.in.Title,
		Lang:          lang,
		Template:      s.t.Name,
		Sensitive:     []string{},
		Sections:      make(map[string]SectionState, len(s.t.Sections)),
		Required:      []string{},
		CriteriaItems: s.criteria,
	}
	if r.CriteriaItems == nil {
		r.CriteriaItems = []Criterion{}
	}
	if s.sent != nil {
		r.Story = s.sent.Sentence
	}
	if s.persona >= 0 {
		r.Persona = s.t.Personas[s.persona].ID
	}
	seen := map[string]bool{}
	for _, h := range s.topics {
		id := s.t.Topics[h.topic].ID
		if !seen[id] {
			seen[id] = true
			r.Sensitive = append(r.Sensitive, id)
		}
	}
	r.SecurityReview = s.privileged() || s.hasCategory(CategorySecurity)
	for i, spec := range s.t.Sections {
		r.Sections[spec.ID] = s.states[i]
		if s.required[i] {
			r.Required = append(r.Required, spec.ID)
		}
	}
	for _, c := range s.criteria {
		r.Criteria.Count++
		if c.Gherkin {
			r.Criteria.Gherkin++
		}
		if c.Checked {
			r.Criteria.Checked++
		}
	}
	return r
}

// finish sorts the findings and decides readiness.
func finish(r *Result) {
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	sortFindings(r.Findings)
	r.Ready = true
	for _, f := range r.Findings {
		if f.Severity == SeverityError {
			r.Ready = false
		}
	}
}
