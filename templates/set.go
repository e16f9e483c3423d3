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
	// titleWords[i] are list[i]'s title words, normalized once: choosing
	// a template compares an issue's title with every one of them.
	titleWords [][]string
}

// indexTitleWords normalizes each template's title words; it runs once,
// when the set is built.
func (s *Set) indexTitleWords() {
	s.titleWords = make([][]string, len(s.list))
	for i, t := range s.list {
		for _, w := range t.TitleWords {
			s.titleWords[i] = append(s.titleWords[i], Normalize(w))
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
	s.indexTitleWords()
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

// Select returns the first template, in List order, one of whose labels
// matches one of labels, else the default template. Matching ignores case,
// accents and punctuation, and a scoped label such as "type: bug" or
// "kind/bug" also matches by its last part.
func (s *Set) Select(labels []string) *rules.Template {
	return s.SelectFor(rules.Input{Labels: labels})
}

// SelectFor is Select for a whole issue. A team's first issues are seldom
// labelled, and a bug report or meeting notes read as a story get told to
// write "En tant que <profil>…": noise on an issue that is right as it is.
// So when no label selects a template:
//   - a title that opens with one of a template's labels, as a prefix
//     ("Bug : le bouton…", "[Technique] Monter…", "Dette technique - …"),
//     selects it;
//   - else, when no story sentence can be read, an issue written in
//     another template's form selects it: its title opens with one of the
//     template's title words ("Réunion avec…", "Revue de sprint 4",
//     "Sprint 4 review"), or asks a question and the template takes
//     questions ("Combien de temps garde-t-on les dossiers ?"), or its
//     headings name at least two sections the default template does not
//     have ("Étapes pour reproduire", "Comportement attendu";
//     "Participants", "Décisions").
func (s *Set) SelectFor(in rules.Input) *rules.Template {
	if t := s.byLabels(in.Labels); t != nil {
		return t
	}
	if t := s.byTitle(in.Title); t != nil {
		return t
	}
	if t := s.byForm(in); t != nil {
		return t
	}
	return s.Default()
}

// minFormSections is how many of a template's own sections a body must
// name to be read as written in its form: one heading ("Attendu :",
// "Actions :") is common in a story; two of a bug report's are not.
const minFormSections = 2

// byForm returns the first template, not the default one, whose form the
// issue is written in, or nil. A story sentence with its need keeps the
// default: a story with a "Comportement attendu" part is still a story.
func (s *Set) byForm(in rules.Input) *rules.Template {
	def := s.Default()
	if def == nil {
		return nil
	}
	in.Labels = nil
	if rules.ShapeOf(in, def).Sentence {
		return nil
	}
	title := Normalize(in.Title)
	// "Sprint 3 review" opens with "sprint review": a number names which.
	bare := withoutNumbers(title)
	// The longest title word wins: "Compte rendu des entretiens avec
	// des exploitants" is user research, though it opens with the notes'
	// "compte rendu" too.
	var best *rules.Template
	longest := 0
	for i, t := range s.list {
		if t == def {
			continue
		}
		for _, n := range s.titleWords[i] {
			if len(n) > longest && (opensWith(title, n) || bare != title && opensWith(bare, n)) {
				best, longest = t, len(n)
			}
		}
	}
	if best != nil {
		return best
	}
	if strings.HasSuffix(strings.TrimSpace(in.Title), "?") {
		for _, t := range s.list {
			if t != def && t.TitleQuestion {
				return t
			}
		}
	}
	if strings.TrimSpace(in.Body) == "" {
		return nil
	}
	own := map[string]bool{}
	for _, sec := range def.Sections {
		own[sec.ID] = true
	}
	for _, t := range s.list {
		if t == def {
			continue
		}
		n := 0
		for _, id := range rules.ShapeOf(in, t).Sections {
			if !own[id] {
				n++
			}
		}
		if n >= minFormSections {
			return t
		}
	}
	return nil
}

// opensWith reports whether title opens with the words of w, as whole
// words.
func opensWith(title, w string) bool {
	rest, ok := strings.CutPrefix(title, w)
	return ok && w != "" && (rest == "" || rest[0] == ' ')
}

// withoutNumbers drops the words made of digits from a normalized title.
func withoutNumbers(title string) string {
	if !strings.ContainsAny(title, "0123456789") {
		return title
	}
	ws := strings.Fields(title)
	kept := ws[:0]
	for _, w := range ws {
		if strings.Trim(w, "0123456789") != "" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// byTitle returns the first template, not the default one, whose label
// is the title's prefix: the words before its first ":" or dash, or
// inside a leading "[…]". A prefix of several words also matches by its
// first word ("Bug du calendrier : …", "Tech task: …").
func (s *Set) byTitle(title string) *rules.Template {
	prefix := titlePrefix(title)
	if prefix == "" {
		return nil
	}
	whole := Normalize(prefix)
	first, _, _ := strings.Cut(whole, " ")
	// The whole prefix first, a label or a title word of any template
	// ("Notes de recherche : …" is user research), then its first word
	// ("Notes du 3 mars : …" are notes).
	var byFirst *rules.Template
	for i, t := range s.list {
		if t.Default {
			continue
		}
		for _, l := range t.Labels {
			switch Normalize(l) {
			case whole:
				return t
			case first:
				if byFirst == nil {
					byFirst = t
				}
			}
		}
		if slices.Contains(s.titleWords[i], whole) {
			return t
		}
	}
	return byFirst
}

// titlePrefix returns what a title opens with before its subject: "Bug"
// in "Bug : …", "Bug: …", "[Bug] …", "Bug - …", "Bug — …"; "" when it
// has none.
func titlePrefix(title string) string {
	title = strings.TrimSpace(title)
	if rest, ok := strings.CutPrefix(title, "["); ok {
		if p, _, ok := strings.Cut(rest, "]"); ok {
			return p
		}
		return ""
	}
	end := len(title)
	for _, sep := range []string{":", " - ", " – ", " — "} {
		if i := strings.Index(title, sep); i >= 0 && i < end {
			end = i
		}
	}
	if end == len(title) || len(strings.Fields(title[:end])) > 3 {
		return "" // no prefix, or a sentence with a colon in it
	}
	return title[:end]
}

// byLabels returns the first template one of whose labels is in labels,
// or nil.
func (s *Set) byLabels(labels []string) *rules.Template {
	wanted := map[string]bool{}
	for _, l := range labels {
		wanted[Normalize(l)] = true
		if i := strings.LastIndexAny(l, ":/"); i >= 0 {
			wanted[Normalize(l[i+1:])] = true
		}
	}
	delete(wanted, "")
	for _, t := range s.list {
		for _, l := range t.Labels {
			if wanted[Normalize(l)] {
				return t
			}
		}
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
	out.indexTitleWords()
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
