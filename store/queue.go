package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/cochef/cochef/core"
)

// JobKind is the River kind of cochef's jobs. It is stored with every job:
// it never changes.
const JobKind = "cochef.evaluate_issue"

// evaluateArgs is a core.Task as River stores it. Only the issue, the task
// kind and the actor make a job unique: tasks that differ in nothing else
// share one job. The actor is part of it so that "/cochef check" from a
// maintainer is not swallowed by an earlier one from a reader (the worker
// checks the actor's access); it is empty for plain evaluations.
//
// The issue snapshot is not carried here but in issue_activity, where
// every task of a burst replaces it with a newer one.
type evaluateArgs struct {
	Platform string       `json:"platform" river:"unique"`
	Repo     string       `json:"repo" river:"unique"`
	Number   int          `json:"number" river:"unique"`
	Feature  core.Feature `json:"feature" river:"unique"`
	Trigger  core.Trigger `json:"trigger" river:"unique"`
	Actor    string       `json:"actor,omitempty" river:"unique"`
	// MergeRequest, Changes, Command and HeadSHA are the recette's (see
	// core.Task). They are part of the key: GitLab's issue #5 and merge
	// request !5 are different things, and two edits of a checklist by one
	// person each say what they changed, so neither may swallow the other.
	// Absent (zero) fields leave the key of an issue's job as it was.
	MergeRequest   bool               `json:"merge_request,omitempty" river:"unique"`
	Changes        []core.CheckChange `json:"changes,omitempty" river:"unique"`
	Command        *core.Command      `json:"command,omitempty" river:"unique"`
	HeadSHA        string             `json:"head_sha,omitempty" river:"unique"`
	InstallationID int64              `json:"installation_id,omitempty"`
	ProjectID      int64              `json:"project_id,omitempty"`
	Delivery       string             `json:"delivery,omitempty"`
	ReceivedAt     time.Time          `json:"received_at"`
}

func (evaluateArgs) Kind() string { return JobKind }

func argsFromTask(t core.Task) evaluateArgs {
	return evaluateArgs{
		Platform:       t.Issue.Repo.Platform,
		Repo:           t.Issue.Repo.FullName,
		Number:         t.Issue.Number,
		Feature:        t.Feature,
		Trigger:        t.Trigger,
		Actor:          t.Actor,
		MergeRequest:   t.Issue.MergeRequest,
		Changes:        t.Changes,
		Command:        t.Command,
		HeadSHA:        t.HeadSHA,
		InstallationID: t.Issue.Repo.InstallationID,
		ProjectID:      t.Issue.Repo.ProjectID,
		Delivery:       t.Delivery,
		ReceivedAt:     t.ReceivedAt,
	}
}

func (a evaluateArgs) ref() core.IssueRef {
	return core.IssueRef{
		Repo: core.Repo{
			Platform:       a.Platform,
			FullName:       a.Repo,
			InstallationID: a.InstallationID,
			ProjectID:      a.ProjectID,
		},
		Number:       a.Number,
		MergeRequest: a.MergeRequest,
	}
}

func (a evaluateArgs) task(snapshot *core.Issue) core.Task {
	return core.Task{
		Feature:    a.Feature,
		Trigger:    a.Trigger,
		Issue:      a.ref(),
		Delivery:   a.Delivery,
		Actor:      a.Actor,
		Changes:    a.Changes,
		Command:    a.Command,
		HeadSHA:    a.HeadSHA,
		ReceivedAt: a.ReceivedAt,
		Snapshot:   snapshot,
	}
}

// uniqueStates are the states in which a job holds its issue's unique key.
// River refuses a ByState without available, pending, running and
// scheduled. Its default also holds completed, which would turn away every
// edit made after an evaluation until River's cleaner deletes the job a day
// later; cancelled and discarded are left out for the same reason.
var uniqueStates = []rivertype.JobState{
	rivertype.JobStateAvailable,
	rivertype.JobStatePending,
	rivertype.JobStateRetryable,
	rivertype.JobStateRunning,
	rivertype.JobStateScheduled,
}

// queue hides River's driver type parameter (*sql.Tx or pgx.Tx), so the
// rest of the package has one code path for both databases.
type queue interface {
	migrate(ctx context.Context) (int, error)
	insertTx(ctx context.Context, tx dbTx, args evaluateArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	completeTx(ctx context.Context, tx dbTx, job *river.Job[evaluateArgs]) error
	executor() riverdriver.Executor
	start(ctx context.Context) error
	stop(ctx context.Context) error
	stopAndCancel(ctx context.Context) error
}

type riverQueue[TTx any] struct {
	client   *river.Client[TTx]
	driver   riverdriver.Driver[TTx]
	complete func(ctx context.Context, tx TTx, job *river.Job[evaluateArgs]) error
	log      *slog.Logger
}

func newSQLiteQueue(db *sql.DB, s *Store) (queue, error) {
	return newRiverQueue(riversqlite.New(db), s,
		func(ctx context.Context, tx *sql.Tx, job *river.Job[evaluateArgs]) error {
			_, err := river.JobCompleteTx[*riversqlite.Driver](ctx, tx, job)
			return err
		})
}

func newPostgresQueue(pool *pgxpool.Pool, s *Store) (queue, error) {
	return newRiverQueue(riverpgxv5.New(pool), s,
		func(ctx context.Context, tx pgx.Tx, job *river.Job[evaluateArgs]) error {
			_, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job)
			return err
		})
}

