package store

import (
	"context"
	"strings"
	"testing"
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
