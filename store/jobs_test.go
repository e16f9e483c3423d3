package store

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/cochef/cochef/core"
)

// insertLegacy queues a job as the releases before the split did: the
// arguments' JSON is legacyArgs', which is theirs field for field.
func insertLegacy(t *testing.T, s *Store, a legacyArgs) {
	t.Helper()
	err := inTx(context.Background(), s.db, func(tx dbTx) error {
		_, err := s.q.insertManyTx(context.Background(), tx, []river.InsertManyParams{{Args: a, InsertOpts: s.insertOpts()}})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func jobKinds(t *testing.T, s *Store) map[string]int {
	t.Helper()
	moveIntake(t, s)
	r, err := s.db.query(context.Background(), `SELECT kind, count(*) FROM river_job GROUP BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	if err := eachRow(r, func(r rows) error {
		var kind string
		var n int
		if err := r.Scan(&kind, &n); err != nil {
			return err
		}
		out[kind] = n
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// An upgrade loses nothing: the jobs an older release queued under its one
// kind are moved to their feature's kind by migration 4 and run as the
// tasks they were, and a job an older replica queues after the migration
// (a rolling upgrade) still runs.
func TestQueuedLegacyJobsMoveToTheirFeature(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	gl := core.Repo{Platform: core.GitLab, FullName: "ministere/demarches", ProjectID: 12}
	pr := core.IssueRef{Repo: testRepo, Number: 5, MergeRequest: true}
	legacy := []struct {
		args legacyArgs
		want core.Task
	}{
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 1, TaskKind: "evaluate-issue", InstallationID: 77,
			Delivery: "d1", Event: "issues", Action: "edited", ReceivedAt: at},
			core.Task{Feature: core.FeatureFeedback, Issue: issue(1), Trigger: core.TriggerChanged, Delivery: "d1", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 1, TaskKind: "check-command", Actor: "cheffe", InstallationID: 77,
			Delivery: "d2", Event: "issue_comment", Action: "created", ReceivedAt: at},
			core.Task{Feature: core.FeatureFeedback, Issue: issue(1), Trigger: core.TriggerCommand, Actor: "cheffe",
				Command: &core.Command{Verb: core.VerbCheck}, Delivery: "d2", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 5, TaskKind: "recette", MergeRequest: true, InstallationID: 77,
			Delivery: "d3", Event: "pull_request", Action: "synchronize", ReceivedAt: at},
			core.Task{Feature: core.FeatureRecette, Issue: pr, Trigger: core.TriggerChanged, Delivery: "d3", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 5, TaskKind: "recette", MergeRequest: true, InstallationID: 77,
			Actor: "marie", Command: "refuse 3: trop lent", Delivery: "d4", Event: "issue_comment", Action: "created", ReceivedAt: at},
			core.Task{Feature: core.FeatureRecette, Issue: pr, Trigger: core.TriggerCommand, Actor: "marie",
				Command: &core.Command{Verb: core.VerbRefuse, Items: []int{3}, Reason: "trop lent"}, Delivery: "d4", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 5, TaskKind: "recette", MergeRequest: true, InstallationID: 77,
			Actor: "marie", Changes: []core.CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}}, Delivery: "d5",
			Event: "issue_comment", Action: "edited", ReceivedAt: at},
			core.Task{Feature: core.FeatureRecette, Issue: pr, Trigger: core.TriggerChecklistEdited, Actor: "marie",
				Changes: []core.CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}}, Delivery: "d5", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitLab, Repo: gl.FullName, Number: 3, TaskKind: "recette", MergeRequest: true, ProjectID: 12,
			Actor: "root", Delivery: "d6", Event: "Note Hook", Action: "update", ReceivedAt: at},
			core.Task{Feature: core.FeatureRecette, Issue: core.IssueRef{Repo: gl, Number: 3, MergeRequest: true},
				Trigger: core.TriggerChecklistEdited, Actor: "root", Delivery: "d6", ReceivedAt: at}},
		{legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 104, TaskKind: "merge-group", MergeRequest: true, InstallationID: 77,
			HeadSHA: "2ffea6d", Delivery: "d7", Event: "merge_group", Action: "checks_requested", ReceivedAt: at},
			core.Task{Feature: core.FeatureMergeGroup, Issue: core.IssueRef{Repo: testRepo, Number: 104, MergeRequest: true},
				Trigger: core.TriggerChanged, HeadSHA: "2ffea6d", Delivery: "d7", ReceivedAt: at}},
	}
	late := legacyArgs{Platform: core.GitHub, Repo: testRepo.FullName, Number: 2, TaskKind: "evaluate-issue", InstallationID: 77,
		Delivery: "d8", Event: "issues", Action: "opened", ReceivedAt: at}
	lateTask := core.Task{Feature: core.FeatureFeedback, Issue: issue(2), Trigger: core.TriggerChanged, Delivery: "d8", ReceivedAt: at}

	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s := openStore(t, testOptions(t, b.dsn(t)))
			// The database as an older release left it: migrated up to
			// step 3, with work waiting under the one old kind.
			if _, err := s.db.exec(ctx, `DELETE FROM cochef_migrations WHERE version = 4`); err != nil {
				t.Fatal(err)
			}
			for _, l := range legacy {
				insertLegacy(t, s, l.args)
			}
			if got := jobKinds(t, s); !reflect.DeepEqual(got, map[string]int{KindLegacy: len(legacy)}) {
				t.Fatalf("before the upgrade: %v", got)
			}

			applied, err := migrate(ctx, s)
			if err != nil || applied != 1 {
				t.Fatalf("migrate = %d, %v; want step 4 applied", applied, err)
			}
			want := map[string]int{KindFeedback: 2, KindRecette: 4, KindMergeGroup: 1}
			if got := jobKinds(t, s); !reflect.DeepEqual(got, want) {
				t.Fatalf("after the upgrade: %v, want %v", got, want)
			}
			if applied, err := migrate(ctx, s); err != nil || applied != 0 {
				t.Fatalf("a second run moved again: %d, %v", applied, err)
			}

			insertLegacy(t, s, late)
			w := &fakeWorker{}
			start(t, s, w)
			calls := w.waitCalls(t, len(legacy)+1, 10*time.Second)
			var got []core.Task
			for _, c := range calls {
				got = append(got, c.task)
			}
			wantTasks := []core.Task{lateTask}
			for _, l := range legacy {
				wantTasks = append(wantTasks, l.want)
			}
			byDelivery := func(a, b core.Task) int { return strings.Compare(a.Delivery, b.Delivery) }
			slices.SortFunc(got, byDelivery)
			slices.SortFunc(wantTasks, byDelivery)
			if !reflect.DeepEqual(got, wantTasks) {
				t.Fatalf("tasks run:\n got %+v\nwant %+v", got, wantTasks)
			}
		})
	}
}

// Each feature's task goes to its own kind and comes back from the queue as
// it went in.
func TestTasksRoundTripThroughTheirKind(t *testing.T) {
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	pr := core.IssueRef{Repo: testRepo, Number: 5, MergeRequest: true}
	for _, tc := range []struct {
		task core.Task
		kind string
	}{
		{core.Task{Feature: core.FeatureFeedback, Issue: issue(1), Trigger: core.TriggerChanged, Delivery: "a", ReceivedAt: at}, KindFeedback},
		{core.Task{Feature: core.FeatureFeedback, Issue: issue(1), Trigger: core.TriggerCommand, Actor: "cheffe",
			Command: &core.Command{Verb: core.VerbCheck}, Delivery: "b", ReceivedAt: at}, KindFeedback},
		{core.Task{Feature: core.FeatureRecette, Issue: pr, Trigger: core.TriggerCommand, Actor: "marie",
			Command: &core.Command{Verb: core.VerbValidate, All: true}, Delivery: "c", ReceivedAt: at}, KindRecette},
		{core.Task{Feature: core.FeatureRecette, Issue: pr, Trigger: core.TriggerChecklistEdited, Actor: "marie",
			Changes: []core.CheckChange{{Key: "bbbbbbbbbbbb"}}, Delivery: "d", ReceivedAt: at}, KindRecette},
		{core.Task{Feature: core.FeatureMergeGroup, Issue: pr, Trigger: core.TriggerChanged, HeadSHA: "abc", Delivery: "e", ReceivedAt: at}, KindMergeGroup},
	} {
		args, ok := argsOf(tc.task)
		if !ok || args.Kind() != tc.kind {
			t.Fatalf("%s: kind %v, %v; want %s", tc.task.Delivery, args, ok, tc.kind)
		}
		if got := args.task(); !reflect.DeepEqual(got, tc.task) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, tc.task)
		}
	}
	if _, ok := argsOf(core.Task{Feature: "backfill"}); ok {
		t.Error("a feature without a job kind got one")
	}
}
