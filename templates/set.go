// Package templates holds cochef's story templates: which sections a story
// needs, who its personas are, which topics make it sensitive. They are data,
// written in YAML (docs/templates.md); the built-in ones are embedded and a
// repository may replace or add templates in the same format.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/cochef/cochef/rules"
	"go.yaml.in/yaml/v3"
)

//go:embed builtin/*.yml
var builtinFS embed.FS

// Set is an ordered collection of templates: the default template first,
// then the others. A Set is immutable once built.
type Set struct {
	list []*rules.Template
	// titleWords[i] are list[i]'s title words, and labels[i] its labels,
	// normalized once: choosing a template compares an issue's labels and
	// title with every one of them.
	titleWords [][]string
	labels     [][]string
}

// indexNames normalizes each template's title words and labels; it
// runs once, when the set is built.
func (s *Set) indexNames() {
	s.titleWords = make([][]string, len(s.list))
	s.labels = make([][]string, len(s.list))
	for i, t := range s.list {
		for _, w := range t.TitleWords {
			s.titleWords[i] = append(s.titleWords[i], Normalize(w))
		}
		for _, l := range t.Labels {
			s.labels[i] = append(s.labels[i], Normalize(l))
		}
	}
}

// Builtin returns the embedded templates. They are parsed once; the error
// can only come from a broken embedded file and is caught by the tests.
var Builtin = sync.OnceValues(loadBuiltin)

// loadBuiltin parses the embedded templates, bases before the templates
// that extend them, and checks them as a set.
func loadBuiltin() (*Set, error) {
	entries, err := fs.ReadDir(builtinFS, "builtin")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// Templates that extend another must come after it; files are parsed
	// in several passes until no progress is made, so file names need not
	// encode the order.
	s := &Set{}
	pending := names
	for len(pending) > 0 {
		var next []string
		var lastErr error
		for _, name := range pending {
			data, err := builtinFS.ReadFile(path.Join("builtin", name))
			if err != nil {
				return nil, err
			}
			t, err := parseOne(data, "builtin/"+name, s.Get)
			if err != nil {
				next = append(next, name)
				lastErr = err
				continue
			}
			if _, dup := s.Get(t.Name); dup {
				return nil, fmt.Errorf("builtin/%s: template %q defined twice", name, t.Name)
			}
			s.list = append(s.list, t)
		}
		if len(next) == len(pending) {
			return nil, lastErr
		}
		pending = next
	}
	if err := checkSet(s.list, true); err != nil {
		return nil, err
	}
	s.sortDefaultFirst()
	s.indexNames()
	return s, nil
}

func (s *Set) sortDefaultFirst() {
	slices.SortStableFunc(s.list, func(a, b *rules.Template) int {
		switch {
		case a.Default == b.Default:
			return strings.Compare(a.Name, b.Name)
		case a.Default:
			return -1
		default:
			return 1
		}
	})
}

