package templates

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/internal/suggest"
	"github.com/cochef/cochef/rules"
)

// The raw types mirror the YAML file exactly. Each one records the line it
// starts on and rejects keys it does not know, so that a typo such as
// "requierd_when" is an error at its line rather than a silently optional
// section. go-yaml's KnownFields does not reach through custom
// unmarshalers, hence the explicit check in strictDecode.
//
// A file with several mistakes gets them all, each with its line:
// strictDecode decodes key by key and list item by list item, so that one
// wrong value does not stop the reading of the others, and returns every
// problem under its path (sections[2].kind). go-yaml stops a whole Decode
// at the first error an unmarshaler returns, hence this walk.

type rawTemplate struct {
	Line              int             `yaml:"-"`
	Name              rawString       `yaml:"name"`
	Extends           rawString       `yaml:"extends"`
	Default           *bool           `yaml:"default"`
	Story             *bool           `yaml:"story"`
	Title             *rawText        `yaml:"title"`
	Description       *rawText        `yaml:"description"`
	Labels            []rawString     `yaml:"labels"`
	TitleWords        []rawString     `yaml:"title_words"`
	TitleQuestion     *bool           `yaml:"title_question"`
	ScanUnnamed       *bool           `yaml:"scan_unnamed"`
	ExistingFeature   *bool           `yaml:"existing_feature"`
	Sections          []*rawSection   `yaml:"sections"`
	Personas          []*rawPersona   `yaml:"personas"`
	Topics            []*rawTopic     `yaml:"topics"`
	SecurityChecklist []*rawCheck     `yaml:"security_checklist"`
	RecetteSkip       []rawString     `yaml:"recette_skip"`
	VagueTerms        *rawLangLists   `yaml:"vague_terms"`
	Rules             rawRules        `yaml:"rules"`
	present           map[string]bool // keys written in the file, for extends
	// decodeErrs are the problems met while reading the template; build
	// reports them with its own, so that a file shows every mistake.
	decodeErrs Errors
}

type rawSection struct {
	Line         int         `yaml:"-"`
	ID           rawString   `yaml:"id"`
	Kind         rawString   `yaml:"kind"`
	Title        *rawText    `yaml:"title"`
	Aliases      []rawString `yaml:"aliases"`
	Hint         *rawText    `yaml:"hint"`
	RequiredWhen []rawString `yaml:"required_when"`
	ScanTopics   *bool       `yaml:"scan_topics"`
	Lead         bool        `yaml:"lead"`
}

type rawPersona struct {
	Line       int         `yaml:"-"`
	ID         rawString   `yaml:"id"`
	Names      []rawString `yaml:"names"`
	Privileged bool        `yaml:"privileged"`
	Citizen    bool        `yaml:"citizen"`
	Requires   []rawString `yaml:"requires"`
}

type rawTopic struct {
	Line     int         `yaml:"-"`
	ID       rawString   `yaml:"id"`
	Category rawStrings  `yaml:"category"`
	Context  rawString   `yaml:"context"`
	Detail   bool        `yaml:"detail"`
	OwnData  bool        `yaml:"own_data"`
	Listed   bool        `yaml:"listed"`
	Keywords []rawString `yaml:"keywords"`
	Acronyms []rawString `yaml:"acronyms"`
	Labels   []rawString `yaml:"labels"`
}

// rawRules keeps the rules in file order with the line of each key, which
// a map would lose.
type rawRules []*rawRule

type rawRule struct {
	ID       string    `yaml:"-"`
	Line     int       `yaml:"-"`
	Enabled  *bool     `yaml:"enabled"`
	Severity rawString `yaml:"severity"`
}

// UnmarshalYAML never fails: a template's problems are kept in decodeErrs
// so that a list of templates is read to its end.
func (t *rawTemplate) UnmarshalYAML(n *yaml.Node) error {
	type plain rawTemplate
	t.Line = n.Line
	t.decodeErrs = strictDecode(n, (*plain)(t))
	t.present = map[string]bool{}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			t.present[n.Content[i].Value] = true
		}
	}
	return nil
}

func (s *rawSection) UnmarshalYAML(n *yaml.Node) error {
	type plain rawSection
	s.Line = n.Line
	return orNil(strictDecode(n, (*plain)(s)))
}

func (p *rawPersona) UnmarshalYAML(n *yaml.Node) error {
	type plain rawPersona
	p.Line = n.Line
	return orNil(strictDecode(n, (*plain)(p)))
}

func (t *rawTopic) UnmarshalYAML(n *yaml.Node) error {
	type plain rawTopic
	t.Line = n.Line
	return orNil(strictDecode(n, (*plain)(t)))
}

func (r *rawRule) UnmarshalYAML(n *yaml.Node) error {
	type plain rawRule
	r.Line = n.Line
	return orNil(strictDecode(n, (*plain)(r)))
}

