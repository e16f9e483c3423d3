// Package store is cochef's durable side: the job queue (River, on SQLite by
// default or PostgreSQL) that turns accepted webhooks into evaluations, and
// the table of last evaluations that the next evaluation, the dashboard and
// audits read.
//
// One database holds both River's tables and cochef's: a webhook's delivery
// id, the activity counter and an intake row for its job are
// written in one transaction, and a mover turns intake rows into River jobs
// in the transaction that deletes them (intake.go), so an event
// acknowledged 2xx is never lost and a redelivery never makes a second job.
//
// What the queue guarantees, and the River behaviour it works around:
//
//   - Durability: SQLite runs in WAL mode and commits the transactions
//     that acknowledge webhooks with synchronous=FULL, so a committed
//     Enqueue survives kill -9 (NORMAL would too) and also a power cut
//     (NORMAL would not). Its other writes run at NORMAL (db.go says why).
//   - Group commit: tasks enqueued while a transaction commits share the
//     next one, one fsync for all (batch.go, enqueue.go); River's insert
//     runs after the answer, in bulk (intake.go).
//   - One job kind per feature (cochef.feedback, cochef.recette,
//     cochef.merge_group), each with arguments of its own (jobs.go).
//   - Coalescing: a job is unique per kind, issue and what its trigger
//     carries (actor, command, boxes) while available, pending, scheduled,
//     running or retryable. River's default unique states include
//     completed, which would ignore every edit after an evaluation until
//     the job is cleaned a day later.
//   - Debounce: jobs are inserted available and wait in the worker (a
//     snooze, which uses no attempt) rather than scheduled, because River
//     moves scheduled jobs only every 5 s and only on the elected leader.
//   - Edits while a job runs: River turns their insert away as a duplicate
//     of the running job; the activity counter, checked in the
//     transaction that completes the job, makes the job run once more.
//   - Crashes: River's rescuer runs every 30 s, on the leader only, and a
//     restarted process waits up to 15 s for the dead leader's term to end,
//     so a job killed mid-way could wait well over a minute; the store
//     looks for stuck jobs every few seconds itself, through River's driver.
//     On SQLite one process owns the file (owner.go): its restart runs the
//     dead owner's jobs again at once. On PostgreSQL each replica keeps a
//     heartbeat (liveness.go): a dead replica's jobs are taken again about
//     15 s after its last beat, and its queue leadership ended.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/cochef/cochef/core"

	// The pure-Go SQLite driver registers itself as "sqlite".
	_ "modernc.org/sqlite"
)

// Options configures Open. The zero value is a SQLite file cochef.db in
// the working directory with the defaults below.
type Options struct {
	// DSN is "" or a file path or "sqlite:///path/file.db" for SQLite,
	// "postgres://…" or "postgresql://…" for PostgreSQL (pgx syntax; the
	// search_path parameter selects a schema).
	DSN string
	// Debounce is how long after the first task of a burst for one issue
	// its evaluation runs; the burst coalesces into that one run. Default
	// 2s; negative means no wait.
	Debounce time.Duration
	// Workers is how many jobs run at once in this process. Default 4.
	Workers int
	// JobTimeout bounds one attempt of a job. Default 30s.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is taken
	// for the job of a crashed process and run again. It must exceed
	// JobTimeout. Default 45s.
	RescueAfter time.Duration
	// MaxAttempts is how many times a job that keeps failing transiently
	// is tried before it is given up and its error recorded. Default 20
	// (about 15 minutes with the retry steps).
	MaxAttempts int
	// PollInterval is how often idle workers look for due jobs, which
	// bounds how late after its debounce a job starts. Default 1s.
	PollInterval time.Duration
	// ConnectFor is how long Open keeps trying to reach a PostgreSQL that
	// does not answer, each attempt bounded (connect_timeout, 5 s unless
	// the DSN says) and logged. Default 1 min: the shipped Kubernetes
	// startup probe gives a pod a minute.
	ConnectFor time.Duration
	Logger     *slog.Logger
}

const (
	defaultDebounce     = 2 * time.Second
	defaultWorkers      = 4
	defaultJobTimeout   = 30 * time.Second
	defaultRescueAfter  = 45 * time.Second
	defaultMaxAttempts  = 20
	defaultPollInterval = time.Second
	defaultConnectFor   = time.Minute
	// defaultConnectTimeout bounds one connection attempt to PostgreSQL
	// when the DSN sets no connect_timeout: without it a server that never
	// answers holds the start for the system's TCP timeout (about 2 min),
	// silently.
	defaultConnectTimeout = 5 * time.Second

	// deliveryRetention is how long a delivery id is remembered. GitHub
	// lets a delivery be redelivered for 3 days.
	deliveryRetention = 7 * 24 * time.Hour
	pruneInterval     = time.Hour
)

