package rules

import "strings"

// recordVerb reports whether the English "record" found at text[start:end]
// is the verb ("I want to record the venue of each ceremony", "to record
// the condition of every stile") over a sentence that names no person:
// what is recorded is a thing's. "the applicant's record", "record that a
// named food handler is excluded", or a record with photos, stay a
// person's.
func (s *story) recordVerb(text string, start, end int) bool {
	if end-start != len("record") || fold(text[start:end]) != "record" {
		return false
	}
	if ws := lastWords(text[:start], 1); len(ws) > 0 && !recordVerbBefore[ws[0]] {
		return false
	}
	// "defer a donor and record the reason"; photos may show people.
	return !anySentenceWord(text, start, end, func(w string, _ int) bool {
		return s.c.isPerson(w) || s.c.isPerson(strings.TrimSuffix(w, "s")) || workerNouns[w] || enPersonNouns[w] || w == "photo" || w == "photos"
	})
}

// recordVerbBefore come before "record" as a verb.
var recordVerbBefore = setOf(`to i we can cannot must will should and or also then please`)

// enPersonNouns name people the template's people words and workerNouns
// leave out.
var enPersonNouns = setOf(`adult adults host hosts donor donors builder builders handler handlers keeper keepers
	occupant occupants owner owners person people caller callers holder holders trader traders`)
