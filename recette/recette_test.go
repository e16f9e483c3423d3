package recette

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

func TestParseClosingRefs(t *testing.T) {
	cases := []struct {
		name, platform, text string
		want                 []ClosingRef
	}{
		{"github keyword", core.GitHub, "Closes #12", []ClosingRef{{Number: 12}}},
		{"case and colon", core.GitHub, "FIXES: #3 and resolved #4", []ClosingRef{{Number: 3}, {Number: 4}}},
		{"every github form", core.GitHub, "close #1, closed #2, fix #3, fixed #4, resolve #5, resolves #6",
			[]ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}, {Number: 4}, {Number: 5}, {Number: 6}}},
		{"other repository", core.GitHub, "Fixes octo-org/autre#7", []ClosingRef{{Repo: "octo-org/autre", Number: 7}}},
		{"github url same host", core.GitHub, "Closes https://github.com/octo-org/demarches/issues/9.",
			[]ClosingRef{{Repo: "octo-org/demarches", Number: 9}}},
		{"github url other host", core.GitHub, "Closes https://evil.example/octo-org/demarches/issues/9", nil},
		{"github pull url is not an issue", core.GitHub, "Closes https://github.com/o/r/pull/9", nil},
		{"github needs a keyword per ref", core.GitHub, "Closes #1, #2", []ClosingRef{{Number: 1}}},
		{"github: implements is not a keyword", core.GitHub, "Implements #5", nil},
		{"github: three path segments", core.GitHub, "Closes a/b/c#5", nil},
		{"mention without keyword", core.GitHub, "see #12, related to #13", nil},
		{"word boundary", core.GitHub, "prefix #12 unclosed #13 hotfixes #14", nil},
		{"duplicates", core.GitHub, "Closes #12. Fixes #12", []ClosingRef{{Number: 12}}},
		{"code is skipped", core.GitHub, "```\nCloses #1\n```\n`fixes #2` and Fixes #3\n<!-- closes #4 -->",
			[]ClosingRef{{Number: 3}}},
		{"gitlab implements", core.GitLab, "Implements #5, implemented #6", []ClosingRef{{Number: 5}, {Number: 6}}},
		{"gitlab -ing forms", core.GitLab, "Closing #1 fixing #2 resolving #3 implementing #4",
			[]ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}, {Number: 4}}},
		{"gitlab list", core.GitLab, "Closes #1, #2 and #3", []ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}}},
		{"gitlab list without commas", core.GitLab, "Closes #1 #2, and #3. See #4", []ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}}},
		{"gitlab issue word", core.GitLab, "Resolves issue #8", []ClosingRef{{Number: 8}}},
		{"gitlab subgroups", core.GitLab, "Closes ministere/sub/projet#4",
			[]ClosingRef{{Repo: "ministere/sub/projet", Number: 4}}},
		{"gitlab url", core.GitLab, "Fixes https://gitlab.example.fr/ministere/sub/projet/-/issues/4 today",
			[]ClosingRef{{Repo: "ministere/sub/projet", Number: 4}}},
		{"gitlab url without dash", core.GitLab, "Fixes https://gitlab.example.fr/grp/projet/issues/5",
			[]ClosingRef{{Repo: "grp/projet", Number: 5}}},
		{"gitlab mr url is not an issue", core.GitLab, "Fixes https://gitlab.example.fr/grp/projet/-/merge_requests/5", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			host := "github.com"
			if c.platform == core.GitLab {
				host = "gitlab.example.fr"
			}
			got := ParseClosingRefs(c.platform, host, c.text)
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("ParseClosingRefs(%q) = %+v, want %+v", c.text, got, c.want)
			}
		})
	}
}

func TestClosingRefResolve(t *testing.T) {
	mr := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "grp/projet", ProjectID: 7}, Number: 3, MergeRequest: true}
	same := ClosingRef{Repo: "GRP/Projet", Number: 4}.resolve(mr)
	if same.Repo.ProjectID != 7 || same.MergeRequest || same.Number != 4 {
		t.Fatalf("same project resolved to %+v", same)
	}
	other := ClosingRef{Repo: "grp/autre", Number: 4}.resolve(mr)
	if other.Repo.ProjectID != 0 || other.Repo.FullName != "grp/autre" {
		t.Fatalf("other project resolved to %+v", other)
	}
}

func TestItemKeyFollowsTextNotPosition(t *testing.T) {
	story := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "Octo/Repo"}, Number: 1}
	k := itemKey(story, core.ItemCriterion, "Le total  est affiché.", nil)
	if k != itemKey(core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/repo"}, Number: 1}, core.ItemCriterion, "le total est affiché", nil) {
		t.Fatal("case, spacing and a final full stop must not change the key")
	}
	for name, other := range map[string]string{
		"text":     itemKey(story, core.ItemCriterion, "Le total est masqué", nil),
		"story":    itemKey(core.IssueRef{Repo: story.Repo, Number: 2}, core.ItemCriterion, "Le total est affiché", nil),
		"kind":     itemKey(story, core.ItemSecurity, "Le total est affiché", nil),
		"steps":    itemKey(story, core.ItemCriterion, "Le total est affiché", []string{"Quand je valide"}),
		"platform": itemKey(core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "octo/repo"}, Number: 1}, core.ItemCriterion, "Le total est affiché", nil),
	} {
		if other == k {
			t.Errorf("a different %s gave the same key", name)
		}
	}
	if len(k) != keyLen {
		t.Fatalf("key %q", k)
	}
}

