package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// What the readiness dashboard (dashboard/) reads: every story's last
// evaluation in one query, the readiness of each repository per day, and
// the open recettes. Nothing here calls a platform.

// dayLayout is how readiness_history writes a day.
const dayLayout = "2006-01-02"

// DefaultStoriesLimit bounds what one page of the dashboard reads.
const DefaultStoriesLimit = 5000

// recordReadiness counts the repository's evaluated stories, ready and in
// all, and keeps the figures as those of at's day (UTC): the last save of
// a day leaves that day's figures. A row with an empty template is a
// failure recorded before any analysis, not a story.
func recordReadiness(ctx context.Context, tx dbTx, repo core.Repo, at time.Time) error {
	_, err := tx.exec(ctx, `INSERT INTO readiness_history (platform, repo, day, ready, total)
		SELECT $1, $2, $3, COALESCE(SUM(CASE WHEN ready THEN 1 ELSE 0 END), 0), COUNT(*)
		FROM evaluations WHERE platform = $1 AND repo = $2 AND template <> '' AND NOT issue_closed
		ON CONFLICT (platform, repo, day) DO UPDATE SET ready = excluded.ready, total = excluded.total`,
		repo.Platform, repo.FullName, at.UTC().Format(dayLayout))
	if err != nil {
		return fmt.Errorf("readiness of the day: %w", err)
	}
	return nil
}

// DashboardStories returns the last evaluation of every analysed story
// (failures before any analysis left out), by platform, repository and
// number, at most limit of them (DefaultStoriesLimit when limit ≤ 0). The
// comment body is not read: the dashboard does not show it.
func (s *Store) DashboardStories(ctx context.Context, limit int) ([]core.Evaluation, error) {
	if limit <= 0 {
		limit = DefaultStoriesLimit
	}
	r, err := s.db.query(ctx, `SELECT platform, repo, number, installation_id, project_id, template, lang, ready,
			CAST(findings AS TEXT), CAST(labels AS TEXT), security_dismissed, dry_run, error, evaluated_at,
			title, url, security_review, CAST(issue_labels AS TEXT)
		FROM evaluations WHERE template <> '' AND NOT issue_closed
		ORDER BY platform, repo, number LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: dashboard stories: %w", err)
	}
	var out []core.Evaluation
	err = eachRow(r, func(r rows) error {
		var (
			e                          core.Evaluation
			lang                       string
			findings, labels, issueLbl string
			at                         time.Time
		)
		if err := r.Scan(&e.Ref.Repo.Platform, &e.Ref.Repo.FullName, &e.Ref.Number, &e.Ref.Repo.InstallationID,
			&e.Ref.Repo.ProjectID, &e.Template, &lang, &e.Ready, &findings, &labels, &e.SecurityDismissed, &e.DryRun,
			&e.Error, &at, &e.Title, &e.URL, &e.SecurityReview, &issueLbl); err != nil {
			return err
		}
		e.Lang, e.EvaluatedAt = rules.Lang(lang), at.UTC()
		if err := json.Unmarshal([]byte(findings), &e.Findings); err != nil {
			return fmt.Errorf("%s: findings: %w", e.Ref, err)
		}
		if err := unmarshalLabels(labels, &e.Labels); err != nil {
			return fmt.Errorf("%s: labels: %w", e.Ref, err)
		}
		if err := unmarshalLabels(issueLbl, &e.IssueLabels); err != nil {
			return fmt.Errorf("%s: issue labels: %w", e.Ref, err)
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: dashboard stories: %w", err)
	}
	return out, nil
}

// ReadinessHistory returns the readiness per repository and day from since
// (its day included), oldest first.
func (s *Store) ReadinessHistory(ctx context.Context, since time.Time) ([]core.ReadinessDay, error) {
	r, err := s.db.query(ctx, `SELECT platform, repo, day, ready, total FROM readiness_history
		WHERE day >= $1 ORDER BY day, platform, repo`, since.UTC().Format(dayLayout))
	if err != nil {
		return nil, fmt.Errorf("store: readiness history: %w", err)
	}
	var out []core.ReadinessDay
	err = eachRow(r, func(r rows) error {
		var d core.ReadinessDay
		var day string
		if err := r.Scan(&d.Platform, &d.Repo, &day, &d.Ready, &d.Total); err != nil {
			return err
		}
		t, err := time.Parse(dayLayout, day)
		if err != nil {
			return fmt.Errorf("day %q: %w", day, err)
		}
		d.Day = t
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: readiness history: %w", err)
	}
	return out, nil
}

// OpenRecettes returns the recette records of the open pull and merge
// requests that have linked stories, by platform, repository and number.
func (s *Store) OpenRecettes(ctx context.Context) ([]core.RecetteRecord, error) {
	r, err := s.db.query(ctx, `SELECT platform, repo, number, `+recetteColumns+` FROM recette_state
		WHERE state = 'open' ORDER BY platform, repo, number`)
	if err != nil {
		return nil, fmt.Errorf("store: open recettes: %w", err)
	}
	var out []core.RecetteRecord
	err = eachRow(r, func(r rows) error {
		rec := core.RecetteRecord{Ref: core.IssueRef{MergeRequest: true}}
		var platform, name string
		var number int
		if err := scanRecette(prefixScanner{r, []any{&platform, &name, &number}}, &rec); err != nil {
			return err
		}
		rec.Ref.Repo.Platform, rec.Ref.Repo.FullName, rec.Ref.Number = platform, name, number
		if len(rec.Model.Stories) > 0 {
			out = append(out, rec)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: open recettes: %w", err)
	}
	return out, nil
}

// unmarshalLabels reads a JSON list of names; an empty list stays nil,
// as an evaluation saved without labels had them.
func unmarshalLabels(raw string, into *[]string) error {
	if raw == "" || raw == "[]" {
		*into = nil
		return nil
	}
	return json.Unmarshal([]byte(raw), into)
}
