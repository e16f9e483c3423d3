package recette

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

var recetteTemplates = core.NewCommentTemplates("recette.", template.FuncMap{"code": core.InlineCode, "join": joinAny})

// joinAny joins a slice of anything printable.
func joinAny(v any, sep string) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		return fmt.Sprint(v)
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		parts[i] = fmt.Sprint(rv.Index(i).Interface())
	}
	return strings.Join(parts, sep)
}

type recetteView struct {
	Marker               string
	Words                core.Words
	State                core.RecetteState
	Done, Total, Refused int
	Stories              []recetteStoryView
	Validators           string
	Thread               bool
}

type recetteStoryView struct {
	Ref, Title, URL    string
	Unreadable         bool
	NoCriteria         bool
	FeedbackURL        string
	Criteria, Security []recetteItemView
}

type recetteItemView struct {
	Number  int
	Key     string
	Kind    string
	Checked bool
	// Check: the item is a statement to verify, shown "Vérifier : …".
	Check  bool
	Text   string
	Steps  []string
	State  string
	Actor  string
	Date   string
	Reason string
}

// safeURL keeps a platform URL from breaking out of a Markdown link.
func safeURL(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return ""
	}
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "").Replace(u)
}

// storyLabel names a story for the checklist: "#12" in the PR/MR's own
// repository, "group/project#12" elsewhere.
func storyLabel(story, mr core.IssueRef) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '-' || r == '_' || r == '.' || r == '#' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, story.Mention(mr.Repo))
}

