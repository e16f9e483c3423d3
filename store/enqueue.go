package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"github.com/cochef/cochef/core"
)

// enqueueItem is a task ready to be written: checked, its job's arguments
// built and its snapshot encoded before it joins a batch, so that a task
// that cannot be written fails alone and the batch holds only SQL work.
type enqueueItem struct {
	task       core.Task
	args       jobArgs
	argsJSON   string    // args, as the intake row keeps them
	snapshot   *string   // JSON, nil without a snapshot
	snapshotAt time.Time // the snapshot's UpdatedAt, to the microsecond the databases keep
}

// Enqueue records t durably: its delivery id, a bump of its issue's
// activity counter and an intake row that becomes a River job moments
// later (intake.go), in one transaction. It returns false,
// and changes nothing, for a delivery it has already recorded. A task for
// an issue that already has a job waiting joins that job (the job reads the
// issue's current state when it runs); one that arrives while the issue's
// job is running makes that job run once more.
//
// Tasks enqueued at the same time share a transaction (group commit, see
// batch.go): Enqueue returns once the transaction holding t is committed.
func (s *Store) Enqueue(ctx context.Context, t core.Task) (bool, error) {
	item, err := prepareItem(t)
	if err != nil {
		return false, err
	}
	size := 512 + len(t.Delivery)
	if item.snapshot != nil {
		size += len(*item.snapshot)
	}
	ok, err := s.intake.submit(ctx, item, size)
	if err != nil {
		return false, fmt.Errorf("store: enqueue %s: %w", t.Issue, err)
	}
	return ok, nil
}

func prepareItem(t core.Task) (enqueueItem, error) {
	ref := t.Issue
	if ref.Repo.Platform == "" || ref.Repo.FullName == "" || ref.Number <= 0 {
		return enqueueItem{}, fmt.Errorf("store: enqueue: incomplete issue reference %q", ref)
	}
	if t.Feature == "" {
		t.Feature = core.FeatureFeedback
	}
	if t.Trigger == "" {
		t.Trigger = core.TriggerChanged
	}
	// A sender chose the delivery id and the task's text: stored as both
	// databases accept them (text.go).
	t.Delivery = keyText(t.Delivery)
	args, ok := argsOf(t)
	if !ok {
		return enqueueItem{}, fmt.Errorf("store: enqueue %s: no job kind for feature %q", ref, t.Feature)
	}
	args, err := storableArgs(args)
	if err != nil {
		return enqueueItem{}, fmt.Errorf("store: enqueue %s: %w", ref, err)
	}
	js, err := json.Marshal(args)
	if err != nil {
		return enqueueItem{}, fmt.Errorf("store: enqueue %s: %w", ref, err)
	}
	item := enqueueItem{task: t, args: args, argsJSON: string(js)}
	if t.Snapshot != nil {
		js, err := marshalStorable(t.Snapshot)
		if err != nil {
			return enqueueItem{}, fmt.Errorf("store: enqueue: snapshot: %w", err)
		}
		item.snapshot = &js
		item.snapshotAt = t.Snapshot.UpdatedAt
		if item.snapshotAt.IsZero() {
			item.snapshotAt = time.Now()
		}
		item.snapshotAt = item.snapshotAt.UTC().Truncate(time.Microsecond)
	}
	return item, nil
}

// deliveryRow is a delivery id to remember.
type deliveryRow struct {
	platform, id string
}

// activityRow is one issue's share of a batch: how many of its tasks the
// batch accepted and the newest snapshot among them.
type activityRow struct {
	platform, repo string
	number         int
	count          int64
	snapshot       *string
	snapshotAt     time.Time
}

