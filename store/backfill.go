package store

import (
	"context"
	"fmt"

	"github.com/cochef/cochef/core"
)

// RepoEvaluations returns the last evaluation of every issue of repo that
// has one, by issue number: what a backfill compares the listed issues
// with, what its report and the duplicate search read.
func (s *Store) RepoEvaluations(ctx context.Context, repo core.Repo) ([]core.Evaluation, error) {
	r, err := s.db.query(ctx, `SELECT number FROM evaluations WHERE platform = $1 AND repo = $2 ORDER BY number`,
		repo.Platform, repo.FullName)
	if err != nil {
		return nil, fmt.Errorf("store: evaluations of %s: %w", repo.FullName, err)
	}
	var numbers []int
	err = eachRow(r, func(r rows) error {
		var n int
		if err := r.Scan(&n); err != nil {
			return err
		}
		numbers = append(numbers, n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: evaluations of %s: %w", repo.FullName, err)
	}
	out := make([]core.Evaluation, 0, len(numbers))
	for _, n := range numbers {
		e, err := s.LastEvaluation(ctx, core.IssueRef{Repo: repo, Number: n})
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, *e)
		}
	}
	return out, nil
}

// backfillLeaseBase keeps a backfill's leases apart from River's job ids,
// which are positive: a claim is made under -(pid) - backfillLeaseBase.
const backfillLeaseBase = 1 << 40

// ClaimIssue leases ref's issue to a backfill, the way a job of the server
// leases it, so that the two never evaluate one issue at once: a server
// job that finds it claimed waits, and a claim on an issue a job holds is
// refused (false). owner tells the claims of two backfills apart (their
// process ids). The lease ends by itself after the job timeout, should
// the backfill die.
func (s *Store) ClaimIssue(ctx context.Context, ref core.IssueRef, owner int64) (bool, error) {
	_, ok, err := s.acquireIssue(ctx, ref, -owner-backfillLeaseBase)
	return ok, err
}

// ReleaseIssue lets go of a claim.
func (s *Store) ReleaseIssue(ctx context.Context, ref core.IssueRef, owner int64) error {
	if err := s.releaseIssue(ctx, ref, -owner-backfillLeaseBase); err != nil {
		return fmt.Errorf("store: release %s: %w", ref, err)
	}
	return nil
}

// StoryKeys returns the stored story key of each issue of repo that has
// one and was not seen closed, by issue number, in one query: what the
// duplicate search of every evaluation reads.
func (s *Store) StoryKeys(ctx context.Context, repo core.Repo) (map[int]string, error) {
	r, err := s.db.query(ctx, `SELECT number, story_key FROM evaluations
		WHERE platform = $1 AND repo = $2 AND story_key <> '' AND issue_closed = FALSE`,
		repo.Platform, repo.FullName)
	if err != nil {
		return nil, fmt.Errorf("store: story keys of %s: %w", repo.FullName, err)
	}
	out := map[int]string{}
	err = eachRow(r, func(r rows) error {
		var n int
		var k string
		if err := r.Scan(&n, &k); err != nil {
			return err
		}
		out[n] = k
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: story keys of %s: %w", repo.FullName, err)
	}
	return out, nil
}
