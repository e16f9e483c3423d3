package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/cochef/cochef/rules"
	"go.yaml.in/yaml/v3"
)

// ParseTemplate parses one template written in the YAML format described in
// docs/templates.md. source names the file in error messages. A template
// that says "extends: NAME" takes what it omits from the built-in template
// NAME; use (*Set).Load to extend templates of another set.
func ParseTemplate(data []byte, source string) (*rules.Template, error) {
	base, err := Builtin()
	if err != nil {
		return nil, err
	}
	return parseOne(data, source, base.Get)
}

type lookupFunc func(name string) (*rules.Template, bool)

func parseOne(data []byte, source string, lookup lookupFunc) (*rules.Template, error) {
	n, err := decodeNode(data, source)
	if err != nil {
		return nil, err
	}
	var rt rawTemplate
	if err := decodeInto(n, &rt, source); err != nil {
		return nil, err
	}
	return build(&rt, source, lookup)
}

// decodeNode reads exactly one YAML document.
func decodeNode(data []byte, source string) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, Errors{{Source: source, Msg: rules.Text{rules.FR: "fichier vide", rules.EN: "empty file"}}}
		}
		return nil, fromYAML(err, source)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{Source: source, Line: extra.Line, Msg: rules.Text{
			rules.FR: "un seul document YAML par fichier (retirez le « --- » en trop)",
			rules.EN: "one YAML document per file (remove the extra \"---\")",
		}}}
	} else if !errors.Is(err, io.EOF) {
		return nil, fromYAML(err, source)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], nil
	}
	return &doc, nil
}

func decodeInto(n *yaml.Node, out any, source string) error {
	err := n.Decode(out)
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		e.Source = source
		return Errors{e}
	}
	return fromYAML(err, source)
}

var (
	idRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	kinds      = []rules.SectionKind{rules.KindStory, rules.KindCriteria, rules.KindText}
	severities = []rules.Severity{rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo}
)

// Topic categories, as rules defines them (kept here under their old names
// for the code that reads templates).
const (
	CategorySecurity     = rules.CategorySecurity
	CategoryPersonalData = rules.CategoryPersonalData
)

// checker collects every problem of a file instead of stopping at the first.
type checker struct {
	source string
	errs   Errors
	// decoded are the problems met while reading the YAML: a value that
	// could not be read is not reported again as missing.
	decoded Errors
}

// newChecker starts with the problems met while reading rt.
func newChecker(source string, rt *rawTemplate) *checker {
	c := &checker{source: source, decoded: rt.decodeErrs}
	for _, e := range rt.decodeErrs {
		e.Source = source
		c.errs = append(c.errs, e)
	}
	return c
}

func (c *checker) add(line int, field, fr, en string, args ...any) {
	if c.decoded.cover(field) {
		return
	}
	e := errf(line, field, fr, en, args...)
	e.Source = c.source
	c.errs = append(c.errs, e)
}

// text checks a text; parentLine locates it when it is missing.
func (c *checker) text(t *rawText, field string, required bool, parentLine int) rules.Text {
	if t == nil || len(t.Values) == 0 {
		if required {
			line := parentLine
			if t != nil {
				line = t.Line
			}
			c.add(line, field, "obligatoire", "required")
		}
		return nil
	}
	out := rules.Text{}
	for k, v := range t.Values {
		v = strings.TrimSpace(v)
		if v == "" {
			c.add(t.Line, field+"."+k, "texte vide", "empty text")
			continue
		}
		out[rules.Lang(k)] = v
	}
	return out
}

func (c *checker) strings(list []rawString, field string) []string {
	out := make([]string, 0, len(list))
	for i, s := range list {
		if s.Value == "" {
			c.add(s.Line, fmt.Sprintf("%s[%d]", field, i), "texte vide", "empty string")
			continue
		}
		out = append(out, s.Value)
	}
	return out
}

func (c *checker) id(s rawString, field string, line int) string {
	switch {
	case s.Value == "":
		c.add(line, field, "obligatoire", "required")
	case !idRE.MatchString(s.Value):
		c.add(s.Line, field, "« %s » : minuscules, chiffres et tirets seulement (ex. security-notes)",
			"%q: lower-case letters, digits and hyphens only (e.g. security-notes)", s.Value)
	}
	return s.Value
}