func (rs *rawRules) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return shapeErr(n.Line, "", "un objet {id-de-règle: {enabled, severity}} est attendu ici, pas %s",
			"a mapping {rule-id: {enabled, severity}} is expected here, not %s", n)
	}
	var errs Errors
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r := &rawRule{}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
			errs = append(errs, under(k.Value, v.Decode(r))...)
		}
		r.ID, r.Line = k.Value, k.Line
		*rs = append(*rs, r)
	}
	return orNil(errs)
}

// orNil returns nil for no errors: an empty Errors in an error interface
// is not nil.
func orNil(errs Errors) error {
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// strictDecode decodes a mapping node into out (a pointer to a struct),
// key by key, and returns every problem: unknown keys, with the nearest
// known one, and values of the wrong shape, each under its key's path.
func strictDecode(n *yaml.Node, out any) Errors {
	if n.Kind != yaml.MappingNode {
		return Errors{shapeErr(n.Line, "", "un objet (clé: valeur) est attendu ici, pas %s",
			"a mapping (key: value) is expected here, not %s", n)}
	}
	v := reflect.ValueOf(out).Elem()
	fields := map[string]int{}
	for i, f := range reflect.VisibleFields(v.Type()) {
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			fields[tag] = i
		}
	}
	known := yamlKeys(v.Type())
	var errs Errors
	seen := map[string]int{} // key -> line: go-yaml's own check stops at custom unmarshalers
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		idx, ok := fields[k.Value]
		if !ok {
			errs = append(errs, unknownKey(k, known))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			// The second value would silently replace the first one.
			errs = append(errs, errf(k.Line, k.Value, "clé déjà donnée à la ligne %d : gardez-en une seule",
				"key already given at line %d: keep only one", line))
			continue
		}
		seen[k.Value] = k.Line
		errs = append(errs, under(k.Value, decodeValue(val, v.Field(idx)))...)
	}
	return errs
}

func unknownKey(k *yaml.Node, known []string) *Error {
	list := strings.Join(known, ", ")
	if near, ok := suggest.Nearest(k.Value, known); ok {
		e := errf(k.Line, k.Value, "clé inconnue ; vouliez-vous dire %s ? (clés possibles : %s)",
			"unknown key; did you mean %s? (known keys: %s)", near, list)
		e.meant = near
		return e
	}
	return errf(k.Line, k.Value, "clé inconnue ; clés possibles : %s", "unknown key; known keys: %s", list)
}

// decodeValue decodes n into the field f. A list is decoded item by item,
// so that one wrong item does not hide the others; a list item that fails
// is kept as far as it was read, for the checks that follow.
func decodeValue(n *yaml.Node, f reflect.Value) error {
	if _, custom := f.Addr().Interface().(yaml.Unmarshaler); !custom && f.Kind() == reflect.Slice {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return nil
		}
		if n.Kind != yaml.SequenceNode {
			return shapeErr(n.Line, "", "une liste est attendue ici, pas %s",
				"a list is expected here, not %s", n)
		}
		items := reflect.MakeSlice(f.Type(), len(n.Content), len(n.Content))
		var errs Errors
		for i, item := range n.Content {
			errs = append(errs, under(fmt.Sprintf("[%d]", i), decodeValue(item, items.Index(i)))...)
		}
		f.Set(items)
		return orNil(errs)
	}
	err := n.Decode(f.Addr().Interface())
	var te *yaml.TypeError
	if errors.As(err, &te) && (f.Kind() == reflect.Bool || f.Type() == reflect.TypeFor[*bool]()) {
		return errf(n.Line, "", "« %s » : true ou false attendu", "%q: true or false expected", n.Value)
	}
	return err
}

func joinPath(path, field string) string {
	switch {
	case field == "":
		return path
	case strings.HasPrefix(field, "["):
		return path + field
	}
	return path + "." + field
}

// under returns the problems of err with path put before their field:
// "kind" under "sections[2]" is "sections[2].kind".
func under(path string, err error) Errors {
	if err == nil {
		return nil
	}
	var errs Errors
	var one *Error
	var te *yaml.TypeError
	switch {
	case errors.As(err, &errs):
	case errors.As(err, &one):
		errs = Errors{one}
	case errors.As(err, &te):
		errs = fromYAML(te, "")
	default:
		errs = fromYAML(err, "")
	}
	for _, e := range errs {
		e.Field = joinPath(path, e.Field)
		if e.meant != "" {
			e.meant = joinPath(path, e.meant)
		}
	}
	return errs
}

