package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"

	"github.com/cochef/cochef/core"
)

// jobWorker runs the jobs of one kind: it waits out the debounce, leases
// the issue, calls the core worker with the task the arguments describe,
// and turns its error into River's outcome. Every kind runs the same way;
// only the arguments differ.
type jobWorker[A jobArgs] struct {
	river.WorkerDefaults[A]
	s *Store
	// complete completes the job in a transaction of ours.
	complete func(ctx context.Context, tx dbTx, job *river.Job[A]) error
}

// addWorker registers the worker of A's kind. D is the River driver's
// type, which JobCompleteTx needs.
func addWorker[D riverdriver.Driver[TTx], TTx any, A jobArgs](workers *river.Workers, s *Store) error {
	return river.AddWorkerSafely(workers, &jobWorker[A]{s: s,
		complete: func(ctx context.Context, tx dbTx, job *river.Job[A]) error {
			_, err := river.JobCompleteTx[D](ctx, tx.native().(TTx), job) //nolint:forcetypeassert // one driver per store
			return err
		}})
}

// leaseBusyWait is how long a job waits for another job of the same issue
// (the other task kind) to finish.
const leaseBusyWait = time.Second

func (w *jobWorker[A]) Work(ctx context.Context, job *river.Job[A]) error {
	s := w.s
	task := job.Args.task()
	ref := task.Issue
	log := s.log.With("issue", ref.String(), "kind", job.Kind, "job_id", job.ID, "attempt", job.Attempt)

	// Debounce: the job was inserted available so it does not depend on
	// River's scheduler (every 5 s, leader only); it sleeps here, off the
	// worker slot, until Debounce after the first task of the burst.
	if wait := time.Until(job.CreatedAt.Add(s.o.Debounce)); wait > 0 && job.Attempt == 1 && snoozes(job.JobRow) == 0 {
		return river.JobSnooze(wait)
	}

	act, ok, err := s.acquireIssue(ctx, ref, job.ID)
	if err != nil {
		return err
	}
	if !ok {
		log.DebugContext(ctx, "issue busy with another job, waiting")
		return river.JobSnooze(leaseBusyWait)
	}

	task.Snapshot = act.snapshot
	wctx, stop := s.fenced(ctx)
	workErr := (*s.worker.Load()).Work(wctx, task)
	stop()
	if errors.Is(context.Cause(wctx), errFenced) {
		// This replica lost its heartbeat: the job goes back to the queue
		// for the others (or for this one, once it beats again).
		workErr = fmt.Errorf("%w: %w", errFenced, workErr)
	}

	if workErr == nil {
		return s.finish(ctx, job.ID, ref, act.seq, log, func(tx dbTx) error { return w.complete(ctx, tx, job) })
	}

	// From here the job failed: let go of the issue, then say how River
	// should treat the job.
	releaseCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := s.releaseIssue(releaseCtx, ref, job.ID); err != nil {
		log.WarnContext(ctx, "releasing the issue failed; it frees itself when the lease ends", "error", err)
	}
	finalFailure := core.IsPermanent(workErr) || (job.Attempt >= job.MaxAttempts && !core.IsDeferred(workErr))
	if finalFailure && ctx.Err() == nil {
		// A task that arrived while this job ran was folded into it; giving
		// the job up would drop that task too. Run once more for it.
		if seq, err := s.activitySeq(releaseCtx, ref); err == nil && seq != act.seq {
			log.InfoContext(ctx, "evaluation failed, but the issue changed meanwhile: running again", "error", workErr)
			return river.JobSnooze(s.o.Debounce)
		}
	}
	switch wait, hasWait := core.RetryAfter(workErr); {
	case ctx.Err() != nil:
		// Stopped or timed out: River puts a job stopped by Stop back in
		// the queue as it was, and retries a timed-out one.
		log.InfoContext(ctx, "evaluation interrupted", "error", workErr)
		return workErr
	case core.IsPermanent(workErr):
		log.WarnContext(ctx, "evaluation failed for good", "error", workErr)
		if err := s.recordTaskFailure(releaseCtx, ref, workErr.Error()); err != nil {
			log.ErrorContext(ctx, "recording the failure failed", "error", err)
		}
		return river.JobCancel(workErr)
	case hasWait:
		// A snooze does not use an attempt: a long rate limit does not
		// make the job give up.
		if wait > core.MaxRetryAfter {
			log.WarnContext(ctx, "platform asked to wait longer than cochef waits at once: capped",
				"asked", wait, "wait", core.MaxRetryAfter, "error", workErr)
			wait = core.MaxRetryAfter
		}
		log.InfoContext(ctx, "platform asked to wait", "wait", wait, "error", workErr)
		return river.JobSnooze(wait)
	default:
		if job.Attempt >= job.MaxAttempts {
			reason := fmt.Sprintf("gave up after %d attempts: %v", job.Attempt, workErr)
			log.ErrorContext(ctx, "evaluation failed too many times", "error", workErr)
			if err := s.recordTaskFailure(releaseCtx, ref, reason); err != nil {
				log.ErrorContext(ctx, "recording the failure failed", "error", err)
			}
		} else {
			log.InfoContext(ctx, "evaluation failed, will retry", "error", workErr,
				"retry_in", retryDelay(job.Attempt))
		}
		return workErr
	}
}

