package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// LastEvaluation returns the evaluation last saved for ref's issue (matched
// by platform, repository full name and number), or nil when there is none.
func (s *Store) LastEvaluation(ctx context.Context, ref core.IssueRef) (*core.Evaluation, error) {
	var (
		e                  core.Evaluation
		lang               string
		findings, labels   string
		issueLabels        string
		evaluatedAt        time.Time
		pending, updated   sql.NullTime
		mention            sql.NullTime
		installID, project int64
	)
	err := s.db.queryRow(ctx, `SELECT installation_id, project_id, template, lang, ready, CAST(findings AS TEXT),
			comment_id, comment_hash, CAST(labels AS TEXT), security_mentioned, ready_mentioned, security_dismissed, dry_run,
			comment, error, evaluated_at, comment_pending_at, title, url, security_review, CAST(issue_labels AS TEXT),
			issue_updated_at, story_key, issue_closed, mention_pending_at
		FROM evaluations WHERE platform = $1 AND repo = $2 AND number = $3`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number).Scan(
		&installID, &project, &e.Template, &lang, &e.Ready, &findings,
		&e.CommentID, &e.CommentHash, &labels, &e.SecurityMentioned, &e.ReadyMentioned, &e.SecurityDismissed, &e.DryRun,
		&e.Comment, &e.Error, &evaluatedAt, &pending, &e.Title, &e.URL, &e.SecurityReview, &issueLabels,
		&updated, &e.StoryKey, &e.IssueClosed, &mention)
	if errors.Is(err, errNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: last evaluation of %s: %w", ref, err)
	}
	e.Ref = ref
	// The stored ids are those of the last evaluation; the caller's, when
	// it has them, are the current ones.
	if e.Ref.Repo.InstallationID == 0 {
		e.Ref.Repo.InstallationID = installID
	}
	if e.Ref.Repo.ProjectID == 0 {
		e.Ref.Repo.ProjectID = project
	}
	e.Lang = rules.Lang(lang)
	e.EvaluatedAt = evaluatedAt.UTC()
	if pending.Valid {
		e.CommentPending = pending.Time.UTC()
	}
	if updated.Valid {
		e.IssueUpdatedAt = updated.Time.UTC()
	}
	if mention.Valid {
		e.MentionPending = mention.Time.UTC()
	}
	if err := json.Unmarshal([]byte(findings), &e.Findings); err != nil {
		return nil, fmt.Errorf("store: last evaluation of %s: findings: %w", ref, err)
	}
	if err := json.Unmarshal([]byte(labels), &e.Labels); err != nil {
		return nil, fmt.Errorf("store: last evaluation of %s: labels: %w", ref, err)
	}
	if err := unmarshalLabels(issueLabels, &e.IssueLabels); err != nil {
		return nil, fmt.Errorf("store: last evaluation of %s: issue labels: %w", ref, err)
	}
	return &e, nil
}

// SaveEvaluation replaces the issue's last evaluation with e. A zero
// EvaluatedAt is stamped with the current time. The repository's readiness
// of that day is counted again in the same transaction (dashboard.go).
func (s *Store) SaveEvaluation(ctx context.Context, e core.Evaluation) error {
	ref := e.Ref
	if ref.Repo.Platform == "" || ref.Repo.FullName == "" || ref.Number <= 0 {
		return fmt.Errorf("store: save evaluation: incomplete issue reference %q", ref)
	}
	findings, err := marshalStorable(nonNil(e.Findings))
	if err != nil {
		return fmt.Errorf("store: save evaluation of %s: findings: %w", ref, err)
	}
	labels, err := marshalStorable(nonNil(e.Labels))
	if err != nil {
		return fmt.Errorf("store: save evaluation of %s: labels: %w", ref, err)
	}
	issueLabels, err := marshalStorable(nonNil(e.IssueLabels))
	if err != nil {
		return fmt.Errorf("store: save evaluation of %s: issue labels: %w", ref, err)
	}
	at := e.EvaluatedAt
	if at.IsZero() {
		at = time.Now()
	}
	err = inTx(ctx, s.db, func(tx dbTx) error {
		_, err := tx.exec(ctx, `INSERT INTO evaluations (platform, repo, number, installation_id, project_id,
			template, lang, ready, findings, comment_id, comment_hash, labels,
			security_mentioned, ready_mentioned, dry_run, comment, error, evaluated_at, security_dismissed, comment_pending_at,
			title, url, security_review, issue_labels, issue_updated_at, story_key, issue_closed, mention_pending_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)
		ON CONFLICT (platform, repo, number) DO UPDATE SET
			installation_id = excluded.installation_id, project_id = excluded.project_id,
			template = excluded.template, lang = excluded.lang, ready = excluded.ready,
			findings = excluded.findings, comment_id = excluded.comment_id,
			comment_hash = excluded.comment_hash, labels = excluded.labels,
			security_mentioned = excluded.security_mentioned, ready_mentioned = excluded.ready_mentioned,
			dry_run = excluded.dry_run, comment = excluded.comment, error = excluded.error,
			evaluated_at = excluded.evaluated_at, security_dismissed = excluded.security_dismissed,
			comment_pending_at = excluded.comment_pending_at,
			title = excluded.title, url = excluded.url, security_review = excluded.security_review,
			issue_labels = excluded.issue_labels, issue_updated_at = excluded.issue_updated_at,
			story_key = excluded.story_key, issue_closed = excluded.issue_closed,
			mention_pending_at = excluded.mention_pending_at`,
			ref.Repo.Platform, ref.Repo.FullName, ref.Number, ref.Repo.InstallationID, ref.Repo.ProjectID,
			storable(e.Template), storable(string(e.Lang)), e.Ready, findings, e.CommentID, storable(e.CommentHash), labels,
			e.SecurityMentioned, e.ReadyMentioned, e.DryRun, storable(e.Comment), storable(e.Error), s.d.timeArg(at), e.SecurityDismissed,
			s.nullTime(e.CommentPending), storable(e.Title), storable(e.URL), e.SecurityReview, issueLabels,
			s.nullTime(e.IssueUpdatedAt), storable(e.StoryKey), e.IssueClosed, s.nullTime(e.MentionPending))
		if err != nil {
			return err
		}
		return recordReadiness(ctx, tx, ref.Repo, at)
	})
	if err != nil {
		return fmt.Errorf("store: save evaluation of %s: %w", ref, err)
	}
	return nil
}

// recordFailure sets the reason why the issue's evaluation gave up,
// keeping what the last evaluation wrote (comment, labels, mentions) so
// the next one still compares with it.
func (s *Store) recordFailure(ctx context.Context, ref core.IssueRef, reason string) error {
	_, err := s.db.exec(ctx, `INSERT INTO evaluations (platform, repo, number, installation_id, project_id, error, evaluated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (platform, repo, number) DO UPDATE SET error = excluded.error`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number, ref.Repo.InstallationID, ref.Repo.ProjectID,
		storable(reason), s.d.timeArg(time.Now()))
	if err != nil {
		return fmt.Errorf("store: record failure of %s: %w", ref, err)
	}
	return nil
}

// nullTime is t for a nullable column: NULL when zero.
func (s *Store) nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return s.d.timeArg(t)
}

// nonNil stores an absent list as [] so readers of the table never meet
// a JSON null.
func nonNil[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
