package store

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckDSNRefusesOtherDatabasesByName(t *testing.T) {
	for _, dsn := range []string{"", "cochef.db", "/data/cochef.db", "file:cochef.db", "sqlite:///x.db", "sqlite:x.db",
		"postgres://u@h/db", "postgresql://u@h/db"} {
		if err := CheckDSN(dsn); err != nil {
			t.Errorf("CheckDSN(%q) = %v, want nil", dsn, err)
		}
	}
	for dsn, scheme := range map[string]string{
		"mysql://root@localhost/cochef": "mysql",
		"mariadb://x":                   "mariadb",
		"sqlserver://x":                 "sqlserver",
		"http://example.org/db":         "http",
		"Postgres://u@h/db":             "Postgres", // parseDSN would take it for a file name
	} {
		err := CheckDSN(dsn)
		var se *SchemeError
		if !errors.As(err, &se) || se.Scheme != scheme {
			t.Errorf("CheckDSN(%q) = %v, want a SchemeError for %q", dsn, err, scheme)
			continue
		}
		for _, want := range []string{"« " + scheme + ":// » non prise en charge", `unsupported database "` + scheme + `://"`, "postgres://", "SQLite"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("CheckDSN(%q) = %q, lacks %q", dsn, err, want)
			}
		}
	}
}

func TestOpenRefusesAnUnknownSchemeWithoutCreatingAFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	_, err := Open(context.Background(), Options{DSN: "mysql://root@localhost/cochef"})
	var se *SchemeError
	if !errors.As(err, &se) {
		t.Fatalf("Open(mysql://…) = %v, want a SchemeError", err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*")); len(m) > 0 {
		t.Errorf("Open left files behind: %v", m)
	}
}

func TestUnreachablePostgresIsReportedOnceWithOnePrefix(t *testing.T) {
	// A port nobody listens on: take one, then free it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = Open(context.Background(), Options{DSN: "postgres://nobody@" + addr + "/x", ConnectFor: 500 * time.Millisecond})
	if err == nil {
		t.Fatal("Open succeeded on a closed port")
	}
	msg := err.Error()
	if n := strings.Count(msg, "store:"); n != 1 {
		t.Errorf("%d \"store:\" prefixes in %q, want one", n, msg)
	}
	if !strings.Contains(msg, "base postgres injoignable / postgres database unreachable") {
		t.Errorf("message %q does not say the database is unreachable", msg)
	}
	// pgx tries with TLS, then without (sslmode=prefer): one dial error
	// line, not two.
	if n := strings.Count(msg, "dial error"); n != 1 {
		t.Errorf("the dial error appears %d times in:\n%s", n, msg)
	}
}

// A PostgreSQL that never answers at start (the probe of issue #14: 120 s
// of silence) is tried with a bounded connect timeout, each attempt
// logged, until ConnectFor; the error names no password.
func TestSilentPostgresIsRetriedAndLogged(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // accepted, never answered
		}
	}()
	var logs syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := time.Now()
	_, err = Open(ctx, Options{DSN: "postgres://cochef:s3cret@" + ln.Addr().String() + "/x?sslmode=disable&connect_timeout=1",
		ConnectFor: 6 * time.Second, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	took := time.Since(start)
	if err == nil {
		t.Fatal("Open succeeded against a server that never answers")
	}
	t.Logf("gave up after %s: %v", took.Round(time.Millisecond), err)
	if took > 10*time.Second {
		t.Errorf("gave up after %s, want about ConnectFor (6 s)", took.Round(time.Millisecond))
	}
	if n := strings.Count(logs.String(), "database unreachable, trying again"); n < 2 {
		t.Errorf("%d attempts logged, want each:\n%s", n, logs.String())
	}
	if !strings.Contains(err.Error(), "postgres database unreachable") || strings.Contains(err.Error()+logs.String(), "s3cret") {
		t.Errorf("error %q (or the logs) should say unreachable and name no password", err)
	}
}

func TestSQLiteSyncLevels(t *testing.T) {
	for _, c := range []struct{ dsn, ack, work string }{
		{"cochef.db", "FULL", "NORMAL"},
		{"x.db?_pragma=synchronous(NORMAL)", "NORMAL", "NORMAL"},
		{"x.db?_pragma=synchronous(off)", "OFF", "OFF"},
		{"x.db?_pragma=synchronous(3)", "EXTRA", "NORMAL"},
		{"x.db?_pragma=synchronous(bogus)", "FULL", "NORMAL"},
	} {
		_, conn := parseDSN(c.dsn)
		if ack, work := sqliteSync(conn); ack != c.ack || work != c.work {
			t.Errorf("%s: acknowledgements %s, other writes %s; want %s, %s", c.dsn, ack, work, c.ack, c.work)
		}
	}
}

// Only the acknowledgements wait for the disk: their transaction runs at
// the DSN's level (FULL by default), every other write at NORMAL.
func TestOnlyAcknowledgementsSyncFully(t *testing.T) {
	s := openStore(t, testOptions(t, filepath.Join(t.TempDir(), "cochef.db")))
	ctx := context.Background()
	level := func(q querier) int {
		t.Helper()
		var n int
		if err := q.queryRow(ctx, `PRAGMA synchronous`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got := level(s.db); got != 1 {
		t.Fatalf("synchronous %d outside acknowledgements, want 1 (NORMAL)", got)
	}
	tx, err := s.db.beginAck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := level(tx); got != 2 {
		t.Errorf("synchronous %d in an acknowledgement, want 2 (FULL)", got)
	}
	if err := tx.commit(ctx); err != nil {
		t.Fatal(err)
	}
	mustEnqueue(t, s, task(1))
	if got := level(s.db); got != 1 {
		t.Fatalf("synchronous %d after acknowledgements, want 1 (NORMAL)", got)
	}
}