func (o Options) withDefaults() (Options, error) {
	if o.Debounce == 0 {
		o.Debounce = defaultDebounce
	}
	if o.Debounce < 0 {
		o.Debounce = 0
	}
	if o.Workers <= 0 {
		o.Workers = defaultWorkers
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = defaultJobTimeout
	}
	if o.RescueAfter <= 0 {
		o.RescueAfter = defaultRescueAfter
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = defaultMaxAttempts
	}
	if o.PollInterval <= 0 {
		o.PollInterval = defaultPollInterval
	}
	if o.ConnectFor <= 0 {
		o.ConnectFor = defaultConnectFor
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.RescueAfter <= o.JobTimeout {
		return o, fmt.Errorf("store: RescueAfter (%s) must exceed JobTimeout (%s), or a slow job would be run twice at once", o.RescueAfter, o.JobTimeout)
	}
	return o, nil
}

// Store is the queue and the evaluation store. It implements core.Enqueuer
// and core.EvaluationStore.
type Store struct {
	o      Options
	log    *slog.Logger
	driver string
	// file is the SQLite database file ("" on PostgreSQL and in memory),
	// lock its ownership while the queue runs (owner.go).
	file string
	lock *fileLock
	// live is this replica's heartbeat on PostgreSQL (liveness.go).
	live liveness
	// freeSpace reads the free bytes of a directory's disk; freeBytes
	// when nil.
	freeSpace func(dir string) (uint64, error)
	d         dialect
	db        database
	q         queue
	w         batchWriter
	// intake commits the enqueued tasks in batches (batch.go).
	intake  *batcher
	jobKeys jobKeyCache
	// mv turns the intake's rows into River jobs (intake.go).
	mv *mover

	// worker is read by running jobs while Stop holds mu and waits for
	// them, hence not under mu.
	worker atomic.Pointer[core.Worker]

	mu      sync.Mutex
	started bool
	cancel  context.CancelFunc // stops the maintenance loop
	done    chan struct{}      // closed when the maintenance loop returns
}

var (
	_ core.Enqueuer        = (*Store)(nil)
	_ core.EvaluationStore = (*Store)(nil)
)

// Open connects to the database and brings River's schema and cochef's to
// the current version. Opening an up-to-date database changes nothing.
func Open(ctx context.Context, o Options) (*Store, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := CheckDSN(o.DSN); err != nil {
		return nil, err
	}
	s := &Store{o: o, log: o.Logger.With("component", "store")}
	driver, conn := parseDSN(o.DSN)
	s.driver = driver
	switch driver {
	case driverSQLite:
		s.file = sqliteFile(conn)
		sqlDB, err := sql.Open("sqlite", conn)
		if err != nil {
			return nil, fmt.Errorf("store: open sqlite: %w", err)
		}
		// River's SQLite driver runs its services concurrently; with more
		// than one connection they fail with SQLITE_BUSY instead of queueing.
		sqlDB.SetMaxOpenConns(1)
		ack, work := sqliteSync(conn)
		s.db, s.d = sqliteDB{db: sqlDB, file: s.file, ackSync: ack, workSync: work, gate: newPriorityGate()}, sqliteDialect
		s.q, err = newSQLiteQueue(sqlDB, s)
		if err != nil {
			return nil, errors.Join(err, sqlDB.Close())
		}
	case driverPostgres:
		cfg, err := pgxpool.ParseConfig(conn)
		if err != nil {
			return nil, fmt.Errorf("store: postgres DSN: %w", err)
		}
		// Each worker may hold a connection while River's producer,
		// completer, listener and elector hold theirs, the intake's
		// committer one and its mover one: a webhook never waits for a
		// worker's connection, nor for the mover's.
		if !strings.Contains(conn, "pool_max_conns") {
			cfg.MaxConns = max(cfg.MaxConns, int32(o.Workers)+7)
		}
		if !strings.Contains(conn, "connect_timeout") {
			cfg.ConnConfig.ConnectTimeout = defaultConnectTimeout
		}
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			return nil, fmt.Errorf("store: connect postgres: %w", err)
		}
		s.db, s.d = pgDB{pool}, postgresDialect
		s.q, err = newPostgresQueue(pool, s)
		if err != nil {
			pool.Close()
			return nil, err
		}
	}
	if err := s.migrate(ctx); err != nil {
		return nil, errors.Join(err, s.db.close())
	}
	switch db := s.db.(type) {
	case sqliteDB:
		// From now on only the acknowledgements wait for the disk.
		if _, err := db.exec(ctx, "PRAGMA synchronous = "+db.workSync); err != nil {
			return nil, errors.Join(fmt.Errorf("store: sqlite: %w", err), s.db.close())
		}
		w, err := newSQLiteWriter(ctx, db.db)
		if err != nil {
			return nil, errors.Join(err, s.db.close())
		}
		s.w = w
	default:
		s.w = pgWriter{}
	}
	s.intake = newBatcher(s.commitItems, maxBatch, maxBatchBytes)
	s.startMover()
	return s, nil
}

// riverMigrationLock is the advisory lock key that serialises River's
// migrations across processes (cochef's own use another key, in a
// transaction).
const riverMigrationLock int64 = 7304617110391567

