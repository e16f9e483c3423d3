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
// in its notes). The checklist has the 5 criteria, the 2 measures the
// author wrote and the retention check of each story's personal data;
// the access-rights check is covered by the author's own measure; none of
// the design questions (DICT, AIPD, secure coding, homologation file).
func TestItemsOfIssue15Example(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tpl := set.Default()
	ref := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "o/r"}, Number: 1}
	cases := []struct {
		file      string
		kinds     string
		sensitive bool
		texts     []string
	}{
		{"recette-usager.md", "criterion criterion criterion security", false, []string{
			"demande en cours d'instruction", "demande acceptée", "La page se lit au clavier et au lecteur d'écran",
			"Les données personnelles sont supprimées ou anonymisées au terme de leur durée de conservation (purge en place)"}},
		{"recette-admin.md", "criterion criterion measure measure security", true, []string{
			"attribution du rôle", "Un agent d'une autre direction n'apparaît pas dans la liste",
			"Seuls les administrateurs peuvent attribuer un rôle (moindre privilège)", "Chaque attribution est tracée : qui, quand, quel rôle",
			"Les données personnelles sont supprimées ou anonymisées au terme de leur durée de conservation (purge en place)"}},
	}
	total := 0
	for _, c := range cases {
		in := exampleStory(t, c.file)
		res := rules.Analyze(in, tpl, "")
		items, sensitive := Items(ref, res, tpl, rules.FR)
		if got := kinds(items); got != c.kinds || sensitive != c.sensitive {
			t.Errorf("%s: items %s (sensitive %v), want %s (%v)", c.file, got, sensitive, c.kinds, c.sensitive)
		}
		for i, it := range items {
			if i < len(c.texts) && it.Text != c.texts[i] {
				t.Errorf("%s: item %d %q, want %q", c.file, i+1, it.Text, c.texts[i])
			}
			for _, q := range tpl.SecurityChecklist {
				if it.Text == q.Get(rules.FR) {
					t.Errorf("%s: the design question %q is in the recette", c.file, it.Text)
				}
			}
		}
		total += len(items)
	}
	if total != 9 {
		t.Errorf("%d items for the example, want 9 (5 criteria, 2 measures, 2 topic checks)", total)
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
			"**5.** Vérifier : les données personnelles sont supprimées", "**Pour valider, répondez dans ce fil par une commande**", "demande le rôle Maintainer"}, []string{"Cochez une case"}},
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
		if n := len(core.ParseChecklist(body)); n != 5 {
			t.Errorf("%d boxes read back, want 5", n)
		}
	}
}
