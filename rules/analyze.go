package rules

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
	// Measures are the statements of the security notes and RGPD
	// section, which the recette verifies.
	Measures []Measure `json:"measures,omitempty"`
	Findings []Finding `json:"findings"`
}

// Analyze parses one story and runs every enabled rule of t over it.
// Messages are in lang; an empty lang means the story's own language.
//
// A story over MaxStoryChars is not analysed: its result has one finding,
// story-too-long, and the rest is what an empty body gives.
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
			out[i].Findings = r.appendFindings(out[i].Findings, hs, c, msgLang, stories[i].lang)
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

// read parses a story with t up to its story sentence: its sections, its
// placeholders and the sentence; what analyze and ShapeOf share.
func read(in Input, t *Template, tooLong int) *story {
	s := &story{in: in, t: t, c: compile(t), d: parseBody(in.Body), persona: -1, tooLong: tooLong}
	s.classify()
	s.findPlaceholders()
	s.findSentence()
	return s
}

// analyze parses a story and works out everything the rules read. A story
// over MaxStoryChars is read as if its body were empty, and only says so.
func analyze(in Input, t *Template) *story {
	t = orEmpty(t)
	var chars int
	if chars = tooLong(in); chars > 0 {
		title := in.Title
		if len(title) > maxTitleKept {
			title = ""
		}
		in = Input{Title: title, Labels: in.Labels}
	}
	s := read(in, t, chars)
	s.detectLang()
	if s.sent != nil && s.sent.Role != "" {
		s.persona = s.c.matchPersona(s.sent.Role)
	}
	s.scanWords()
	s.findCriteria()
	s.leadSection()
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
	r.Measures = s.findMeasures()
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
