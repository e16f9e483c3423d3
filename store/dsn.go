package store

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const (
	driverSQLite   = "sqlite"
	driverPostgres = "postgres"

	defaultSQLitePath = "cochef.db"
)

// sqlitePragmas are what River and cochef need from SQLite. Each is added
// unless the DSN already sets that pragma, so an operator may trade
// durability for speed (synchronous(NORMAL)) knowingly.
//
// synchronous(FULL): in WAL mode a commit is already safe from a killed
// process with NORMAL (the WAL frames are in the OS page cache once COMMIT
// returns); FULL adds an fsync per commit so an acknowledged webhook also
// survives a power cut or a kernel crash. GitHub does not redeliver on its
// own, so an event lost after its 2xx is lost for good: we pay the fsync.
var sqlitePragmas = []struct{ name, value string }{
	{"journal_mode", "WAL"},
	{"busy_timeout", "10000"},
	{"foreign_keys", "1"},
	{"synchronous", "FULL"},
}

// schemeRE finds a URL scheme ("mysql://…"). A file path never has one;
// "file:x.db" and "C:\\x.db" have no "//" and stay paths.
var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*)://`)

// SchemeError is a DSN whose scheme names a database cochef cannot use:
// opening "mysql://…" as a SQLite file path would fail with a message
// about SQLite that misleads whoever typed it.
type SchemeError struct{ Scheme string }

func (e *SchemeError) Error() string {
	return fmt.Sprintf("base « %s:// » non prise en charge ; valeurs possibles : un fichier SQLite (cochef.db, sqlite:///chemin/absolu.db) ou une URL postgres:// "+
		"/ unsupported database %q; allowed: a SQLite file (cochef.db, sqlite:///absolute/path.db) or a postgres:// URL", e.Scheme, e.Scheme+"://")
}

// CheckDSN reports a DSN that names a database other than SQLite or
// PostgreSQL, without connecting.
func CheckDSN(dsn string) error {
	m := schemeRE.FindStringSubmatch(dsn)
	if m == nil {
		return nil
	}
	switch m[1] {
	case "sqlite", "postgres", "postgresql":
		return nil
	}
	return &SchemeError{Scheme: m[1]}
}

// parseDSN tells which database a DSN names and returns what the driver
// opens: a modernc.org/sqlite DSN or a pgx connection string.
func parseDSN(dsn string) (driver, conn string) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return driverPostgres, dsn
	case dsn == "":
		return driverSQLite, sqliteDSN(defaultSQLitePath)
	case strings.HasPrefix(dsn, "sqlite://"):
		// sqlite:///abs/path.db is an absolute path, sqlite://rel.db a
		// relative one, as in SQLAlchemy-style URLs.
		return driverSQLite, sqliteDSN(strings.TrimPrefix(dsn, "sqlite://"))
	case strings.HasPrefix(dsn, "sqlite:"):
		return driverSQLite, sqliteDSN(strings.TrimPrefix(dsn, "sqlite:"))
	default:
		return driverSQLite, sqliteDSN(dsn)
	}
}

// sqliteDSN appends the pragmas and the transaction mode we rely on to a
// file path that may already carry its own query.
func sqliteDSN(path string) string {
	if path == "" {
		path = defaultSQLitePath
	}
	base, query, _ := strings.Cut(path, "?")
	values, err := url.ParseQuery(query)
	if err != nil {
		// Not ours to fix: hand the DSN over as given and let the driver
		// report what is wrong with it.
		return path
	}
	set := map[string]bool{}
	for _, p := range values["_pragma"] {
		name, _, _ := strings.Cut(p, "(")
		set[strings.ToLower(strings.TrimSpace(name))] = true
	}
	var extra []string
	for _, p := range sqlitePragmas {
		if !set[p.name] {
			extra = append(extra, "_pragma="+p.name+"("+p.value+")")
		}
	}
	// IMMEDIATE takes the write lock at BEGIN: a second process on the same
	// file then waits (busy_timeout) instead of failing mid-transaction when
	// a read lock cannot be upgraded.
	if values.Get("_txlock") == "" {
		extra = append(extra, "_txlock=immediate")
	}
	if query != "" {
		extra = append([]string{query}, extra...)
	}
	return base + "?" + strings.Join(extra, "&")
}

// synchronousLevels are SQLite's synchronous settings, weakest first.
var synchronousLevels = []string{"OFF", "NORMAL", "FULL", "EXTRA"}

// sqliteSync reads the synchronous level a SQLite DSN (as sqliteDSN
// returns it) asks for: the acknowledgements' level, FULL by default; and
// the level of every other write, the same but at most NORMAL.
func sqliteSync(conn string) (ack, work string) {
	ack = "FULL"
	_, query, _ := strings.Cut(conn, "?")
	values, _ := url.ParseQuery(query) // sqliteDSN checked it, or the driver reports it
	for _, p := range values["_pragma"] {
		name, arg, _ := strings.Cut(p, "(")
		if !strings.EqualFold(strings.TrimSpace(name), "synchronous") {
			continue
		}
		arg = strings.ToUpper(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(arg), ")")))
		if n, err := strconv.Atoi(arg); err == nil && n >= 0 && n < len(synchronousLevels) {
			arg = synchronousLevels[n]
		}
		if slices.Contains(synchronousLevels, arg) {
			ack = arg
		}
	}
	work = ack
	if slices.Index(synchronousLevels, ack) > slices.Index(synchronousLevels, "NORMAL") {
		work = "NORMAL"
	}
	return ack, work
}