// batchWriter writes a batch's rows, in a way that suits each database:
// PostgreSQL in one statement per table (one round trip), SQLite one row
// at a time through statements prepared once (no round trip to save, and
// parsing is what costs).
type batchWriter interface {
	// insertDeliveries records the ids and reports which were new.
	insertDeliveries(ctx context.Context, tx dbTx, rows []deliveryRow, at time.Time) ([]bool, error)
	// waitingJobs reports, for each unique key, whether a job holds it
	// in one of its unique states.
	waitingJobs(ctx context.Context, tx dbTx, keys [][]byte) ([]bool, error)
	// bumpActivity adds each row's count to its issue's counter and keeps
	// the newest snapshot.
	bumpActivity(ctx context.Context, tx dbTx, rows []activityRow, at time.Time) error
	// insertIntake records accepted tasks for the mover (intake.go);
	// deleteIntake deletes the rows moved (ids in order).
	insertIntake(ctx context.Context, tx dbTx, rows []intakeRow, at time.Time) error
	deleteIntake(ctx context.Context, tx dbTx, ids []int64) error
	close() error
}

// pipeliner is a batchWriter that can send a batch's writes together
// (PostgreSQL, in one round trip), betting that every delivery is new.
type pipeliner interface {
	pipeline(ctx context.Context, tx dbTx, deliveries []deliveryRow, at time.Time, activity []activityRow, intake []intakeRow) (fresh []bool, err error)
}

// errLostBet: a delivery of the batch had been recorded before, so the
// activity rows sent with it counted a redelivery. The transaction is
// rolled back and the batch written again, one step after the other.
var errLostBet = errors.New("store: a delivery of the batch was not new")

// commitItems writes a batch in one transaction: the deliveries first (a
// redelivery, even of a task in the same batch, is answered as one), then
// one activity row per issue, then one intake row per accepted task, which
// the mover turns into jobs (intake.go).
//
// On PostgreSQL each step is a round trip, and a redelivery is rare: the
// three go together, counting every delivery as new; if a delivery was not
// new after all, the batch is written again step by step.
func (s *Store) commitItems(ctx context.Context, batch []*pending) ([]outcome, error) {
	now := time.Now().UTC()
	_, bet := s.w.(pipeliner)
	accepted, err := s.commitBatch(ctx, batch, now, bet)
	if errors.Is(err, errLostBet) {
		accepted, err = s.commitBatch(ctx, batch, now, false)
	}
	if err != nil {
		return nil, err
	}
	s.wakeMover()
	outs := make([]outcome, len(batch))
	for i := range batch {
		outs[i].enqueued = accepted[i]
	}
	return outs, nil
}

func (s *Store) commitBatch(ctx context.Context, batch []*pending, now time.Time, bet bool) ([]bool, error) {
	accepted := make([]bool, len(batch))
	err := inAckTx(ctx, s.db, func(tx dbTx) error {
		deliveries, first := deliveryRows(batch, accepted)
		if bet {
			for _, i := range first {
				accepted[i] = true
			}
			fresh, err := s.w.(pipeliner).pipeline(ctx, tx, deliveries, now, activityRows(batch, accepted), intakeRows(batch, accepted))
			if err != nil {
				return fmt.Errorf("record deliveries, activity and intake: %w", err)
			}
			for _, f := range fresh {
				if !f {
					return errLostBet
				}
			}
			return nil
		}
		if len(deliveries) > 0 {
			fresh, err := s.w.insertDeliveries(ctx, tx, deliveries, now)
			if err != nil {
				return fmt.Errorf("record deliveries: %w", err)
			}
			for j, d := range deliveries {
				accepted[first[d]] = fresh[j]
			}
		}
		if err := s.w.bumpActivity(ctx, tx, activityRows(batch, accepted), now); err != nil {
			return fmt.Errorf("bump issue activity: %w", err)
		}
		if err := s.w.insertIntake(ctx, tx, intakeRows(batch, accepted), now); err != nil {
			return fmt.Errorf("record intake: %w", err)
		}
		return nil
	})
	return accepted, err
}

