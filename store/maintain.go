package store

import (
	"context"
	"time"
)

// maintain rescues jobs left running by a crashed process and forgets old
// deliveries, until ctx is cancelled.
func (s *Store) maintain(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	rescue := time.NewTicker(rescueInterval(s.o.RescueAfter))
	defer rescue.Stop()
	prune := time.NewTicker(pruneInterval)
	defer prune.Stop()
	var beat <-chan time.Time
	if s.heartbeats() {
		t := time.NewTicker(heartbeatEvery)
		defer t.Stop()
		beat = t.C
	}
	s.pruneDeliveries(ctx)
	s.rescueStuck(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-beat:
			s.beat(ctx)
		case <-rescue.C:
			s.rescueStuck(ctx)
		case <-prune.C:
			s.pruneDeliveries(ctx)
		}
	}
}

func (s *Store) pruneDeliveries(ctx context.Context) {
	n, err := s.db.exec(ctx, `DELETE FROM deliveries WHERE received_at < $1`,
		s.d.timeArg(time.Now().Add(-deliveryRetention)))
	if err != nil {
		if ctx.Err() == nil {
			s.log.WarnContext(ctx, "pruning old deliveries failed", "error", err)
		}
		return
	}
	if n > 0 {
		s.log.InfoContext(ctx, "old deliveries pruned", "count", n)
	}
}