// checkSet enforces what holds across templates: one default, no label that
// selects two of the given templates. Labels are checked only among the
// templates of one file: a repository's label that a built-in template also
// has is not ambiguous, as the repository's template comes first.
func checkSet(list []*rules.Template, oneDefault bool) error {
	var errs Errors
	defaults := 0
	owner := map[string]string{}
	for _, t := range list {
		if t.Default {
			defaults++
		}
		for i, l := range t.Labels {
			k := Normalize(l)
			if o, dup := owner[k]; dup && o != t.Name {
				errs = append(errs, &Error{Field: fmt.Sprintf("%s.labels[%d]", t.Name, i), Msg: rules.Text{
					rules.FR: fmt.Sprintf("l'étiquette « %s » sélectionne déjà le modèle %s", l, o),
					rules.EN: fmt.Sprintf("label %q already selects template %s", l, o),
				}})
			}
			owner[k] = t.Name
		}
	}
	if (oneDefault && defaults != 1) || defaults > 1 {
		errs = append(errs, &Error{Field: "default", Msg: rules.Text{
			rules.FR: fmt.Sprintf("il faut exactement un modèle « default: true » (trouvés : %d)", defaults),
			rules.EN: fmt.Sprintf("exactly one template needs \"default: true\" (found: %d)", defaults),
		}})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// List returns the templates in order: the default one first.
func (s *Set) List() []*rules.Template { return slices.Clone(s.list) }

// Get returns the template with that name.
func (s *Set) Get(name string) (*rules.Template, bool) {
	for _, t := range s.list {
		if t.Name == name {
			return t, true
		}
	}
	return nil, false
}

// Default returns the template used when no label selects another.
func (s *Set) Default() *rules.Template {
	for _, t := range s.list {
		if t.Default {
			return t
		}
	}
	if len(s.list) > 0 {
		return s.list[0]
	}
	return nil
}

// With returns a new Set where each override replaces the template of the
// same name (keeping its place) or, when new, comes right after the default
// template, so that a repository's labels win over the built-in ones. An
// override marked default becomes the only default; one that replaces the
// default template stays default.
func (s *Set) With(overrides ...*rules.Template) *Set {
	list := slices.Clone(s.list)
	newDefault := slices.ContainsFunc(overrides, func(t *rules.Template) bool { return t != nil && t.Default })
	insertAt := 0
	if len(list) > 0 && list[0].Default {
		insertAt = 1
	}
	for _, o := range overrides {
		if o == nil {
			continue
		}
		i := slices.IndexFunc(list, func(t *rules.Template) bool { return t.Name == o.Name })
		if i >= 0 {
			if list[i].Default && !o.Default && !newDefault {
				c := *o
				c.Default = true
				o = &c
			}
			list[i] = o
			continue
		}
		list = slices.Insert(list, insertAt, o)
		insertAt++
	}
	if newDefault {
		for i, t := range list {
			if t.Default && !slices.Contains(overrides, t) {
				c := *t
				c.Default = false
				list[i] = &c
			}
		}
	}
	out := &Set{list: list}
	// Keep "the default first" true after a new default arrived.
	if d := out.Default(); d != nil && list[0] != d {
		i := slices.Index(list, d)
		list = slices.Delete(list, i, i+1)
		out.list = slices.Insert(list, 0, d)
	}
	out.indexNames()
	return out
}

// Load parses a file of templates (one template, a list, or a mapping whose
// "templates:" key holds the list, other keys ignored) and returns s with
// them as overrides. "extends: NAME"
// refers to a template of s or to one earlier in the same file.
func (s *Set) Load(data []byte, source string) (*Set, error) {
	n, err := decodeNode(data, source)
	if err != nil {
		return nil, err
	}
	return s.LoadNode(n, source)
}

// LoadNode is Load for a node already decoded, such as the "templates:" key
// of a repository's .github/cochef.yml.
func (s *Set) LoadNode(n *yaml.Node, source string) (*Set, error) {
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	var raws []*rawTemplate
	switch {
	case n.Kind == yaml.SequenceNode:
		if err := decodeInto(n, &raws, source); err != nil {
			return nil, err
		}
	case n.Kind == yaml.MappingNode && hasKey(n, "templates"):
		// Only the templates key is read, so that a repository's whole
		// .github/cochef.yml can be tried with --templates; its other keys
		// are the server's to validate.
		if err := decodeInto(valueOf(n, "templates"), &raws, source); err != nil {
			return nil, err
		}
	default:
		var rt rawTemplate
		if err := decodeInto(n, &rt, source); err != nil {
			return nil, err
		}
		raws = []*rawTemplate{&rt}
	}
	var parsed []*rules.Template
	var errs Errors
	lookup := func(name string) (*rules.Template, bool) {
		for _, t := range slices.Backward(parsed) {
			if t.Name == name {
				return t, true
			}
		}
		return s.Get(name)
	}
	defined := map[string]int{} // name → line, in this file
	for _, rt := range raws {
		if line, dup := defined[rt.Name.Value]; dup && rt.Name.Value != "" {
			errs = append(errs, &Error{Source: source, Line: rt.Name.Line, Field: "name", Msg: rules.Text{
				rules.FR: fmt.Sprintf("modèle « %s » déjà défini ligne %d de ce fichier", rt.Name.Value, line),
				rules.EN: fmt.Sprintf("template %q already defined on line %d of this file", rt.Name.Value, line),
			}})
			continue
		}
		defined[rt.Name.Value] = rt.Name.Line
		t, err := build(rt, source, lookup)
		if err != nil {
			errs = append(errs, err.(Errors)...)
			continue
		}
		parsed = append(parsed, t)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := checkSet(parsed, false); err != nil {
		for _, e := range err.(Errors) {
			e.Source = source
			e.Line = setErrorLine(raws, e.Field)
		}
		return nil, err
	}
	return s.With(parsed...), nil
}

// setErrorLine locates a problem between the templates of one file:
// "NAME.labels[i]" at that label, "default" at the last template that says
// it is the default.
func setErrorLine(raws []*rawTemplate, field string) int {
	if field == "default" {
		line := 0
		for _, rt := range raws {
			if rt.Default != nil && *rt.Default {
				line = rt.Line
			}
		}
		return line
	}
	name, rest, _ := strings.Cut(field, ".labels[")
	var i int
	if _, err := fmt.Sscanf(rest, "%d]", &i); err != nil {
		return 0
	}
	for _, rt := range raws {
		if rt.Name.Value == name && i < len(rt.Labels) {
			return rt.Labels[i].Line
		}
	}
	return 0
}

func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}
