package dashboard

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

var (
	now   = time.Date(2026, 12, 5, 18, 0, 0, 0, time.UTC)
	ghRep = core.Repo{Platform: core.GitHub, FullName: "octo/demarches"}
	glRep = core.Repo{Platform: core.GitLab, FullName: "sante/portail"}
)

func blocking(rs ...string) []rules.Finding {
	var out []rules.Finding
	for _, r := range rs {
		out = append(out, rules.Finding{Rule: r, Severity: rules.SeverityError, Message: "m"})
	}
	return out
}

func story(repo core.Repo, n int, ready bool, labels []string, f ...rules.Finding) core.Evaluation {
	return core.Evaluation{Ref: core.IssueRef{Repo: repo, Number: n}, Template: "user-story", Ready: ready,
		Title: "Récit " + string(rune('A'+n%26)), URL: "https://example.test/" + repo.FullName + "/issues/" + string(rune('0'+n%10)),
		IssueLabels: labels, Findings: f}
}

func sampleInput() Input {
	sec := story(ghRep, 4, false, []string{"sprint-12"}, blocking("story-format")...)
	sec.SecurityReview = true
	dismissed := story(ghRep, 5, true, nil)
	dismissed.SecurityReview, dismissed.SecurityDismissed = true, true
	warn := story(glRep, 7, true, []string{"sprint-12"})
	warn.Findings = []rules.Finding{{Rule: "story-atomic", Severity: rules.SeverityWarning}}
	mr := core.IssueRef{Repo: glRep, Number: 3, MergeRequest: true}
	return Input{
		Lang: rules.FR, Now: now, Weeks: 4, Base: "/tableau", Limit: 100,
		Stories: []core.Evaluation{
			story(ghRep, 1, true, []string{"sprint-12"}),
			// Two blocking findings of one rule on one story count once.
			story(ghRep, 2, false, []string{"sprint-13"}, blocking("acceptance-criteria-missing", "acceptance-criteria-missing", "story-benefit")...),
			story(ghRep, 3, false, nil, blocking("acceptance-criteria-missing")...),
			sec, dismissed, warn,
			story(glRep, 8, false, nil, blocking("story-benefit")...),
		},
		History: []core.ReadinessDay{
			{Platform: core.GitHub, Repo: "octo/demarches", Day: now.AddDate(0, 0, -20).Truncate(24 * time.Hour), Ready: 1, Total: 4},
			{Platform: core.GitHub, Repo: "octo/demarches", Day: now.AddDate(0, 0, -3).Truncate(24 * time.Hour), Ready: 2, Total: 5},
		},
		Recettes: []Recette{{Record: core.RecetteRecord{Ref: mr, Title: "Portail : export", URL: "https://gitlab.test/sante/portail/-/merge_requests/3",
			Model: core.RecetteModel{Stories: []core.RecetteStory{{Ref: core.IssueRef{Repo: glRep, Number: 7}}}}}, Done: 3, Total: 5, Refused: 1}},
	}
}

