package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// reach pings the database until it answers. A PostgreSQL that does not
// answer yet (it starts with the pod, a failover is under way) is tried
// again for ConnectFor, every attempt logged; refused credentials and a
// missing database are not waited for, nor is SQLite (a local file).
func (s *Store) reach(ctx context.Context) error {
	giveUp := time.Now().Add(s.o.ConnectFor)
	wait := time.Second
	for attempt := 1; ; attempt++ {
		err := s.db.ping(ctx)
		if err == nil {
			if attempt > 1 {
				s.log.InfoContext(ctx, "database reachable", "driver", s.driver, "attempts", attempt)
			}
			return nil
		}
		if s.driver != driverPostgres || refusedForGood(err) || ctx.Err() != nil || time.Now().Add(wait).After(giveUp) {
			if attempt > 1 {
				return fmt.Errorf("%d attempts in %s: %w", attempt, s.o.ConnectFor, err)
			}
			return err
		}
		s.log.WarnContext(ctx, "database unreachable, trying again", "driver", s.driver, "attempt", attempt,
			"retry_in", wait, "error", onceEachLine{err}.Error())
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait = min(2*wait, 10*time.Second)
	}
}

// refusedForGood is an answer that waiting does not change: refused
// credentials (class 28) or a database that does not exist (3D000).
func refusedForGood(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (strings.HasPrefix(pg.Code, "28") || pg.Code == "3D000")
}