// intakeRows are the accepted tasks' intake rows, in the batch's order.
func intakeRows(batch []*pending, accepted []bool) []intakeRow {
	rows := make([]intakeRow, 0, len(batch))
	for i, p := range batch {
		if accepted[i] {
			rows = append(rows, intakeRow{kind: p.item.args.Kind(), args: p.item.argsJSON})
		}
	}
	return rows
}

// deliveryRows are the batch's delivery ids, each once and in key order
// (as the other rows: concurrent batches lock in one order), with the
// index of each one's first task; of two tasks with one id in a batch,
// the first is the one that may be new. A task without a delivery id is
// always new: accepted is set for it.
func deliveryRows(batch []*pending, accepted []bool) ([]deliveryRow, map[deliveryRow]int) {
	first := make(map[deliveryRow]int, len(batch))
	for i, p := range batch {
		t := p.item.task
		if t.Delivery == "" {
			accepted[i] = true
			continue
		}
		d := deliveryRow{platform: t.Issue.Repo.Platform, id: t.Delivery}
		if _, seen := first[d]; !seen {
			first[d] = i
		}
	}
	rows := slices.SortedFunc(maps.Keys(first), func(a, b deliveryRow) int {
		return cmp.Or(cmp.Compare(a.platform, b.platform), cmp.Compare(a.id, b.id))
	})
	return rows, first
}

type activityKey struct {
	platform, repo string
	number         int
}

// activityRows folds the accepted tasks into one row per issue, in key
// order, so that concurrent transactions lock the rows in one order. The
// snapshot kept is the one the tasks would leave applied one after the
// other: the newest, and of equally new ones the last.
func activityRows(batch []*pending, accepted []bool) []activityRow {
	idx := make(map[activityKey]int, len(batch))
	rows := make([]activityRow, 0, len(batch))
	for i, p := range batch {
		if !accepted[i] {
			continue
		}
		ref := p.item.task.Issue
		k := activityKey{ref.Repo.Platform, activityRepo(ref), ref.Number}
		j, ok := idx[k]
		if !ok {
			j = len(rows)
			idx[k] = j
			rows = append(rows, activityRow{platform: k.platform, repo: k.repo, number: k.number})
		}
		r := &rows[j]
		r.count++
		if it := p.item; it.snapshot != nil && (r.snapshot == nil || !it.snapshotAt.Before(r.snapshotAt)) {
			r.snapshot, r.snapshotAt = it.snapshot, it.snapshotAt
		}
	}
	slices.SortFunc(rows, func(a, b activityRow) int {
		return cmp.Or(cmp.Compare(a.platform, b.platform), cmp.Compare(a.repo, b.repo), cmp.Compare(a.number, b.number))
	})
	return rows
}

// How jobs are inserted (by the mover, intake.go, after the answer).
//
// Most tasks of a burst join a job that waits already, and River's insert
// finds that out at the cost of a full insert attempt. So the store
// remembers the unique key River gave each job's arguments, and a task
// whose key it knows first looks, in this transaction, for a job holding
// that key in one of its unique states: the very test River's insert
// makes, done after this batch's activity rows are locked as River's
// would be. Only the others go through River.
//
// River refuses two jobs with one unique key in one insert, so those are
// inserted in waves: the n-th task of each issue and kind in the n-th wave,
// where River finds the earlier one's job and joins it, exactly as for
// tasks enqueued one after the other.
// knownJobs are the accepted tasks' job identities, and the unique keys
// already known among them.
type knownJobs struct {
	ids   []string // by batch index
	known []int    // batch indexes of the tasks whose key is known
	keys  [][]byte // their keys
}

func (s *Store) knownJobs(batch []*pending, accepted []bool) (knownJobs, error) {
	j := knownJobs{ids: make([]string, len(batch))}
	for i, p := range batch {
		if !accepted[i] {
			continue
		}
		id, err := jobIdentity(p.item.args)
		if err != nil {
			return j, err
		}
		j.ids[i] = id
		if k, ok := s.jobKeys.get(id); ok {
			j.known = append(j.known, i)
			j.keys = append(j.keys, k)
		}
	}
	return j, nil
}

