package judgment

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// QUSRules maps each QUS defect to the rule that reports it.
var QUSRules = []struct{ Defect, Rule string }{
	{"atomic", "story-atomic"},
	{"minimal", "story-minimal"},
	{"ambiguous", "story-ambiguous"},
	{"uniform", "story-uniform"},
	{"unique", "story-unique"},
}

// AQUSA is the F1 of the research tool AQUSA as issue #9 quotes it (mean
// over the five rules: 0.24). No figure is given for ambiguous.
var AQUSA = map[string]float64{"atomic": 0.30, "minimal": 0.31, "uniform": 0, "unique": 0}

// PRF counts a binary judgment.
type PRF struct{ TP, FP, FN, TN int }

// Add counts one case.
func (c *PRF) Add(want, got bool) {
	switch {
	case want && got:
		c.TP++
	case got:
		c.FP++
	case want:
		c.FN++
	default:
		c.TN++
	}
}

// Precision is TP/(TP+FP); 1 when nothing was predicted.
func (c PRF) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN); 1 when nothing was to be found.
func (c PRF) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Ratio counts successes.
type Ratio struct{ OK, N int }

// Add counts one case.
func (r *Ratio) Add(ok bool) {
	r.N++
	if ok {
		r.OK++
	}
}

// Value is OK/N; 1 when N is 0.
func (r Ratio) Value() float64 {
	if r.N == 0 {
		return 1
	}
	return float64(r.OK) / float64(r.N)
}

// Report is what Evaluate measures.
type Report struct {
	// Parse counts the stories whose persona, need and benefit were read
	// right, by language, and by shape part (opener, need shape,
	// placement) for French: "fr", "en", "fr opener etq", "fr need
	// indicative", "fr placement title-only"…; Fields counts each part
	// apart ("persona", "need", "benefit").
	Parse, Fields map[string]*Ratio
	// NotStories counts the non-stories read as having no need.
	NotStories Ratio
	// Reviews: "rgpd" and "security", over every entry.
	Reviews map[string]*PRF
	// Corpus and Dalpiaz: per QUS defect.
	Corpus, Dalpiaz map[string]*PRF
	// Files: per corpus file, the same figures, to see whether a change
	// helps backlogs other than the one it was made for.
	Files []FileReport
	// Misses lists what went wrong, for -v.
	Misses []string
}

// FileReport is one corpus backlog's parse ratio and review triggers.
type FileReport struct {
	File           string
	Parse          Ratio
	RGPD, Security PRF
}

func newReport() *Report {
	r := &Report{Parse: map[string]*Ratio{}, Fields: map[string]*Ratio{}, Reviews: map[string]*PRF{},
		Corpus: map[string]*PRF{}, Dalpiaz: map[string]*PRF{}}
	for _, k := range []string{"rgpd", "security"} {
		r.Reviews[k] = &PRF{}
	}
	for _, q := range QUSRules {
		r.Corpus[q.Defect], r.Dalpiaz[q.Defect] = &PRF{}, &PRF{}
	}
	return r
}

func (r *Report) ratio(m map[string]*Ratio, k string) *Ratio {
	if m[k] == nil {
		m[k] = &Ratio{}
	}
	return m[k]
}

func (r *Report) miss(format string, args ...any) {
	r.Misses = append(r.Misses, fmt.Sprintf(format, args...))
}

// Evaluate runs the analysis over the corpus backlogs and the Dalpiaz
// backlogs (lines by file name) with set's templates.
func Evaluate(backlogs []Backlog, qus []QUSRow, dalpiaz map[string][]string, set *templates.Set) *Report {
	rep := newReport()
	for _, b := range backlogs {
		rep.corpusBacklog(b, set)
	}
	rep.dalpiaz(qus, dalpiaz, set)
	return rep
}

// Analyze runs the analysis over one corpus backlog as `cochef check
// --backlog` does, but with each entry's title, body and labels.
func Analyze(b Backlog, set *templates.Set) []rules.Result {
	in := make([]rules.Input, len(b.Entries))
	for i, e := range b.Entries {
		in[i] = rules.Input{Title: e.Title, Body: e.Body, Labels: e.Labels}
	}
	// One template per backlog would hide the label-selected ones: the
	// corpus entries carry their labels, so analyse by template.
	out := make([]rules.Result, len(in))
	groups := map[*rules.Template][]int{}
	var order []*rules.Template
	for i := range in {
		t := set.SelectFor(in[i])
		if _, ok := groups[t]; !ok {
			order = append(order, t)
		}
		groups[t] = append(groups[t], i)
	}
	for _, t := range order {
		idx := groups[t]
		sub := make([]rules.Input, len(idx))
		for k, i := range idx {
			sub[k] = in[i]
		}
		res := rules.AnalyzeBacklog(sub, t, "")
		for k, i := range idx {
			out[i] = res[k]
		}
	}
	return out
}

