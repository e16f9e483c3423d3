package store

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/rivertype"
)

// On PostgreSQL several replicas share the queue, and a job left running
// by a replica that was killed used to wait RescueAfter (45 s) before any
// other took it. River's own client liveness is not in its open-source
// edition, so each replica keeps a heartbeat of its own: a row in
// cochef_workers, written every heartbeatEvery under River's client id
// (the id River records in each job's attempted_by). A running job whose
// replica has not beaten for deadAfter is taken again by any replica.
//
// Safety: a replica that cannot write its heartbeat for fenceAfter (well
// before deadAfter) stops its running jobs itself, so that when the others
// take them it no longer writes to the platforms: the rescue is earlier,
// never concurrent. Times are the database's own clock on both sides, so
// replicas' clocks need not agree. A job attempted by a replica without a
// heartbeat row (a release before this one, during a rolling upgrade)
// still waits RescueAfter.
const (
	heartbeatEvery = 2 * time.Second
	fenceAfter     = 4 * heartbeatEvery
	deadAfter      = 6 * heartbeatEvery
	// workerRowsKept: rows of replicas gone for longer are deleted.
	workerRowsKept = 24 * time.Hour
)

// errFenced cancels the jobs of a replica that lost its heartbeat.
var errFenced = errors.New("store: this replica could not write its heartbeat; its jobs are left to the others")

// liveness is this replica's heartbeat state.
type liveness struct {
	mu       sync.Mutex
	lastBeat time.Time
	fence    context.Context // cancelled when the heartbeat is lost
	cut      context.CancelCauseFunc
}

func (l *liveness) current() context.Context {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fence == nil {
		l.fence, l.cut = context.WithCancelCause(context.Background())
	}
	return l.fence
}

// heartbeats reports whether this store keeps a heartbeat.
func (s *Store) heartbeats() bool { return s.driver == driverPostgres }

// beat writes this replica's heartbeat. A failure that lasts fenceAfter
// stops the running jobs; a success after that lets new ones run.
func (s *Store) beat(ctx context.Context) {
	bctx, cancel := context.WithTimeout(ctx, heartbeatEvery)
	defer cancel()
	_, err := s.db.exec(bctx, `INSERT INTO cochef_workers (client_id, heartbeat_at, started_at) VALUES ($1, now(), now())
		ON CONFLICT (client_id) DO UPDATE SET heartbeat_at = now()`, s.q.clientID())
	l := &s.live
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if err == nil {
		if l.fence != nil && l.fence.Err() != nil {
			s.log.InfoContext(ctx, "heartbeat written again: this replica takes jobs again")
			l.fence, l.cut = nil, nil
		}
		l.lastBeat = now
		return
	}
	if ctx.Err() != nil {
		return
	}
	s.log.WarnContext(ctx, "writing the heartbeat failed", "error", err, "since", now.Sub(l.lastBeat).Round(time.Second))
	if !l.lastBeat.IsZero() && now.Sub(l.lastBeat) >= fenceAfter && l.fence != nil && l.fence.Err() == nil {
		s.log.ErrorContext(ctx, "no heartbeat for too long: stopping this replica's running jobs, the other replicas take them",
			"since", now.Sub(l.lastBeat).Round(time.Second))
		l.cut(errFenced)
	}
}

// fenced is ctx, cancelled too if this replica loses its heartbeat while
// the job runs.
func (s *Store) fenced(ctx context.Context) (context.Context, context.CancelFunc) {
	if !s.heartbeats() {
		return ctx, func() {}
	}
	jctx, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(s.live.current(), func() { cancel(errFenced) })
	return jctx, func() {
		stop()
		cancel(nil)
	}
}

// rescueDead takes back the running jobs of replicas whose heartbeat
// stopped deadAfter ago.
func (s *Store) rescueDead(ctx context.Context) {
	if !s.heartbeats() {
		return
	}
	r, err := s.db.query(ctx, `SELECT client_id FROM cochef_workers WHERE heartbeat_at < now() - $1 * interval '1 millisecond'`,
		deadAfter.Milliseconds())
	if err != nil {
		if ctx.Err() == nil {
			s.log.WarnContext(ctx, "reading the replicas' heartbeats failed", "error", err)
		}
		return
	}
	var dead []string
	err = eachRow(r, func(r rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		dead = append(dead, id)
		return nil
	})
	if err != nil || len(dead) == 0 {
		if err != nil && ctx.Err() == nil {
			s.log.WarnContext(ctx, "reading the replicas' heartbeats failed", "error", err)
		}
		return
	}
	n := s.rescue(ctx, time.Now().Add(-deadAfter), func(j *rivertype.JobRow) bool {
		return len(j.AttemptedBy) > 0 && slices.Contains(dead, j.AttemptedBy[len(j.AttemptedBy)-1])
	}, "left running by a replica whose heartbeat stopped; taken again by cochef")
	if n > 0 {
		s.log.InfoContext(ctx, "jobs of a stopped replica taken again", "count", n, "replicas", dead)
	}
	s.resignDeadLeader(ctx, func(id string) bool { return slices.Contains(dead, id) })
	if _, err := s.db.exec(ctx, `DELETE FROM cochef_workers WHERE heartbeat_at < now() - $1 * interval '1 millisecond'`,
		workerRowsKept.Milliseconds()); err != nil && ctx.Err() == nil {
		s.log.WarnContext(ctx, "forgetting old replicas failed", "error", err)
	}
}

// resignDeadLeader ends the River leadership of a process known dead:
// River moves scheduled jobs (a snooze over 5 s: a rate limit, a write
// settling) only on its leader, and a leader killed with -9 keeps its term
// for 15 s, plus up to 6 s before another replica bids. River's own
// resignation query is used, which on PostgreSQL also tells the others to
// bid at once.
func (s *Store) resignDeadLeader(ctx context.Context, dead func(id string) bool) {
	exec := s.q.executor()
	leader, err := exec.LeaderGetElectedLeader(ctx, &riverdriver.LeaderGetElectedLeaderParams{})
	if err != nil || leader == nil || !dead(leader.LeaderID) {
		return // no leader (the usual "no rows" error), or a live one
	}
	resigned, err := exec.LeaderResign(ctx, &riverdriver.LeaderResignParams{
		ElectedAt: leader.ElectedAt, LeaderID: leader.LeaderID, LeadershipTopic: riverLeadershipTopic})
	if err != nil {
		if ctx.Err() == nil {
			s.log.WarnContext(ctx, "ending a dead process's queue leadership failed", "leader", leader.LeaderID, "error", err)
		}
		return
	}
	if resigned {
		s.log.InfoContext(ctx, "queue leadership of a dead process ended", "leader", leader.LeaderID)
	}
}

// riverLeadershipTopic is the notification topic River's electors listen
// to (its internal notifier.NotificationTopicLeadership).
const riverLeadershipTopic = "river_leadership"

// forget deletes this replica's heartbeat once its jobs are handed back.
func (s *Store) forget(ctx context.Context) {
	if !s.heartbeats() {
		return
	}
	if _, err := s.db.exec(ctx, `DELETE FROM cochef_workers WHERE client_id = $1`, s.q.clientID()); err != nil {
		s.log.WarnContext(ctx, "deleting this replica's heartbeat failed", "error", err)
	}
}