// build validates a raw template and converts it, resolving extends.
func build(rt *rawTemplate, source string, lookup lookupFunc) (*rules.Template, error) {
	c := newChecker(source, rt)
	t := &rules.Template{}
	t.Name = c.id(rt.Name, "name", rt.Line)

	var base *rules.Template
	if rt.Extends.Value != "" {
		b, ok := lookup(rt.Extends.Value)
		if !ok {
			c.add(rt.Extends.Line, "extends", "modèle « %s » inconnu", "unknown template %q", rt.Extends.Value)
		} else {
			base = b
		}
	}
	inherit := func(key string) bool { return base != nil && !rt.present[key] }

	if rt.Default != nil {
		t.Default = *rt.Default
	}
	switch {
	case rt.Story != nil:
		t.NoStory = !*rt.Story
	case base != nil:
		t.NoStory = base.NoStory
	}
	if inherit("title") {
		t.Title = base.Title
	} else {
		t.Title = c.text(rt.Title, "title", rt.Extends.Value == "", rt.Line)
	}
	if inherit("description") {
		t.Description = base.Description
	} else {
		t.Description = c.text(rt.Description, "description", false, rt.Line)
	}
	t.Labels = c.distinct(rt.Labels, "labels")
	if inherit("title_words") {
		t.TitleWords = base.TitleWords
	} else {
		t.TitleWords = c.distinct(rt.TitleWords, "title_words")
	}
	switch {
	case rt.TitleQuestion != nil:
		t.TitleQuestion = *rt.TitleQuestion
	case base != nil:
		t.TitleQuestion = base.TitleQuestion
	}
	switch {
	case rt.ExistingFeature != nil:
		t.ExistingFeature = *rt.ExistingFeature
	case base != nil:
		t.ExistingFeature = base.ExistingFeature
	}
	switch {
	case rt.ScanUnnamed != nil:
		t.NamedTopicsOnly = !*rt.ScanUnnamed
	case base != nil:
		t.NamedTopicsOnly = base.NamedTopicsOnly
	}

	if inherit("sections") {
		t.Sections = base.Sections
	} else {
		t.Sections = c.sections(rt.Sections, rt.Line, rt.Extends.Value == "")
	}
	sectionIDs := make([]string, len(t.Sections))
	for i, s := range t.Sections {
		sectionIDs[i] = s.ID
	}
	if inherit("personas") {
		t.Personas = base.Personas
		if !inherit("sections") {
			// New sections, inherited personas: a persona may require a
			// section this template no longer has, which would be
			// silently never required.
			for _, p := range t.Personas {
				for _, r := range p.Requires {
					if !slices.Contains(sectionIDs, r) {
						c.add(rt.Line, "personas", "le profil %s, hérité de %s, exige la section « %s », absente de ces sections (redéfinissez personas ou gardez la section)",
							"persona %s, inherited from %s, requires section %q, which these sections lack (redefine personas or keep the section)", p.ID, base.Name, r)
					}
				}
			}
		}
	} else {
		t.Personas = c.personas(rt.Personas, sectionIDs)
	}
	if inherit("topics") {
		t.Topics = base.Topics
	} else {
		t.Topics = c.topics(rt.Topics, base)
	}
	if inherit("security_checklist") {
		t.SecurityChecklist, t.RecetteChecks = base.SecurityChecklist, base.RecetteChecks
	} else {
		t.SecurityChecklist, t.RecetteChecks = c.checklist(rt.SecurityChecklist, rt.Line, t.Topics)
	}
	if inherit("recette_skip") {
		t.RecetteSkip = base.RecetteSkip
	} else {
		t.RecetteSkip = c.strings(rt.RecetteSkip, "recette_skip")
	}
	if inherit("vague_terms") {
		t.VagueTerms = base.VagueTerms
	} else if rt.VagueTerms != nil {
		t.VagueTerms = map[rules.Lang][]string{}
		for lang, list := range rt.VagueTerms.Values {
			t.VagueTerms[rules.Lang(lang)] = c.strings(list, "vague_terms."+lang)
		}
	}
	if inherit("rules") {
		t.Rules = base.Rules
	} else {
		t.Rules = c.rules(rt.Rules)
	}
	if len(c.errs) > 0 {
		sortErrors(c.errs)
		return nil, c.errs
	}
	return t, nil
}

func sortErrors(es Errors) {
	slices.SortStableFunc(es, func(a, b *Error) int { return a.Line - b.Line })
}

// distinct reads a list of strings (labels, title words) of which no
// two may be the same once compared as they are matched (case, accents
// and punctuation aside): a repeated one is reported at its line.
func (c *checker) distinct(list []rawString, field string) []string {
	out := c.strings(list, field)
	seen := map[string]int{}
	for i, l := range out {
		k := Normalize(l)
		if j, dup := seen[k]; dup {
			c.add(list[i].Line, fmt.Sprintf("%s[%d]", field, i), "« %s » répète %s[%d]", "%q repeats %s[%d]", l, field, j)
		}
		seen[k] = i
	}
	return out
}