// activitySeq reads the issue's activity counter.
func (s *Store) activitySeq(ctx context.Context, ref core.IssueRef) (int64, error) {
	var seq int64
	err := s.db.queryRow(ctx, `SELECT seq FROM issue_activity WHERE platform = $1 AND repo = $2 AND number = $3`,
		ref.Repo.Platform, activityRepo(ref), ref.Number).Scan(&seq)
	if errors.Is(err, errNoRows) {
		return 0, nil
	}
	return seq, err
}

// finish completes the job in the same transaction that checks the issue's
// activity counter: a task that arrived while the job ran (and was turned
// away as a duplicate of the running job) either committed before, and the
// job runs once more, or commits after, and finds the job completed and
// inserts a new one. PostgreSQL needs the row lock for that; SQLite has
// one writer at a time.
func (s *Store) finish(ctx context.Context, jobID int64, ref core.IssueRef, seq0 int64, log *slog.Logger, complete func(dbTx) error) error {
	again := false
	err := inTx(ctx, s.db, func(tx dbTx) error {
		var seq int64
		if err := tx.queryRow(ctx, `SELECT seq FROM issue_activity WHERE platform = $1 AND repo = $2 AND number = $3`+s.d.forUpdate,
			ref.Repo.Platform, activityRepo(ref), ref.Number).Scan(&seq); err != nil && !errors.Is(err, errNoRows) {
			return fmt.Errorf("read issue activity: %w", err)
		}
		if _, err := tx.exec(ctx, `UPDATE issue_activity SET lease_job = NULL, lease_until = NULL
			WHERE platform = $1 AND repo = $2 AND number = $3 AND lease_job = $4`,
			ref.Repo.Platform, activityRepo(ref), ref.Number, jobID); err != nil {
			return fmt.Errorf("release issue: %w", err)
		}
		if seq != seq0 {
			again = true
			return nil
		}
		return complete(tx)
	})
	if err != nil {
		return fmt.Errorf("store: finish job %d: %w", jobID, err)
	}
	if again {
		log.DebugContext(ctx, "issue changed while it was evaluated, evaluating again")
		return river.JobSnooze(s.o.Debounce)
	}
	return nil
}

type activity struct {
	seq      int64
	snapshot *core.Issue
}

// acquireIssue leases the issue to job for one attempt and reads its
// activity counter and newest snapshot. It reports false when another job
// holds the lease: the two task kinds have separate River jobs, and two
// evaluations of one issue at once could both post a comment. A lease
// outlives JobTimeout a little, so a crashed job's lease has ended by the
// time the job is rescued (and the rescued job, same id, may take it).
func (s *Store) acquireIssue(ctx context.Context, ref core.IssueRef, jobID int64) (activity, bool, error) {
	now := time.Now()
	var (
		a        activity
		snapshot sql.NullString
	)
	err := s.db.queryRow(ctx, `INSERT INTO issue_activity (platform, repo, number, seq, lease_job, lease_until, updated_at)
		VALUES ($1, $2, $3, 0, $4, $5, $6)
		ON CONFLICT (platform, repo, number) DO UPDATE SET lease_job = excluded.lease_job, lease_until = excluded.lease_until
		WHERE issue_activity.lease_job IS NULL OR issue_activity.lease_job = excluded.lease_job OR issue_activity.lease_until < excluded.updated_at
		RETURNING seq, CAST(snapshot AS TEXT)`,
		ref.Repo.Platform, activityRepo(ref), ref.Number, jobID,
		s.d.timeArg(now.Add(s.o.JobTimeout+5*time.Second)), s.d.timeArg(now)).Scan(&a.seq, &snapshot)
	if errors.Is(err, errNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("store: lease %s: %w", ref, err)
	}
	if snapshot.Valid {
		a.snapshot = new(core.Issue)
		if err := json.Unmarshal([]byte(snapshot.String), a.snapshot); err != nil {
			return a, false, fmt.Errorf("store: snapshot of %s: %w", ref, err)
		}
	}
	return a, true, nil
}

func (s *Store) releaseIssue(ctx context.Context, ref core.IssueRef, jobID int64) error {
	_, err := s.db.exec(ctx, `UPDATE issue_activity SET lease_job = NULL, lease_until = NULL
		WHERE platform = $1 AND repo = $2 AND number = $3 AND lease_job = $4`,
		ref.Repo.Platform, activityRepo(ref), ref.Number, jobID)
	return err
}

// activityRepo is the repo column of a task's issue_activity row. A merge
// request's row gets a suffix no repository path can have: on GitLab,
// issue #5 and merge request !5 must neither share a lease nor count each
// other's tasks.
func activityRepo(ref core.IssueRef) string {
	if ref.MergeRequest {
		return ref.Repo.FullName + "!"
	}
	return ref.Repo.FullName
}

// recordTaskFailure records a failure where its task's state lives.
func (s *Store) recordTaskFailure(ctx context.Context, ref core.IssueRef, reason string) error {
	if ref.MergeRequest {
		return s.recordRecetteFailure(ctx, ref, reason)
	}
	return s.recordFailure(ctx, ref, reason)
}

func snoozes(job *rivertype.JobRow) int64 {
	var m struct {
		Snoozes int64 `json:"snoozes"`
	}
	if err := json.Unmarshal(job.Metadata, &m); err != nil {
		// Unreadable metadata: assume the debounce was waited already
		// rather than snoozing forever.
		return 1
	}
	return m.Snoozes
}