func (rep *Report) corpusBacklog(b Backlog, set *templates.Set) {
	results := Analyze(b, set)
	fr := FileReport{File: filepath.Base(b.File)}
	defer func() { rep.Files = append(rep.Files, fr) }()
	for i, e := range b.Entries {
		res := results[i]
		if ok := rep.parse(e, res); e.Story() {
			fr.Parse.Add(ok)
		}
		rgpd := slices.Contains(res.Required, rules.SectionPersonalData)
		rep.Reviews["rgpd"].Add(e.RGPD, rgpd)
		rep.Reviews["security"].Add(e.Security, res.SecurityReview)
		fr.RGPD.Add(e.RGPD, rgpd)
		fr.Security.Add(e.Security, res.SecurityReview)
		if e.RGPD != rgpd {
			rep.miss("rgpd %v, want %v: %s %s (found %v)", rgpd, e.RGPD, e.ID, oneLine(e), res.Sensitive)
		}
		if e.Security != res.SecurityReview {
			rep.miss("security %v, want %v: %s %s (found %v, persona %q)", res.SecurityReview, e.Security, e.ID, oneLine(e), res.Sensitive, res.Persona)
		}
		for _, q := range QUSRules {
			got := fired(res, q.Rule)
			want := e.HasDefect(q.Defect)
			rep.Corpus[q.Defect].Add(want, got)
			if got != want {
				rep.miss("%s %v, want %v: %s %s", q.Defect, got, want, e.ID, oneLine(e))
			}
		}
	}
}

// parse counts one entry's reading and reports whether it was right.
func (rep *Report) parse(e Entry, res rules.Result) bool {
	if !e.Story() {
		ok := res.Story.Action == ""
		rep.NotStories.Add(ok)
		if !ok {
			rep.miss("parse: %s is no story, read need %q", e.ID, res.Story.Action)
		}
		return ok
	}
	persona := samePersona(e.Persona, res.Story.Role)
	need := sameText(e.Need, res.Story.Action)
	benefit := sameText(e.Benefit, res.Story.Benefit)
	rep.ratio(rep.Fields, e.Lang+" persona").Add(persona)
	rep.ratio(rep.Fields, e.Lang+" need").Add(need)
	rep.ratio(rep.Fields, e.Lang+" benefit").Add(benefit)
	ok := persona && need && benefit
	rep.ratio(rep.Parse, e.Lang).Add(ok)
	parts := strings.Split(e.Shape, "/")
	placement := "body sentence"
	if len(parts) > 2 {
		placement = parts[2]
	}
	rep.ratio(rep.Parse, e.Lang+" opener "+parts[0]).Add(ok)
	if len(parts) > 1 {
		rep.ratio(rep.Parse, e.Lang+" need "+parts[1]).Add(ok)
	}
	rep.ratio(rep.Parse, e.Lang+" placement "+placement).Add(ok)
	if !ok {
		rep.miss("parse %s (%s): persona %q need %q benefit %q, want %q / %q / %q",
			e.ID, e.Shape, res.Story.Role, res.Story.Action, res.Story.Benefit, e.Persona, e.Need, e.Benefit)
	}
	return ok
}

// dalpiaz runs the real backlogs line by line, as `cochef check
// --backlog` does, and compares with the QUS labels.
func (rep *Report) dalpiaz(qus []QUSRow, lines map[string][]string, set *templates.Set) {
	byFile := map[string]map[int]QUSRow{}
	for _, r := range qus {
		if byFile[r.File] == nil {
			byFile[r.File] = map[int]QUSRow{}
		}
		byFile[r.File][r.Line] = r
	}
	files := make([]string, 0, len(lines))
	for f := range lines {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		ls := lines[f]
		in := make([]rules.Input, len(ls))
		nums := make([]int, len(ls))
		for i, l := range ls {
			in[i] = rules.Input{Title: strings.TrimSpace(l)}
			nums[i] = i + 1
		}
		results := rules.AnalyzeBacklogAt(in, nums, set.Default(), "")
		for i, res := range results {
			row, ok := byFile[f][i+1]
			if !ok {
				continue
			}
			for _, q := range QUSRules {
				got := fired(res, q.Rule)
				rep.Dalpiaz[q.Defect].Add(row.Has(q.Defect), got)
				if got != row.Has(q.Defect) {
					rep.miss("dalpiaz %s %v, want %v: %s:%d %s", q.Defect, got, row.Has(q.Defect), filepath.Base(f), i+1, ls[i])
				}
			}
		}
	}
}

func fired(r rules.Result, rule string) bool {
	for _, f := range r.Findings {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func oneLine(e Entry) string {
	t := e.Title
	if t == "" {
		t, _, _ = strings.Cut(strings.TrimSpace(e.Body), "\n")
	}
	if len(t) > 90 {
		t = t[:90] + "…"
	}
	return "«" + t + "»"
}