func yamlKeys(t reflect.Type) []string {
	var keys []string
	for f := range t.Fields() {
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

// shapeErr is a value of the wrong shape; fr and en have one %s, for
// what was found instead.
func shapeErr(line int, field, fr, en string, found *yaml.Node) *Error {
	return posError(line, field, fmt.Sprintf(fr, describe(found, rules.FR)), fmt.Sprintf(en, describe(found, rules.EN)))
}

func describe(n *yaml.Node, lang rules.Lang) string {
	fr := lang == rules.FR
	switch {
	case n.Kind == yaml.SequenceNode && fr:
		return "une liste"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.MappingNode && fr:
		return "un objet"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.ScalarNode && fr:
		return "« " + n.Value + " »"
	case n.Kind == yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "?"
}

// rawString is a scalar with its line.
type rawString struct {
	Value string
	Line  int
}

func (s *rawString) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return shapeErr(n.Line, "", "un texte est attendu ici, pas %s",
			"a string is expected here, not %s", n)
	}
	s.Line = n.Line
	if n.Tag == "!!null" {
		return nil
	}
	s.Value = strings.TrimSpace(n.Value)
	return nil
}

// rawStrings is one string or a list of strings ("category: security" or
// "category: [security, personal-data]").
type rawStrings struct {
	Line   int
	Values []rawString
}

func (l *rawStrings) UnmarshalYAML(n *yaml.Node) error {
	l.Line = n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		var s rawString
		if err := s.UnmarshalYAML(n); err != nil {
			return err
		}
		if s.Value != "" {
			l.Values = []rawString{s}
		}
		return nil
	case yaml.SequenceNode:
		return n.Decode(&l.Values)
	}
	return shapeErr(n.Line, "", "un texte ou une liste est attendu ici, pas %s",
		"a string or a list is expected here, not %s", n)
}

// rawText is either one string for every language or a mapping fr/en.
type rawText struct {
	Line   int
	Values map[string]string
}

var knownLangs = []string{"fr", "en"}

func (t *rawText) UnmarshalYAML(n *yaml.Node) error {
	t.Line = n.Line
	t.Values = map[string]string{}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			t.Values["fr"] = n.Value
		}
		return nil
	case yaml.MappingNode:
		var errs Errors
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !slices.Contains(knownLangs, k.Value) {
				errs = append(errs, errf(k.Line, k.Value, "langue inconnue ; langues possibles : fr, en",
					"unknown language; known languages: fr, en"))
				continue
			}
			if v.Kind != yaml.ScalarNode {
				errs = append(errs, shapeErr(v.Line, k.Value, "un texte est attendu ici, pas %s",
					"a string is expected here, not %s", v))
				continue
			}
			t.Values[k.Value] = v.Value
		}
		return orNil(errs)
	}
	return shapeErr(n.Line, "", "un texte ou un objet {fr: …, en: …} est attendu ici, pas %s",
		"a string or a mapping {fr: …, en: …} is expected here, not %s", n)
}

// rawCheck is one question of the security checklist: its text (one
// string, or fr/en), and, when a recette verifies it on the delivered
// feature, how it is phrased then and which stories it applies to.
type rawCheck struct {
	Line     int
	Question rawText
	Recette  rawCheckRecette
}

type rawCheckRecette struct {
	Text   *rawText    `yaml:"recette"`
	Topics []rawString `yaml:"topics"`
	When   []rawString `yaml:"when"`
}

func (q *rawCheck) UnmarshalYAML(n *yaml.Node) error {
	q.Line = n.Line
	if n.Kind != yaml.MappingNode {
		return q.Question.UnmarshalYAML(n)
	}
	// The languages are the question's; the other keys say how a recette
	// verifies it.
	text := &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
	rest := &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
	for i := 0; i+1 < len(n.Content); i += 2 {
		dst := rest
		if slices.Contains(knownLangs, n.Content[i].Value) {
			dst = text
		}
		dst.Content = append(dst.Content, n.Content[i], n.Content[i+1])
	}
	var errs Errors
	if err := q.Question.UnmarshalYAML(text); err != nil {
		errs = append(errs, under("", err)...)
	}
	for _, e := range strictDecode(rest, &q.Recette) {
		if e.Field == "" || !strings.Contains(e.Msg.Get(rules.EN), "unknown key") {
			errs = append(errs, e)
			continue
		}
		// An unknown key may be a language as well as a recette key.
		errs = append(errs, errf(e.Line, e.Field, "clé inconnue ; clés possibles : fr, en, recette, topics, when",
			"unknown key; known keys: fr, en, recette, topics, when"))
	}
	return orNil(errs)
}

// rawLangLists is a mapping fr/en of string lists.
type rawLangLists struct {
	Line   int
	Values map[string][]rawString
}

func (l *rawLangLists) UnmarshalYAML(n *yaml.Node) error {
	l.Line = n.Line
	if n.Kind != yaml.MappingNode {
		return shapeErr(n.Line, "", "un objet {fr: [...], en: [...]} est attendu ici, pas %s",
			"a mapping {fr: [...], en: [...]} is expected here, not %s", n)
	}
	l.Values = map[string][]rawString{}
	var errs Errors
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(knownLangs, k.Value) {
			errs = append(errs, errf(k.Line, k.Value, "langue inconnue ; langues possibles : fr, en",
				"unknown language; known languages: fr, en"))
			continue
		}
		var list []rawString
		errs = append(errs, under(k.Value, decodeValue(v, reflect.ValueOf(&list).Elem()))...)
		l.Values[k.Value] = list
	}
	return orNil(errs)
}