func (s *Store) migrate(ctx context.Context) error {
	if err := s.reach(ctx); err != nil {
		return fmt.Errorf("store: base %s injoignable / %s database unreachable: %w", s.driver, s.driver, onceEachLine{err})
	}
	// River's PostgreSQL migrations cannot run in one transaction (one adds
	// an enum value it then uses), so replicas starting together on an
	// empty database are serialised by a session-level advisory lock held
	// on a connection of its own.
	if pg, ok := s.db.(pgDB); ok {
		conn, err := pg.pool.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("store: river migrations: %w", err)
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, riverMigrationLock); err != nil {
			return fmt.Errorf("store: river migrations lock: %w", err)
		}
		defer func() {
			// If the unlock fails, close the connection: the session's
			// lock goes with it.
			if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, riverMigrationLock); err != nil {
				conn.Conn().Close(context.WithoutCancel(ctx))
			}
		}()
	}
	river, err := s.q.migrate(ctx)
	if err != nil {
		return fmt.Errorf("store: river migrations: %w", err)
	}
	ours, err := migrate(ctx, s)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if river+ours > 0 {
		s.log.Info("database migrated", "driver", s.driver, "river_steps", river, "cochef_steps", ours)
	}
	return nil
}

// onceEachLine prints an error whose lines repeat only once: with
// sslmode=prefer (pgx's default) a refused connection is tried with TLS and
// then without, and pgx reports the same dial error for both attempts.
type onceEachLine struct{ err error }

func (e onceEachLine) Error() string {
	lines := strings.Split(e.err.Error(), "\n")
	seen := make(map[string]bool, len(lines))
	out := lines[:0]
	for _, l := range lines {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func (e onceEachLine) Unwrap() error { return e.err }

// Driver is "sqlite" or "postgres".
func (s *Store) Driver() string { return s.driver }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.ping(ctx) }

// insertOpts makes a job unique per issue and task kind while it waits or
// runs. Completed, cancelled and discarded jobs do not count, so an edit
// after a finished evaluation gets a new job. River requires available,
// pending, running and scheduled in ByState; retryable is kept so a task
// for an issue whose job awaits a retry joins it.
func (s *Store) insertOpts() *river.InsertOpts {
	return &river.InsertOpts{
		MaxAttempts: s.o.MaxAttempts,
		UniqueOpts: river.UniqueOpts{
			ByArgs:  true,
			ByState: uniqueStates,
		},
	}
}

// Start runs up to Options.Workers jobs at a time, each calling w.Work,
// and the store's maintenance (stuck-job rescue, delivery pruning).
// Cancelling ctx stops fetching jobs, as Stop does.
func (s *Store) Start(ctx context.Context, w core.Worker) error {
	if w == nil {
		return errors.New("store: Start needs a worker")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("store: already started")
	}
	s.worker.Store(&w)
	if err := s.ownSQLite(ctx); err != nil {
		return err
	}
	if s.heartbeats() {
		// Beaten before any job runs, so every job of ours is covered.
		s.beat(ctx)
	}
	if err := s.q.start(ctx); err != nil {
		return errors.Join(fmt.Errorf("store: start river: %w", err), s.releaseSQLite())
	}
	mctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.cancel, s.done, s.started = cancel, make(chan struct{}), true
	go s.maintain(mctx, s.done)
	return nil
}

// Stop stops fetching jobs and waits for the running ones until ctx is
// done; then it cancels them (they return to the queue without using an
// attempt) and waits a few seconds more for them to let go.
func (s *Store) Stop(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		return nil
	}
	s.started = false
	s.cancel()
	<-s.done
	err := s.q.stop(ctx)
	if err != nil && ctx.Err() != nil {
		hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		err = errors.Join(err, s.q.stopAndCancel(hard))
	}
	// Its jobs are handed back: the next owner or the other replicas may
	// take them at once.
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	s.forget(fctx)
	err = errors.Join(err, s.releaseSQLite())
	if err != nil {
		return fmt.Errorf("store: stop: %w", err)
	}
	return nil
}

// Close stops the workers if they run, commits the tasks already
// enqueued, and closes the database. Enqueue fails after Close.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := s.Stop(ctx)
	s.intake.close()
	// What the mover leaves is durable; the next Open moves it.
	s.stopMover()
	return errors.Join(err, s.w.close(), s.db.close())
}

// JobStats counts River's jobs by state (available, scheduled, running,
// retryable, completed, cancelled, discarded…), for tests and operations,
// once the tasks acknowledged so far have their jobs.
func (s *Store) JobStats(ctx context.Context) (map[string]int, error) {
	if _, err := s.moveAll(ctx); err != nil {
		return nil, fmt.Errorf("store: job stats: %w", err)
	}
	r, err := s.db.query(ctx, `SELECT CAST(state AS TEXT), count(*) FROM river_job GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("store: job stats: %w", err)
	}
	stats := map[string]int{}
	err = eachRow(r, func(r rows) error {
		var state string
		var n int
		if err := r.Scan(&state, &n); err != nil {
			return err
		}
		stats[state] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: job stats: %w", err)
	}
	return stats, nil
}
