package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/store"
)

// The dashboard's tests (serve_dashboard_test.go, and the browser test)
// read a store seeded as a co-chef's would be after eight weeks: three
// products, stories written week after week and made ready over time, a
// few asking a security review, two recettes under way.

type seedRepo struct {
	repo    core.Repo
	stories []seedStory
}

type seedStory struct {
	title   string
	labels  []string
	created int // week the story was written, 0 = eight weeks ago
	ready   int // week it became ready; -1: not yet
	blocks  []string
	sec     bool
}

var seedData = []seedRepo{
	{core.Repo{Platform: core.GitHub, FullName: "dinum/demarches-simplifiees", InstallationID: 11}, []seedStory{
		{"Déposer un dossier en plusieurs fois", []string{"sprint-14", "usager"}, 0, 2, nil, false},
		{"Exporter les dossiers instruits au format CSV", []string{"sprint-14", "instructeur"}, 0, 3, nil, false},
		{"Attribuer un dossier à un autre instructeur", []string{"sprint-14", "instructeur"}, 1, 5, nil, false},
		{"Donner le rôle d'administrateur à un agent", []string{"sprint-15", "administration"}, 1, -1, []string{"acceptance-criteria-missing"}, true},
		{"Être prévenu quand mon dossier change d'état", []string{"sprint-15", "usager"}, 2, 6, nil, false},
		{"Joindre une pièce justificative depuis mon téléphone", []string{"sprint-15", "usager"}, 3, -1, []string{"acceptance-criteria-vague"}, false},
		{"Consulter l'historique des avis", []string{"sprint-15", "instructeur"}, 4, 7, nil, false},
		{"Supprimer les dossiers clos depuis plus de deux ans", []string{"sprint-16", "rgpd"}, 5, -1, []string{"section-missing", "acceptance-criteria-missing"}, true},
		{"Rechercher un dossier par numéro SIRET", []string{"sprint-16", "instructeur"}, 6, -1, []string{"story-benefit"}, false},
	}},
	{core.Repo{Platform: core.GitLab, FullName: "sante/portail-usagers", ProjectID: 42}, []seedStory{
		{"Prendre rendez-vous en ligne", []string{"sprint-14", "usager"}, 0, 1, nil, false},
		{"Annuler un rendez-vous", []string{"sprint-14", "usager"}, 0, 4, nil, false},
		{"Télécharger mon compte rendu d'examen", []string{"sprint-15", "usager"}, 2, -1, []string{"acceptance-criteria-missing"}, true},
		{"Se connecter avec FranceConnect", []string{"sprint-15", "usager"}, 2, -1, []string{"section-missing"}, true},
		{"Gérer les créneaux d'un cabinet", []string{"sprint-16", "praticien"}, 5, -1, []string{"acceptance-criteria-missing", "story-benefit"}, false},
	}},
	{core.Repo{Platform: core.GitHub, FullName: "region-sud/aides-locales", InstallationID: 12}, []seedStory{
		{"Simuler le montant d'une aide", []string{"sprint-14"}, 0, 2, nil, false},
		{"Déposer une demande d'aide au transport", []string{"sprint-15"}, 1, 3, nil, false},
		{"Suivre le versement de mon aide", []string{"sprint-15"}, 3, -1, []string{"acceptance-criteria-vague"}, false},
		{"Valider les demandes d'un territoire", []string{"sprint-16", "agent"}, 4, -1, []string{"role-unknown"}, false},
	}},
}