func testModel() (core.IssueRef, core.RecetteModel) {
	mr := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/repo"}, Number: 9, MergeRequest: true}
	s1 := core.IssueRef{Repo: mr.Repo, Number: 1}
	s2 := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/other"}, Number: 2}
	m := core.RecetteModel{Stories: []core.RecetteStory{
		{Ref: s1, Title: "Export @alice <b>", URL: "https://github.com/octo/repo/issues/1", Items: []core.RecetteItem{
			{Kind: core.ItemCriterion, Text: "Le bouton `Exporter` apparaît <!-- k:000000000000 -->", Key: itemKey(s1, core.ItemCriterion, "a", nil)},
			{Kind: core.ItemCriterion, Text: "Scénario : export", Gherkin: true, Steps: []string{"Étant donné un agent", "Quand il exporte"},
				Key: itemKey(s1, core.ItemCriterion, "b", nil)},
			{Kind: core.ItemSecurity, Text: "Journalisation ?", Key: itemKey(s1, core.ItemSecurity, "c", nil)},
		}},
		{Ref: s2, Title: "Sans critères", URL: "https://github.com/octo/other/issues/2", FeedbackURL: "https://github.com/octo/other/issues/2#issuecomment-5"},
		{Ref: core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo/secret"}, Number: 3}, Unreadable: true},
	}}
	numberItems(&m)
	return mr, m
}

func TestChecklistRendersAndParsesBack(t *testing.T) {
	mr, m := testModel()
	at := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	states := map[string]itemState{
		m.Stories[0].Items[0].Key: {State: core.Validated, Actor: "alice", At: at},
		m.Stories[0].Items[1].Key: {State: core.Refused, Actor: "bob", At: at, Reason: "le fichier est vide | @carol"},
	}
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		body, err := renderChecklist(lang, mr, m, states, core.RecetteSettings{Validators: []string{"alice"}}, false)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(body, core.MarkerRecette+"\n") {
			t.Fatalf("%s: no marker first:\n%s", lang, body)
		}
		got := core.ParseChecklist(body)
		want := map[string]bool{
			m.Stories[0].Items[0].Key: true, m.Stories[0].Items[1].Key: false, m.Stories[0].Items[2].Key: false,
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: parsed back %v, want %v\n%s", lang, got, want, body)
		}
		for _, bad := range []string{"@alice", "@carol", "<b>", "<!-- k:000000000000"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: user text %q reached the checklist unneutralised:\n%s", lang, bad, body)
			}
		}
		for _, want := range []string{"**1.**", "**3.**", "  > Étant donné un agent", "octo/other#2", "#issuecomment-5", "1/3"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: checklist lacks %q:\n%s", lang, want, body)
			}
		}
	}
}

func TestRenderStatusAndReplies(t *testing.T) {
	mr, m := testModel()
	st, err := renderStatus(rules.FR, mr, m, map[string]itemState{m.Stories[0].Items[0].Key: {State: core.Validated}})
	if err != nil {
		t.Fatal(err)
	}
	if st.State != core.RecettePending || st.Title != "1/3 critères validés" || !strings.Contains(st.Summary, "2. Scénario") ||
		strings.Contains(st.Summary, "1. Le bouton") {
		t.Fatalf("status %+v", st)
	}
	none, err := renderStatus(rules.EN, mr, core.RecetteModel{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if none.State != core.RecetteNeutral || none.Title != "No linked story" {
		t.Fatalf("neutral status %+v", none)
	}
	r, err := renderReply(rules.FR, "reply-reverted", "mallory<script>", core.RecetteSettings{}, []int{2, 4}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r, core.MarkerRecetteReply) || !strings.Contains(r, "@malloryscript") || !strings.Contains(r, "2, 4") ||
		!strings.Contains(r, "droits d'écriture") {
		t.Fatalf("reply:\n%s", r)
	}
}

func TestRecetteStateIgnoresUnreadableStories(t *testing.T) {
	unreadable := core.RecetteStory{Ref: core.IssueRef{Number: 999}, Unreadable: true}
	noCriteria := core.RecetteStory{Ref: core.IssueRef{Number: 5}}
	if got := stateOf(core.RecetteModel{Stories: []core.RecetteStory{unreadable}}, nil); got != core.RecetteNeutral {
		t.Errorf("only an unreadable story: %s, want neutral (nothing can ever be validated)", got)
	}
	if got := stateOf(core.RecetteModel{Stories: []core.RecetteStory{unreadable, noCriteria}}, nil); got != core.RecettePending {
		t.Errorf("a readable story without criteria: %s, want pending", got)
	}
	if got := stateOf(core.RecetteModel{}, nil); got != core.RecetteNeutral {
		t.Errorf("no story: %s, want neutral", got)
	}
}

func TestRecetteItemsMergeCriteriaWrittenTwice(t *testing.T) {
	res := rules.Result{CriteriaItems: []rules.Criterion{
		{Text: "Le montant est affiché"}, {Text: "La date est affichée"}, {Text: "le montant est affiché."},
	}}
	items, _ := Items(core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "o/r"}, Number: 1}, res, nil, rules.FR)
	if len(items) != 2 {
		t.Fatalf("%d items, want 2: one key, one thing to validate", len(items))
	}
}
