package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// The statements of a batch. Both databases keep the same rules: a
// delivery id is recorded once; an issue's counter grows by the number of
// its tasks; the newest snapshot wins, whatever order the webhooks came in.

const upsertActivityValues = `
	ON CONFLICT (platform, repo, number) DO UPDATE SET
		seq = issue_activity.seq + excluded.seq,
		snapshot = CASE WHEN excluded.snapshot IS NOT NULL AND (issue_activity.snapshot_at IS NULL OR excluded.snapshot_at >= issue_activity.snapshot_at)
			THEN excluded.snapshot ELSE issue_activity.snapshot END,
		snapshot_at = CASE WHEN excluded.snapshot IS NOT NULL AND (issue_activity.snapshot_at IS NULL OR excluded.snapshot_at >= issue_activity.snapshot_at)
			THEN excluded.snapshot_at ELSE issue_activity.snapshot_at END,
		updated_at = excluded.updated_at`

// sqliteWriter writes one row per statement, through statements prepared
// once on the connection: SQLite runs in-process, so a statement costs no
// round trip, and parsing it again for every row is what would cost.
type sqliteWriter struct {
	delivery, activity, waiting, intake *sql.Stmt
}

// sqliteWaitingJob is the predicate of River's unique index on SQLite,
// word for word, so that SQLite uses the index.
const sqliteWaitingJob = `SELECT count(*) FROM river_job WHERE unique_key = $1
	AND unique_key IS NOT NULL
	AND unique_states IS NOT NULL
	AND CASE state
		WHEN 'available' THEN unique_states & (1 << 0)
		WHEN 'cancelled' THEN unique_states & (1 << 1)
		WHEN 'completed' THEN unique_states & (1 << 2)
		WHEN 'discarded' THEN unique_states & (1 << 3)
		WHEN 'pending'   THEN unique_states & (1 << 4)
		WHEN 'retryable' THEN unique_states & (1 << 5)
		WHEN 'running'   THEN unique_states & (1 << 6)
		WHEN 'scheduled' THEN unique_states & (1 << 7)
		ELSE 0
	END >= 1`

