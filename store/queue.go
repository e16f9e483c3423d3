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
)

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
	insertManyTx(ctx context.Context, tx dbTx, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	executor() riverdriver.Executor
	// clientID is River's id of this process, the one it records in the
	// attempted_by of the jobs it runs.
	clientID() string
	start(ctx context.Context) error
	stop(ctx context.Context) error
	stopAndCancel(ctx context.Context) error
}

type riverQueue[TTx any] struct {
	client *river.Client[TTx]
	driver riverdriver.Driver[TTx]
	log    *slog.Logger
}

func newSQLiteQueue(db *sql.DB, s *Store) (queue, error) {
	return newRiverQueue[*riversqlite.Driver](riversqlite.New(db), s)
}

func newPostgresQueue(pool *pgxpool.Pool, s *Store) (queue, error) {
	return newRiverQueue[*riverpgxv5.Driver, pgx.Tx](riverpgxv5.New(pool), s)
}

// newRiverQueue registers a worker for each job kind. D is the driver's
// type, which River's JobCompleteTx needs to complete a job in a
// transaction of ours.
func newRiverQueue[D riverdriver.Driver[TTx], TTx any](driver D, s *Store) (*riverQueue[TTx], error) {
	workers := river.NewWorkers()
	err := errors.Join(
		addWorker[D, TTx, feedbackArgs](workers, s),
		addWorker[D, TTx, recetteArgs](workers, s),
		addWorker[D, TTx, mergeGroupArgs](workers, s),
		addWorker[D, TTx, legacyArgs](workers, s),
	)
	if err != nil {
		return nil, fmt.Errorf("store: register workers: %w", err)
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
	return &riverQueue[TTx]{client: client, driver: driver, log: log}, nil
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

func (q *riverQueue[TTx]) insertManyTx(ctx context.Context, tx dbTx, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	return q.client.InsertManyTx(ctx, tx.native().(TTx), params) //nolint:forcetypeassert // one driver per store
}

func (q *riverQueue[TTx]) executor() riverdriver.Executor  { return q.driver.GetExecutor() }
func (q *riverQueue[TTx]) clientID() string                { return q.client.ID() }
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
// makes the jobs available at once instead of after a retry delay. On
// PostgreSQL it also takes back, sooner, the jobs of replicas whose
// heartbeat stopped (liveness.go).
func (s *Store) rescueStuck(ctx context.Context) {
	if n := s.rescue(ctx, time.Now().Add(-s.o.RescueAfter), nil,
		"stuck job rescued by cochef (its process probably stopped mid-job)"); n > 0 {
		s.log.InfoContext(ctx, "stuck jobs rescued", "count", n)
	}
	s.rescueDead(ctx)
}

// rescue makes available again the jobs running since before horizon that
// pick accepts (all when pick is nil), noting why in their errors, and
// returns how many.
func (s *Store) rescue(ctx context.Context, horizon time.Time, pick func(*rivertype.JobRow) bool, note string) int {
	exec := s.q.executor()
	var afterID int64
	rescued := 0
	for ctx.Err() == nil {
		stuck, err := exec.JobGetStuck(ctx, &riverdriver.JobGetStuckParams{AfterID: afterID, Max: 100, StuckHorizon: horizon})
		if err != nil {
			if ctx.Err() == nil {
				s.log.WarnContext(ctx, "looking for stuck jobs failed", "error", err)
			}
			return rescued
		}
		if len(stuck) == 0 {
			return rescued
		}
		now := time.Now().UTC()
		p := &riverdriver.JobRescueManyParams{StuckHorizon: horizon}
		for _, job := range stuck {
			afterID = job.ID
			if pick != nil && !pick(job) {
				continue
			}
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
			errData, err := json.Marshal(rivertype.AttemptError{At: now, Attempt: max(job.Attempt, 0), Error: note})
			if err != nil {
				s.log.ErrorContext(ctx, "encoding a rescue note failed", "error", err)
				return rescued
			}
			p.ID = append(p.ID, job.ID)
			p.Error = append(p.Error, errData)
			p.FinalizedAt = append(p.FinalizedAt, finalizedAt)
			p.ScheduledAt = append(p.ScheduledAt, now)
			p.State = append(p.State, string(state))
		}
		if len(p.ID) > 0 {
			if _, err := exec.JobRescueMany(ctx, p); err != nil {
				if ctx.Err() == nil {
					s.log.WarnContext(ctx, "rescuing stuck jobs failed", "error", err)
				}
				return rescued
			}
			rescued += len(p.ID)
		}
		if len(stuck) < 100 {
			return rescued
		}
	}
	return rescued
}
