package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// migration is one step of cochef's own schema, next to River's tables in
// the same database. Steps are append-only: a released step never changes,
// a new need gets a new version.
type migration struct {
	version int
	name    string
	sql     []string
	// run, when set, runs after sql in the step's transaction: for data
	// that SQL alone cannot move (River's jobs, whose unique key River
	// computes).
	run func(ctx context.Context, tx dbTx, s *Store) error
}

// splitJobs is step 4 on both databases.
var splitJobs = migration{4, "one job kind per feature: queued cochef.evaluate_issue jobs move to their feature's kind", nil, splitLegacyJobs}

var sqliteMigrations = []migration{
	{1, "deliveries, issue activity, evaluations", []string{
		// deliveries remembers the platform's delivery ids so that a
		// redelivered webhook is acknowledged without a second job.
		`CREATE TABLE deliveries (
			platform    TEXT NOT NULL,
			delivery_id TEXT NOT NULL,
			received_at TIMESTAMP NOT NULL,
			PRIMARY KEY (platform, delivery_id)
		)`,
		`CREATE INDEX deliveries_received_at ON deliveries (received_at)`,
		// issue_activity counts the tasks received for an issue (seq), keeps
		// the newest snapshot of it, and leases the issue to one job at a
		// time (lease_job, lease_until).
		`CREATE TABLE issue_activity (
			platform    TEXT NOT NULL,
			repo        TEXT NOT NULL,
			number      INTEGER NOT NULL,
			seq         BIGINT NOT NULL DEFAULT 0,
			snapshot    TEXT,
			snapshot_at TIMESTAMP,
			lease_job   BIGINT,
			lease_until TIMESTAMP,
			updated_at  TIMESTAMP NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
		`CREATE TABLE evaluations (
			platform           TEXT NOT NULL,
			repo               TEXT NOT NULL,
			number             INTEGER NOT NULL,
			installation_id    BIGINT NOT NULL DEFAULT 0,
			project_id         BIGINT NOT NULL DEFAULT 0,
			template           TEXT NOT NULL DEFAULT '',
			lang               TEXT NOT NULL DEFAULT '',
			ready              BOOLEAN NOT NULL DEFAULT FALSE,
			findings           TEXT NOT NULL DEFAULT '[]',
			comment_id         BIGINT NOT NULL DEFAULT 0,
			comment_hash       TEXT NOT NULL DEFAULT '',
			labels             TEXT NOT NULL DEFAULT '[]',
			security_mentioned BOOLEAN NOT NULL DEFAULT FALSE,
			ready_mentioned    BOOLEAN NOT NULL DEFAULT FALSE,
			dry_run            BOOLEAN NOT NULL DEFAULT FALSE,
			comment            TEXT NOT NULL DEFAULT '',
			error              TEXT NOT NULL DEFAULT '',
			evaluated_at       TIMESTAMP NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
	}, nil},
	{2, "recette: checklist state, story links, validation trail", []string{
		// recette_state is one row per pull or merge request with a
		// checklist: what cochef wrote there and the model it rendered.
		`CREATE TABLE recette_state (
			platform        TEXT NOT NULL,
			repo            TEXT NOT NULL,
			number          INTEGER NOT NULL,
			installation_id BIGINT NOT NULL DEFAULT 0,
			project_id      BIGINT NOT NULL DEFAULT 0,
			title           TEXT NOT NULL DEFAULT '',
			url             TEXT NOT NULL DEFAULT '',
			milestone       TEXT NOT NULL DEFAULT '',
			head_sha        TEXT NOT NULL DEFAULT '',
			state           TEXT NOT NULL DEFAULT '',
			lang            TEXT NOT NULL DEFAULT '',
			comment_id      BIGINT NOT NULL DEFAULT 0,
			comment_hash    TEXT NOT NULL DEFAULT '',
			thread_id       TEXT NOT NULL DEFAULT '',
			thread_resolved BOOLEAN NOT NULL DEFAULT FALSE,
			status_id       BIGINT NOT NULL DEFAULT 0,
			status_sha      TEXT NOT NULL DEFAULT '',
			status_state    TEXT NOT NULL DEFAULT '',
			status_key      TEXT NOT NULL DEFAULT '',
			labels          TEXT NOT NULL DEFAULT '[]',
			model           TEXT NOT NULL DEFAULT '{}',
			error           TEXT NOT NULL DEFAULT '',
			updated_at      TIMESTAMP NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
		// recette_links finds, from a story, the open PRs/MRs whose
		// checklist shows it; story_repo is lower-cased (both platforms
		// match repository paths case-insensitively).
		`CREATE TABLE recette_links (
			platform           TEXT NOT NULL,
			story_repo         TEXT NOT NULL,
			story_number       INTEGER NOT NULL,
			mr_repo            TEXT NOT NULL,
			mr_number          INTEGER NOT NULL,
			mr_installation_id BIGINT NOT NULL DEFAULT 0,
			mr_project_id      BIGINT NOT NULL DEFAULT 0,
			digest             TEXT NOT NULL DEFAULT '',
			open               BOOLEAN NOT NULL DEFAULT TRUE,
			PRIMARY KEY (platform, story_repo, story_number, mr_repo, mr_number)
		)`,
		`CREATE INDEX recette_links_mr ON recette_links (platform, mr_repo, mr_number)`,
		// recette_validations is the trail: append-only, read in id order.
		`CREATE TABLE recette_validations (
			id             INTEGER PRIMARY KEY AUTOINCREMENT,
			platform       TEXT NOT NULL,
			repo           TEXT NOT NULL,
			number         INTEGER NOT NULL,
			story_repo     TEXT NOT NULL,
			story_number   INTEGER NOT NULL,
			criterion_key  TEXT NOT NULL,
			criterion_text TEXT NOT NULL,
			state          TEXT NOT NULL,
			actor          TEXT NOT NULL,
			at             TIMESTAMP NOT NULL,
			head_sha       TEXT NOT NULL DEFAULT '',
			reason         TEXT NOT NULL DEFAULT '',
			source         TEXT NOT NULL
		)`,
		`CREATE INDEX recette_validations_mr ON recette_validations (platform, repo, number, id)`,
	}, nil},
	{3, "evaluations remember a dismissed security review", []string{
		`ALTER TABLE evaluations ADD COLUMN security_dismissed BOOLEAN NOT NULL DEFAULT FALSE`,
	}, nil},
	splitJobs,
	{5, "a comment creation of unknown outcome is remembered", []string{
		`ALTER TABLE evaluations ADD COLUMN comment_pending_at TIMESTAMP`,
		`ALTER TABLE recette_state ADD COLUMN comment_pending_at TIMESTAMP`,
	}, nil},
	{6, "the readiness probe's row", []string{
		`CREATE TABLE cochef_ready (id INTEGER PRIMARY KEY, checked_at TIMESTAMP NOT NULL)`,
	}, nil},
	{7, "evaluations remember the issue's updated_at and its story's key (backfill, duplicates)", backfillColumns(
		"TIMESTAMP", "BOOLEAN NOT NULL DEFAULT FALSE"), nil},
	{8, "readiness dashboard: stories' title, link, security review and labels; readiness per day", dashboardSQLite, nil},
	{9, "mentions and recette replies of unknown outcome are remembered", []string{
		`ALTER TABLE evaluations ADD COLUMN mention_pending_at TIMESTAMP`,
		`ALTER TABLE recette_state ADD COLUMN reply_pending_at TIMESTAMP`,
	}, nil},
	{10, "the intake: acknowledged tasks waiting for their job", []string{
		`CREATE TABLE intake (
			id          INTEGER PRIMARY KEY,
			kind        TEXT NOT NULL,
			args        TEXT NOT NULL,
			received_at TIMESTAMP NOT NULL
		)`,
	}, nil},
}

var postgresMigrations = []migration{
	{1, "deliveries, issue activity, evaluations", []string{
		`CREATE TABLE deliveries (
			platform    text NOT NULL,
			delivery_id text NOT NULL,
			received_at timestamptz NOT NULL,
			PRIMARY KEY (platform, delivery_id)
		)`,
		`CREATE INDEX deliveries_received_at ON deliveries (received_at)`,
		`CREATE TABLE issue_activity (
			platform    text NOT NULL,
			repo        text NOT NULL,
			number      integer NOT NULL,
			seq         bigint NOT NULL DEFAULT 0,
			snapshot    jsonb,
			snapshot_at timestamptz,
			lease_job   bigint,
			lease_until timestamptz,
			updated_at  timestamptz NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
		`CREATE TABLE evaluations (
			platform           text NOT NULL,
			repo               text NOT NULL,
			number             integer NOT NULL,
			installation_id    bigint NOT NULL DEFAULT 0,
			project_id         bigint NOT NULL DEFAULT 0,
			template           text NOT NULL DEFAULT '',
			lang               text NOT NULL DEFAULT '',
			ready              boolean NOT NULL DEFAULT false,
			findings           jsonb NOT NULL DEFAULT '[]',
			comment_id         bigint NOT NULL DEFAULT 0,
			comment_hash       text NOT NULL DEFAULT '',
			labels             jsonb NOT NULL DEFAULT '[]',
			security_mentioned boolean NOT NULL DEFAULT false,
			ready_mentioned    boolean NOT NULL DEFAULT false,
			dry_run            boolean NOT NULL DEFAULT false,
			comment            text NOT NULL DEFAULT '',
			error              text NOT NULL DEFAULT '',
			evaluated_at       timestamptz NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
	}, nil},
	{2, "recette: checklist state, story links, validation trail", []string{
		`CREATE TABLE recette_state (
			platform        text NOT NULL,
			repo            text NOT NULL,
			number          integer NOT NULL,
			installation_id bigint NOT NULL DEFAULT 0,
			project_id      bigint NOT NULL DEFAULT 0,
			title           text NOT NULL DEFAULT '',
			url             text NOT NULL DEFAULT '',
			milestone       text NOT NULL DEFAULT '',
			head_sha        text NOT NULL DEFAULT '',
			state           text NOT NULL DEFAULT '',
			lang            text NOT NULL DEFAULT '',
			comment_id      bigint NOT NULL DEFAULT 0,
			comment_hash    text NOT NULL DEFAULT '',
			thread_id       text NOT NULL DEFAULT '',
			thread_resolved boolean NOT NULL DEFAULT false,
			status_id       bigint NOT NULL DEFAULT 0,
			status_sha      text NOT NULL DEFAULT '',
			status_state    text NOT NULL DEFAULT '',
			status_key      text NOT NULL DEFAULT '',
			labels          jsonb NOT NULL DEFAULT '[]',
			model           jsonb NOT NULL DEFAULT '{}',
			error           text NOT NULL DEFAULT '',
			updated_at      timestamptz NOT NULL,
			PRIMARY KEY (platform, repo, number)
		)`,
		`CREATE TABLE recette_links (
			platform           text NOT NULL,
			story_repo         text NOT NULL,
			story_number       integer NOT NULL,
			mr_repo            text NOT NULL,
			mr_number          integer NOT NULL,
			mr_installation_id bigint NOT NULL DEFAULT 0,
			mr_project_id      bigint NOT NULL DEFAULT 0,
			digest             text NOT NULL DEFAULT '',
			open               boolean NOT NULL DEFAULT true,
			PRIMARY KEY (platform, story_repo, story_number, mr_repo, mr_number)
		)`,
		`CREATE INDEX recette_links_mr ON recette_links (platform, mr_repo, mr_number)`,
		`CREATE TABLE recette_validations (
			id             bigserial PRIMARY KEY,
			platform       text NOT NULL,
			repo           text NOT NULL,
			number         integer NOT NULL,
			story_repo     text NOT NULL,
			story_number   integer NOT NULL,
			criterion_key  text NOT NULL,
			criterion_text text NOT NULL,
			state          text NOT NULL,
			actor          text NOT NULL,
			at             timestamptz NOT NULL,
			head_sha       text NOT NULL DEFAULT '',
			reason         text NOT NULL DEFAULT '',
			source         text NOT NULL
		)`,
		`CREATE INDEX recette_validations_mr ON recette_validations (platform, repo, number, id)`,
	}, nil},
	{3, "evaluations remember a dismissed security review", []string{
		`ALTER TABLE evaluations ADD COLUMN security_dismissed boolean NOT NULL DEFAULT false`,
	}, nil},
	splitJobs,
	{5, "a comment creation of unknown outcome is remembered", []string{
		`ALTER TABLE evaluations ADD COLUMN comment_pending_at timestamptz`,
		`ALTER TABLE recette_state ADD COLUMN comment_pending_at timestamptz`,
	}, nil},
	// cochef_workers is each replica's heartbeat (liveness.go); SQLite has
	// one owner and needs none. cochef_ready is the row the readiness
	// probe writes.
	{6, "replicas' heartbeats, the readiness probe's row", []string{
		`CREATE TABLE cochef_workers (
			client_id    text PRIMARY KEY,
			heartbeat_at timestamptz NOT NULL,
			started_at   timestamptz NOT NULL
		)`,
		`CREATE TABLE cochef_ready (id integer PRIMARY KEY, checked_at timestamptz NOT NULL)`,
	}, nil},
	{7, "evaluations remember the issue's updated_at and its story's key (backfill, duplicates)", backfillColumns(
		"timestamptz", "boolean NOT NULL DEFAULT false"), nil},
	{8, "readiness dashboard: stories' title, link, security review and labels; readiness per day", dashboardPostgres, nil},
	{9, "mentions and recette replies of unknown outcome are remembered", []string{
		`ALTER TABLE evaluations ADD COLUMN mention_pending_at timestamptz`,
		`ALTER TABLE recette_state ADD COLUMN reply_pending_at timestamptz`,
	}, nil},
	{10, "the intake: acknowledged tasks waiting for their job", []string{
		`CREATE TABLE intake (
			id          bigserial PRIMARY KEY,
			kind        text NOT NULL,
			args        text NOT NULL,
			received_at timestamptz NOT NULL
		)`,
	}, nil},
}

// migrate applies the steps not applied yet, each in its own transaction
// with its version row, so a crash leaves the schema at a known version.
func migrate(ctx context.Context, s *Store) (applied int, err error) {
	db, d := s.db, s.d
	for _, m := range d.migrations {
		done := false
		err := inTx(ctx, db, func(tx dbTx) error {
			if d.lockMigrations != "" {
				if _, err := tx.exec(ctx, d.lockMigrations); err != nil {
					return err
				}
			}
			// Created under the lock: two PostgreSQL sessions racing on
			// CREATE TABLE IF NOT EXISTS can still collide.
			if _, err := tx.exec(ctx, `CREATE TABLE IF NOT EXISTS cochef_migrations (
				version    INTEGER PRIMARY KEY,
				name       TEXT NOT NULL,
				applied_at TEXT NOT NULL
			)`); err != nil {
				return err
			}
			var n int
			if err := tx.queryRow(ctx, `SELECT count(*) FROM cochef_migrations WHERE version = $1`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				done = true
				return nil
			}
			for _, stmt := range m.sql {
				if _, err := tx.exec(ctx, stmt); err != nil {
					return err
				}
			}
			if m.run != nil {
				if err := m.run(ctx, tx, s); err != nil {
					return err
				}
			}
			_, err := tx.exec(ctx, `INSERT INTO cochef_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.version, m.name, time.Now().UTC().Format(time.RFC3339))
			return err
		})
		if err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		if !done {
			applied++
		}
	}
	return applied, nil
}

