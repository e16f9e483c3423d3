package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
)

var _ core.RecetteStore = (*Store)(nil)

func checkMR(ref core.IssueRef) error {
	if ref.Repo.Platform == "" || ref.Repo.FullName == "" || ref.Number <= 0 {
		return fmt.Errorf("incomplete pull/merge request reference %q", ref)
	}
	return nil
}

const recetteColumns = `installation_id, project_id, title, url, milestone, head_sha, state, lang,
	comment_id, comment_hash, thread_id, thread_resolved, status_id, status_sha, status_state, status_key,
	CAST(labels AS TEXT), CAST(model AS TEXT), error, updated_at, comment_pending_at, reply_pending_at`

func scanRecette(r interface{ Scan(...any) error }, rec *core.RecetteRecord) error {
	var (
		installID, projectID int64
		statusState          string
		labels, model        string
		updatedAt            time.Time
		pending, replyPend   sql.NullTime
	)
	if err := r.Scan(&installID, &projectID, &rec.Title, &rec.URL, &rec.Milestone, &rec.HeadSHA, &rec.State, &rec.Lang,
		&rec.CommentID, &rec.CommentHash, &rec.ThreadID, &rec.ThreadResolved, &rec.StatusID, &rec.StatusSHA,
		&statusState, &rec.StatusKey, &labels, &model, &rec.Error, &updatedAt, &pending, &replyPend); err != nil {
		return err
	}
	if pending.Valid {
		rec.CommentPending = pending.Time.UTC()
	}
	if replyPend.Valid {
		rec.ReplyPending = replyPend.Time.UTC()
	}
	if rec.Ref.Repo.InstallationID == 0 {
		rec.Ref.Repo.InstallationID = installID
	}
	if rec.Ref.Repo.ProjectID == 0 {
		rec.Ref.Repo.ProjectID = projectID
	}
	rec.StatusState = core.RecetteState(statusState)
	rec.UpdatedAt = updatedAt.UTC()
	if err := json.Unmarshal([]byte(labels), &rec.Labels); err != nil {
		return fmt.Errorf("labels: %w", err)
	}
	if err := json.Unmarshal([]byte(model), &rec.Model); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	return nil
}

// LoadRecette implements core.RecetteStore.
func (s *Store) LoadRecette(ctx context.Context, ref core.IssueRef) (*core.RecetteRecord, error) {
	if err := checkMR(ref); err != nil {
		return nil, fmt.Errorf("store: load recette: %w", err)
	}
	rec := core.RecetteRecord{Ref: ref}
	rec.Ref.MergeRequest = true
	err := scanRecette(s.db.queryRow(ctx, `SELECT `+recetteColumns+`
		FROM recette_state WHERE platform = $1 AND repo = $2 AND number = $3`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number), &rec)
	if errors.Is(err, errNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: load recette of %s: %w", ref, err)
	}
	return &rec, nil
}