func newSQLiteWriter(ctx context.Context, db *sql.DB) (*sqliteWriter, error) {
	w := &sqliteWriter{}
	var err error
	if w.delivery, err = db.PrepareContext(ctx, `INSERT INTO deliveries (platform, delivery_id, received_at) VALUES ($1, $2, $3)
		ON CONFLICT (platform, delivery_id) DO NOTHING`); err != nil {
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	if w.activity, err = db.PrepareContext(ctx, `INSERT INTO issue_activity (platform, repo, number, seq, snapshot, snapshot_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`+upsertActivityValues); err != nil {
		return nil, errors.Join(fmt.Errorf("store: prepare: %w", err), w.delivery.Close())
	}
	if w.waiting, err = db.PrepareContext(ctx, sqliteWaitingJob); err != nil {
		return nil, errors.Join(fmt.Errorf("store: prepare: %w", err), w.delivery.Close(), w.activity.Close())
	}
	if w.intake, err = db.PrepareContext(ctx, `INSERT INTO intake (kind, args, received_at) VALUES ($1, $2, $3)`); err != nil {
		return nil, errors.Join(fmt.Errorf("store: prepare: %w", err), w.delivery.Close(), w.activity.Close(), w.waiting.Close())
	}
	return w, nil
}

func (w *sqliteWriter) close() error {
	return errors.Join(w.delivery.Close(), w.activity.Close(), w.waiting.Close(), w.intake.Close())
}

func (w *sqliteWriter) waitingJobs(ctx context.Context, tx dbTx, keys [][]byte) ([]bool, error) {
	stmt := tx.native().(*sql.Tx).StmtContext(ctx, w.waiting) //nolint:forcetypeassert // the SQLite store's transactions
	out := make([]bool, len(keys))
	for i, k := range keys {
		var n int
		if err := stmt.QueryRowContext(ctx, k).Scan(&n); err != nil {
			return nil, err
		}
		out[i] = n > 0
	}
	return out, nil
}

func (w *sqliteWriter) insertDeliveries(ctx context.Context, tx dbTx, rows []deliveryRow, at time.Time) ([]bool, error) {
	stmt := tx.native().(*sql.Tx).StmtContext(ctx, w.delivery) //nolint:forcetypeassert // the SQLite store's transactions
	when := sqliteDialect.timeArg(at)
	fresh := make([]bool, len(rows))
	for i, r := range rows {
		res, err := stmt.ExecContext(ctx, r.platform, r.id, when)
		if err != nil {
			return nil, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		fresh[i] = n > 0
	}
	return fresh, nil
}

func (w *sqliteWriter) bumpActivity(ctx context.Context, tx dbTx, rows []activityRow, at time.Time) error {
	stmt := tx.native().(*sql.Tx).StmtContext(ctx, w.activity) //nolint:forcetypeassert // the SQLite store's transactions
	when := sqliteDialect.timeArg(at)
	for _, r := range rows {
		var snapshot, snapshotAt any
		if r.snapshot != nil {
			snapshot, snapshotAt = *r.snapshot, sqliteDialect.timeArg(r.snapshotAt)
		}
		if _, err := stmt.ExecContext(ctx, r.platform, r.repo, r.number, r.count, snapshot, snapshotAt, when); err != nil {
			return err
		}
	}
	return nil
}

// pgWriter writes each table's rows in one statement, from arrays: one
// round trip per table whatever the batch holds, and one statement text
// that pgx prepares once per connection.
type pgWriter struct{}

func (pgWriter) close() error { return nil }

// pgWaitingJobs has the predicate of River's unique index, so that
// PostgreSQL uses the index.
const pgWaitingJobs = `SELECT unique_key FROM river_job WHERE unique_key = ANY($1::bytea[])
	AND unique_key IS NOT NULL AND unique_states IS NOT NULL AND river_job_state_in_bitmask(unique_states, state)`

func (pgWriter) waitingJobs(ctx context.Context, tx dbTx, keys [][]byte) ([]bool, error) {
	ptx := tx.native().(pgx.Tx) //nolint:forcetypeassert // the PostgreSQL store's transactions
	r, err := ptx.Query(ctx, pgWaitingJobs, keys)
	if err != nil {
		return nil, err
	}
	return foundKeys(r, keys)
}

// foundKeys reads which of keys the look-up returned.
func foundKeys(r pgx.Rows, keys [][]byte) ([]bool, error) {
	found := make(map[string]bool, len(keys))
	var k []byte
	if _, err := pgx.ForEachRow(r, []any{&k}, func() error {
		found[string(k)] = true
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]bool, len(keys))
	for i, key := range keys {
		out[i] = found[string(key)]
	}
	return out, nil
}

const pgInsertDeliveries = `INSERT INTO deliveries (platform, delivery_id, received_at)
	SELECT p, d, $3 FROM unnest($1::text[], $2::text[]) AS t(p, d)
	ON CONFLICT (platform, delivery_id) DO NOTHING
	RETURNING platform, delivery_id`

func pgDeliveryArgs(rows []deliveryRow, at time.Time) []any {
	platforms, ids := make([]string, len(rows)), make([]string, len(rows))
	for i, r := range rows {
		platforms[i], ids[i] = r.platform, r.id
	}
	return []any{platforms, ids, at}
}

func (pgWriter) insertDeliveries(ctx context.Context, tx dbTx, rows []deliveryRow, at time.Time) ([]bool, error) {
	ptx := tx.native().(pgx.Tx) //nolint:forcetypeassert // the PostgreSQL store's transactions
	r, err := ptx.Query(ctx, pgInsertDeliveries, pgDeliveryArgs(rows, at)...)
	if err != nil {
		return nil, err
	}
	return freshDeliveries(r, rows)
}

// freshDeliveries reads which of rows the insert returned.
func freshDeliveries(r pgx.Rows, rows []deliveryRow) ([]bool, error) {
	inserted := make(map[deliveryRow]bool, len(rows))
	var d deliveryRow
	if _, err := pgx.ForEachRow(r, []any{&d.platform, &d.id}, func() error {
		inserted[d] = true
		return nil
	}); err != nil {
		return nil, err
	}
	fresh := make([]bool, len(rows))
	for i, row := range rows {
		fresh[i] = inserted[row]
	}
	return fresh, nil
}

func (pgWriter) bumpActivity(ctx context.Context, tx dbTx, rows []activityRow, at time.Time) error {
	if len(rows) == 0 {
		return nil
	}
	args, err := pgActivityArgs(rows, at)
	if err != nil {
		return err
	}
	ptx := tx.native().(pgx.Tx) //nolint:forcetypeassert // the PostgreSQL store's transactions
	_, err = ptx.Exec(ctx, pgBumpActivity, args...)
	return err
}

const pgBumpActivity = `INSERT INTO issue_activity (platform, repo, number, seq, snapshot, snapshot_at, updated_at)
	SELECT p, r, n, c, s::jsonb, sa, $7 FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::text[], $6::timestamptz[]) AS t(p, r, n, c, s, sa)` +
	upsertActivityValues

func pgActivityArgs(rows []activityRow, at time.Time) ([]any, error) {
	var (
		platforms, repos = make([]string, len(rows)), make([]string, len(rows))
		numbers          = make([]int32, len(rows))
		counts           = make([]int64, len(rows))
		snapshots        = make([]*string, len(rows))
		snapshotAts      = make([]*time.Time, len(rows))
	)
	for i, r := range rows {
		if r.number > 1<<31-1 {
			return nil, fmt.Errorf("issue number %d out of range", r.number)
		}
		platforms[i], repos[i], numbers[i], counts[i] = r.platform, r.repo, int32(r.number), r.count //nolint:gosec // checked above
		if r.snapshot != nil {
			snapshots[i], snapshotAts[i] = r.snapshot, &r.snapshotAt
		}
	}
	return []any{platforms, repos, numbers, counts, snapshots, snapshotAts, at}, nil
}

// pipeline sends the deliveries, the activity rows and the intake rows
// in one round trip (pgx's batch, in the transaction).
func (pgWriter) pipeline(ctx context.Context, tx dbTx, deliveries []deliveryRow, at time.Time, activity []activityRow, intake []intakeRow) (fresh []bool, err error) {
	b := &pgx.Batch{}
	if len(deliveries) > 0 {
		b.Queue(pgInsertDeliveries, pgDeliveryArgs(deliveries, at)...)
	}
	if len(activity) > 0 {
		args, err := pgActivityArgs(activity, at)
		if err != nil {
			return nil, err
		}
		b.Queue(pgBumpActivity, args...)
	}
	if len(intake) > 0 {
		b.Queue(pgInsertIntake, pgIntakeArgs(intake, at)...)
	}
	if b.Len() == 0 {
		return nil, nil
	}
	ptx := tx.native().(pgx.Tx) //nolint:forcetypeassert // the PostgreSQL store's transactions
	res := ptx.SendBatch(ctx, b)
	defer func() { err = errors.Join(err, res.Close()) }()
	if len(deliveries) > 0 {
		r, err := res.Query()
		if err != nil {
			return nil, err
		}
		if fresh, err = freshDeliveries(r, deliveries); err != nil {
			return nil, err
		}
	}
	if len(activity) > 0 {
		if _, err := res.Exec(); err != nil {
			return nil, err
		}
	}
	if len(intake) > 0 {
		if _, err := res.Exec(); err != nil {
			return nil, err
		}
	}
	return fresh, nil
}
