// Package dashboard is the readiness dashboard: for each repository, the
// share of ready stories and its trend, the blocking findings by
// frequency, the stories waiting for a security review and the open
// recettes. Build is pure (store data in, page model out); the handler
// reads the store, builds, and renders the page with html/template. The
// chart is SVG drawn here: no JavaScript, no front-end build.
package dashboard

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// DefaultWeeks is how many weekly points the trend shows.
const DefaultWeeks = 8

// Filter narrows the page: a repository ("platform:owner/name") and an
// issue label; empty matches everything.
type Filter struct {
	Repo  string
	Label string
}

// Recette is an open recette and its counts (recette.Progress).
type Recette struct {
	Record               core.RecetteRecord
	Done, Total, Refused int
}

// Input is what the page is built from.
type Input struct {
	Lang   rules.Lang
	Now    time.Time
	Weeks  int
	Filter Filter
	// Base is the page's own path (/tableau or /dashboard): links and the
	// form point back at it.
	Base     string
	Stories  []core.Evaluation
	History  []core.ReadinessDay
	Recettes []Recette
	// Limit is how many stories the store was asked for; reaching it
	// means some were left out, which the page says.
	Limit int
}

// Page is what the template shows.
type Page struct {
	Lang      string
	T         *texts
	Base      string
	Filter    Filter
	Filtered  bool
	RepoOpts  []Option
	LabelOpts []Option
	// Summary is over every story shown: "12 récits prêts sur 30 (40 %)".
	Summary   string
	Repos     []Repo
	AsOf      string
	Truncated string
	// OtherLang links to the same page in the other language.
	OtherLang     string
	OtherLangCode string
}

// Option is one choice of a filter's list.
type Option struct {
	Value, Text string
	Selected    bool
}

// Repo is one repository's section.
type Repo struct {
	// ID is the section's anchor.
	ID, Key, Name string
	Ready, Total  int
	Percent       int
	Share         string
	Trend         Chart
	Blocking      []FindingCount
	Security      []Story
	Recettes      []RecetteRow
	Stories       []Story
}

// Story is one story, linked to its issue.
type Story struct {
	Ref, Title, URL string
	Ready           bool
	State           string
	Blocking        int
	Security        bool
}

// FindingCount is one rule and how many stories it blocks.
type FindingCount struct {
	Rule, Summary string
	Count         int
	Text          string
}

// RecetteRow is one open recette.
type RecetteRow struct {
	Ref, Title, URL      string
	Done, Total, Refused int
	Progress             string
	PVURL, PVLabel       string
}

// repoKey names a repository in the filter.
func repoKey(platform, name string) string { return platform + ":" + name }

// hasLabel reports whether the story carries label, on the issue or set
// by cochef.
func hasLabel(e core.Evaluation, label string) bool {
	return slices.Contains(e.IssueLabels, label) || slices.Contains(e.Labels, label)
}

// Build turns the store's data into the page.
func Build(in Input) Page {
	w := words{lang: in.Lang}
	t := textsFor(in.Lang)
	if in.Weeks <= 0 {
		in.Weeks = DefaultWeeks
	}
	p := Page{
		Lang: string(rules.FR), T: t, Base: in.Base, Filter: in.Filter,
		Filtered: in.Filter != (Filter{}),
		AsOf:     strings.Replace(t.AsOf, "%s", w.stamp(in.Now), 1),
	}
	other := rules.EN
	if in.Lang == rules.EN {
		p.Lang, other = string(rules.EN), rules.FR
	}
	p.OtherLangCode = string(other)
	p.OtherLang = pageURL(in.Base, in.Filter, other)
	if in.Limit > 0 && len(in.Stories) >= in.Limit {
		p.Truncated = strings.Replace(t.Truncated, "%d", w.number(in.Limit), 1)
	}

	// Filter options: every repository, and the labels of the stories of
	// the repository chosen.
	names := map[string]string{}
	labels := map[string]bool{}
	for _, e := range in.Stories {
		k := repoKey(e.Ref.Repo.Platform, e.Ref.Repo.FullName)
		names[k] = e.Ref.Repo.FullName
		if in.Filter.Repo == "" || in.Filter.Repo == k {
			for _, l := range slices.Concat(e.IssueLabels, e.Labels) {
				labels[l] = true
			}
		}
	}
	for _, r := range in.Recettes {
		k := repoKey(r.Record.Ref.Repo.Platform, r.Record.Ref.Repo.FullName)
		if _, ok := names[k]; !ok {
			names[k] = r.Record.Ref.Repo.FullName
		}
	}
	keys := sortedKeys(names)
	p.RepoOpts = append(p.RepoOpts, Option{Value: "", Text: t.AllRepos, Selected: in.Filter.Repo == ""})
	for _, k := range keys {
		p.RepoOpts = append(p.RepoOpts, Option{Value: k, Text: names[k], Selected: k == in.Filter.Repo})
	}
	if in.Filter.Label != "" {
		labels[in.Filter.Label] = true // kept selectable, even when no story carries it
	}
	p.LabelOpts = append(p.LabelOpts, Option{Value: "", Text: t.AllLabels, Selected: in.Filter.Label == ""})
	for _, l := range sortedKeys(labels) {
		p.LabelOpts = append(p.LabelOpts, Option{Value: l, Text: l, Selected: l == in.Filter.Label})
	}

	// Stories shown, by repository.
	byRepo := map[string][]core.Evaluation{}
	shown := map[string]bool{} // story keys shown, for the recettes
	for _, e := range in.Stories {
		k := repoKey(e.Ref.Repo.Platform, e.Ref.Repo.FullName)
		if in.Filter.Repo != "" && k != in.Filter.Repo || in.Filter.Label != "" && !hasLabel(e, in.Filter.Label) {
			continue
		}
		byRepo[k] = append(byRepo[k], e)
		shown[storyKey(e.Ref)] = true
	}
	recettes := map[string][]Recette{}
	for _, r := range in.Recettes {
		k := repoKey(r.Record.Ref.Repo.Platform, r.Record.Ref.Repo.FullName)
		if in.Filter.Repo != "" && k != in.Filter.Repo {
			continue
		}
		if in.Filter.Label != "" && !slices.ContainsFunc(r.Record.Model.Stories, func(s core.RecetteStory) bool { return shown[storyKey(s.Ref)] }) {
			continue
		}
		recettes[k] = append(recettes[k], r)
	}
	history := map[string][]core.ReadinessDay{}
	for _, d := range in.History {
		k := repoKey(d.Platform, d.Repo)
		history[k] = append(history[k], d)
	}

	ready, total := 0, 0
	for i, k := range keys {
		if len(byRepo[k]) == 0 && len(recettes[k]) == 0 {
			continue
		}
		r := buildRepo(in, w, t, k, names[k], byRepo[k], recettes[k], history[k])
		r.ID = "depot-" + strconv.Itoa(i+1)
		r.Trend.ID = r.ID + "-tendance"
		ready, total = ready+r.Ready, total+r.Total
		p.Repos = append(p.Repos, r)
	}
	if total > 0 {
		p.Summary = w.readyOf(ready, total) + " (" + w.percent(percent(ready, total)) + ")"
	}
	return p
}

