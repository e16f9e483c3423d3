package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// errNoRows is what row.Scan returns on both drivers when a query matched
// nothing, so callers need not know database/sql from pgx.
var errNoRows = errors.New("store: no rows")

// querier runs cochef's own SQL. Queries are written once, with $n
// placeholders, which both modernc.org/sqlite and PostgreSQL accept.
type querier interface {
	exec(ctx context.Context, query string, args ...any) (int64, error)
	queryRow(ctx context.Context, query string, args ...any) row
	query(ctx context.Context, query string, args ...any) (rows, error)
}

type row interface{ Scan(dest ...any) error }

type rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close() error
}

// dbTx is one transaction; native is the driver's own transaction (*sql.Tx
// or pgx.Tx) that River's InsertTx and JobCompleteTx need.
type dbTx interface {
	querier
	commit(ctx context.Context) error
	rollback(ctx context.Context) error
	native() any
}

type database interface {
	querier
	begin(ctx context.Context) (dbTx, error)
	// beginAck begins a transaction that acknowledges webhooks: its
	// commit is as durable as the database is configured to make it.
	beginAck(ctx context.Context) (dbTx, error)
	ping(ctx context.Context) error
	close() error
}

// dialect isolates the few places where SQLite and PostgreSQL differ.
type dialect struct {
	name string
	// forUpdate locks the row read in a transaction on PostgreSQL; SQLite
	// has one writer at a time, so its transactions are serial already.
	forUpdate string
	// timeArg turns a time into what the driver stores: PostgreSQL has
	// timestamptz; on SQLite a fixed-width UTC text sorts as it compares.
	timeArg    func(time.Time) any
	migrations []migration
	// lockMigrations serialises concurrent Opens of the same database.
	lockMigrations string
	// jsonText reads River's JSON columns as text: SQLite's River keeps
	// them in SQLite's binary JSONB, PostgreSQL's in jsonb.
	jsonText string
}

const sqliteTimeLayout = "2006-01-02T15:04:05.000000Z07:00"

var sqliteDialect = dialect{
	name:       driverSQLite,
	forUpdate:  "",
	timeArg:    func(t time.Time) any { return t.UTC().Format(sqliteTimeLayout) },
	migrations: sqliteMigrations,
	// BEGIN IMMEDIATE (the DSN's _txlock) already takes the write lock.
	lockMigrations: "",
	jsonText:       "json(%s)",
}

var postgresDialect = dialect{
	name:       driverPostgres,
	forUpdate:  " FOR UPDATE",
	timeArg:    func(t time.Time) any { return t.UTC() },
	migrations: postgresMigrations,
	// Any constant key works as long as only cochef uses it: it is held for
	// the migration transaction only.
	lockMigrations: "SELECT pg_advisory_xact_lock(7304617110391566)",
	jsonText:       "CAST(%s AS TEXT)",
}

// sqliteDB is database/sql over modernc.org/sqlite, on one connection.
// Its errors name the file: "database or disk is full" alone does not say
// which disk.
//
// Only the acknowledgements need their commit on disk before it returns
// (synchronous=FULL, the default, survives a power cut). Everything else
// written (River's fetches and completions, leases, evaluations) runs at
// ackSync's level at most NORMAL, which in WAL mode survives kill -9 and
// costs no fsync; a power cut can lose only such writes made after the last
// acknowledgement (whose fsync makes everything before it durable too),
// and losing them only makes a job run again. With one connection and one
// writer, an fsync per worker write would hold the intake back.
type sqliteDB struct {
	db   *sql.DB
	file string
	// ackSync is the DSN's synchronous level, for acknowledgements;
	// workSync the connection's level otherwise. Equal when the DSN asks
	// for NORMAL or OFF.
	ackSync, workSync string
	// gate lets the acknowledgements take the connection first.
	gate *priorityGate
}

// named is err with the database file named, errNoRows kept as is.
func named(file string, err error) error {
	if err == nil || errors.Is(err, sql.ErrNoRows) || errors.Is(err, errNoRows) {
		return err
	}
	if file == "" {
		file = ":memory:"
	}
	return &fileError{file: file, err: err}
}

// fileError is a SQLite error and its file.
type fileError struct {
	file string
	err  error
}

