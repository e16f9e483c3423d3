package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// A batch's transaction keeps, inside the batch, what tasks enqueued one
// after the other get: a redelivery is answered as one, two tasks of one
// issue make one job and count twice, the newest snapshot wins.

// batchOf prepares tasks as Enqueue does, for commitItems.
func batchOf(t *testing.T, tasks ...core.Task) []*pending {
	t.Helper()
	var out []*pending
	for _, tk := range tasks {
		it, err := prepareItem(tk)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, &pending{ctx: context.Background(), item: it})
	}
	return out
}

// jobsOf counts the jobs of an issue by kind and unique-relevant args.
func jobsOf(t *testing.T, s *Store, n int) []string {
	t.Helper()
	moveIntake(t, s)
	r, err := s.db.query(context.Background(), `SELECT kind, `+fmt.Sprintf(s.d.jsonText, "args")+`, CAST(state AS TEXT) FROM river_job ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	if err := eachRow(r, func(r rows) error {
		var kind, args, state string
		if err := r.Scan(&kind, &args, &state); err != nil {
			return err
		}
		var a struct {
			Ref struct {
				Number int `json:"number"`
			} `json:"ref"`
			Trigger string `json:"trigger"`
			Actor   string `json:"actor"`
		}
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			return err
		}
		if a.Ref.Number == n {
			out = append(out, strings.Join(slices.DeleteFunc([]string{kind, a.Trigger, a.Actor, state}, func(s string) bool { return s == "" }), " "))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func snapshotTitle(t *testing.T, s *Store, ref core.IssueRef) string {
	t.Helper()
	act, ok, err := s.acquireIssue(context.Background(), ref, 999_999)
	if err != nil || !ok {
		t.Fatalf("acquire %s: %v, %v", ref, ok, err)
	}
	if err := s.releaseIssue(context.Background(), ref, 999_999); err != nil {
		t.Fatal(err)
	}
	if act.snapshot == nil {
		return ""
	}
	return act.snapshot.Title
}

func withSnapshot(tk core.Task, title string, at time.Time) core.Task {
	tk.Snapshot = &core.Issue{Ref: tk.Issue, Title: title, UpdatedAt: at}
	return tk
}

func TestBatchKeepsTheSemanticsOfOneTaskAtATime(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			before := task(3)
			before.Delivery = "d0"
			mustEnqueue(t, s, before)

			t0 := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
			command := task(7)
			command.Delivery, command.Trigger, command.Actor = "d4", core.TriggerCommand, "alice"
			recette := core.Task{Feature: core.FeatureRecette, Issue: mrRef(9), Trigger: core.TriggerChanged}
			tasks := []core.Task{
				{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "d1"},
				{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "d1"}, // redelivered within the batch
				withSnapshot(core.Task{Feature: core.FeatureFeedback, Issue: issue(7), Delivery: "d2"}, "newest", t0.Add(time.Minute)),
				withSnapshot(core.Task{Feature: core.FeatureFeedback, Issue: issue(7), Delivery: "d3"}, "older", t0),
				command,
				recette, // no delivery: always new
				{Feature: core.FeatureFeedback, Issue: issue(3), Delivery: "d0"}, // recorded by an earlier transaction
			}
			outs, err := s.commitItems(ctx, batchOf(t, tasks...))
			if err != nil {
				t.Fatal(err)
			}
			want := []bool{true, false, true, true, true, true, false}
			for i, o := range outs {
				if o.err != nil || o.enqueued != want[i] {
					t.Errorf("task %d (%s #%d): %+v, want enqueued=%v", i, tasks[i].Delivery, tasks[i].Issue.Number, o, want[i])
				}
			}
			if got := jobsOf(t, s, 5); len(got) != 1 {
				t.Errorf("issue 5 jobs %q, want one", got)
			}
			if got := jobsOf(t, s, 7); len(got) != 2 {
				t.Errorf("issue 7 jobs %q, want one for the edits and one for alice's command", got)
			}
			if got := jobsOf(t, s, 9); len(got) != 1 || !strings.HasPrefix(got[0], KindRecette) {
				t.Errorf("merge request 9 jobs %q, want one recette job", got)
			}
			if got := jobsOf(t, s, 3); len(got) != 1 {
				t.Errorf("issue 3 jobs %q, want the earlier one only", got)
			}
			for n, seq := range map[int]int64{5: 1, 7: 3, 3: 1} {
				if got := issueSeq(t, s, issue(n)); got != seq {
					t.Errorf("issue %d counted %d tasks, want %d", n, got, seq)
				}
			}
			if got := snapshotTitle(t, s, issue(7)); got != "newest" {
				t.Errorf("issue 7 snapshot %q, want the newest one", got)
			}

			// A later batch: a task whose job waits joins it (the store
			// knows its unique key now); an older snapshot does not win.
			outs, err = s.commitItems(ctx, batchOf(t,
				withSnapshot(core.Task{Feature: core.FeatureFeedback, Issue: issue(7), Delivery: "d5"}, "stale", t0.Add(-time.Hour)),
				core.Task{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "d1"},
			))
			if err != nil {
				t.Fatal(err)
			}
			if !outs[0].enqueued || outs[1].enqueued {
				t.Errorf("outcomes %+v, want the new delivery enqueued and d1 a redelivery", outs)
			}
			if got := jobsOf(t, s, 7); len(got) != 2 {
				t.Errorf("issue 7 jobs %q after a second batch, want still two", got)
			}
			if got := issueSeq(t, s, issue(7)); got != 4 {
				t.Errorf("issue 7 counted %d tasks, want 4", got)
			}
			if got := snapshotTitle(t, s, issue(7)); got != "newest" {
				t.Errorf("issue 7 snapshot %q, want the newest one still", got)
			}
		})
	}
}

// The store skips River's insert for a task whose job waits; once that job
// is finished, the next task must get a new one.
func TestTaskAfterItsJobFinishedGetsANewJob(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			for i, state := range []string{"completed", "cancelled", "discarded"} {
				mustEnqueue(t, s, task(11))
				moveIntake(t, s)
				if len(s.jobKeys.keys) == 0 {
					t.Fatal("the store did not learn the job's unique key")
				}
				mustEnqueue(t, s, task(11)) // joins it
				if got := jobsOf(t, s, 11); len(got) != i+1 {
					t.Fatalf("jobs %q, want %d", got, i+1)
				}
				if _, err := s.db.exec(context.Background(), `UPDATE river_job SET state = $1, finalized_at = $2 WHERE state = 'available'`,
					state, s.d.timeArg(time.Now())); err != nil {
					t.Fatal(err)
				}
			}
			mustEnqueue(t, s, task(11))
			got := jobsOf(t, s, 11)
			if len(got) != 4 || got[3] != KindFeedback+" changed available" {
				t.Fatalf("jobs %q: want a fourth, available job after the third was %s", got, "discarded")
			}
		})
	}
}

// Tasks enqueued at the same time share transactions, and each gets its
// own answer.
func TestConcurrentEnqueuesShareTransactions(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			const n = 64
			var wg sync.WaitGroup
			results := make([]bool, n)
			errs := make([]error, n)
			for i := range n {
				wg.Go(func() {
					tk := task(i%8 + 1)
					if i%16 == 15 {
						tk.Delivery = "same" // one delivery sent four times
					}
					results[i], errs[i] = s.Enqueue(context.Background(), tk)
				})
			}
			wg.Wait()
			accepted := 0
			for i := range n {
				if errs[i] != nil {
					t.Fatalf("task %d: %v", i, errs[i])
				}
				if results[i] {
					accepted++
				}
			}
			if accepted != n-3 {
				t.Errorf("%d accepted, want %d (the repeated delivery once)", accepted, n-3)
			}
			total := int64(0)
			for k := 1; k <= 8; k++ {
				total += issueSeq(t, s, issue(k))
				if got := jobsOf(t, s, k); len(got) != 1 {
					t.Errorf("issue %d jobs %q, want one", k, got)
				}
			}
			if total != n-3 {
				t.Errorf("the issues counted %d tasks, want %d", total, n-3)
			}
			if batches, items := s.intake.batches.Load(), s.intake.items.Load(); batches >= items {
				t.Errorf("%d transactions for %d tasks: nothing was grouped", batches, items)
			} else {
				t.Logf("%d tasks in %d transactions", items, batches)
			}
		})
	}
}

// On PostgreSQL a snapshot holding NUL cannot be stored (jsonb refuses
// \u0000): such a task fails alone, the others of its batch are committed.
func TestBadTaskDoesNotFailItsBatch(t *testing.T) {
	dsn := pgSchemaDSN(t)
	s := openStore(t, testOptions(t, dsn))
	bad := withSnapshot(task(2), "nul\x00title", time.Now())
	if _, err := s.Enqueue(context.Background(), bad); err == nil {
		t.Skip("PostgreSQL now stores a snapshot with NUL: pick another task that fails alone")
	}
	bad.Delivery = "bad-again"
	batch := batchOf(t, task(1), bad, task(3))
	if _, err := s.commitItems(context.Background(), batch); err == nil {
		t.Fatal("the batch holding the bad task committed: the test proves nothing")
	}
	for _, p := range batch {
		p.done = make(chan outcome, 1)
	}
	s.intake.run(batch)
	for i, want := range []bool{true, false, true} {
		o := <-batch[i].done
		if want && (o.err != nil || !o.enqueued) {
			t.Errorf("task %d: %+v, want enqueued", i, o)
		}
		if !want && o.err == nil {
			t.Errorf("task %d: %+v, want its error", i, o)
		}
	}
	for _, n := range []int{1, 3} {
		if got := jobsOf(t, s, n); len(got) != 1 {
			t.Errorf("issue %d jobs %q, want one", n, got)
		}
	}
}

// A batch whose deliveries are all new: on PostgreSQL its first writes go
// in one round trip, counting every delivery as new (only the first of
// two with one id).
func TestBatchOfNewDeliveries(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			s := openStore(t, testOptions(t, b.dsn(t)))
			outs, err := s.commitItems(context.Background(), batchOf(t,
				core.Task{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "n1"},
				core.Task{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "n1"},
				core.Task{Feature: core.FeatureFeedback, Issue: issue(5), Delivery: "n2"},
				core.Task{Feature: core.FeatureFeedback, Issue: issue(6), Delivery: "n3"},
			))
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range []bool{true, false, true, true} {
				if outs[i].enqueued != want {
					t.Errorf("task %d: %+v, want enqueued=%v", i, outs[i], want)
				}
			}
			if got := issueSeq(t, s, issue(5)); got != 2 {
				t.Errorf("issue 5 counted %d tasks, want 2", got)
			}
			if got := jobsOf(t, s, 5); len(got) != 1 {
				t.Errorf("issue 5 jobs %q, want one", got)
			}
		})
	}
}
