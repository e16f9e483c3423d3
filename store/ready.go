package store

import (
	"context"
	"fmt"
)

// Ready reports whether the store can serve: the database answers and its
// schema is the one this binary expects (cochef's migrations and River's
// are applied). A replica whose database was restored from an older backup,
// or migrated down by hand, is taken out of the load balancer.
func (s *Store) Ready(ctx context.Context) error {
	if err := s.db.ping(ctx); err != nil {
		return fmt.Errorf("store: %s unreachable: %w", s.driver, err)
	}
	var ours int
	if err := s.db.queryRow(ctx, `SELECT count(*) FROM cochef_migrations`).Scan(&ours); err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if want := len(s.d.migrations); ours < want {
		return fmt.Errorf("store: %d of %d migrations applied", ours, want)
	}
	var river int
	if err := s.db.queryRow(ctx, `SELECT count(*) FROM river_migration`).Scan(&river); err != nil {
		return fmt.Errorf("store: river migrations: %w", err)
	}
	if river == 0 {
		return fmt.Errorf("store: river migrations not applied")
	}
	return nil
}
