package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// The intake table. Acknowledging a webhook needs its task durable, not
// its River job: so a batch writes the delivery ids, the issues' activity
// counters and snapshots, and one small intake row per accepted task (its
// job's kind and arguments), and is answered once that commits. A mover in
// the same process then turns intake rows into River jobs in bulk and
// deletes them in the same transaction, off the answer's path; River's
// insert (its unique-key look-ups, statement preparation) was most of a
// batch's time.
//
// Nothing acknowledged is lost: an intake row goes away only in the
// transaction that inserts its job (or joins a waiting one), and the mover
// drains what a crashed process left as soon as the store opens. The
// activity counter is bumped at acknowledgement, as before, so a job that
// completes while its issue's new task still waits in the intake runs once
// more, and the snapshot it reads is already the newest.

const (
	// moveBatch bounds the rows one move takes: River inserts them in
	// one statement per wave, and one transaction stays short enough
	// that the acknowledgements, which go first, do not wait long behind
	// it.
	moveBatch = 512
	// moveEvery is how often the mover looks without being woken: rows
	// another replica acknowledged and could not move before it died.
	moveEvery = time.Second
	// moveAfter is how long the mover lets rows gather once woken, so
	// that under load it moves many at a time (River's insert costs
	// mostly per call) and takes the connection less often. A job waits
	// its debounce (2 s by default) anyway.
	moveAfter = 50 * time.Millisecond
)

// intakeKinds are the job kinds this release moves. A row of a kind it
// does not know (a newer replica's, in a rolling upgrade) waits for a
// replica that knows it.
var intakeKinds = []string{KindFeedback, KindRecette, KindMergeGroup}

// intakeKindsSQL is intakeKinds as an SQL list.
var intakeKindsSQL = func() string {
	q := make([]string, len(intakeKinds))
	for i, k := range intakeKinds {
		q[i] = "'" + k + "'"
	}
	return "(" + strings.Join(q, ", ") + ")"
}()

// intakeRow is one accepted task on its way to a job.
type intakeRow struct {
	kind string
	args string // the job's arguments, JSON
}

// decodeArgs reads a job's arguments back from its intake row.
func decodeArgs(kind, raw string) (jobArgs, error) {
	var (
		a   jobArgs
		err error
	)
	switch kind {
	case KindFeedback:
		var f feedbackArgs
		err = json.Unmarshal([]byte(raw), &f)
		a = f
	case KindRecette:
		var r recetteArgs
		err = json.Unmarshal([]byte(raw), &r)
		a = r
	case KindMergeGroup:
		var m mergeGroupArgs
		err = json.Unmarshal([]byte(raw), &m)
		a = m
	default:
		return nil, fmt.Errorf("unknown job kind %q", kind)
	}
	if err != nil {
		return nil, fmt.Errorf("%s arguments: %w", kind, err)
	}
	return a, nil
}

// mover turns intake rows into jobs, in the background, from Open to
// Close.
type mover struct {
	kick   chan struct{} // a batch was committed: there is work
	cancel context.CancelFunc
	done   chan struct{}
	// mu serialises moves in this process: the loop's and those a caller
	// asks for (JobStats, tests).
	mu sync.Mutex
}

// startMover starts the loop; its first move drains what a previous
// process acknowledged and left in the intake.
func (s *Store) startMover() {
	ctx, cancel := context.WithCancel(context.Background())
	s.mv = &mover{kick: make(chan struct{}, 1), cancel: cancel, done: make(chan struct{})}
	s.mv.kick <- struct{}{}
	go s.moveLoop(ctx)
}

// wakeMover tells the mover there are rows, without waiting.
func (s *Store) wakeMover() {
	select {
	case s.mv.kick <- struct{}{}:
	default:
	}
}

func (s *Store) stopMover() {
	s.mv.cancel()
	<-s.mv.done
}

func (s *Store) moveLoop(ctx context.Context) {
	defer close(s.mv.done)
	tick := time.NewTicker(moveEvery)
	defer tick.Stop()
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.mv.kick:
			select {
			case <-ctx.Done():
				return
			case <-time.After(moveAfter):
			}
		case <-tick.C:
		}
		_, err := s.moveAll(ctx)
		switch {
		case err != nil && ctx.Err() != nil:
			return
		case err != nil && !failing:
			// Logged once per failing spell; the rows wait, durable,
			// and the next tick tries again.
			s.log.Error("intake: moving acknowledged tasks to the queue failed", "error", err)
			failing = true
		case err == nil && failing:
			s.log.Info("intake: acknowledged tasks move to the queue again")
			failing = false
		}
	}
}