// SaveRecette implements core.RecetteStore: the record and its story links
// in one transaction.
func (s *Store) SaveRecette(ctx context.Context, r core.RecetteRecord) error {
	ref := r.Ref
	if err := checkMR(ref); err != nil {
		return fmt.Errorf("store: save recette: %w", err)
	}
	labels, err := marshalStorable(nonNil(r.Labels))
	if err != nil {
		return fmt.Errorf("store: save recette of %s: labels: %w", ref, err)
	}
	if r.Model.Stories == nil {
		r.Model.Stories = []core.RecetteStory{}
	}
	model, err := marshalStorable(r.Model)
	if err != nil {
		return fmt.Errorf("store: save recette of %s: model: %w", ref, err)
	}
	at := r.UpdatedAt
	if at.IsZero() {
		at = time.Now()
	}
	err = inTx(ctx, s.db, func(tx dbTx) error {
		if _, err := tx.exec(ctx, `INSERT INTO recette_state (platform, repo, number, installation_id, project_id,
				title, url, milestone, head_sha, state, lang, comment_id, comment_hash, thread_id, thread_resolved,
				status_id, status_sha, status_state, status_key, labels, model, error, updated_at, comment_pending_at, reply_pending_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
			ON CONFLICT (platform, repo, number) DO UPDATE SET
				installation_id = excluded.installation_id, project_id = excluded.project_id,
				title = excluded.title, url = excluded.url, milestone = excluded.milestone,
				head_sha = excluded.head_sha, state = excluded.state, lang = excluded.lang,
				comment_id = excluded.comment_id, comment_hash = excluded.comment_hash,
				thread_id = excluded.thread_id, thread_resolved = excluded.thread_resolved,
				status_id = excluded.status_id, status_sha = excluded.status_sha,
				status_state = excluded.status_state, status_key = excluded.status_key,
				labels = excluded.labels, model = excluded.model, error = excluded.error,
				updated_at = excluded.updated_at, comment_pending_at = excluded.comment_pending_at,
				reply_pending_at = excluded.reply_pending_at`,
			ref.Repo.Platform, ref.Repo.FullName, ref.Number, ref.Repo.InstallationID, ref.Repo.ProjectID,
			storable(r.Title), storable(r.URL), storable(r.Milestone), storable(r.HeadSHA), storable(r.State),
			storable(r.Lang), r.CommentID, storable(r.CommentHash), storable(r.ThreadID), r.ThreadResolved, r.StatusID,
			storable(r.StatusSHA), storable(string(r.StatusState)), storable(r.StatusKey),
			labels, model, storable(r.Error), s.d.timeArg(at), s.nullTime(r.CommentPending), s.nullTime(r.ReplyPending)); err != nil {
			return fmt.Errorf("state: %w", err)
		}
		if _, err := tx.exec(ctx, `DELETE FROM recette_links WHERE platform = $1 AND mr_repo = $2 AND mr_number = $3`,
			ref.Repo.Platform, ref.Repo.FullName, ref.Number); err != nil {
			return fmt.Errorf("links: %w", err)
		}
		for _, st := range r.Model.Stories {
			if _, err := tx.exec(ctx, `INSERT INTO recette_links (platform, story_repo, story_number,
					mr_repo, mr_number, mr_installation_id, mr_project_id, digest, open)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
				ON CONFLICT (platform, story_repo, story_number, mr_repo, mr_number) DO NOTHING`,
				ref.Repo.Platform, keyText(strings.ToLower(st.Ref.Repo.FullName)), st.Ref.Number,
				ref.Repo.FullName, ref.Number, ref.Repo.InstallationID, ref.Repo.ProjectID,
				storable(st.Digest), r.State == "open"); err != nil {
				return fmt.Errorf("link: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save recette of %s: %w", ref, err)
	}
	return nil
}

// RecettesClosing implements core.RecetteStore.
func (s *Store) RecettesClosing(ctx context.Context, story core.IssueRef) ([]core.RecetteLink, error) {
	r, err := s.db.query(ctx, `SELECT mr_repo, mr_number, mr_installation_id, mr_project_id, digest
		FROM recette_links WHERE platform = $1 AND story_repo = $2 AND story_number = $3 AND open
		ORDER BY mr_repo, mr_number`,
		story.Repo.Platform, keyText(strings.ToLower(story.Repo.FullName)), story.Number)
	if err != nil {
		return nil, fmt.Errorf("store: recettes closing %s: %w", story, err)
	}
	var out []core.RecetteLink
	err = eachRow(r, func(r rows) error {
		l := core.RecetteLink{MergeRequest: core.IssueRef{Repo: core.Repo{Platform: story.Repo.Platform}, MergeRequest: true}}
		if err := r.Scan(&l.MergeRequest.Repo.FullName, &l.MergeRequest.Number, &l.MergeRequest.Repo.InstallationID,
			&l.MergeRequest.Repo.ProjectID, &l.Digest); err != nil {
			return err
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: recettes closing %s: %w", story, err)
	}
	return out, nil
}

// AddValidations implements core.RecetteStore: the entries are appended in
// one transaction, in order.
func (s *Store) AddValidations(ctx context.Context, vs []core.Validation) error {
	if len(vs) == 0 {
		return nil
	}
	err := inTx(ctx, s.db, func(tx dbTx) error {
		for _, v := range vs {
			if err := checkMR(v.MergeRequest); err != nil {
				return err
			}
			at := v.At
			if at.IsZero() {
				at = time.Now()
			}
			if _, err := tx.exec(ctx, `INSERT INTO recette_validations (platform, repo, number, story_repo, story_number,
					criterion_key, criterion_text, state, actor, at, head_sha, reason, source)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
				v.MergeRequest.Repo.Platform, v.MergeRequest.Repo.FullName, v.MergeRequest.Number,
				storable(v.Story.Repo.FullName), v.Story.Number, storable(v.Key), storable(v.Text), storable(string(v.State)),
				storable(v.Actor), s.d.timeArg(at), storable(v.HeadSHA), storable(v.Reason), storable(v.Source)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: add validations: %w", err)
	}
	return nil
}

// Validations implements core.RecetteStore.
func (s *Store) Validations(ctx context.Context, ref core.IssueRef) ([]core.Validation, error) {
	r, err := s.db.query(ctx, `SELECT story_repo, story_number, criterion_key, criterion_text, state, actor, at,
			head_sha, reason, source
		FROM recette_validations WHERE platform = $1 AND repo = $2 AND number = $3 ORDER BY id`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number)
	if err != nil {
		return nil, fmt.Errorf("store: validations of %s: %w", ref, err)
	}
	mr := ref
	mr.MergeRequest = true
	var out []core.Validation
	err = eachRow(r, func(r rows) error {
		v := core.Validation{MergeRequest: mr, Story: core.IssueRef{Repo: core.Repo{Platform: ref.Repo.Platform}}}
		var state string
		var at time.Time
		if err := r.Scan(&v.Story.Repo.FullName, &v.Story.Number, &v.Key, &v.Text, &state, &v.Actor, &at,
			&v.HeadSHA, &v.Reason, &v.Source); err != nil {
			return err
		}
		v.State, v.At = core.ValidationState(state), at.UTC()
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: validations of %s: %w", ref, err)
	}
	return out, nil
}

// Recettes lists the recette records of a repository (matched without
// regard to case), all of them or those of one milestone, by number: what
// the procès-verbal of a milestone is written from.
func (s *Store) Recettes(ctx context.Context, platform, repo, milestone string) ([]core.RecetteRecord, error) {
	q := `SELECT repo, number, ` + recetteColumns + ` FROM recette_state
		WHERE platform = $1 AND lower(repo) = lower($2)`
	args := []any{platform, repo}
	if milestone != "" {
		q += ` AND milestone = $3`
		args = append(args, storable(milestone))
	}
	r, err := s.db.query(ctx, q+` ORDER BY number`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: recettes of %s: %w", repo, err)
	}
	var out []core.RecetteRecord
	err = eachRow(r, func(r rows) error {
		rec := core.RecetteRecord{Ref: core.IssueRef{Repo: core.Repo{Platform: platform}, MergeRequest: true}}
		var name string
		var number int
		if err := scanRecette(prefixScanner{r, []any{&name, &number}}, &rec); err != nil {
			return err
		}
		rec.Ref.Repo.FullName, rec.Ref.Number = name, number
		out = append(out, rec)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: recettes of %s: %w", repo, err)
	}
	return out, nil
}

// prefixScanner scans leading columns into prefix, then the rest into
// what its caller asks.
type prefixScanner struct {
	r      interface{ Scan(...any) error }
	prefix []any
}

func (p prefixScanner) Scan(dest ...any) error {
	return p.r.Scan(append(append([]any{}, p.prefix...), dest...)...)
}

// recordRecetteFailure keeps why a recette task gave up on the record of
// its PR/MR, never on the issue evaluations (a GitLab merge request and an
// issue may share a number).
func (s *Store) recordRecetteFailure(ctx context.Context, ref core.IssueRef, reason string) error {
	_, err := s.db.exec(ctx, `INSERT INTO recette_state (platform, repo, number, installation_id, project_id, error, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (platform, repo, number) DO UPDATE SET error = excluded.error`,
		ref.Repo.Platform, ref.Repo.FullName, ref.Number, ref.Repo.InstallationID, ref.Repo.ProjectID,
		storable(reason), s.d.timeArg(time.Now()))
	if err != nil {
		return fmt.Errorf("store: record recette failure of %s: %w", ref, err)
	}
	return nil
}
