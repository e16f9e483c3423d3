package rules

// Shape is how an issue is written, read with one template: the sections
// of the template its headings name and whether a story sentence, with
// its need, was read. It lets the templates package choose the template
// an unlabelled issue is already written in (a bug report's "Étapes pour
// reproduire" and "Comportement attendu") without running any rule.
type Shape struct {
	// Sections are the ids of t's sections a heading names, each once,
	// in the order of their first heading.
	Sections []string
	// Sentence: a story sentence whose need can be read, in the title or
	// the body.
	Sentence bool
}

// ShapeOf reads in with t as Analyze does, up to the story sentence. An
// issue over MaxStoryChars has no shape.
func ShapeOf(in Input, t *Template) Shape {
	t = orEmpty(t)
	if tooLong(in) > 0 {
		return Shape{}
	}
	s := read(in, t, 0)
	var sh Shape
	seen := make([]bool, len(t.Sections))
	for _, sec := range s.sections {
		if sec.spec >= 0 && !seen[sec.spec] {
			seen[sec.spec] = true
			sh.Sections = append(sh.Sections, t.Sections[sec.spec].ID)
		}
	}
	sh.Sentence = s.sent.found() == 2
	return sh
}
