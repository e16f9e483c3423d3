package rules

// Result is the analysis of one story. Its JSON form is the output of
// `cochef check --format json` (documented in the README).
type Result struct {
	Title    string `json:"title"`
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
	// Placeholder until the engine lands; replaced by the real analysis.
	return Result{Title: in.Title, Lang: FR, Template: t.Name}
}

// AnalyzeBacklog analyses each story and also runs the rules that compare
// stories with one another (story-uniform, story-unique).
func AnalyzeBacklog(in []Input, t *Template, lang Lang) []Result {
	out := make([]Result, len(in))
	for i := range in {
		out[i] = Analyze(in[i], t, lang)
	}
	return out
}