// insertJobs inserts the jobs of the accepted tasks whose job does not
// wait already (waiting answers jobs.keys).
func (s *Store) insertJobs(ctx context.Context, tx dbTx, batch []*pending, accepted []bool, jobs knownJobs, waiting []bool) error {
	joined := make([]bool, len(batch))
	for j, i := range jobs.known {
		joined[i] = waiting[j]
	}
	ids := jobs.ids

	type jobKey struct {
		kind string
		activityKey
	}
	occurrence := make(map[jobKey]int, len(batch))
	var waves [][]int // batch indexes
	for i, p := range batch {
		if !accepted[i] || joined[i] {
			continue
		}
		ref := p.item.task.Issue
		k := jobKey{p.item.args.Kind(), activityKey{ref.Repo.Platform, activityRepo(ref), ref.Number}}
		n := occurrence[k]
		occurrence[k] = n + 1
		if n == len(waves) {
			waves = append(waves, nil)
		}
		waves[n] = append(waves[n], i)
	}
	opts := s.insertOpts()
	debug := s.log.Enabled(ctx, slog.LevelDebug)
	for _, wave := range waves {
		// In one order in every transaction, so that two batches
		// conflicting on PostgreSQL wait for each other without deadlock.
		slices.SortFunc(wave, func(a, b int) int {
			x, y := batch[a].item, batch[b].item
			return cmp.Or(cmp.Compare(x.args.Kind(), y.args.Kind()),
				cmp.Compare(x.task.Issue.Repo.Platform, y.task.Issue.Repo.Platform),
				cmp.Compare(activityRepo(x.task.Issue), activityRepo(y.task.Issue)),
				cmp.Compare(x.task.Issue.Number, y.task.Issue.Number), cmp.Compare(a, b))
		})
		params := make([]river.InsertManyParams, len(wave))
		for j, i := range wave {
			params[j] = river.InsertManyParams{Args: batch[i].item.args, InsertOpts: opts}
		}
		res, err := s.q.insertManyTx(ctx, tx, params)
		if err != nil {
			return err
		}
		for j, i := range wave {
			if k := res[j].Job.UniqueKey; len(k) > 0 {
				s.jobKeys.put(ids[i], k)
			}
			if debug {
				t := batch[i].item.task
				s.log.DebugContext(ctx, "task enqueued", "issue", t.Issue.String(), "kind", params[j].Args.Kind(), "trigger", t.Trigger,
					"delivery", t.Delivery, "job_id", res[j].Job.ID, "joined_waiting_job", res[j].UniqueSkippedAsDuplicate)
			}
		}
	}
	if debug {
		for i, p := range batch {
			if joined[i] {
				t := p.item.task
				s.log.DebugContext(ctx, "task enqueued", "issue", t.Issue.String(), "kind", p.item.args.Kind(), "trigger", t.Trigger,
					"delivery", t.Delivery, "joined_waiting_job", true)
			}
		}
	}
	return nil
}

// jobIdentity names a job's arguments: equal names, equal unique keys.
func jobIdentity(a jobArgs) (string, error) {
	b, err := json.Marshal(a.job())
	if err != nil {
		return "", err
	}
	return a.Kind() + "\x00" + string(b), nil
}

// jobKeyCache remembers the unique key River computed for a job's
// arguments. The key depends on nothing else, so an entry never goes
// stale; the cache is emptied when it grows past its bound.
type jobKeyCache struct {
	mu   sync.Mutex
	keys map[string][]byte
}

const jobKeyCacheSize = 20_000

func (c *jobKeyCache) get(id string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[id]
	return k, ok
}

func (c *jobKeyCache) put(id string, key []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.keys == nil || len(c.keys) >= jobKeyCacheSize {
		c.keys = make(map[string][]byte)
	}
	c.keys[id] = key
}