func (e *fileError) Error() string { return "sqlite " + e.file + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

type sqlRow struct {
	r    *sql.Row
	file string
}

func (r sqlRow) Scan(dest ...any) error {
	err := r.r.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return errNoRows
	}
	return named(r.file, err)
}

type sqlRows struct{ *sql.Rows }

// errRow is a row that could not be read.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

type pgRows struct{ pgx.Rows }

func (r pgRows) Close() error {
	r.Rows.Close()
	return r.Rows.Err()
}

// eachRow calls scan for every row, then closes rows, and returns the first
// error of the three steps.
func eachRow(r rows, scan func(rows) error) error {
	var err error
	for err == nil && r.Next() {
		err = scan(r)
	}
	return errors.Join(err, r.Err(), r.Close())
}

type sqlExecer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func sqlExec(ctx context.Context, e sqlExecer, file, query string, args ...any) (int64, error) {
	res, err := e.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, named(file, err)
	}
	n, err := res.RowsAffected()
	return n, named(file, err)
}

func sqlQuery(ctx context.Context, e sqlExecer, file, query string, args ...any) (rows, error) {
	r, err := e.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, named(file, err)
	}
	return sqlRows{r}, nil
}

func (d sqliteDB) exec(ctx context.Context, q string, args ...any) (int64, error) {
	if err := d.gate.wait(ctx); err != nil {
		return 0, err
	}
	return sqlExec(ctx, d.db, d.file, q, args...)
}
func (d sqliteDB) queryRow(ctx context.Context, q string, args ...any) row {
	if err := d.gate.wait(ctx); err != nil {
		return errRow{err}
	}
	return sqlRow{d.db.QueryRowContext(ctx, q, args...), d.file}
}
func (d sqliteDB) query(ctx context.Context, q string, args ...any) (rows, error) {
	if err := d.gate.wait(ctx); err != nil {
		return nil, err
	}
	return sqlQuery(ctx, d.db, d.file, q, args...)
}
func (d sqliteDB) begin(ctx context.Context) (dbTx, error) {
	if err := d.gate.wait(ctx); err != nil {
		return nil, err
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, named(d.file, err)
	}
	return sqliteTx{tx, d.file}, nil
}

// beginAck pins the connection and raises its synchronous level for this
// transaction only; commit and rollback lower it again.
func (d sqliteDB) beginAck(ctx context.Context) (_ dbTx, err error) {
	d.gate.enter()
	defer func() {
		if err != nil {
			d.gate.leave()
		}
	}()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, named(d.file, err)
	}
	if d.ackSync != d.workSync {
		if _, err := conn.ExecContext(ctx, "PRAGMA synchronous = "+d.ackSync); err != nil {
			return nil, errors.Join(named(d.file, err), conn.Close())
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, errors.Join(named(d.file, err), d.release(conn))
	}
	return &sqliteAckTx{sqliteTx: sqliteTx{tx, d.file}, conn: conn, d: d}, nil
}

// release lowers the pinned connection's level and returns it to the pool.
// If lowering fails, the connection is dropped rather than left slow; a new
// one opens at the DSN's level until the next acknowledgement lowers it.
func (d sqliteDB) release(conn *sql.Conn) error {
	if d.ackSync == d.workSync {
		return conn.Close()
	}
	if _, err := conn.ExecContext(context.Background(), "PRAGMA synchronous = "+d.workSync); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn }) // drop it
		return conn.Close()
	}
	return conn.Close()
}

// sqliteAckTx is a transaction on a pinned connection at the
// acknowledgements' level.
type sqliteAckTx struct {
	sqliteTx
	conn *sql.Conn
	d    sqliteDB
	done bool // the connection is released
}

func (t *sqliteAckTx) commit(ctx context.Context) error {
	return t.end(t.sqliteTx.commit(ctx))
}

// rollback also runs after a failed commit (runTx), when the transaction
// has ended and the connection is released already.
func (t *sqliteAckTx) rollback(ctx context.Context) error {
	if t.done {
		return nil
	}
	return t.end(t.sqliteTx.rollback(ctx))
}

func (t *sqliteAckTx) end(err error) error {
	t.done = true
	defer t.d.gate.leave()
	return errors.Join(err, t.d.release(t.conn))
}

