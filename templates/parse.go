package templates

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"

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
	t.Labels = c.labels(rt.Labels)

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
		t.Topics = c.topics(rt.Topics)
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

func (c *checker) labels(list []rawString) []string {
	out := c.strings(list, "labels")
	seen := map[string]int{}
	for i, l := range out {
		k := Normalize(l)
		if j, dup := seen[k]; dup {
			c.add(list[i].Line, fmt.Sprintf("labels[%d]", i), "« %s » répète labels[%d]", "%q repeats labels[%d]", l, j)
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

func joinContexts() string {
	var s []string
	for _, c := range rules.TopicContexts() {
		s = append(s, string(c))
	}
	return strings.Join(s, ", ")
}

func joinConds() string {
	conds := rules.Conditions()
	s := make([]string, len(conds))
	for i, c := range conds {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

func (c *checker) personas(list []*rawPersona, sectionIDs []string) []rules.Persona {
	out := make([]rules.Persona, 0, len(list))
	ids := map[string]int{}
	nameOwner := map[string]string{}
	for i, rp := range list {
		f := fmt.Sprintf("personas[%d]", i)
		p := rules.Persona{ID: c.id(rp.ID, f+".id", rp.Line), Privileged: rp.Privileged, Citizen: rp.Citizen}
		if j, dup := ids[p.ID]; dup && p.ID != "" {
			c.add(rp.ID.Line, f+".id", "« %s » est déjà l'id de personas[%d]", "%q is already the id of personas[%d]", p.ID, j)
		}
		ids[p.ID] = i
		p.Names = c.strings(rp.Names, f+".names")
		if len(rp.Names) == 0 {
			c.add(rp.Line, f+".names", "au moins un nom est nécessaire", "at least one name is needed")
		}
		// Names compare as the engine matches roles (rules.PersonaKey):
		// "administratrice" is "administrateur", welcome in one persona
		// (a form listed for readers) but ambiguous across two. A name
		// written twice in one persona is a slip.
		seenHere := map[string]bool{}
		for j, n := range p.Names {
			k := rules.PersonaKey(n)
			owner, dup := nameOwner[k]
			switch {
			case dup && owner != p.ID:
			case seenHere[Normalize(n)]:
				owner = p.ID
			default:
				owner = ""
			}
			if owner != "" {
				c.add(rp.Names[j].Line, fmt.Sprintf("%s.names[%d]", f, j), "« %s » est déjà un nom du profil %s",
					"%q is already a name of persona %s", n, owner)
			}
			seenHere[Normalize(n)] = true
			if !dup {
				nameOwner[k] = p.ID
			}
		}
		for j, r := range rp.Requires {
			if !slices.Contains(sectionIDs, r.Value) {
				c.add(r.Line, fmt.Sprintf("%s.requires[%d]", f, j), "section « %s » inconnue dans ce modèle",
					"section %q is not in this template", r.Value)
				continue
			}
			p.Requires = append(p.Requires, r.Value)
		}
		out = append(out, p)
	}
	return out
}

// checklist reads the security checklist: its questions, and the
// recette checks of those a recette verifies. A check names the topics
// (of topics) and conditions it applies to, at least one.
func (c *checker) checklist(list []*rawCheck, line int, topics []rules.Topic) ([]rules.Text, []rules.RecetteCheck) {
	var questions []rules.Text
	var checks []rules.RecetteCheck
	for i, rq := range list {
		f := fmt.Sprintf("security_checklist[%d]", i)
		q := c.text(&rq.Question, f, true, rq.Line)
		if q == nil {
			continue
		}
		questions = append(questions, q)
		r := rq.Recette
		if r.Text == nil {
			if len(r.Topics) > 0 || len(r.When) > 0 {
				c.add(rq.Line, f+".recette", "obligatoire avec topics et when : la vérification telle que la recette la fait",
					"required with topics and when: the check as the recette makes it")
			}
			continue
		}
		rc := rules.RecetteCheck{Question: len(questions) - 1, Text: c.text(r.Text, f+".recette", true, rq.Line)}
		for j, tp := range r.Topics {
			if !slices.ContainsFunc(topics, func(t rules.Topic) bool { return t.ID == tp.Value }) {
				c.add(tp.Line, fmt.Sprintf("%s.topics[%d]", f, j), "sujet « %s » inconnu : il n'est pas dans topics",
					"unknown topic %q: it is not in topics", tp.Value)
				continue
			}
			rc.Topics = append(rc.Topics, tp.Value)
		}
		for j, w := range r.When {
			cond := rules.Condition(w.Value)
			if !cond.Known() {
				c.add(w.Line, fmt.Sprintf("%s.when[%d]", f, j), "condition « %s » inconnue ; conditions possibles : %s",
					"unknown condition %q; known conditions: %s", w.Value, joinConds())
				continue
			}
			rc.When = append(rc.When, cond)
		}
		if len(r.Topics) == 0 && len(r.When) == 0 {
			c.add(rq.Line, f+".recette", "dites à quels récits la vérification s'applique : topics, when ou les deux",
				"say which stories the check applies to: topics, when or both")
		}
		if rc.Text != nil {
			checks = append(checks, rc)
		}
	}
	return questions, checks
}

func (c *checker) topics(list []*rawTopic) []rules.Topic {
	out := make([]rules.Topic, 0, len(list))
	ids := map[string]int{}
	termOwner := map[string]string{}
	for i, rt := range list {
		f := fmt.Sprintf("topics[%d]", i)
		t := rules.Topic{ID: c.id(rt.ID, f+".id", rt.Line)}
		if j, dup := ids[t.ID]; dup && t.ID != "" {
			c.add(rt.ID.Line, f+".id", "« %s » est déjà l'id de topics[%d]", "%q is already the id of topics[%d]", t.ID, j)
		}
		ids[t.ID] = i
		cats := strings.Join(rules.Categories(), ", ")
		if len(rt.Category.Values) == 0 {
			c.add(rt.Category.Line, f+".category", "obligatoire ; catégories possibles : %s", "required; known categories: %s", cats)
		}
		for j, rc := range rt.Category.Values {
			field := f + ".category"
			if len(rt.Category.Values) > 1 {
				field = fmt.Sprintf("%s[%d]", field, j)
			}
			switch {
			case !rules.KnownCategory(rc.Value):
				c.add(rc.Line, field, "« %s » inconnue ; catégories possibles : %s", "unknown %q; known categories: %s", rc.Value, cats)
			case slices.Contains(t.Categories, rc.Value):
				c.add(rc.Line, field, "« %s » est déjà écrite", "%q is already listed", rc.Value)
			default:
				t.Categories = append(t.Categories, rc.Value)
			}
		}
		t.Context = rules.ContextAny
		if v := rt.Context.Value; v != "" {
			t.Context = rules.TopicContext(v)
			if !slices.Contains(rules.TopicContexts(), t.Context) {
				c.add(rt.Context.Line, f+".context", "« %s » inconnu ; contextes possibles : %s",
					"unknown %q; known contexts: %s", v, joinContexts())
			}
		}
		t.Keywords = c.strings(rt.Keywords, f+".keywords")
		t.Acronyms = c.strings(rt.Acronyms, f+".acronyms")
		if len(t.Keywords)+len(t.Acronyms) == 0 {
			c.add(rt.Line, f, "au moins un mot-clé ou un sigle est nécessaire", "at least one keyword or acronym is needed")
		}
		for j, a := range t.Acronyms {
			// Acronyms match only as whole upper-case words; one the
			// matcher can never find is a mistake, not a silent no-op.
			if !rules.AcronymCanMatch(a) {
				c.add(rt.Acronyms[j].Line, fmt.Sprintf("%s.acronyms[%d]", f, j),
					"« %s » : un sigle s'écrit en majuscules (deux lettres au moins), en un mot de lettres et de chiffres, sans tiret ni espace (sinon, mettez-le dans keywords)",
					"%q: an acronym is one upper-case word of letters and digits (two letters at least), without hyphen or space (otherwise put it in keywords)", a)
			}
		}
		for j, k := range t.Keywords {
			n := rules.TermKey(k)
			if owner, dup := termOwner[n]; dup {
				c.add(rt.Keywords[j].Line, fmt.Sprintf("%s.keywords[%d]", f, j), "« %s » est déjà un mot-clé du sujet %s",
					"%q is already a keyword of topic %s", k, owner)
			}
			termOwner[n] = t.ID
		}
		out = append(out, t)
	}
	return out
}

// ruleIDs are the rules a template may set: a misspelt ID would otherwise
// leave the rule it meant untouched, silently.
var ruleIDs = sync.OnceValue(func() []string {
	var ids []string
	for _, r := range rules.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
})

func (c *checker) rules(list rawRules) map[string]rules.RuleSetting {
	if len(list) == 0 {
		return nil
	}
	out := make(map[string]rules.RuleSetting, len(list))
	for _, rr := range list {
		f := "rules." + rr.ID
		if !slices.Contains(ruleIDs(), rr.ID) {
			c.add(rr.Line, f, "règle « %s » inconnue ; règles : %s", "unknown rule %q; rules: %s", rr.ID, strings.Join(ruleIDs(), ", "))
		}
		if _, dup := out[rr.ID]; dup {
			c.add(rr.Line, f, "règle déjà réglée plus haut", "rule already set above")
		}
		s := rules.RuleSetting{Enabled: rr.Enabled, Severity: rules.Severity(rr.Severity.Value)}
		if s.Severity != "" && !slices.Contains(severities, s.Severity) {
			c.add(rr.Severity.Line, f+".severity", "gravité « %s » inconnue ; valeurs possibles : error, warning, info",
				"unknown severity %q; known values: error, warning, info", rr.Severity.Value)
		}
		if s.Enabled == nil && s.Severity == "" {
			c.add(rr.Line, f, "indiquez enabled ou severity", "give enabled or severity")
		}
		out[rr.ID] = s
	}
	return out
}
