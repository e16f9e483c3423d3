package rules

import (
	"slices"
	"strings"
)

// Rule is one check. Message and Fix may hold {name} slots filled from a
// hit's Args; Fix is a snippet the author can paste.
type Rule struct {
	ID       string
	Severity Severity
	// Summary says in a few words what the rule checks (for listings).
	Summary Text
	Message Text
	Fix     Text
	// check runs over one story; alone over a story analysed on its own
	// (Analyze, not AnalyzeBacklog); backlog over a whole backlog (one
	// slice of hits per story).
	check   func(s *story) []hit
	alone   func(s *story) []hit
	backlog func(ss []*story) [][]hit
}

// hit is one place a rule fires.
type hit struct {
	line int
	args map[string]Text
	// fix replaces the rule's Fix when the snippet depends on the story.
	fix Text
	// sev, when set, replaces the rule's default severity for this hit
	// (a template's override still wins): story-format is an error when
	// no need can be read, a warning when only the role is missing.
	sev Severity
}

// RuleInfo describes a rule for documentation and the CLI.
type RuleInfo struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	// Backlog is true for rules that compare the stories of a backlog.
	Backlog bool `json:"backlog,omitempty"`
	Summary Text `json:"summary"`
	Message Text `json:"message"`
	Fix     Text `json:"fix"`
}

// Rules lists every rule with its default severity, in registry order.
func Rules() []RuleInfo {
	out := make([]RuleInfo, len(registry))
	for i, r := range registry {
		out[i] = RuleInfo{ID: r.ID, Severity: r.Severity, Backlog: r.backlog != nil, Summary: r.Summary, Message: r.Message, Fix: r.Fix}
	}
	return out
}

// runRules runs the per-story rules enabled by the template; alone says
// the story is analysed on its own, not in a backlog. Messages are in
// lang; fixes, which the author pastes into the story, in the story's own
// language.
func (s *story) runRules(lang Lang, alone bool) []Finding {
	if s.tooLong > 0 {
		return []Finding{storyTooLong.finding(tooLongHit(s.tooLong), s.c, lang, s.lang)}
	}
	var out []Finding
	for i := range registry {
		r := &registry[i]
		if s.c.ruleOff[r.ID] {
			continue
		}
		var hits []hit
		switch {
		case r.check != nil:
			hits = r.check(s)
		case r.alone != nil && alone:
			hits = r.alone(s)
		}
		out = r.appendFindings(out, hits, s.c, lang, s.lang)
	}
	return out
}

func (r *Rule) finding(h hit, c *compiled, lang, fixLang Lang) Finding {
	if fixLang == "" {
		fixLang = lang
	}
	sev := r.severity(h, c)
	fix := r.Fix
	if h.fix != nil {
		fix = h.fix
	}
	return Finding{
		Rule:     r.ID,
		Severity: sev,
		Message:  fill(r.Message.Get(lang), h.args, lang),
		Fix:      fill(fix.Get(fixLang), h.args, fixLang),
		Line:     h.line,
	}
}

// severity is h's: the rule's, or the hit's own, unless the template
// overrides it.
func (r *Rule) severity(h hit, c *compiled) Severity {
	if o, ok := c.ruleSev[r.ID]; ok {
		return o
	}
	if h.sev != "" {
		return h.sev
	}
	return r.Severity
}

// fill replaces each {name} of s by args[name] in lang.
func fill(s string, args map[string]Text, lang Lang) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		if k := strings.LastIndexByte(name, '{'); k >= 0 {
			// "{id: {id}}": the slot is the inner one.
			b.WriteString(s[:i+1+k])
			s = s[i+1+k:]
			continue
		}
		v, ok := args[name]
		b.WriteString(s[:i])
		if ok {
			b.WriteString(v.Get(lang))
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// same is a Text with one value in every language: a role, a quote.
func same(s string) Text { return Text{FR: s, EN: s} }

var severityRank = map[Severity]int{SeverityError: 0, SeverityWarning: 1, SeverityInfo: 2}

// sortFindings orders findings by severity, then line, then rule: what
// blocks readiness first, then in reading order.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if d := severityRank[a.Severity] - severityRank[b.Severity]; d != 0 {
			return d
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// opening is "En tant que <role>" / "As a <role>", with the elision and
// the article the role's first letter asks for.
func opening(role string) Text {
	fr, en := "En tant que "+role, "As a "+role
	if startsWithVowel(role) {
		fr = "En tant qu'" + role
	}
	if takesAn(role) {
		en = "As an " + role
	}
	return Text{FR: fr, EN: en}
}
