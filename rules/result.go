package rules

// Sentence is the story sentence: "En tant que <role>, je veux <action>
// afin de <benefit>" or "As a <role>, I want <action> so that <benefit>".
type Sentence struct {
	Role    string `json:"role"`
	Action  string `json:"action"`
	Benefit string `json:"benefit"`
	Lang    Lang   `json:"lang,omitempty"`
	// Line is the body line the sentence starts on; 0 when it is the title.
	Line int    `json:"line,omitempty"`
	Text string `json:"text,omitempty"`
}

// SectionState is present, empty or missing.
type SectionState string

const (
	SectionPresent SectionState = "present"
	SectionEmpty   SectionState = "empty"
	SectionMissing SectionState = "missing"
)

// Step is one Gherkin step.
type Step struct {
	Keyword string `json:"keyword"` // as written: "Étant donné", "Given"…
	Kind    string `json:"kind"`    // given, when, then, and, but
	Text    string `json:"text"`
}

// Criterion is one acceptance criterion: a list item, a task-list item or a
// Gherkin scenario.
type Criterion struct {
	Text    string `json:"text"`
	Line    int    `json:"line,omitempty"`
	Task    bool   `json:"task,omitempty"` // written as a task-list item
	Checked bool   `json:"checked,omitempty"`
	Gherkin bool   `json:"gherkin,omitempty"`
	Steps   []Step `json:"steps,omitempty"`
}

// CriteriaSummary counts a story's criteria.
type CriteriaSummary struct {
	Count   int `json:"count"`
	Gherkin int `json:"gherkin"`
	Checked int `json:"checked"`
}

// Finding is one thing to fix (or to know) about a story.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix,omitempty"`
	Line     int      `json:"line,omitempty"`
}
