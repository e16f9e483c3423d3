package templates

// The checks of a template's lists that name other parts of it: personas
// (their sections), the security checklist (its topics), topics and rule
// settings. Split from parse.go, which keeps the document and its sections.

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/cochef/cochef/rules"
)

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

// topics reads a template's topics. In a template that extends another,
// a topic written with its id alone is the extended template's topic of
// that id, kept as it is: a template that replaces the topics can keep
// some ("research" keeps the two label topics of user-story).
func (c *checker) topics(list []*rawTopic, base *rules.Template) []rules.Topic {
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
		if rt.idOnly() && t.ID != "" {
			inherited, ok := inheritedTopic(base, t.ID)
			switch {
			case base == nil:
				c.add(rt.Line, f, "un sujet écrit avec son seul id reprend celui du modèle étendu ; sans extends, donnez sa catégorie et au moins un mot-clé, un sigle ou une étiquette",
					"a topic written with its id alone takes the extended template's; without extends, give its category and at least one keyword, acronym or label")
			case !ok:
				c.add(rt.ID.Line, f+".id", "« %s » n'est pas un sujet du modèle étendu (%s) : donnez sa catégorie et au moins un mot-clé, un sigle ou une étiquette",
					"%q is no topic of the extended template (%s): give its category and at least one keyword, acronym or label", t.ID, base.Name)
			default:
				for _, k := range inherited.Keywords {
					termOwner[rules.TermKey(k)] = t.ID
				}
				out = append(out, inherited)
			}
			continue
		}
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
		t.Detail = rt.Detail
		t.OwnData = rt.OwnData
		t.Listed = rt.Listed
		t.Keywords = c.strings(rt.Keywords, f+".keywords")
		t.Acronyms = c.strings(rt.Acronyms, f+".acronyms")
		t.Labels = c.strings(rt.Labels, f+".labels")
		if len(t.Keywords)+len(t.Acronyms)+len(t.Labels) == 0 {
			c.add(rt.Line, f, "au moins un mot-clé, un sigle ou une étiquette est nécessaire", "at least one keyword, acronym or label is needed")
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

// idOnly reports whether a topic is written with its id and nothing else.
func (rt *rawTopic) idOnly() bool {
	return len(rt.Category.Values) == 0 && rt.Context.Value == "" && !rt.Detail && !rt.OwnData && !rt.Listed &&
		len(rt.Keywords)+len(rt.Acronyms)+len(rt.Labels) == 0
}

// inheritedTopic returns the topic of base with id.
func inheritedTopic(base *rules.Template, id string) (rules.Topic, bool) {
	if base == nil {
		return rules.Topic{}, false
	}
	for _, t := range base.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return rules.Topic{}, false
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
