package core

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

func TestParseClosingRefs(t *testing.T) {
	cases := []struct {
		name, platform, text string
		want                 []ClosingRef
	}{
		{"github keyword", GitHub, "Closes #12", []ClosingRef{{Number: 12}}},
		{"case and colon", GitHub, "FIXES: #3 and resolved #4", []ClosingRef{{Number: 3}, {Number: 4}}},
		{"every github form", GitHub, "close #1, closed #2, fix #3, fixed #4, resolve #5, resolves #6",
			[]ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}, {Number: 4}, {Number: 5}, {Number: 6}}},
		{"other repository", GitHub, "Fixes octo-org/autre#7", []ClosingRef{{Repo: "octo-org/autre", Number: 7}}},
		{"github url same host", GitHub, "Closes https://github.com/octo-org/demarches/issues/9.",
			[]ClosingRef{{Repo: "octo-org/demarches", Number: 9}}},
		{"github url other host", GitHub, "Closes https://evil.example/octo-org/demarches/issues/9", nil},
		{"github pull url is not an issue", GitHub, "Closes https://github.com/o/r/pull/9", nil},
		{"github needs a keyword per ref", GitHub, "Closes #1, #2", []ClosingRef{{Number: 1}}},
		{"github: implements is not a keyword", GitHub, "Implements #5", nil},
		{"github: three path segments", GitHub, "Closes a/b/c#5", nil},
		{"mention without keyword", GitHub, "see #12, related to #13", nil},
		{"word boundary", GitHub, "prefix #12 unclosed #13 hotfixes #14", nil},
		{"duplicates", GitHub, "Closes #12. Fixes #12", []ClosingRef{{Number: 12}}},
		{"code is skipped", GitHub, "```\nCloses #1\n```\n`fixes #2` and Fixes #3\n<!-- closes #4 -->",
			[]ClosingRef{{Number: 3}}},
		{"gitlab implements", GitLab, "Implements #5, implemented #6", []ClosingRef{{Number: 5}, {Number: 6}}},
		{"gitlab -ing forms", GitLab, "Closing #1 fixing #2 resolving #3 implementing #4",
			[]ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}, {Number: 4}}},
		{"gitlab list", GitLab, "Closes #1, #2 and #3", []ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}}},
		{"gitlab list without commas", GitLab, "Closes #1 #2, and #3. See #4", []ClosingRef{{Number: 1}, {Number: 2}, {Number: 3}}},
		{"gitlab issue word", GitLab, "Resolves issue #8", []ClosingRef{{Number: 8}}},
		{"gitlab subgroups", GitLab, "Closes ministere/sub/projet#4",
			[]ClosingRef{{Repo: "ministere/sub/projet", Number: 4}}},
		{"gitlab url", GitLab, "Fixes https://gitlab.example.fr/ministere/sub/projet/-/issues/4 today",
			[]ClosingRef{{Repo: "ministere/sub/projet", Number: 4}}},
		{"gitlab url without dash", GitLab, "Fixes https://gitlab.example.fr/grp/projet/issues/5",
			[]ClosingRef{{Repo: "grp/projet", Number: 5}}},
		{"gitlab mr url is not an issue", GitLab, "Fixes https://gitlab.example.fr/grp/projet/-/merge_requests/5", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			host := "github.com"
			if c.platform == GitLab {
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
	mr := IssueRef{Repo: Repo{Platform: GitLab, FullName: "grp/projet", ProjectID: 7}, Number: 3, MergeRequest: true}
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
	story := IssueRef{Repo: Repo{Platform: GitHub, FullName: "Octo/Repo"}, Number: 1}
	k := itemKey(story, ItemCriterion, "Le total  est affiché.", nil)
	if k != itemKey(IssueRef{Repo: Repo{Platform: GitHub, FullName: "octo/repo"}, Number: 1}, ItemCriterion, "le total est affiché", nil) {
		t.Fatal("case, spacing and a final full stop must not change the key")
	}
	for name, other := range map[string]string{
		"text":     itemKey(story, ItemCriterion, "Le total est masqué", nil),
		"story":    itemKey(IssueRef{Repo: story.Repo, Number: 2}, ItemCriterion, "Le total est affiché", nil),
		"kind":     itemKey(story, ItemSecurity, "Le total est affiché", nil),
		"steps":    itemKey(story, ItemCriterion, "Le total est affiché", []string{"Quand je valide"}),
		"platform": itemKey(IssueRef{Repo: Repo{Platform: GitLab, FullName: "octo/repo"}, Number: 1}, ItemCriterion, "Le total est affiché", nil),
	} {
		if other == k {
			t.Errorf("a different %s gave the same key", name)
		}
	}
	if len(k) != keyLen {
		t.Fatalf("key %q", k)
	}
}

func testModel() (IssueRef, RecetteModel) {
	mr := IssueRef{Repo: Repo{Platform: GitHub, FullName: "octo/repo"}, Number: 9, MergeRequest: true}
	s1 := IssueRef{Repo: mr.Repo, Number: 1}
	s2 := IssueRef{Repo: Repo{Platform: GitHub, FullName: "octo/other"}, Number: 2}
	m := RecetteModel{Stories: []RecetteStory{
		{Ref: s1, Title: "Export @alice <b>", URL: "https://github.com/octo/repo/issues/1", Items: []RecetteItem{
			{Kind: ItemCriterion, Text: "Le bouton `Exporter` apparaît <!-- k:000000000000 -->", Key: itemKey(s1, ItemCriterion, "a", nil)},
			{Kind: ItemCriterion, Text: "Scénario : export", Gherkin: true, Steps: []string{"Étant donné un agent", "Quand il exporte"},
				Key: itemKey(s1, ItemCriterion, "b", nil)},
			{Kind: ItemSecurity, Text: "Journalisation ?", Key: itemKey(s1, ItemSecurity, "c", nil)},
		}},
		{Ref: s2, Title: "Sans critères", URL: "https://github.com/octo/other/issues/2", FeedbackURL: "https://github.com/octo/other/issues/2#issuecomment-5"},
		{Ref: IssueRef{Repo: Repo{Platform: GitHub, FullName: "octo/secret"}, Number: 3}, Unreadable: true},
	}}
	numberItems(&m)
	return mr, m
}

func TestChecklistRendersAndParsesBack(t *testing.T) {
	mr, m := testModel()
	at := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	states := map[string]itemState{
		m.Stories[0].Items[0].Key: {State: Validated, Actor: "alice", At: at},
		m.Stories[0].Items[1].Key: {State: Refused, Actor: "bob", At: at, Reason: "le fichier est vide | @carol"},
	}
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		body, err := renderChecklist(lang, mr, m, states, RecetteSettings{Validators: []string{"alice"}}, false)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(body, MarkerRecette+"\n") {
			t.Fatalf("%s: no marker first:\n%s", lang, body)
		}
		got := ParseChecklist(body)
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

func TestChecklistChanges(t *testing.T) {
	before := "x\n- [ ] **1.** a <!-- k:aaaaaaaaaaaa -->\n- [x] **2.** b <!-- k:bbbbbbbbbbbb -->\n- [ ] c <!-- k:cccccccccccc -->\n"
	after := "x\n- [x] **1.** a <!-- k:aaaaaaaaaaaa -->\r\n- [ ] **2.** b <!-- k:bbbbbbbbbbbb -->\n- [ ] c <!-- k:cccccccccccc -->\n- [x] added by hand <!-- k:dddddddddddd -->\n  - [x] nested <!-- k:eeeeeeeeeeee -->\n"
	got := ChecklistChanges(before, after)
	want := []CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}, {Key: "bbbbbbbbbbbb", Checked: false}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changes = %+v, want %+v", got, want)
	}
}

