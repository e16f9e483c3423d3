package recette

import (
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// PVInput is one pull or merge request of a procès-verbal de recette: its
// record and its trail, oldest first.
type PVInput struct {
	Record core.RecetteRecord
	Trail  []core.Validation
}

type pvView struct {
	Milestone string
	AsOf      string
	Recettes  []pvRecette
}

type pvRecette struct {
	Word, Ref, Title, URL, HeadSHA, State, Milestone string
	Done, Total, Refused, Open                       int
	SecurityDone, SecurityTotal                      int
	Verdict                                          core.RecetteState
	Stories                                          []pvStory
	// Retired are the items decided on that the checklist no longer
	// shows (a criterion rewritten, a question an older version asked):
	// their decisions stay in the PV, outside the verdict.
	Retired []pvItem
	Trail   []pvEntry
}

type pvStory struct {
	Ref, Title, URL string
	Unreadable      bool
	Items           []pvItem
}

type pvItem struct {
	Number                                 int
	Kind, Text, State, Reason, Actor, Date string
	SHA                                    string
	// Story names the story of a retired item.
	Story string
}

type pvEntry struct {
	Date, Actor, State, Text, Story, Reason, Source, SHA string
}

const pvTime = "2006-01-02 15:04 UTC"

func pvDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(pvTime)
}

func shortSHA(s string) string {
	if len(s) > 7 {
		return s[:7]
	}
	return s
}

// RenderPV writes the procès-verbal de recette of the given pull or
// merge requests in Markdown: for each, its stories and criteria with who
// validated or refused what and when, what remains open, the security
// checks done and the whole trail. It says "as of" the latest validation,
// so that the same trail always gives the same document.
func RenderPV(lang rules.Lang, milestone string, in []PVInput) (string, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return "", err
	}
	return core.Exec(t, "pv", buildPV(milestone, in, core.Neutralize))
}

// buildPV is what a PV shows, whatever its format; esc makes user text
// safe for the format (core.Neutralize for Markdown).
func buildPV(milestone string, in []PVInput, esc func(string) string) pvView {
	v := pvView{Milestone: esc(milestone)}
	var asOf time.Time
	for _, x := range in {
		rec := x.Record
		states := currentStates(x.Trail)
		last := map[string]core.Validation{}
		for _, e := range x.Trail {
			last[e.Key] = e
			if e.At.After(asOf) {
				asOf = e.At
			}
		}
		ref := rec.Ref.Mention(core.Repo{})
		word := "Pull request"
		if rec.Ref.Repo.Platform == core.GitLab {
			word = "Merge request"
		}
		r := pvRecette{
			Word: word, Ref: ref, Title: esc(rec.Title), URL: safeURL(rec.URL),
			HeadSHA: rec.HeadSHA, State: rec.State, Milestone: esc(rec.Milestone),
			Verdict: stateOf(rec.Model, states),
		}
		r.Done, r.Total, r.Refused = counts(rec.Model, states)
		r.Open = r.Total - r.Done - r.Refused
		for _, s := range rec.Model.Stories {
			ps := pvStory{Ref: storyLabel(s.Ref, core.IssueRef{}), Title: esc(s.Title), URL: safeURL(s.URL), Unreadable: s.Unreadable}
			for _, it := range s.Items {
				st := states[it.Key]
				pi := pvItem{Number: it.Number, Kind: it.Kind, Text: esc(it.Text)}
				if it.Kind != core.ItemCriterion {
					r.SecurityTotal++
				}
				if st.State == core.Validated || st.State == core.Refused {
					e := last[it.Key]
					pi.State, pi.Reason, pi.Actor, pi.Date, pi.SHA = string(st.State), esc(st.Reason), loginOnly(st.Actor), pvDate(st.At), shortSHA(e.HeadSHA)
					if st.State == core.Validated && it.Kind != core.ItemCriterion {
						r.SecurityDone++
					}
				}
				ps.Items = append(ps.Items, pi)
			}
			r.Stories = append(r.Stories, ps)
		}
		r.Retired = retired(rec.Model, x.Trail, esc)
		for _, e := range x.Trail {
			r.Trail = append(r.Trail, pvEntry{
				Date: pvDate(e.At), Actor: loginOnly(e.Actor), State: string(e.State), Text: esc(e.Text),
				Story: storyLabel(e.Story, core.IssueRef{}), Reason: esc(e.Reason), Source: e.Source, SHA: shortSHA(e.HeadSHA),
			})
		}
		v.Recettes = append(v.Recettes, r)
	}
	v.AsOf = pvDate(asOf)
	return v
}

// retired lists, in the order they were last decided, the items of the
// trail the model no longer has whose last decision stands (validated or
// refused).
func retired(m core.RecetteModel, trail []core.Validation, esc func(string) string) []pvItem {
	last := map[string]core.Validation{}
	var order []string
	for _, e := range trail {
		if _, _, ok := itemByKey(m, e.Key); ok {
			continue
		}
		if _, seen := last[e.Key]; !seen {
			order = append(order, e.Key)
		}
		last[e.Key] = e
	}
	var out []pvItem
	for _, k := range order {
		e := last[k]
		if e.State != core.Validated && e.State != core.Refused {
			continue
		}
		out = append(out, pvItem{
			Text: esc(e.Text), State: string(e.State), Reason: esc(e.Reason), Actor: loginOnly(e.Actor),
			Date: pvDate(e.At), SHA: shortSHA(e.HeadSHA), Story: storyLabel(e.Story, core.IssueRef{}),
		})
	}
	return out
}