func newRiverQueue[TTx any](driver riverdriver.Driver[TTx], s *Store,
	complete func(context.Context, TTx, *river.Job[evaluateArgs]) error,
) (*riverQueue[TTx], error) {
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &evaluateWorker{s: s}); err != nil {
		return nil, fmt.Errorf("store: register worker: %w", err)
	}
	log := s.o.Logger.With("component", "river")
	client, err := river.NewClient(driver, &river.Config{
		Logger:               log,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: s.o.Workers}},
		Workers:              workers,
		JobTimeout:           s.o.JobTimeout,
		RescueStuckJobsAfter: s.o.RescueAfter,
		MaxAttempts:          s.o.MaxAttempts,
		RetryPolicy:          retryPolicy{},
		FetchPollInterval:    s.o.PollInterval,
		FetchCooldown:        min(100*time.Millisecond, s.o.PollInterval),
		// A job interrupted by Stop goes back to the queue as it is; this
		// bounds how long Stop waits when its caller gave no deadline.
		SoftStopTimeout: s.o.JobTimeout,
	})
	if err != nil {
		return nil, fmt.Errorf("store: river client: %w", err)
	}
	return &riverQueue[TTx]{client: client, driver: driver, complete: complete, log: log}, nil
}

func (q *riverQueue[TTx]) migrate(ctx context.Context) (int, error) {
	m, err := rivermigrate.New(q.driver, &rivermigrate.Config{Logger: q.log})
	if err != nil {
		return 0, err
	}
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return 0, err
	}
	return len(res.Versions), nil
}

func (q *riverQueue[TTx]) insertTx(ctx context.Context, tx dbTx, args evaluateArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error) {
	return q.client.InsertTx(ctx, tx.native().(TTx), args, opts) //nolint:forcetypeassert // one driver per store
}

func (q *riverQueue[TTx]) completeTx(ctx context.Context, tx dbTx, job *river.Job[evaluateArgs]) error {
	return q.complete(ctx, tx.native().(TTx), job) //nolint:forcetypeassert // one driver per store
}

func (q *riverQueue[TTx]) executor() riverdriver.Executor  { return q.driver.GetExecutor() }
func (q *riverQueue[TTx]) start(ctx context.Context) error { return q.client.Start(ctx) }
func (q *riverQueue[TTx]) stop(ctx context.Context) error  { return q.client.Stop(ctx) }
func (q *riverQueue[TTx]) stopAndCancel(ctx context.Context) error {
	return q.client.StopAndCancel(ctx)
}

// retrySteps are the waits after the first failures of a job: an API
// outage shorter than a minute delays feedback by about its length, not by
// River's default steps (1s, 16s, 81s, 256s…). After them, one retry a
// minute.
var retrySteps = []time.Duration{
	1 * time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
	15 * time.Second, 30 * time.Second,
}

const retryCap = time.Minute

// retryDelay is the wait after the attempt-th failed attempt (1-based).
func retryDelay(attempt int) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	if attempt <= len(retrySteps) {
		return retrySteps[attempt-1]
	}
	return retryCap
}

// retryPolicy is retryDelay with ±10% jitter, so jobs that failed together
// (an outage) do not all come back in the same second.
type retryPolicy struct{}

func (retryPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	d := retryDelay(job.Attempt)
	jitter := time.Duration((rand.Float64()*0.2 - 0.1) * float64(d)) //nolint:gosec // jitter, not security
	return time.Now().Add(d + jitter)
}

// evaluateWorker runs a job: it waits out the debounce, leases the issue,
// calls the core worker, and turns its error into River's outcome.
type evaluateWorker struct {
	river.WorkerDefaults[evaluateArgs]
	s *Store
}

// leaseBusyWait is how long a job waits for another job of the same issue
// (the other task kind) to finish.
const leaseBusyWait = time.Second

