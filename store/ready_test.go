package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cochef/cochef/core"
)

func TestReadyNeedsTheSchema(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			if err := s.Ready(ctx); err != nil {
				t.Fatalf("fresh store not ready: %v", err)
			}
			// An operator rolls one of our migrations back by hand.
			if _, err := s.db.exec(ctx, `DELETE FROM cochef_migrations WHERE version = (SELECT max(version) FROM cochef_migrations)`); err != nil {
				t.Fatal(err)
			}
			if err := s.Ready(ctx); err == nil || !strings.Contains(err.Error(), "migrations applied") {
				t.Fatalf("Ready = %v, want a missing-migration error", err)
			}
		})
	}
}

// A store that cannot write is not ready, and neither is a SQLite file
// whose disk is nearly full: /readyz said ready while every
// acknowledgement failed.
func TestReadyNeedsAWritableDatabaseWithRoom(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			readOnly, writable := `PRAGMA query_only = 1`, `PRAGMA query_only = 0`
			if b.name == "postgres" {
				// The write fails, as on a read-only standby after a failover.
				readOnly, writable = `ALTER TABLE cochef_ready RENAME TO cochef_ready_ro`, `ALTER TABLE cochef_ready_ro RENAME TO cochef_ready`
			}
			if _, err := s.db.exec(ctx, readOnly); err != nil {
				t.Fatal(err)
			}
			if err := s.Ready(ctx); err == nil || !strings.Contains(err.Error(), "takes no write") {
				t.Errorf("a database that takes no write: Ready = %v", err)
			}
			if _, err := s.db.exec(ctx, writable); err != nil {
				t.Fatal(err)
			}
			if err := s.Ready(ctx); err != nil {
				t.Fatalf("writable again: %v", err)
			}
			if b.name != "sqlite" {
				return
			}
			s.freeSpace = func(string) (uint64, error) { return 3 << 20, nil }
			err := s.Ready(ctx)
			if err == nil || !strings.Contains(err.Error(), "3.0 MiB free on the disk of "+s.file) {
				t.Errorf("3 MiB left on the disk: Ready = %v", err)
			}
			s.freeSpace = func(string) (uint64, error) { return 1 << 30, nil }
			if err := s.Ready(ctx); err != nil {
				t.Errorf("1 GiB left: %v", err)
			}
		})
	}
}

// A SQLite error names its file: "database or disk is full" alone does not
// say which disk.
func TestSQLiteErrorsNameTheFile(t *testing.T) {
	s := openStore(t, testOptions(t, backends(t)[0].dsn(t)))
	ctx := context.Background()
	if _, err := s.db.exec(ctx, `PRAGMA query_only = 1`); err != nil {
		t.Fatal(err)
	}
	err := s.SaveEvaluation(ctx, core.Evaluation{Ref: issue(1)})
	if err == nil || !strings.Contains(err.Error(), "sqlite "+s.file+": ") {
		t.Errorf("a failed write: %v, want the file %s named", err, s.file)
	}
	if _, err := s.db.exec(ctx, `PRAGMA query_only = 0`); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "no", "such", "dir", "cochef.db")
	_, err = Open(ctx, testOptions(t, missing))
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("a file that cannot be opened: %v, want %s named", err, missing)
	}
}