// seedDashboard fills the store at db and returns what it holds (read
// back, for the tests to compare the page with).
func seedDashboard(t testing.TB, db string, now time.Time) []core.Evaluation {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Options{DSN: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	}()
	start := now.AddDate(0, 0, -7*7).Add(-2 * time.Hour)
	week := func(w int) time.Time { return start.AddDate(0, 0, 7*w) }
	// Saved in the order of their dates, as the server saves them: each
	// save counts the repository's stories as they are then.
	var saves []core.Evaluation
	for _, r := range seedData {
		for i, s := range r.stories {
			ref := core.IssueRef{Repo: r.repo, Number: 101 + i*3}
			url := fmt.Sprintf("https://github.com/%s/issues/%d", r.repo.FullName, ref.Number)
			if r.repo.Platform == core.GitLab {
				url = fmt.Sprintf("https://gitlab.com/%s/-/issues/%d", r.repo.FullName, ref.Number)
			}
			e := core.Evaluation{Ref: ref, Template: "user-story", Lang: rules.FR, Title: s.title, URL: url,
				IssueLabels: s.labels, SecurityReview: s.sec, DryRun: true}
			// Written incomplete, then ready (or not yet).
			e.EvaluatedAt = week(s.created)
			e.Findings = findings(append([]string{"acceptance-criteria-missing"}, s.blocks...))
			last := e
			if s.ready >= 0 {
				last.Ready, last.Findings, last.EvaluatedAt = true, nil, week(s.ready).Add(time.Hour)
			} else {
				last.Findings, last.EvaluatedAt = findings(s.blocks), week(max(s.created, 6)).Add(time.Hour)
			}
			saves = append(saves, e, last)
		}
	}
	slices.SortStableFunc(saves, func(a, b core.Evaluation) int { return a.EvaluatedAt.Compare(b.EvaluatedAt) })
	for _, e := range saves {
		if err := st.SaveEvaluation(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	seedRecettes(t, st, now)
	got, err := st.DashboardStories(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func findings(rs []string) []rules.Finding {
	var out []rules.Finding
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, rules.Finding{Rule: r, Severity: rules.SeverityError, Message: r})
		}
	}
	return out
}

// seedRecettes: one pull request with 2 of 5 items validated, one merge
// request with 3 of 4 and one refused.
func seedRecettes(t testing.TB, st *store.Store, now time.Time) {
	t.Helper()
	ctx := context.Background()
	for _, rc := range []struct {
		repo    core.Repo
		number  int
		title   string
		url     string
		stories []int
		items   []int // per story
		valid   int
		refused int
	}{
		{seedData[0].repo, 230, "Export CSV des dossiers instruits", "https://github.com/dinum/demarches-simplifiees/pull/230", []int{104, 107}, []int{2, 3}, 2, 0},
		{seedData[1].repo, 58, "Annulation de rendez-vous", "https://gitlab.com/sante/portail-usagers/-/merge_requests/58", []int{104}, []int{4}, 3, 1},
	} {
		mr := core.IssueRef{Repo: rc.repo, Number: rc.number, MergeRequest: true}
		rec := core.RecetteRecord{Ref: mr, Title: rc.title, URL: rc.url, State: "open", Lang: "fr", UpdatedAt: now.Add(-time.Hour)}
		var trail []core.Validation
		n := 0
		for si, s := range rc.stories {
			story := core.RecetteStory{Ref: core.IssueRef{Repo: rc.repo, Number: s}, Title: fmt.Sprintf("Récit %d", s)}
			for range rc.items[si] {
				n++
				it := core.RecetteItem{Key: fmt.Sprintf("k%d", n), Number: n, Kind: core.ItemCriterion, Text: fmt.Sprintf("Critère %d", n)}
				story.Items = append(story.Items, it)
				state := core.ValidationState("")
				switch {
				case n <= rc.valid:
					state = core.Validated
				case n <= rc.valid+rc.refused:
					state = core.Refused
				}
				if state != "" {
					trail = append(trail, core.Validation{MergeRequest: mr, Story: story.Ref, Key: it.Key, Text: it.Text,
						State: state, Actor: "recetteuse", At: now.Add(-30 * time.Minute), Source: core.SourceTick})
				}
			}
			rec.Model.Stories = append(rec.Model.Stories, story)
		}
		if err := st.SaveRecette(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if err := st.AddValidations(ctx, trail); err != nil {
			t.Fatal(err)
		}
	}
}
