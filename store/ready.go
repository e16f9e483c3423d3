package store

import (
	"context"
	"fmt"
	"path/filepath"
	"time"
)

// minFreeBytes is the space the SQLite file's disk must keep to be ready:
// the write-ahead log grows by a few megabytes between checkpoints, and a
// full disk turns every acknowledgement into a 503.
const minFreeBytes = 16 << 20

// Ready reports whether the store can serve: the database answers, its
// schema is the one this binary expects (cochef's migrations and River's
// are applied) and it takes a write (a read-only standby after a failover,
// a full or read-only disk are not ready); on SQLite its disk keeps
// minFreeBytes. A replica whose database was restored from an older backup,
// or migrated down by hand, is taken out of the load balancer. The error
// says why, for the logs: it may name the database's host, user and file,
// which are not for whoever calls /readyz.
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
	if s.file != "" {
		free := s.freeSpace
		if free == nil {
			free = freeBytes
		}
		dir := filepath.Dir(s.file)
		if n, err := free(dir); err == nil && n < minFreeBytes {
			return fmt.Errorf("store: %.1f Mio libres seulement sur le disque de %s (%d Mio au moins) / only %.1f MiB free on the disk of %s (%d MiB at least)",
				float64(n)/(1<<20), s.file, minFreeBytes>>20, float64(n)/(1<<20), s.file, minFreeBytes>>20)
		}
	}
	if _, err := s.db.exec(ctx, `INSERT INTO cochef_ready (id, checked_at) VALUES (1, $1)
		ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`, s.d.timeArg(time.Now())); err != nil {
		return fmt.Errorf("store: the database takes no write: %w", err)
	}
	return nil
}
