package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/store"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the recette report")

// pvStore fills a database with the recette of one pull request, as the
// server would have recorded it, at fixed times.
func pvStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cochef.db")
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	repo := core.Repo{Platform: core.GitHub, FullName: "octo-org/demarches", InstallationID: 1}
	pr := core.IssueRef{Repo: repo, Number: 7, MergeRequest: true}
	s12 := core.IssueRef{Repo: repo, Number: 12}
	s3 := core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo-org/referentiel", InstallationID: 1}, Number: 3}
	item := func(n int, kind, key, text string) core.RecetteItem {
		return core.RecetteItem{Number: n, Kind: kind, Key: key, Text: text}
	}
	rec := core.RecetteRecord{
		Ref: pr, Title: "Habilitations des instructeurs | lot 2", URL: "https://github.com/octo-org/demarches/pull/7",
		Milestone: "v1.2", HeadSHA: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", State: "open", Lang: "fr",
		UpdatedAt: time.Date(2025, 3, 6, 9, 0, 0, 0, time.UTC),
		Model: core.RecetteModel{Stories: []core.RecetteStory{
			{Ref: s12, Title: "Attribuer les habilitations", URL: "https://github.com/octo-org/demarches/issues/12", Sensitive: true,
				Items: []core.RecetteItem{
					item(1, core.ItemCriterion, "aaaaaaaaaaa1", "L'administrateur voit la liste des agents"),
					item(2, core.ItemCriterion, "aaaaaaaaaaa2", "Il retire un rôle ; l'accès est perdu"),
					item(3, core.ItemSecurity, "aaaaaaaaaaa3", "Journalisation : événements de sécurité centralisés ?"),
					item(4, core.ItemSecurity, "aaaaaaaaaaa4", "Habilitations : moindre privilège ?"),
				}},
			{Ref: s3, Title: "Calcul du montant", URL: "https://github.com/octo-org/referentiel/issues/3",
				Items: []core.RecetteItem{{Number: 5, Kind: core.ItemCriterion, Key: "aaaaaaaaaaa5", Text: "Aucun enfant scolarisé", Gherkin: true,
					Steps: []string{"Étant donné un foyer sans enfant"}}}},
			{Ref: core.IssueRef{Repo: core.Repo{Platform: core.GitHub, FullName: "octo-org/secret"}, Number: 9}, Unreadable: true},
		}},
	}
	if err := st.SaveRecette(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	at := func(day, hour int) time.Time { return time.Date(2025, 3, day, hour, 30, 0, 0, time.UTC) }
	v := func(story core.IssueRef, it core.RecetteItem, state core.ValidationState, who string, when time.Time, reason, source, sha string) core.Validation {
		return core.Validation{MergeRequest: pr, Story: story, Key: it.Key, Text: it.Text, State: state, Actor: who,
			At: when, HeadSHA: sha, Reason: reason, Source: source}
	}
	items := rec.Model.Stories[0].Items
	old, head := "1a2b3c4d5e6f", rec.HeadSHA
	if err := st.AddValidations(context.Background(), []core.Validation{
		v(s12, items[0], core.Validated, "marie-po", at(4, 10), "", core.SourceTick, old),
		v(s12, items[1], core.Refused, "marie-po", at(4, 11), "la liste n'est pas filtrée | par direction", core.SourceCommand, old),
		v(s12, items[2], core.Validated, "rssi-jean", at(5, 14), "", core.SourceCommand, head),
		v(s12, items[0], core.Unticked, "marie-po", at(5, 15), "", core.SourceTick, head),
		v(s12, items[0], core.Validated, "marie-po", at(5, 16), "", core.SourceTick, head),
		v(s3, rec.Model.Stories[1].Items[0], core.Validated, "marie-po", at(6, 8), "", core.SourceCommand, head),
	}); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestRecetteReportGolden(t *testing.T) {
	db := pvStore(t)
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := []string{"recette", "report", "--repo", "Octo-Org/Demarches", "--pr", "7", "--database", db, "--lang", lang}
			if code := run(context.Background(), args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			golden := filepath.Join("testdata", "recette-pv."+lang+".md")
			if *updateGolden {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != string(want) {
				t.Errorf("report differs from %s (go test -run RecetteReportGolden -update to accept):\n%s", golden, out.String())
			}
			// The same trail gives the same document.
			var again bytes.Buffer
			if code := run(context.Background(), args, nil, &again, &errOut); code != 0 || again.String() != out.String() {
				t.Error("a second report differs from the first")
			}
		})
	}
	var byMilestone, errOut bytes.Buffer
	if code := run(context.Background(), []string{"recette", "report", "--repo", "octo-org/demarches", "--milestone", "v1.2", "--database", db}, nil, &byMilestone, &errOut); code != 0 {
		t.Fatalf("milestone report: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(byMilestone.String(), "jalon v1.2") || !strings.Contains(byMilestone.String(), "octo-org/demarches#7") {
		t.Fatalf("milestone report:\n%s", byMilestone.String())
	}
}

func TestRecetteReportErrors(t *testing.T) {
	db := pvStore(t)
	for name, tc := range map[string]struct {
		args []string
		code int
	}{
		"no repo":            {[]string{"--pr", "7"}, 2},
		"neither pr nor ms":  {[]string{"--repo", "octo-org/demarches"}, 2},
		"both pr and ms":     {[]string{"--repo", "octo-org/demarches", "--pr", "7", "--milestone", "v1"}, 2},
		"bad platform":       {[]string{"--repo", "r", "--pr", "7", "--platform", "gitea"}, 2},
		"bad lang":           {[]string{"--repo", "r", "--pr", "7", "--lang", "de"}, 2},
		"missing database":   {[]string{"--repo", "r", "--pr", "7", "--database", filepath.Join(t.TempDir(), "none.db")}, 2},
		"unknown pr":         {[]string{"--repo", "octo-org/demarches", "--pr", "8"}, 1},
		"unknown milestone":  {[]string{"--repo", "octo-org/demarches", "--milestone", "v9"}, 1},
		"gitlab, not github": {[]string{"--repo", "octo-org/demarches", "--pr", "7", "--platform", "gitlab"}, 1},
	} {
		t.Run(name, func(t *testing.T) {
			args := append([]string{"recette", "report"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "--database") {
				args = append(args, "--database", db)
			}
			var out, errOut bytes.Buffer
			if code := run(context.Background(), args, nil, &out, &errOut); code != tc.code {
				t.Fatalf("exit %d, want %d (%s)", code, tc.code, errOut.String())
			}
			if out.Len() != 0 {
				t.Errorf("wrote a report on error:\n%s", out.String())
			}
		})
	}
}
