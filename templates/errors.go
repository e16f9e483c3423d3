package templates

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cochef/cochef/rules"
	"go.yaml.in/yaml/v3"
)

// Error is one problem in a template file, located so that the person who
// wrote the YAML can find it: "source:line: field: message".
type Error struct {
	Source string
	Line   int    // 1-based; 0 when unknown
	Field  string // dotted path such as "sections[2].kind"; may be empty
	Msg    rules.Text
	// meant is, for an unknown key, the path of the known key it was
	// probably meant to be: that key's "required" is then the same
	// mistake, not a second one.
	meant string
}

// Error gives both languages: template errors end up in logs and CI output
// read by teams of either language.
func (e *Error) Error() string {
	fr, en := e.Msg.Get(rules.FR), e.Msg.Get(rules.EN)
	if fr == en {
		return e.prefix() + fr
	}
	return e.prefix() + fr + " / " + en
}

// Localized gives the message in one language, for a terminal.
func (e *Error) Localized(lang rules.Lang) string {
	return e.prefix() + e.Msg.Get(lang)
}

func (e *Error) prefix() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source)
		b.WriteString(":")
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(":")
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	return b.String()
}

// Errors is every problem found in one file, in file order, so that a
// person fixes them in one pass rather than one per run.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// cover reports whether field is already accounted for by one of es: the
// field itself, something it is part of (sections[2] covers
// sections[2].title), or the key an unknown key was meant to be.
func (es Errors) cover(field string) bool {
	for _, e := range es {
		if e.meant == field {
			return true
		}
		if e.meant != "" {
			continue // an unknown key covers only what it was meant to be
		}
		if e.Field == "" || e.Field == field || strings.HasPrefix(field, e.Field+".") || strings.HasPrefix(field, e.Field+"[") {
			return true
		}
	}
	return false
}

// Localized gives every message in one language, one per line.
func (es Errors) Localized(lang rules.Lang) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Localized(lang)
	}
	return strings.Join(parts, "\n")
}

// posError is returned from UnmarshalYAML methods; the source is filled in
// by the caller that knows the file name.
func posError(line int, field, fr, en string) *Error {
	return &Error{Line: line, Field: field, Msg: rules.Text{rules.FR: fr, rules.EN: en}}
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// fromYAML turns go-yaml's errors (syntax errors and type mismatches, which
// carry their line only inside the message) into located Errors.
func fromYAML(err error, source string) Errors {
	var msgs []string
	if te, ok := err.(*yaml.TypeError); ok {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := make(Errors, 0, len(msgs))
	for _, m := range msgs {
		e := &Error{Source: source}
		detail := strings.TrimPrefix(m, "yaml: ")
		if sm := yamlLineRE.FindStringSubmatch(detail); sm != nil {
			e.Line, _ = strconv.Atoi(sm[1]) // the pattern only matches digits
			detail = sm[2]
		}
		e.Msg = rules.Text{
			rules.FR: "YAML invalide : " + detail,
			rules.EN: "invalid YAML: " + detail,
		}
		out = append(out, e)
	}
	return out
}

func errf(line int, field string, fr, en string, args ...any) *Error {
	return posError(line, field, fmt.Sprintf(fr, args...), fmt.Sprintf(en, args...))
}