// who shows a login without notifying it.
func who(login string) string {
	if login == "" {
		return ""
	}
	return core.Neutralize("@" + strings.TrimPrefix(login, "@"))
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func itemView(it core.RecetteItem, st itemState) recetteItemView {
	v := recetteItemView{
		Number: it.Number, Key: it.Key, Kind: it.Kind, Text: core.Neutralize(it.Text),
		State: string(st.State), Checked: st.State == core.Validated,
	}
	switch it.Kind {
	case core.ItemSecurity:
		// The template's own check: trusted, but kept on one line.
		v.Text, v.Check = lowerFirst(strings.Join(strings.Fields(it.Text), " ")), true
	case core.ItemMeasure:
		v.Text, v.Check = lowerFirst(v.Text), true
	}
	for _, s := range it.Steps {
		v.Steps = append(v.Steps, core.Neutralize(s))
	}
	if st.State == core.Validated || st.State == core.Refused {
		v.Actor, v.Date, v.Reason = who(st.Actor), dateOf(st.At), core.Neutralize(st.Reason)
	}
	return v
}

// lowerFirst puts a statement after "Vérifier :": its first letter in
// lower case, unless its first word is an acronym or a name written in
// capitals ("MFA exigée", "ProConnect seul").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	word, _, _ := strings.Cut(s, " ")
	for _, c := range word[n:] {
		if unicode.IsUpper(c) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// validatorsText says who validates, for the checklist and replies, in
// lang; empty when anyone with write access does.
func validatorsText(t *template.Template, rs core.RecetteSettings, mentions bool) (string, error) {
	var parts []string
	if len(rs.Validators) > 0 {
		var users []string
		for _, u := range rs.Validators {
			if mentions {
				users = append(users, "@"+u)
			} else {
				users = append(users, who(u))
			}
		}
		s, err := core.Exec(t, "validators-users", users)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	if len(rs.Teams) > 0 {
		var teams []string
		for _, tm := range rs.Teams {
			teams = append(teams, core.InlineCode(tm))
		}
		s, err := core.Exec(t, "validators-teams", teams)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "", nil
	}
	or, err := core.Exec(t, "validators-or", nil)
	if err != nil {
		return "", err
	}
	return strings.Join(parts, or), nil
}

// renderChecklist writes the checklist comment of mr from the model and
// the items' states, kept under MaxCommentLen by dropping Gherkin steps,
// then security items, as needed.
func renderChecklist(lang rules.Lang, mr core.IssueRef, m core.RecetteModel, states map[string]itemState, rs core.RecetteSettings, thread bool) (string, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return "", err
	}
	done, total, refused := counts(m, states)
	v := recetteView{
		Marker: core.MarkerRecette, Words: core.WordsFor(mr.Repo.Platform, lang),
		State: stateOf(m, states), Done: done, Total: total, Refused: refused, Thread: thread,
	}
	if v.Validators, err = validatorsText(t, rs, false); err != nil {
		return "", err
	}
	for level := 0; ; level++ {
		v.Stories = nil
		for _, s := range m.Stories {
			sv := recetteStoryView{
				Ref: storyLabel(s.Ref, mr), Title: core.Neutralize(s.Title), URL: safeURL(s.URL),
				Unreadable: s.Unreadable, FeedbackURL: safeURL(s.FeedbackURL),
			}
			for _, it := range s.Items {
				iv := itemView(it, states[it.Key])
				if level >= 1 {
					iv.Steps = nil
				}
				if it.Kind != core.ItemCriterion {
					if level < 2 {
						sv.Security = append(sv.Security, iv)
					}
					continue
				}
				sv.Criteria = append(sv.Criteria, iv)
			}
			sv.NoCriteria = !s.Unreadable && len(sv.Criteria) == 0
			v.Stories = append(v.Stories, sv)
		}
		body, err := core.Exec(t, "checklist", v)
		if err != nil {
			return "", err
		}
		if len(body) < core.MaxCommentLen || level >= 2 {
			if len(body) >= core.MaxCommentLen {
				body = core.CutAtLine(body, core.MaxCommentLen-1)
			}
			return body, nil
		}
	}
}

// statusItem is an item in a status's summary.
type statusItem struct {
	Number int
	Text   string
	Actor  string
	Reason string
}

// maxStatusItems bounds the list of remaining items in a status summary.
const maxStatusItems = 50

// renderStatus fills the status texts for the model.
func renderStatus(lang rules.Lang, mr core.IssueRef, m core.RecetteModel, states map[string]itemState) (core.RecetteStatus, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return core.RecetteStatus{}, err
	}
	done, total, _ := counts(m, states)
	data := struct {
		State       core.RecetteState
		Words       core.Words
		Done, Total int
		Remaining   []statusItem
		More        int
		Refusals    []statusItem
	}{State: stateOf(m, states), Words: core.WordsFor(mr.Repo.Platform, lang), Done: done, Total: total}
	for _, s := range m.Stories {
		for _, it := range s.Items {
			st := states[it.Key]
			if st.State == core.Validated {
				continue
			}
			si := statusItem{Number: it.Number, Text: core.Neutralize(it.Text)}
			if len(data.Remaining) < maxStatusItems {
				data.Remaining = append(data.Remaining, si)
			} else {
				data.More++
			}
			if st.State == core.Refused {
				si.Actor, si.Reason = who(st.Actor), core.Neutralize(st.Reason)
				data.Refusals = append(data.Refusals, si)
			}
		}
	}
	s := core.RecetteStatus{State: data.State, Done: done, Total: total}
	for name, dst := range map[string]*string{
		"status-title": &s.Title, "status-summary": &s.Summary,
		"status-text": &s.Text, "status-description": &s.Description,
	} {
		if *dst, err = core.Exec(t, name, data); err != nil {
			return core.RecetteStatus{}, err
		}
	}
	return s, nil
}

// renderReply writes one of the short replies (reply-reverted,
// reply-not-validator, reply-bad-items, reply-missing-reason).
func renderReply(lang rules.Lang, name, actor string, rs core.RecetteSettings, numbers []int, max int) (string, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return "", err
	}
	validators, err := validatorsText(t, rs, false)
	if err != nil {
		return "", err
	}
	if validators == "" {
		if validators, err = core.Exec(t, "validators-write", nil); err != nil {
			return "", err
		}
	}
	// A reply is a new comment: naming its reader notifies them, which is
	// the point; the login comes from the platform, not from user text.
	return core.Exec(t, name, map[string]any{
		"Marker": core.MarkerRecetteReply, "Who": "@" + loginOnly(actor),
		"Validators": validators, "Numbers": numbers, "Bad": numbers, "Max": max,
	})
}

// loginOnly keeps the characters a GitHub login or GitLab username may
// hold, so a reply's mention cannot carry anything else.
func loginOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, strings.TrimSuffix(s, "[bot]"))
}

// mergeGroupStatus is the success a merge group's head commit gets.
func mergeGroupStatus(lang rules.Lang) (core.RecetteStatus, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return core.RecetteStatus{}, err
	}
	st := core.RecetteStatus{State: core.RecetteSuccess}
	if st.Title, err = core.Exec(t, "merge-group-title", nil); err != nil {
		return core.RecetteStatus{}, err
	}
	if st.Summary, err = core.Exec(t, "merge-group-summary", nil); err != nil {
		return core.RecetteStatus{}, err
	}
	st.Description = st.Title
	return st, nil
}
