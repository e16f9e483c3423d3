package store

import (
	"context"
	"fmt"

	"github.com/cochef/cochef/core"
)

// EvaluationFilter narrows ListEvaluations; zero values match everything.
type EvaluationFilter struct {
	Platform string
	Repo     string // full name
	NotReady bool   // only stories that are not ready
	Limit    int    // default 100
}

// ListEvaluations returns the last evaluation of each issue matching f,
// most recent first: what `cochef audit` shows.
func (s *Store) ListEvaluations(ctx context.Context, f EvaluationFilter) ([]core.Evaluation, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	q := `SELECT platform, repo, number FROM evaluations
		WHERE ($1 = '' OR platform = $1) AND ($2 = '' OR repo = $2) AND ($3 = FALSE OR ready = FALSE)
		ORDER BY evaluated_at DESC, platform, repo, number LIMIT $4`
	r, err := s.db.query(ctx, q, f.Platform, f.Repo, f.NotReady, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("store: list evaluations: %w", err)
	}
	var refs []core.IssueRef
	err = eachRow(r, func(r rows) error {
		var ref core.IssueRef
		if err := r.Scan(&ref.Repo.Platform, &ref.Repo.FullName, &ref.Number); err != nil {
			return err
		}
		refs = append(refs, ref)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: list evaluations: %w", err)
	}
	out := make([]core.Evaluation, 0, len(refs))
	for _, ref := range refs {
		e, err := s.LastEvaluation(ctx, ref)
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, *e)
		}
	}
	return out, nil
}