func TestBuild(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*Input)
		check func(t *testing.T, p Page)
	}{
		{"every repository, French", func(*Input) {}, func(t *testing.T, p Page) {
			if p.Lang != "fr" || p.Summary != "3 récits prêts sur 7 (43\u202f%)" {
				t.Errorf("lang %q, summary %q", p.Lang, p.Summary)
			}
			if len(p.Repos) != 2 || p.Repos[0].Name != "octo/demarches" || p.Repos[1].Name != "sante/portail" {
				t.Fatalf("repos: %+v", p.Repos)
			}
			gh := p.Repos[0]
			if gh.Ready != 2 || gh.Total != 5 || gh.Share != "2 récits prêts sur 5 (40\u202f%)" {
				t.Errorf("share: %d/%d %q", gh.Ready, gh.Total, gh.Share)
			}
			want := []FindingCount{
				{Rule: "acceptance-criteria-missing", Count: 2, Text: "2 récits"},
				{Rule: "story-benefit", Count: 1, Text: "1 récit"},
				{Rule: "story-format", Count: 1, Text: "1 récit"},
			}
			for i := range gh.Blocking {
				gh.Blocking[i].Summary = "" // checked below
			}
			if !reflect.DeepEqual(gh.Blocking, want) {
				t.Errorf("blocking:\n got %+v\nwant %+v", gh.Blocking, want)
			}
			if len(gh.Security) != 1 || gh.Security[0].Ref != "#4" {
				t.Errorf("security (the dismissed review is not waiting): %+v", gh.Security)
			}
			if len(gh.Stories) != 5 || gh.Stories[1].Blocking != 2 || gh.Stories[0].State != "prêt" || gh.Stories[1].State != "à compléter" {
				t.Errorf("stories: %+v", gh.Stories)
			}
			gl := p.Repos[1]
			if len(gl.Recettes) != 1 {
				t.Fatalf("recettes: %+v", gl.Recettes)
			}
			rc := gl.Recettes[0]
			if rc.Ref != "!3" || rc.Progress != "3/5 critères validés, 1 refusé" ||
				rc.PVURL != "/tableau/pv?lang=fr&number=3&platform=gitlab&repo=sante%2Fportail" {
				t.Errorf("recette row: %+v", rc)
			}
			if len(gl.Blocking) != 1 || gl.Blocking[0].Rule != "story-benefit" {
				t.Errorf("a warning is not blocking: %+v", gl.Blocking)
			}
			if p.OtherLang != "/tableau?lang=en" || p.OtherLangCode != "en" || p.Truncated != "" {
				t.Errorf("other language %q %q, truncated %q", p.OtherLang, p.OtherLangCode, p.Truncated)
			}
			if got := optionValues(p.RepoOpts); !slices.Equal(got, []string{"", "github:octo/demarches", "gitlab:sante/portail"}) {
				t.Errorf("repository options: %v", got)
			}
			if got := optionValues(p.LabelOpts); !slices.Equal(got, []string{"", "sprint-12", "sprint-13"}) {
				t.Errorf("label options: %v", got)
			}
		}},
		{"rule summaries in the page's language", func(in *Input) { in.Lang = rules.EN }, func(t *testing.T, p Page) {
			if p.Lang != "en" || p.Summary != "3 of 7 stories ready (43%)" {
				t.Errorf("summary %q", p.Summary)
			}
			var en string
			for _, ri := range rules.Rules() {
				if ri.ID == "acceptance-criteria-missing" {
					en = ri.Summary.Get(rules.EN)
				}
			}
			if en == "" || p.Repos[0].Blocking[0].Summary != en {
				t.Errorf("summary %q, want %q", p.Repos[0].Blocking[0].Summary, en)
			}
			if rc := p.Repos[1].Recettes[0]; rc.Progress != "3/5 criteria validated, 1 refused" || !strings.Contains(rc.PVURL, "lang=en") {
				t.Errorf("recette row: %+v", rc)
			}
		}},
		{"one repository", func(in *Input) { in.Filter.Repo = "gitlab:sante/portail" }, func(t *testing.T, p Page) {
			if len(p.Repos) != 1 || p.Repos[0].Name != "sante/portail" || p.Summary != "1 récit prêt sur 2 (50\u202f%)" || !p.Filtered {
				t.Errorf("repos %+v, summary %q", p.Repos, p.Summary)
			}
			if !p.RepoOpts[2].Selected || p.RepoOpts[0].Selected {
				t.Errorf("selected repository: %+v", p.RepoOpts)
			}
			if !strings.Contains(p.OtherLang, "repo=gitlab%3Asante%2Fportail") {
				t.Errorf("other language keeps the filter: %q", p.OtherLang)
			}
		}},
		{"one label: stories and the recettes that close them", func(in *Input) { in.Filter.Label = "sprint-12" }, func(t *testing.T, p Page) {
			if p.Summary != "2 récits prêts sur 3 (67\u202f%)" || len(p.Repos) != 2 {
				t.Fatalf("summary %q, %d repos", p.Summary, len(p.Repos))
			}
			if len(p.Repos[1].Recettes) != 1 || len(p.Repos[0].Stories) != 2 {
				t.Errorf("label filter: %+v", p.Repos)
			}
		}},
		{"a label no recette story carries", func(in *Input) { in.Filter.Label = "sprint-13" }, func(t *testing.T, p Page) {
			if len(p.Repos) != 1 || p.Repos[0].Name != "octo/demarches" || len(p.Repos[0].Stories) != 1 {
				t.Errorf("repos: %+v", p.Repos)
			}
		}},
		{"nothing matches", func(in *Input) { in.Filter.Label = "inconnue" }, func(t *testing.T, p Page) {
			if len(p.Repos) != 0 || p.Summary != "" {
				t.Errorf("repos %+v summary %q", p.Repos, p.Summary)
			}
			if got := optionValues(p.LabelOpts); !slices.Contains(got, "inconnue") {
				t.Errorf("the label asked stays selectable: %v", got)
			}
		}},
		{"the store's limit reached", func(in *Input) { in.Limit = 7 }, func(t *testing.T, p Page) {
			if p.Truncated != "Seuls les 7 premiers récits sont comptés : le tableau en lit au plus autant par page." {
				t.Errorf("truncated: %q", p.Truncated)
			}
		}},
		{"a link that is not http is not shown", func(in *Input) { in.Stories[0].URL = "javascript:alert(1)" }, func(t *testing.T, p Page) {
			if p.Repos[0].Stories[0].URL != "" {
				t.Errorf("url kept: %q", p.Repos[0].Stories[0].URL)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := sampleInput()
			tc.edit(&in)
			tc.check(t, Build(in))
		})
	}
}