func buildRepo(in Input, w words, t *texts, key, name string, stories []core.Evaluation, recs []Recette, hist []core.ReadinessDay) Repo {
	r := Repo{Key: key, Name: name}
	ruleCount := map[string]int{}
	for _, e := range stories {
		s := Story{Ref: "#" + strconv.Itoa(e.Ref.Number), Title: e.Title, URL: safeURL(e.URL), Ready: e.Ready, State: t.StateNotReady}
		if s.Title == "" {
			s.Title = t.Untitled
		}
		r.Total++
		if e.Ready {
			r.Ready++
			s.State = t.StateReady
		}
		seen := map[string]bool{}
		for _, f := range e.Findings {
			if f.Severity == rules.SeverityError && !seen[f.Rule] {
				seen[f.Rule] = true
				s.Blocking++
				ruleCount[f.Rule]++
			}
		}
		s.Security = e.SecurityReview && !e.SecurityDismissed
		if s.Security {
			r.Security = append(r.Security, s)
		}
		r.Stories = append(r.Stories, s)
	}
	if r.Total > 0 {
		r.Percent = percent(r.Ready, r.Total)
		r.Share = w.readyOf(r.Ready, r.Total) + " (" + w.percent(r.Percent) + ")"
	}
	summaries := map[string]string{}
	for _, ri := range rules.Rules() {
		summaries[ri.ID] = ri.Summary.Get(w.lang)
	}
	for rule, n := range ruleCount {
		r.Blocking = append(r.Blocking, FindingCount{Rule: rule, Summary: cmp.Or(summaries[rule], rule), Count: n, Text: w.storyCount(n)})
	}
	slices.SortFunc(r.Blocking, func(a, b FindingCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Rule, b.Rule))
	})
	for _, rc := range recs {
		rec := rc.Record
		row := RecetteRow{
			Ref: rec.Ref.Mention(core.Repo{}), Title: cmp.Or(rec.Title, t.Untitled), URL: safeURL(rec.URL),
			Done: rc.Done, Total: rc.Total, Refused: rc.Refused, Progress: w.criteria(rc.Done, rc.Total, rc.Refused),
		}
		row.Ref = strings.TrimPrefix(row.Ref, rec.Ref.Repo.FullName)
		row.PVURL = pvURL(in.Base, rec.Ref, in.Lang)
		row.PVLabel = t.PV + " " + row.Ref
		r.Recettes = append(r.Recettes, row)
	}
	r.Trend = trend(w, t, name, hist, in.Now, in.Weeks)
	return r
}

func percent(part, whole int) int {
	if whole == 0 {
		return 0
	}
	return int(math.Round(float64(part) * 100 / float64(whole)))
}

// storyKey matches a story across the evaluations and a recette's model
// (platforms match repository paths without regard to case).
func storyKey(r core.IssueRef) string {
	return r.Repo.Platform + ":" + strings.ToLower(r.Repo.FullName) + "#" + strconv.Itoa(r.Number)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// safeURL keeps http(s) links only: an issue's URL comes from the
// platform, but a store may hold anything.
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return ""
	}
	return s
}

// pageURL is the page with f applied, in lang.
func pageURL(base string, f Filter, lang rules.Lang) string {
	q := url.Values{}
	if f.Repo != "" {
		q.Set("repo", f.Repo)
	}
	if f.Label != "" {
		q.Set("label", f.Label)
	}
	if lang == rules.EN {
		q.Set("lang", "en")
	} else {
		q.Set("lang", "fr")
	}
	return base + "?" + q.Encode()
}

// pvURL is the address of a recette's procès-verbal (PDF), served next to
// the page.
func pvURL(base string, mr core.IssueRef, lang rules.Lang) string {
	q := url.Values{}
	q.Set("platform", mr.Repo.Platform)
	q.Set("repo", mr.Repo.FullName)
	q.Set("number", strconv.Itoa(mr.Number))
	q.Set("lang", string(cmp.Or(lang, rules.FR)))
	return base + "/pv?" + q.Encode()
}
