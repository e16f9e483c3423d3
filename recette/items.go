package recette

import (
	"slices"
	"strings"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// ModelVersion is the way Items makes a checklist's items. 2: the story's
// own security and RGPD statements and at most maxChecks topic-matched
// checks, instead of the whole security questionnaire (version 1, which
// a stored model without a version was made by).
const ModelVersion = 2

// maxChecks bounds the template's checks one story adds: the recette
// verifies the delivered feature; the questionnaire belongs to the
// story's writing.
const maxChecks = 3

// Items lists what the checklist asks to validate for a story, in order:
//   - each acceptance criterion and business rule (a Gherkin scenario is
//     one item, its steps under it);
//   - each statement of its security notes and RGPD section (measures);
//   - the template's checks that match the story's topics or conditions,
//     at most maxChecks, leaving out those a measure already covers.
//
// Numbers are assigned by Model. sensitive reports whether the story needs
// security notes, as its feedback says.
func Items(story core.IssueRef, res rules.Result, tpl *rules.Template, lang rules.Lang) (items []core.RecetteItem, sensitive bool) {
	add := func(it core.RecetteItem) {
		// A criterion written twice is one thing to validate: two items
		// with one key would share a tick and lose the other's.
		if !slices.ContainsFunc(items, func(o core.RecetteItem) bool { return o.Key == it.Key }) {
			items = append(items, it)
		}
	}
	for _, c := range res.CriteriaItems {
		it := core.RecetteItem{Kind: core.ItemCriterion, Text: c.Text, Gherkin: c.Gherkin}
		// Keys hash the steps as version 1 wrote them, so that a tick
		// stays on a scenario whose elided keyword is now shown glued
		// ("Lorsqu'il").
		var keySteps []string
		for _, st := range c.Steps {
			keySteps = append(keySteps, strings.TrimSpace(st.Keyword+" "+st.Text))
			it.Steps = append(it.Steps, stepText(st))
		}
		it.Key = itemKey(story, core.ItemCriterion, it.Text, keySteps)
		add(it)
	}
	for _, m := range res.Measures {
		add(core.RecetteItem{Kind: core.ItemMeasure, Text: m.Text, Key: itemKey(story, core.ItemMeasure, m.Text, nil)})
	}
	for _, rc := range Checks(res, tpl) {
		// Keyed on the French text, so the key does not depend on the
		// language the checklist is written in.
		add(core.RecetteItem{Kind: core.ItemSecurity, Text: rc.Text.Get(lang), Key: itemKey(story, core.ItemSecurity, rc.Text.Get(rules.FR), nil)})
	}
	return items, slices.Contains(res.Required, rules.SectionSecurityNotes)
}

// stepText shows a step as written: "Lorsqu'il", not "Lorsqu' il".
func stepText(st rules.Step) string {
	if strings.HasSuffix(st.Keyword, "'") || strings.HasSuffix(st.Keyword, "’") {
		return strings.TrimSpace(st.Keyword + st.Text)
	}
	return strings.TrimSpace(st.Keyword + " " + st.Text)
}

// Checks are the template's recette checks that apply to the analysed
// story, in the template's order, at most maxChecks: those tagged with a
// topic the story mentions or a condition it meets, unless one of the
// story's own measures names one of their topics (the author already said
// how, which is what the recette verifies).
func Checks(res rules.Result, tpl *rules.Template) []rules.RecetteCheck {
	if tpl == nil {
		return nil
	}
	conds := conditions(res, tpl)
	var out []rules.RecetteCheck
	for _, rc := range tpl.RecetteChecks {
		if len(out) == maxChecks {
			break
		}
		applies := slices.ContainsFunc(rc.Topics, func(t string) bool { return slices.Contains(res.Sensitive, t) }) ||
			slices.ContainsFunc(rc.When, func(c rules.Condition) bool { return conds[c] })
		covered := slices.ContainsFunc(res.Measures, func(m rules.Measure) bool {
			return slices.ContainsFunc(m.Topics, func(t string) bool { return slices.Contains(rc.Topics, t) })
		})
		if applies && !covered {
			out = append(out, rc)
		}
	}
	return out
}

// conditions are the template conditions the story meets, as its
// analysis found them: the section a condition asks for is required, or,
// when the template has no such section, the persona or a topic says so.
func conditions(res rules.Result, tpl *rules.Template) map[rules.Condition]bool {
	out := map[rules.Condition]bool{}
	for _, p := range tpl.Personas {
		if p.ID == res.Persona {
			out[rules.WhenPrivileged] = p.Privileged
			out[rules.WhenCitizen] = p.Citizen
		}
	}
	for _, tp := range tpl.Topics {
		if !slices.Contains(res.Sensitive, tp.ID) {
			continue
		}
		if tp.Has(rules.CategorySecurity) {
			out[rules.WhenSensitive] = true
		}
		if tp.Has(rules.CategoryPersonalData) && !hasSection(tpl, rules.SectionPersonalData) {
			out[rules.WhenPersonalData] = true
		}
	}
	// The analysis knows better than the topics whether the data is a
	// person's ("le RIB de l'association" is not): the RGPD section it asks
	// for says so.
	if slices.Contains(res.Required, rules.SectionPersonalData) {
		out[rules.WhenPersonalData] = true
	}
	out[rules.Always] = true
	return out
}

func hasSection(tpl *rules.Template, id string) bool {
	return slices.ContainsFunc(tpl.Sections, func(s rules.SectionSpec) bool { return s.ID == id })
}
