package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// What migration 8 adds to each save of an evaluation: the repository's
// readiness of the day, counted again in the save's transaction. "save"
// is SaveEvaluation whole (the evaluation, the count, the commit), "count"
// the count statement alone, in a transaction rolled back so that no
// commit is timed; 300 stories in the repository:
//
//	go test ./store -run '^$' -bench DashboardSave -benchmem
func BenchmarkDashboardSaveSQLite(b *testing.B) {
	benchDashboardSave(b, func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "bench.db") })
}

func BenchmarkDashboardSavePostgres(b *testing.B) {
	if os.Getenv(pgEnv) == "" {
		b.Skip(pgEnv + " is not set")
	}
	benchDashboardSave(b, pgSchemaDSN)
}

var errRollback = errors.New("rolled back")

func benchDashboardSave(b *testing.B, dsn func(testing.TB) string) {
	s := openStore(b, testOptions(b, dsn(b)))
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	e := core.Evaluation{Template: "user-story", Lang: rules.FR, Title: "Exporter les dossiers",
		Findings: []rules.Finding{{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError, Message: "m"}}}
	for n := 1; n <= 300; n++ {
		e.Ref, e.Ready, e.EvaluatedAt = issue(n), n%3 == 0, at
		if err := s.SaveEvaluation(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("save", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n++
			e.Ref, e.Ready = issue(n%300+1), n%2 == 0
			if err := s.SaveEvaluation(ctx, e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("count", func(b *testing.B) {
		for b.Loop() {
			err := inTx(ctx, s.db, func(tx dbTx) error {
				if err := recordReadiness(ctx, tx, testRepo, at); err != nil {
					return err
				}
				return errRollback
			})
			if err != errRollback {
				b.Fatal(err)
			}
		}
	})
}
