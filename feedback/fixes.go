package feedback

import (
	"strings"

	"github.com/cochef/cochef/rules"
)

// place is where a fix goes, which is how its block is announced: a
// block shown as text to paste says what the text is and where it goes,
// so the author never has to guess whether to add it or to replace
// something with it.
type place string

const (
	placeNone       place = ""
	placeNewSection place = "new-section" // a section to add: gathered into one block
	placeSection    place = "section"     // a section to paste over the existing one
	placeSentence   place = "sentence"    // the story sentence
	placeCriterion  place = "criterion"   // an acceptance criterion, rewritten
	placeStep       place = "step"        // a Gherkin step the scenario lacks
	placePersonas   place = "personas"    // a line of the repository's configuration
	placeText       place = "text"        // anything else
)

// rulePlaces says where each rule's fix goes when it is not a section.
// Every rule is listed (a test holds it to rules.Rules()), so a new rule's
// fix is announced on purpose, never by accident.
var rulePlaces = map[string]place{
	"story-format":                placeSentence,
	"story-benefit":               placeSentence,
	"story-atomic":                placeSentence,
	"story-minimal":               placeSentence,
	"story-ambiguous":             placeSentence,
	"story-uniform":               placeSentence,
	"story-unique":                placeText,
	"role-unknown":                placePersonas,
	"acceptance-criteria-missing": placeText,
	"acceptance-criteria-vague":   placeCriterion,
	"gherkin-incomplete":          placeStep,
	"section-missing":             placeText,
	"section-empty":               placeText,
	"template-placeholder":        placeText,
	"story-too-long":              placeText, // no fix: what to cut is the author's call
}

// placeOf is where f's fix goes. A fix that opens with a section heading
// is a section: added when the story has none (the finding has no line),
// pasted over the one at its line otherwise.
func placeOf(f rules.Finding) place {
	if strings.TrimSpace(f.Fix) == "" {
		return placeNone
	}
	if strings.HasPrefix(f.Fix, "## ") {
		if f.Line == 0 {
			return placeNewSection
		}
		return placeSection
	}
	if p, ok := rulePlaces[f.Rule]; ok {
		return p
	}
	return placeText
}

// info is the info string of the block that shows a fix of p: a Gherkin
// step or a line of YAML is shown as such, anything else as Markdown.
func (p place) info() string {
	switch p {
	case placeStep:
		return "gherkin"
	case placePersonas:
		return "yaml"
	}
	return "markdown"
}