// moveAll moves intake rows until none is left (or the ones left are
// another replica's, being moved).
func (s *Store) moveAll(ctx context.Context) (int, error) {
	s.mv.mu.Lock()
	defer s.mv.mu.Unlock()
	total := 0
	for {
		n, err := s.moveIntake(ctx, moveBatch)
		total += n
		if err != nil || n < moveBatch {
			return total, err
		}
	}
}

// moveIntake moves up to limit intake rows, oldest first, in one
// transaction: their jobs inserted (or joined, exactly as if their tasks
// had been enqueued one after the other) and the rows deleted.
func (s *Store) moveIntake(ctx context.Context, limit int) (int, error) {
	moved := 0
	err := inTx(ctx, s.db, func(tx dbTx) error {
		moved = 0
		lock := ""
		if s.driver == driverPostgres {
			// Replicas move side by side, each its own rows.
			lock = " FOR UPDATE SKIP LOCKED"
		}
		r, err := tx.query(ctx, `SELECT id, kind, args FROM intake WHERE kind IN `+intakeKindsSQL+
			` ORDER BY id LIMIT `+strconv.Itoa(limit)+lock)
		if err != nil {
			return fmt.Errorf("read the intake: %w", err)
		}
		var ids []int64
		var batch []*pending
		err = eachRow(r, func(r rows) error {
			var id int64
			var kind, raw string
			if err := r.Scan(&id, &kind, &raw); err != nil {
				return err
			}
			a, err := decodeArgs(kind, raw)
			if err != nil {
				return fmt.Errorf("intake row %d: %w", id, err)
			}
			ids = append(ids, id)
			batch = append(batch, &pending{item: enqueueItem{task: a.task(), args: a}})
			return nil
		})
		if err != nil {
			return fmt.Errorf("read the intake: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		accepted := make([]bool, len(batch))
		for i := range accepted {
			accepted[i] = true
		}
		jobs, err := s.knownJobs(batch, accepted)
		if err != nil {
			return err
		}
		var waiting []bool
		if len(jobs.keys) > 0 {
			if waiting, err = s.w.waitingJobs(ctx, tx, jobs.keys); err != nil {
				return fmt.Errorf("look for waiting jobs: %w", err)
			}
		}
		if err := s.insertJobs(ctx, tx, batch, accepted, jobs, waiting); err != nil {
			return fmt.Errorf("insert jobs: %w", err)
		}
		if err := s.w.deleteIntake(ctx, tx, ids); err != nil {
			return fmt.Errorf("delete moved intake rows: %w", err)
		}
		moved = len(batch)
		return nil
	})
	return moved, err
}

// insertIntake (SQLite) writes the rows through one prepared statement.
func (w *sqliteWriter) insertIntake(ctx context.Context, tx dbTx, rows []intakeRow, at time.Time) error {
	stmt := tx.native().(*sql.Tx).StmtContext(ctx, w.intake) //nolint:forcetypeassert // the SQLite store's transactions
	when := sqliteDialect.timeArg(at)
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.kind, r.args, when); err != nil {
			return err
		}
	}
	return nil
}

// deleteIntake (SQLite) deletes the moved rows: the ids are in order and
// SQLite has one writer, so the rows up to the last id are those moved.
func (w *sqliteWriter) deleteIntake(ctx context.Context, tx dbTx, ids []int64) error {
	_, err := tx.exec(ctx, `DELETE FROM intake WHERE id <= $1 AND kind IN `+intakeKindsSQL, ids[len(ids)-1])
	return err
}

const pgInsertIntake = `INSERT INTO intake (kind, args, received_at) SELECT k, a, $3 FROM unnest($1::text[], $2::text[]) AS t(k, a)`

func pgIntakeArgs(rows []intakeRow, at time.Time) []any {
	kinds, args := make([]string, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		kinds[i], args[i] = r.kind, r.args
	}
	return []any{kinds, args, at}
}

func (pgWriter) insertIntake(ctx context.Context, tx dbTx, rows []intakeRow, at time.Time) error {
	if len(rows) == 0 {
		return nil
	}
	_, err := tx.native().(pgx.Tx).Exec(ctx, pgInsertIntake, pgIntakeArgs(rows, at)...) //nolint:forcetypeassert // the PostgreSQL store's transactions
	return err
}

func (pgWriter) deleteIntake(ctx context.Context, tx dbTx, ids []int64) error {
	_, err := tx.native().(pgx.Tx).Exec(ctx, `DELETE FROM intake WHERE id = ANY($1::bigint[])`, ids) //nolint:forcetypeassert // the PostgreSQL store's transactions
	return err
}

// IntakeBacklog is how many acknowledged tasks wait in the intake for
// their job: for operations and tests.
func (s *Store) IntakeBacklog(ctx context.Context) (int, error) {
	var n int
	if err := s.db.queryRow(ctx, `SELECT count(*) FROM intake`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: intake backlog: %w", err)
	}
	return n, nil
}