func (c *checker) sections(list []*rawSection, line int, required bool) []rules.SectionSpec {
	if len(list) == 0 && required {
		c.add(line, "sections", "au moins une section est nécessaire", "at least one section is needed")
	}
	out := make([]rules.SectionSpec, 0, len(list))
	ids := map[string]int{}
	aliasOwner := map[string]string{}
	kindOwner := map[rules.SectionKind]string{}
	leadOwner := ""
	for i, rs := range list {
		f := fmt.Sprintf("sections[%d]", i)
		s := rules.SectionSpec{ID: c.id(rs.ID, f+".id", rs.Line)}
		if j, dup := ids[s.ID]; dup && s.ID != "" {
			c.add(rs.ID.Line, f+".id", "« %s » est déjà l'id de sections[%d]", "%q is already the id of sections[%d]", s.ID, j)
		}
		ids[s.ID] = i
		s.Kind = rules.KindText
		if rs.Kind.Value != "" {
			s.Kind = rules.SectionKind(rs.Kind.Value)
			if !slices.Contains(kinds, s.Kind) {
				c.add(rs.Kind.Line, f+".kind", "« %s » inconnu ; valeurs possibles : story, criteria, text",
					"unknown %q; known values: story, criteria, text", rs.Kind.Value)
			}
		}
		// The engine reads the story sentence from one section; a second
		// one would be silently ignored. Criteria may come from several
		// (acceptance criteria, business rules).
		if s.Kind == rules.KindStory {
			if other, dup := kindOwner[s.Kind]; dup {
				c.add(rs.Kind.Line, f+".kind", "une seule section de type %s par modèle (déjà : %s)",
					"only one section of kind %s per template (already: %s)", s.Kind, other)
			}
			kindOwner[s.Kind] = s.ID
		}
		s.Title = c.text(rs.Title, f+".title", true, rs.Line)
		s.Hint = c.text(rs.Hint, f+".hint", false, rs.Line)
		s.IgnoreTopics = rs.ScanTopics != nil && !*rs.ScanTopics
		// The opening prose stands for one section: which one, were two
		// marked, would be a guess; a story or criteria section reads
		// its own shapes, not prose.
		if rs.Lead {
			switch {
			case s.Kind != rules.KindText:
				c.add(rs.Line, f+".lead", "seule une section de type text peut tenir le texte d'ouverture (ici : %s)",
					"only a section of kind text can hold the opening text (here: %s)", s.Kind)
			case leadOwner != "":
				c.add(rs.Line, f+".lead", "une seule section par modèle tient le texte d'ouverture (déjà : %s)",
					"only one section per template holds the opening text (already: %s)", leadOwner)
			default:
				s.Lead, leadOwner = true, s.ID
			}
		}
		// Titles are headings people type too, so they count as aliases,
		// and so does the ID: the engine matches a heading against all
		// three, under rules.Key, which is what is compared here.
		var aliases []string
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			if title := s.Title[lang]; title != "" {
				aliases = append(aliases, title)
			}
		}
		aliases = append(aliases, c.strings(rs.Aliases, f+".aliases")...)
		if k := rules.Key(s.ID); k != "" {
			if owner, dup := aliasOwner[k]; dup && owner != s.ID {
				c.add(rs.ID.Line, f+".id", "« %s » est déjà un titre de la section %s", "%q is already a heading of section %s", s.ID, owner)
			} else {
				aliasOwner[k] = s.ID
			}
		}
		seen := map[string]bool{}
		for _, a := range aliases {
			k := rules.Key(a)
			if owner, dup := aliasOwner[k]; dup && owner != s.ID {
				c.add(rs.Line, f+".aliases", "le titre « %s » désigne déjà la section %s", "heading %q already names section %s", a, owner)
				continue
			}
			aliasOwner[k] = s.ID
			if !seen[Normalize(a)] {
				seen[Normalize(a)] = true
				s.Aliases = append(s.Aliases, a)
			}
		}
		for j, rc := range rs.RequiredWhen {
			cond := rules.Condition(rc.Value)
			if !cond.Known() {
				c.add(rc.Line, fmt.Sprintf("%s.required_when[%d]", f, j),
					"condition « %s » inconnue ; conditions possibles : %s",
					"unknown condition %q; known conditions: %s", rc.Value, joinConds())
				continue
			}
			if !slices.Contains(s.RequiredWhen, cond) {
				s.RequiredWhen = append(s.RequiredWhen, cond)
			}
		}
		out = append(out, s)
	}
	return out
}
