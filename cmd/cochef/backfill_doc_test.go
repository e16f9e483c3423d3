package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cochef/cochef/github/githubfake"
	"github.com/cochef/cochef/gitlab/gitlabfake"
)

// The README's backfill commands run in testdata/script/backfill.txtar
// against the platforms' fakes, started in the test process by these
// script commands: a repository (GitLab: a project in a group) with the
// examples' stories, two of them close, and the COCHEF_* variables that
// point cochef at it.

// docBacklog is the fakes' backlog: title and body of each issue.
func docBacklog(ts *testscript.TestScript) [][2]string {
	read := func(name string) (string, string) {
		b, err := os.ReadFile(filepath.Join(ts.Getenv("WORK"), "examples", name))
		ts.Check(err)
		title, body, _ := strings.Cut(string(b), "\n")
		return strings.TrimPrefix(title, "# "), body
	}
	t1, b1 := read("pret.md")
	t2, b2 := read("incomplet.md")
	return [][2]string{
		{t1, b1},
		{t2, b2},
		{"Filtrer par commune", "## Récit\n\nETQ instructeur je veux filtrer les dossiers par commune\n"},
		{"Filtre commune", "## Récit\n\nEn tant qu'instructeur, je souhaite pouvoir filtrer les dossiers par commune afin de traiter mon secteur.\n"},
	}
}

func fakeGitHubCmd(t *testing.T) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		fake := githubfake.New(t)
		for i, is := range docBacklog(ts) {
			fake.AddIssue("octo-org/demarches", i+1, githubfake.Issue{Title: is[0], Body: is[1]})
		}
		fake.AddIssue("octo-org/guichet", 1, githubfake.Issue{Title: "Prendre rendez-vous", Body: "## Récit\n\nETQ usager, je veux prendre un rendez-vous en ligne\n"})
		ts.Setenv("COCHEF_GITHUB_API_URL", fake.URL())
		ts.Setenv("COCHEF_GITHUB_TOKEN", "test-token")
		ts.Setenv("COCHEF_GITHUB_WRITE_SPACING", "-1s")
	}
}

func fakeGitLabCmd(t *testing.T) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		fake := gitlabfake.New(t)
		fake.AddProject(41, "dinum/demarches")
		fake.AddProject(42, "dinum/outils/agenda")
		for i, is := range docBacklog(ts) {
			fake.AddIssue("dinum/demarches", i+1, gitlabfake.Issue{Title: is[0], Description: is[1], Labels: []string{"récit"}})
		}
		fake.AddIssue("dinum/outils/agenda", 1, gitlabfake.Issue{Title: "Rendez-vous", Description: "## Récit\n\nETQ usager, je veux prendre un rendez-vous en ligne\n", Labels: []string{"récit"}})
		fake.AddIssue("dinum/outils/agenda", 2, gitlabfake.Issue{Title: "Bogue", Description: "Le bouton ne marche pas."})
		ts.Setenv("COCHEF_GITLAB_URL", strings.TrimSuffix(fake.URL(), "/"))
		ts.Setenv("COCHEF_GITLAB_TOKEN", gitlabfake.Token)
		ts.Setenv("COCHEF_GITLAB_BOT_USERNAME", gitlabfake.BotUsername)
		ts.Setenv("COCHEF_GITLAB_WRITE_SPACING", "-1s")
	}
}