func optionValues(os []Option) []string {
	var out []string
	for _, o := range os {
		out = append(out, o.Value)
	}
	return out
}

func TestWeeklyPoints(t *testing.T) {
	day := func(daysAgo int) time.Time { return now.AddDate(0, 0, -daysAgo).Truncate(24 * time.Hour) }
	hist := []core.ReadinessDay{
		{Day: day(20), Ready: 1, Total: 4},
		{Day: day(15), Ready: 2, Total: 4},
		{Day: day(3), Ready: 3, Total: 4},
		{Day: day(0), Ready: 0, Total: 0},
	}
	got := weeklyPoints(hist, now, 4)
	// Slots: 21, 14, 7 and 0 days ago. 21: nothing yet; 14: the record of
	// 15 days ago; 7: still it; 0: today's, with no story, is no point.
	want := []point{
		{Day: day(14), Ready: 2, Total: 4, Percent: 50},
		{Day: day(7), Ready: 2, Total: 4, Percent: 50},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points:\n got %+v\nwant %+v", got, want)
	}
}

func TestTrendChart(t *testing.T) {
	in := sampleInput()
	c := Build(in).Repos[0].Trend
	// Records 20 and 3 days ago; slots 21, 14, 7, 0 days ago.
	if c.Empty || len(c.Points) != 3 || c.Path == "" {
		t.Fatalf("chart: %+v", c)
	}
	if c.Points[0].Value != "25\u202f%" || c.Points[2].Value != "40\u202f%" || c.Points[2].Y >= c.Points[0].Y {
		t.Errorf("points: %+v", c.Points)
	}
	if c.Points[2].X != float64(padLeft+plotW) {
		t.Errorf("today is the right end: x = %v", c.Points[2].X)
	}
	if c.Desc != "De 25\u202f% le 21/11 à 40\u202f% le 05/12." || c.Title != "Part des récits prêts, semaine par semaine : octo/demarches" {
		t.Errorf("text alternative: %q / %q", c.Title, c.Desc)
	}
	if c.Last.Value != "40\u202f%" || c.Last.X != c.Points[2].X || c.Last.Y >= c.Points[2].Y || !strings.HasSuffix(c.Area, " Z") ||
		!strings.HasPrefix(c.Area, c.Path) || c.Points[2].Tip != "05/12\u00a0: 40\u202f%" {
		t.Errorf("last label %+v, area %q, tip %q", c.Last, c.Area, c.Points[2].Tip)
	}
	in.Lang = rules.EN
	if en := Build(in).Repos[0].Trend; en.Points[2].Tip != "Dec 5: 40%" || en.Desc != "From 25% on Nov 21 to 40% on Dec 5." {
		t.Errorf("English: tip %q, desc %q", en.Points[2].Tip, en.Desc)
	}
	in.Lang = rules.FR
	if gl := Build(in).Repos[1].Trend; !gl.Empty || gl.Desc != textsFR.NoTrend {
		t.Errorf("no history, no chart: %+v", gl)
	}
}

func TestWords(t *testing.T) {
	fr, en := words{rules.FR}, words{rules.EN}
	for _, tc := range []struct{ got, want string }{
		{fr.readyOf(0, 1), "0 récit prêt sur 1"},
		{fr.readyOf(1, 3), "1 récit prêt sur 3"},
		{fr.readyOf(1234, 5000), "1\u202f234 récits prêts sur 5\u202f000"},
		{en.readyOf(1, 1), "1 of 1 story ready"},
		{en.readyOf(1234, 5000), "1,234 of 5,000 stories ready"},
		{fr.criteria(0, 1, 0), "0/1 critère validé"},
		{fr.criteria(2, 7, 2), "2/7 critères validés, 2 refusés"},
		{en.criteria(1, 1, 0), "1/1 criterion validated"},
		{fr.storyCount(1), "1 récit"},
		{en.storyCount(2), "2 stories"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

// Every text exists in both languages.
func TestTextsComplete(t *testing.T) {
	for _, tx := range []texts{textsFR, textsEN} {
		v := reflect.ValueOf(tx)
		for i := range v.NumField() {
			if v.Field(i).String() == "" {
				t.Errorf("%s is empty in one language", v.Type().Field(i).Name)
			}
		}
	}
	if textsFR == textsEN {
		t.Error("the two languages are the same")
	}
}