func (d sqliteDB) ping(ctx context.Context) error { return named(d.file, d.db.PingContext(ctx)) }
func (d sqliteDB) close() error                   { return named(d.file, d.db.Close()) }

type sqliteTx struct {
	tx   *sql.Tx
	file string
}

func (t sqliteTx) exec(ctx context.Context, q string, args ...any) (int64, error) {
	return sqlExec(ctx, t.tx, t.file, q, args...)
}
func (t sqliteTx) queryRow(ctx context.Context, q string, args ...any) row {
	return sqlRow{t.tx.QueryRowContext(ctx, q, args...), t.file}
}
func (t sqliteTx) query(ctx context.Context, q string, args ...any) (rows, error) {
	return sqlQuery(ctx, t.tx, t.file, q, args...)
}
func (t sqliteTx) commit(context.Context) error { return named(t.file, t.tx.Commit()) }
func (t sqliteTx) rollback(context.Context) error {
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		return named(t.file, err)
	}
	return nil
}
func (t sqliteTx) native() any { return t.tx }

// pgDB is a pgx pool.
type pgDB struct{ pool *pgxpool.Pool }

type pgRow struct{ r pgx.Row }

func (r pgRow) Scan(dest ...any) error {
	err := r.r.Scan(dest...)
	if errors.Is(err, pgx.ErrNoRows) {
		return errNoRows
	}
	return err
}

type pgExecer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

func pgExec(ctx context.Context, e pgExecer, q string, args ...any) (int64, error) {
	tag, err := e.Exec(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

func pgQuery(ctx context.Context, e pgExecer, q string, args ...any) (rows, error) {
	r, err := e.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return pgRows{r}, nil
}

func (d pgDB) exec(ctx context.Context, q string, args ...any) (int64, error) {
	return pgExec(ctx, d.pool, q, args...)
}
func (d pgDB) queryRow(ctx context.Context, q string, args ...any) row {
	return pgRow{d.pool.QueryRow(ctx, q, args...)}
}
func (d pgDB) query(ctx context.Context, q string, args ...any) (rows, error) {
	return pgQuery(ctx, d.pool, q, args...)
}
func (d pgDB) begin(ctx context.Context) (dbTx, error) {
	tx, err := d.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	return pgTx{tx}, nil
}
func (d pgDB) ping(ctx context.Context) error { return d.pool.Ping(ctx) }
func (d pgDB) close() error                   { d.pool.Close(); return nil }

type pgTx struct{ tx pgx.Tx }

func (t pgTx) exec(ctx context.Context, q string, args ...any) (int64, error) {
	return pgExec(ctx, t.tx, q, args...)
}
func (t pgTx) queryRow(ctx context.Context, q string, args ...any) row {
	return pgRow{t.tx.QueryRow(ctx, q, args...)}
}
func (t pgTx) query(ctx context.Context, q string, args ...any) (rows, error) {
	return pgQuery(ctx, t.tx, q, args...)
}
func (t pgTx) commit(ctx context.Context) error { return t.tx.Commit(ctx) }
func (t pgTx) rollback(ctx context.Context) error {
	if err := t.tx.Rollback(ctx); err != nil && !errors.Is(err, pgx.ErrTxClosed) {
		return err
	}
	return nil
}
func (t pgTx) native() any { return t.tx }

// beginAck: PostgreSQL commits durably by its own settings
// (synchronous_commit), for every transaction alike.
func (d pgDB) beginAck(ctx context.Context) (dbTx, error) { return d.begin(ctx) }

// inTx runs fn in a transaction, committing when it returns nil.
func inTx(ctx context.Context, db database, fn func(tx dbTx) error) error {
	return runTx(ctx, db.begin, fn)
}

// inAckTx is inTx for a transaction that acknowledges webhooks.
func inAckTx(ctx context.Context, db database, fn func(tx dbTx) error) error {
	return runTx(ctx, db.beginAck, fn)
}

func runTx(ctx context.Context, begin func(context.Context) (dbTx, error), fn func(tx dbTx) error) (err error) {
	tx, err := begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			// The rollback must run even when ctx is done, or a SQLite
			// connection would stay inside the transaction.
			if rbErr := tx.rollback(context.WithoutCancel(ctx)); rbErr != nil {
				err = errors.Join(err, rbErr)
			}
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.commit(ctx)
}
