package recette

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// exampleStory reads one of the project's examples/ as an issue.
func exampleStory(t *testing.T, name string) rules.Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(b), "\n")
	return rules.Input{Title: strings.TrimPrefix(first, "# "), Body: rest}
}

// kinds sums up items as "criterion criterion measure …".
func kinds(items []core.RecetteItem) string {
	var k []string
	for _, it := range items {
		k = append(k, it.Kind)
	}
	return strings.Join(k, " ")
}

// Issue #15's example: a citizen story (two scenarios, one list item) and
// an administrator story (one scenario, one item, two security measures
// in its notes). The checklist has the 5 criteria and the 2 measures the
// author wrote, then at most 3 template checks per story, each phrased on
// the delivered feature; the access-rights check is covered by the
// author's own "moindre privilège"; none of the design questions (DICT,
// AIPD, secure coding, homologation file). Which checks match depends on
// the topics the analysis finds (the retention check goes with personal
// data): 10 items or fewer.
func TestItemsOfIssue15Example(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tpl := set.Default()
	checks := map[string]bool{}
	for _, rc := range tpl.RecetteChecks {
		checks[rc.Text.Get(rules.FR)] = true
	}
	ref := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "o/r"}, Number: 1}
	cases := []struct {
		file      string
		own       string // the kinds of the story's own items
		sensitive bool
		texts     []string
	}{
		{"recette-usager.md", "criterion criterion criterion", false, []string{
			"demande en cours d'instruction", "demande acceptée", "La page se lit au clavier et au lecteur d'écran"}},
		{"recette-admin.md", "criterion criterion measure measure", true, []string{
			"attribution du rôle", "Un agent d'une autre direction n'apparaît pas dans la liste",
			"Seuls les administrateurs peuvent attribuer un rôle (moindre privilège)", "Chaque attribution est tracée : qui, quand, quel rôle"}},
	}
	total := 0
	for _, c := range cases {
		res := rules.Analyze(exampleStory(t, c.file), tpl, "")
		items, sensitive := Items(ref, res, tpl, rules.FR)
		own := items[:min(len(items), len(c.texts))]
		if got := kinds(own); got != c.own || sensitive != c.sensitive {
			t.Errorf("%s: the story's own items %s (sensitive %v), want %s (%v)", c.file, got, sensitive, c.own, c.sensitive)
		}
		for i, it := range own {
			if it.Text != c.texts[i] {
				t.Errorf("%s: item %d %q, want %q", c.file, i+1, it.Text, c.texts[i])
			}
		}
		added := items[len(own):]
		if len(added) > maxChecks {
			t.Errorf("%s: %d template checks, want %d at most", c.file, len(added), maxChecks)
		}
		for _, it := range added {
			if it.Kind != core.ItemSecurity || !checks[it.Text] {
				t.Errorf("%s: %s %q is not one of the template's recette checks", c.file, it.Kind, it.Text)
			}
			if strings.HasPrefix(it.Text, "Un compte sans le droit requis") {
				t.Errorf("%s: the access-rights check, which the author's measure covers", c.file)
			}
		}
		for _, it := range items {
			for _, q := range tpl.SecurityChecklist {
				if it.Text == q.Get(rules.FR) {
					t.Errorf("%s: the design question %q is in the recette", c.file, it.Text)
				}
			}
		}
		t.Logf("%s: %d items (%s)", c.file, len(items), kinds(items))
		total += len(items)
	}
	if total > 10 {
		t.Errorf("%d items for the example, want 10 or fewer", total)
	}
}