// splitLegacyJobs moves the jobs waiting under KindLegacy to the kind of
// their feature, in the migration's transaction, so an upgrade loses none
// of the work acknowledged before it. A moved job waits its debounce again
// and starts its attempts anew. Running jobs stay as they are: their
// process may still finish them, and otherwise the rescue makes them
// available to the worker that still runs KindLegacy.
func splitLegacyJobs(ctx context.Context, tx dbTx, s *Store) error {
	type waiting struct {
		id   int64
		args legacyArgs
	}
	var jobs []waiting
	r, err := tx.query(ctx, `SELECT id, `+fmt.Sprintf(s.d.jsonText, "args")+` FROM river_job
		WHERE kind = $1 AND state IN ('available', 'pending', 'retryable', 'scheduled') ORDER BY id`, KindLegacy)
	if err != nil {
		return fmt.Errorf("read %s jobs: %w", KindLegacy, err)
	}
	err = eachRow(r, func(r rows) error {
		var j waiting
		var raw string
		if err := r.Scan(&j.id, &raw); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(raw), &j.args); err != nil {
			return fmt.Errorf("job %d: %w", j.id, err)
		}
		jobs = append(jobs, j)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s jobs: %w", KindLegacy, err)
	}
	for _, j := range jobs {
		if _, err := tx.exec(ctx, `DELETE FROM river_job WHERE id = $1`, j.id); err != nil {
			return fmt.Errorf("job %d: %w", j.id, err)
		}
		args, ok := argsOf(j.args.task())
		if !ok {
			return fmt.Errorf("job %d: task kind %q has no feature", j.id, j.args.TaskKind)
		}
		if _, err := s.q.insertManyTx(ctx, tx, []river.InsertManyParams{{Args: args, InsertOpts: s.insertOpts()}}); err != nil {
			return fmt.Errorf("job %d as %s: %w", j.id, args.Kind(), err)
		}
	}
	if len(jobs) > 0 {
		s.log.InfoContext(ctx, "queued jobs moved to their feature's kind", "from", KindLegacy, "count", len(jobs))
	}
	return nil
}

// backfillColumns is step 7: the updated_at when it was evaluated
// (a backfill skips an issue evaluated at its current one), its story's
// key (role and need, normalised: duplicates are found from the store, no
// API call) and whether the issue was seen closed (a closed story is no
// one's duplicate), and whether the story asks for a security review
// (reports, dashboards). The primary key (platform, repo, number) serves the
// per-repository reads of both.
func backfillColumns(timestamp, boolean string) []string {
	return []string{
		`ALTER TABLE evaluations ADD COLUMN issue_updated_at ` + timestamp,
		`ALTER TABLE evaluations ADD COLUMN story_key TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE evaluations ADD COLUMN issue_closed ` + boolean,
		`ALTER TABLE evaluations ADD COLUMN security_review ` + boolean,
	}
}