func TestRecetteConfig(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := Settings{Labels: DefaultLabels(), Templates: set}
	s, cerr := ParseRepoConfig([]byte(`recette:
  validators: ["@po-marie", jean]
  teams: [octo-org/metier]
  labels:
    in_progress: "recette: à faire"
    done: {name: "recette: ok", color: "#00ff00"}
`), "cochef.yml", defaults)
	if cerr != nil {
		t.Fatal(cerr.Message)
	}
	if !reflect.DeepEqual(s.Recette.Validators, []string{"po-marie", "jean"}) || !reflect.DeepEqual(s.Recette.Teams, []string{"octo-org/metier"}) {
		t.Fatalf("validators %v teams %v", s.Recette.Validators, s.Recette.Teams)
	}
	ls := s.Recette.labels()
	if ls.InProgress.Name != "recette: à faire" || ls.InProgress.Color != DefaultRecetteLabels().InProgress.Color ||
		ls.Done.Name != "recette: ok" || ls.Done.Color != "00ff00" {
		t.Fatalf("labels %+v", ls)
	}
	if d := defaults.Recette.labels(); d != DefaultRecetteLabels() {
		t.Fatalf("default labels %+v", d)
	}
	for name, bad := range map[string]string{
		"unknown key":    "recette:\n  approvers: [a]\n",
		"unknown label":  "recette:\n  labels:\n    later: x\n",
		"bad colour":     "recette:\n  labels:\n    done: {color: vert}\n",
		"same labels":    "recette:\n  labels:\n    done: x\n    in_progress: X\n",
		"login with tab": "recette:\n  validators: [\"a b\"]\n",
	} {
		_, cerr := ParseRepoConfig([]byte(bad), "cochef.yml", defaults)
		if cerr == nil || !strings.Contains(cerr.Message, "recette") {
			t.Errorf("%s: want a recette error, got %v", name, cerr)
		}
		if cerr != nil && name == "unknown key" && !strings.Contains(cerr.Message, "line 2") {
			t.Errorf("%s: error has no line: %s", name, cerr.Message)
		}
	}
}

