package templates

import (
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The raw types mirror the YAML file exactly. Each one records the line it
// starts on and rejects keys it does not know, so that a typo such as
// "requierd_when" is an error at its line rather than a silently optional
// section. go-yaml's KnownFields does not reach through custom
// unmarshalers, hence the explicit check in strictDecode.

type rawTemplate struct {
	Line              int             `yaml:"-"`
	Name              rawString       `yaml:"name"`
	Extends           rawString       `yaml:"extends"`
	Default           *bool           `yaml:"default"`
	Title             *rawText        `yaml:"title"`
	Description       *rawText        `yaml:"description"`
	Labels            []rawString     `yaml:"labels"`
	Sections          []*rawSection   `yaml:"sections"`
	Personas          []*rawPersona   `yaml:"personas"`
	Topics            []*rawTopic     `yaml:"topics"`
	SecurityChecklist []*rawText      `yaml:"security_checklist"`
	VagueTerms        *rawLangLists   `yaml:"vague_terms"`
	Rules             rawRules        `yaml:"rules"`
	present           map[string]bool // keys written in the file, for extends
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
	Keywords []rawString `yaml:"keywords"`
	Acronyms []rawString `yaml:"acronyms"`
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

func (t *rawTemplate) UnmarshalYAML(n *yaml.Node) error {
	type plain rawTemplate
	if err := strictDecode(n, (*plain)(t)); err != nil {
		return err
	}
	t.Line = n.Line
	t.present = map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		t.present[n.Content[i].Value] = true
	}
	return nil
}

func (s *rawSection) UnmarshalYAML(n *yaml.Node) error {
	type plain rawSection
	s.Line = n.Line
	return strictDecode(n, (*plain)(s))
}

func (p *rawPersona) UnmarshalYAML(n *yaml.Node) error {
	type plain rawPersona
	p.Line = n.Line
	return strictDecode(n, (*plain)(p))
}

func (t *rawTopic) UnmarshalYAML(n *yaml.Node) error {
	type plain rawTopic
	t.Line = n.Line
	return strictDecode(n, (*plain)(t))
}

func (r *rawRule) UnmarshalYAML(n *yaml.Node) error {
	type plain rawRule
	r.Line = n.Line
	return strictDecode(n, (*plain)(r))
}

func (rs *rawRules) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return errf(n.Line, "rules", "un objet {id-de-règle: {enabled, severity}} est attendu ici, pas %s",
			"a mapping {rule-id: {enabled, severity}} is expected here, not %s", describe(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r := &rawRule{}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!null" {
			if err := v.Decode(r); err != nil {
				return err
			}
		}
		r.ID, r.Line = k.Value, k.Line
		*rs = append(*rs, r)
	}
	return nil
}

// strictDecode decodes a mapping node into out after checking that every
// key is one of out's yaml tags.
func strictDecode(n *yaml.Node, out any) error {
	if n.Kind != yaml.MappingNode {
		return errf(n.Line, "", "un objet (clé: valeur) est attendu ici, pas %s",
			"a mapping (key: value) is expected here, not %s", describe(n))
	}
	known := yamlKeys(reflect.TypeOf(out).Elem())
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(known, k.Value) {
			return errf(k.Line, k.Value, "clé inconnue ; clés possibles : %s",
				"unknown key; known keys: %s", strings.Join(known, ", "))
		}
	}
	return n.Decode(out)
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

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "une liste / a list"
	case yaml.MappingNode:
		return "un objet / a mapping"
	case yaml.ScalarNode:
		return "« " + n.Value + " »"
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
		return errf(n.Line, "", "un texte est attendu ici, pas %s",
			"a string is expected here, not %s", describe(n))
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
	return errf(n.Line, "", "un texte ou une liste est attendu ici, pas %s",
		"a string or a list is expected here, not %s", describe(n))
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
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if !slices.Contains(knownLangs, k.Value) {
				return errf(k.Line, k.Value, "langue inconnue ; langues possibles : fr, en",
					"unknown language; known languages: fr, en")
			}
			if v.Kind != yaml.ScalarNode {
				return errf(v.Line, k.Value, "un texte est attendu ici, pas %s",
					"a string is expected here, not %s", describe(v))
			}
			t.Values[k.Value] = v.Value
		}
		return nil
	}
	return errf(n.Line, "", "un texte ou un objet {fr: …, en: …} est attendu ici, pas %s",
		"a string or a mapping {fr: …, en: …} is expected here, not %s", describe(n))
}

// rawLangLists is a mapping fr/en of string lists.
type rawLangLists struct {
	Line   int
	Values map[string][]rawString
}

func (l *rawLangLists) UnmarshalYAML(n *yaml.Node) error {
	l.Line = n.Line
	if n.Kind != yaml.MappingNode {
		return errf(n.Line, "", "un objet {fr: [...], en: [...]} est attendu ici, pas %s",
			"a mapping {fr: [...], en: [...]} is expected here, not %s", describe(n))
	}
	l.Values = map[string][]rawString{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(knownLangs, k.Value) {
			return errf(k.Line, k.Value, "langue inconnue ; langues possibles : fr, en",
				"unknown language; known languages: fr, en")
		}
		var list []rawString
		if err := v.Decode(&list); err != nil {
			return err
		}
		l.Values[k.Value] = list
	}
	return nil
}