func (w *evaluateWorker) Work(ctx context.Context, job *river.Job[evaluateArgs]) error {
	s := w.s
	ref := job.Args.ref()
	log := s.log.With("issue", ref.String(), "feature", job.Args.Feature, "job_id", job.ID, "attempt", job.Attempt)

	// Debounce: the job was inserted available so it does not depend on
	// River's scheduler (every 5 s, leader only); it sleeps here, off the
	// worker slot, until Debounce after the first task of the burst.
	if wait := time.Until(job.CreatedAt.Add(s.o.Debounce)); wait > 0 && job.Attempt == 1 && snoozes(job) == 0 {
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

	workErr := (*s.worker.Load()).Work(ctx, job.Args.task(act.snapshot))

	if workErr == nil {
		return s.finish(ctx, job, ref, act.seq, log)
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
func (s *Store) finish(ctx context.Context, job *river.Job[evaluateArgs], ref core.IssueRef, seq0 int64, log *slog.Logger) error {
	again := false
	err := inTx(ctx, s.db, func(tx dbTx) error {
		var seq int64
		if err := tx.queryRow(ctx, `SELECT seq FROM issue_activity WHERE platform = $1 AND repo = $2 AND number = $3`+s.d.forUpdate,
			ref.Repo.Platform, activityRepo(ref), ref.Number).Scan(&seq); err != nil && !errors.Is(err, errNoRows) {
			return fmt.Errorf("read issue activity: %w", err)
		}
		if _, err := tx.exec(ctx, `UPDATE issue_activity SET lease_job = NULL, lease_until = NULL
			WHERE platform = $1 AND repo = $2 AND number = $3 AND lease_job = $4`,
			ref.Repo.Platform, activityRepo(ref), ref.Number, job.ID); err != nil {
			return fmt.Errorf("release issue: %w", err)
		}
		if seq != seq0 {
			again = true
			return nil
		}
		return s.q.completeTx(ctx, tx, job)
	})
	if err != nil {
		return fmt.Errorf("store: finish job %d: %w", job.ID, err)
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

func snoozes(job *river.Job[evaluateArgs]) int64 {
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

// rescueInterval is how often this process looks for stuck jobs. River's
// own rescuer runs every 30 s, and only on the elected leader (which,
// after a kill -9, is elected again only once the dead leader's 15 s term
// has run out): with RescueAfter 45 s a crashed job could wait up to
// 75 s or more. Looking every few seconds bounds the resume to
// RescueAfter plus this interval.
func rescueInterval(rescueAfter time.Duration) time.Duration {
	return min(5*time.Second, max(rescueAfter/4, 100*time.Millisecond))
}

// rescueStuck does what River's rescuer does, through River's own driver
// queries (so on both databases and safely alongside River's rescuer: the
// update only touches jobs still running since before the horizon), but
// makes the jobs available at once instead of after a retry delay.
func (s *Store) rescueStuck(ctx context.Context) {
	exec := s.q.executor()
	horizon := time.Now().Add(-s.o.RescueAfter)
	var afterID int64
	for ctx.Err() == nil {
		stuck, err := exec.JobGetStuck(ctx, &riverdriver.JobGetStuckParams{AfterID: afterID, Max: 100, StuckHorizon: horizon})
		if err != nil {
			if ctx.Err() == nil {
				s.log.WarnContext(ctx, "looking for stuck jobs failed", "error", err)
			}
			return
		}
		if len(stuck) == 0 {
			return
		}
		now := time.Now().UTC()
		p := &riverdriver.JobRescueManyParams{StuckHorizon: horizon}
		for _, job := range stuck {
			afterID = job.ID
			state, finalizedAt := rivertype.JobStateAvailable, (*time.Time)(nil)
			var meta struct {
				CancelAttemptedAt time.Time `json:"cancel_attempted_at"`
			}
			switch {
			case json.Unmarshal(job.Metadata, &meta) == nil && !meta.CancelAttemptedAt.IsZero():
				state, finalizedAt = rivertype.JobStateCancelled, &now
			case job.Attempt >= job.MaxAttempts:
				state, finalizedAt = rivertype.JobStateDiscarded, &now
			}
			errData, err := json.Marshal(rivertype.AttemptError{
				At: now, Attempt: max(job.Attempt, 0),
				Error: "stuck job rescued by cochef (its process probably stopped mid-job)",
			})
			if err != nil {
				s.log.ErrorContext(ctx, "encoding a rescue note failed", "error", err)
				return
			}
			p.ID = append(p.ID, job.ID)
			p.Error = append(p.Error, errData)
			p.FinalizedAt = append(p.FinalizedAt, finalizedAt)
			p.ScheduledAt = append(p.ScheduledAt, now)
			p.State = append(p.State, string(state))
		}
		if _, err := exec.JobRescueMany(ctx, p); err != nil {
			if ctx.Err() == nil {
				s.log.WarnContext(ctx, "rescuing stuck jobs failed", "error", err)
			}
			return
		}
		s.log.InfoContext(ctx, "stuck jobs rescued", "count", len(stuck))
		if len(stuck) < 100 {
			return
		}
	}
}