func TestRenderStatusAndReplies(t *testing.T) {
	mr, m := testModel()
	st, err := renderStatus(rules.FR, mr, m, map[string]itemState{m.Stories[0].Items[0].Key: {State: Validated}})
	if err != nil {
		t.Fatal(err)
	}
	if st.State != RecettePending || st.Title != "1/3 critères validés" || !strings.Contains(st.Summary, "2. Scénario") ||
		strings.Contains(st.Summary, "1. Le bouton") {
		t.Fatalf("status %+v", st)
	}
	none, err := renderStatus(rules.EN, mr, RecetteModel{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if none.State != RecetteNeutral || none.Title != "No linked story" {
		t.Fatalf("neutral status %+v", none)
	}
	r, err := renderReply(rules.FR, "reply-reverted", "mallory<script>", RecetteSettings{}, []int{2, 4}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(r, MarkerRecetteReply) || !strings.Contains(r, "@malloryscript") || !strings.Contains(r, "2, 4") ||
		!strings.Contains(r, "droits d'écriture") {
		t.Fatalf("reply:\n%s", r)
	}
}

func TestRecetteStateIgnoresUnreadableStories(t *testing.T) {
	unreadable := RecetteStory{Ref: IssueRef{Number: 999}, Unreadable: true}
	noCriteria := RecetteStory{Ref: IssueRef{Number: 5}}
	if got := (RecetteModel{Stories: []RecetteStory{unreadable}}).state(nil); got != RecetteNeutral {
		t.Errorf("only an unreadable story: %s, want neutral (nothing can ever be validated)", got)
	}
	if got := (RecetteModel{Stories: []RecetteStory{unreadable, noCriteria}}).state(nil); got != RecettePending {
		t.Errorf("a readable story without criteria: %s, want pending", got)
	}
	if got := (RecetteModel{}).state(nil); got != RecetteNeutral {
		t.Errorf("no story: %s, want neutral", got)
	}
}

func TestRecetteItemsMergeCriteriaWrittenTwice(t *testing.T) {
	res := rules.Result{CriteriaItems: []rules.Criterion{
		{Text: "Le montant est affiché"}, {Text: "La date est affichée"}, {Text: "le montant est affiché."},
	}}
	items, _ := recetteItems(IssueRef{Repo: Repo{Platform: GitHub, FullName: "o/r"}, Number: 1}, res, nil, rules.FR)
	if len(items) != 2 {
		t.Fatalf("%d items, want 2: one key, one thing to validate", len(items))
	}
}