// Which template checks a story gets: by topic, by condition, at most
// three, and not when the author's own measure names their topic.
func TestChecks(t *testing.T) {
	tpl := &rules.Template{
		Personas: []rules.Persona{{ID: "admin", Privileged: true}, {ID: "agent"}},
		Topics: []rules.Topic{
			{ID: "access-control", Categories: []string{rules.CategorySecurity}},
			{ID: "logs", Categories: []string{rules.CategorySecurity}},
			{ID: "health", Categories: []string{rules.CategoryPersonalData, rules.CategorySecurity}},
			{ID: "flows", Categories: []string{rules.CategorySecurity}},
		},
		Sections: []rules.SectionSpec{{ID: rules.SectionPersonalData}},
		RecetteChecks: []rules.RecetteCheck{
			{Text: rules.Text{rules.FR: "minimisation"}, Topics: []string{"health"}},
			{Text: rules.Text{rules.FR: "purge"}, When: []rules.Condition{rules.WhenPersonalData}},
			{Text: rules.Text{rules.FR: "habilitations"}, Topics: []string{"access-control"}, When: []rules.Condition{rules.WhenPrivileged}},
			{Text: rules.Text{rules.FR: "journaux"}, Topics: []string{"logs"}},
			{Text: rules.Text{rules.FR: "flux"}, Topics: []string{"flows"}},
		},
	}
	measure := func(topics ...string) rules.Measure { return rules.Measure{Text: "…", Topics: topics} }
	for _, c := range []struct {
		name string
		res  rules.Result
		want string
	}{
		{"nothing sensitive", rules.Result{Persona: "agent"}, ""},
		{"a privileged persona", rules.Result{Persona: "admin"}, "habilitations"},
		{"a topic", rules.Result{Persona: "agent", Sensitive: []string{"logs"}}, "journaux"},
		{"personal data, as the analysis asks for its section", rules.Result{Required: []string{rules.SectionPersonalData}}, "purge"},
		{"at most three, in the template's order", rules.Result{Persona: "admin", Sensitive: []string{"health", "logs", "flows"}, Required: []string{rules.SectionPersonalData}},
			"minimisation purge habilitations"},
		{"a measure on the topic covers the check", rules.Result{Persona: "admin", Measures: []rules.Measure{measure("access-control")}}, ""},
		{"a measure on another topic does not", rules.Result{Persona: "admin", Measures: []rules.Measure{measure("logs")}}, "habilitations"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, rc := range Checks(c.res, tpl) {
				got = append(got, rc.Text.Get(rules.FR))
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("checks %q, want %q", got, c.want)
			}
		})
	}
}

// The story's statements and the template's checks are shown as things to
// verify; on GitLab the note says validators validate by command, since
// ticking a box of someone else's note needs the Maintainer role.
func TestChecklistShowsChecksAndHowToValidate(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	mr := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "min/demarches"}, Number: 12, MergeRequest: true}
	res := rules.Analyze(exampleStory(t, "recette-admin.md"), set.Default(), "")
	items, sensitive := Items(core.IssueRef{Repo: mr.Repo, Number: 4}, res, set.Default(), rules.FR)
	m := core.RecetteModel{Version: ModelVersion, Stories: []core.RecetteStory{{Ref: core.IssueRef{Repo: mr.Repo, Number: 4}, Title: "Attribuer", Items: items, Sensitive: sensitive}}}
	numberItems(&m)
	for _, c := range []struct {
		lang          rules.Lang
		thread        bool
		want, wantNot []string
	}{
		{rules.FR, true, []string{"**Sécurité et données personnelles à vérifier**", "**3.** Vérifier : seuls les administrateurs peuvent attribuer un rôle (moindre privilège)",
			"**Pour valider, répondez dans ce fil par une commande**", "demande le rôle Maintainer"}, []string{"Cochez une case"}},
		{rules.EN, true, []string{"**Security and personal data to check**", "**4.** Check: chaque attribution est tracée", "**To validate, reply in this thread with a command**", "needs the Maintainer role"}, []string{"Tick a box"}},
		{rules.FR, false, []string{"Cochez une case, ou répondez `/cochef valide 2 5`"}, []string{"Maintainer"}},
	} {
		body, err := renderChecklist(c.lang, mr, m, nil, core.RecetteSettings{Validators: []string{"marie-po"}}, c.thread)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s thread=%v: checklist lacks %q:\n%s", c.lang, c.thread, w, body)
			}
		}
		for _, w := range c.wantNot {
			if strings.Contains(body, w) {
				t.Errorf("%s thread=%v: checklist has %q:\n%s", c.lang, c.thread, w, body)
			}
		}
		if n := len(core.ParseChecklist(body)); n != len(items) {
			t.Errorf("%d boxes read back, want %d", n, len(items))
		}
	}
}
