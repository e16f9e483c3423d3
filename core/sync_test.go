package core

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// notes is a recording in-memory Comments (and Threads): what it received
// is what the table checks.
type notes struct {
	bodies map[int64]string
	thread map[int64]string
	next   int64
	calls  []string
	// createErr, when set, is what creating returns: lost is true when the
	// comment is created all the same (an answer that never came).
	createErr error
	lost      bool
}

func (n *notes) FindComment(_ context.Context, _ IssueRef, marker string) (*Comment, error) {
	n.calls = append(n.calls, "find")
	for id := int64(1); id <= n.next; id++ {
		if b, ok := n.bodies[id]; ok && strings.Contains(b, marker) {
			return &Comment{ID: id, Body: b}, nil
		}
	}
	return nil, nil
}

func (n *notes) MarkedComments(_ context.Context, _ IssueRef, marker string) ([]Comment, error) {
	n.calls = append(n.calls, "marked")
	var out []Comment
	for id := int64(1); id <= n.next; id++ {
		if b, ok := n.bodies[id]; ok && strings.Contains(b, marker) {
			out = append(out, Comment{ID: id, Body: b})
		}
	}
	return out, nil
}

func (n *notes) RemoveComment(_ context.Context, _ IssueRef, id int64) error {
	n.calls = append(n.calls, "remove")
	delete(n.bodies, id)
	return nil
}

func (n *notes) CreateComment(_ context.Context, _ IssueRef, body string) (Comment, error) {
	n.calls = append(n.calls, "create")
	if n.createErr != nil && !n.lost {
		return Comment{}, n.createErr
	}
	n.next++
	n.bodies[n.next] = body
	if n.createErr != nil {
		return Comment{}, n.createErr
	}
	return Comment{ID: n.next, Body: body}, nil
}

func (n *notes) EditComment(_ context.Context, _ IssueRef, id int64, body string) error {
	n.calls = append(n.calls, "edit")
	if _, ok := n.bodies[id]; !ok {
		return &APIError{Status: 404}
	}
	n.bodies[id] = body
	return nil
}

func (n *notes) FindThread(ctx context.Context, ref IssueRef, marker string) (*Comment, string, error) {
	c, err := n.FindComment(ctx, ref, marker)
	if c == nil {
		return nil, "", err
	}
	return c, n.thread[c.ID], err
}

func (n *notes) MarkedThreads(ctx context.Context, ref IssueRef, marker string) ([]ThreadNote, error) {
	cs, err := n.MarkedComments(ctx, ref, marker)
	var out []ThreadNote
	for _, c := range cs {
		out = append(out, ThreadNote{Comment: c, Thread: n.thread[c.ID]})
	}
	return out, err
}

func (n *notes) CreateThread(ctx context.Context, ref IssueRef, body string) (Comment, string, error) {
	c, err := n.CreateComment(ctx, ref, body)
	n.thread[c.ID] = "t" + string(rune('0'+c.ID))
	return c, n.thread[c.ID], err
}

func (n *notes) ResolveThread(context.Context, IssueRef, string, bool) error { return nil }

func TestSyncComment(t *testing.T) {
	const m = "<!-- m -->"
	old, body := m+"\nold", m+"\nnew"
	cases := []struct {
		name       string
		existing   map[int64]string // comments on the platform
		st         CommentState     // what was stored
		s          CommentSync
		threads    bool
		wantCalls  []string
		wantState  CommentState
		wantBodies map[int64]string
	}{
		{"first comment", nil, CommentState{}, CommentSync{Body: body, LookUp: true},
			false, []string{"find", "create"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"nothing to say, nothing written", nil, CommentState{}, CommentSync{Body: body, LookUp: true, Quiet: true},
			false, []string{"find"}, CommentState{}, map[int64]string{}},
		{"a crash left a comment: edited, not doubled", map[int64]string{1: old}, CommentState{}, CommentSync{Body: body, LookUp: true},
			false, []string{"find", "edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"nothing to say: the existing comment still follows", map[int64]string{1: old}, CommentState{}, CommentSync{Body: body, LookUp: true, Quiet: true},
			false, []string{"find", "edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"unchanged: no call", map[int64]string{1: body}, CommentState{ID: 1, Hash: HashBody(body)}, CommentSync{Body: body, LookUp: true},
			false, nil, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"changed: edited without a read", map[int64]string{1: old}, CommentState{ID: 1, Hash: HashBody(old)}, CommentSync{Body: body, LookUp: true},
			false, []string{"edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"verify: a hand edit is written back", map[int64]string{1: m + " vandalised"}, CommentState{ID: 1, Hash: HashBody(body)},
			CommentSync{Body: body, LookUp: true, Trust: VerifyShown},
			false, []string{"marked", "edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"verify: as shown, nothing written", map[int64]string{1: body}, CommentState{ID: 1, Hash: HashBody(body)},
			CommentSync{Body: body, LookUp: true, Trust: VerifyShown},
			false, []string{"marked"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"verify: two marked comments, the first is kept", map[int64]string{1: body, 2: body, 3: "a person's"}, CommentState{ID: 2, Hash: HashBody(body)},
			CommentSync{Body: body, LookUp: true, Trust: VerifyShown},
			false, []string{"marked", "remove"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body, 3: "a person's"}},
		{"rewrite: written whatever the hash", map[int64]string{1: m + " ticked"}, CommentState{ID: 1, Hash: HashBody(body)},
			CommentSync{Body: body, LookUp: true, Trust: Rewrite},
			false, []string{"edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"deleted by someone: written again", map[int64]string{}, CommentState{ID: 7, Hash: HashBody(old)}, CommentSync{Body: body, LookUp: true},
			false, []string{"edit", "find", "create"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"dry-run: the stored hash says it was logged", nil, CommentState{Hash: HashBody(body)}, CommentSync{Body: body},
			false, nil, CommentState{Hash: HashBody(body)}, map[int64]string{}},
		{"looked up and gone: a stale hash does not stop the creation", nil, CommentState{Hash: HashBody(body)}, CommentSync{Body: body, LookUp: true},
			false, []string{"find", "create"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"no look-up: nothing known, nothing to say", map[int64]string{1: old}, CommentState{}, CommentSync{Body: body, Quiet: true},
			false, nil, CommentState{}, map[int64]string{1: old}},
		{"in a thread", nil, CommentState{}, CommentSync{Body: body, LookUp: true},
			true, []string{"find", "create"}, CommentState{ID: 1, Hash: HashBody(body), Thread: "t1"}, map[int64]string{1: body}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := &notes{bodies: map[int64]string{}, thread: map[int64]string{}}
			for id, b := range c.existing {
				n.bodies[id] = b
				n.next = max(n.next, id)
			}
			var th Threads
			if c.threads {
				th = n
			}
			c.s.Marker = m
			st := c.st
			if err := SyncComment(context.Background(), n, th, c.s, &st); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(n.calls, c.wantCalls) || st != c.wantState || !reflect.DeepEqual(n.bodies, c.wantBodies) {
				t.Errorf("calls %v, state %+v, comments %v;\nwant %v, %+v, %v", n.calls, st, n.bodies, c.wantCalls, c.wantState, c.wantBodies)
			}
		})
	}
}

// A creation whose answer never came may have been carried out: it is
// recorded before it is sent, and nothing is written again until it has
// settled and the platform, read afresh, says whether it happened. A slow
// POST (35 s, the job's timeout 30 s) used to end as two comments.
func TestSyncCommentUnderUncertainty(t *testing.T) {
	const m = "<!-- m -->"
	body := m + "\nnew"
	t0 := time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)
	settle := time.Minute
	lost := errors.New("context deadline exceeded")
	cases := []struct {
		name       string
		existing   map[int64]string
		st         CommentState
		now        time.Time
		createErr  error
		lostWrite  bool
		threads    bool
		wantCalls  []string
		wantState  CommentState
		wantBodies map[int64]string
		wantErr    string
		wantRecord []CommentState
	}{
		{name: "the intent is recorded before the creation", st: CommentState{}, now: t0,
			wantCalls: []string{"find", "create"}, wantState: CommentState{ID: 1, Hash: HashBody(body)},
			wantBodies: map[int64]string{1: body}, wantRecord: []CommentState{{Pending: t0}}},
		{name: "no answer: the creation stays pending", st: CommentState{}, now: t0, createErr: lost, lostWrite: true,
			wantCalls: []string{"find", "create"}, wantState: CommentState{Pending: t0},
			wantBodies: map[int64]string{1: body}, wantErr: "deadline", wantRecord: []CommentState{{Pending: t0}}},
		{name: "a server error: pending too", st: CommentState{}, now: t0, createErr: &APIError{Status: 502},
			wantCalls: []string{"find", "create"}, wantState: CommentState{Pending: t0},
			wantBodies: map[int64]string{}, wantErr: "502", wantRecord: []CommentState{{Pending: t0}}},
		{name: "refused: nothing was created, nothing pending", st: CommentState{}, now: t0, createErr: &APIError{Status: 422},
			wantCalls: []string{"find", "create"}, wantState: CommentState{},
			wantBodies: map[int64]string{}, wantErr: "422", wantRecord: []CommentState{{Pending: t0}}},
		{name: "pending and not settled: nothing read, nothing written", st: CommentState{Pending: t0}, now: t0.Add(31 * time.Second),
			wantCalls: nil, wantState: CommentState{Pending: t0}, wantBodies: map[int64]string{}, wantErr: "deferred 29s"},
		{name: "settled, the lost write landed: it is the comment", existing: map[int64]string{1: m + "\nold"}, st: CommentState{Pending: t0},
			now: t0.Add(settle), wantCalls: []string{"marked", "edit"}, wantState: CommentState{ID: 1, Hash: HashBody(body)},
			wantBodies: map[int64]string{1: body}},
		{name: "settled, nothing landed: created once", st: CommentState{Pending: t0}, now: t0.Add(2 * settle),
			wantCalls: []string{"marked", "create"}, wantState: CommentState{ID: 1, Hash: HashBody(body)},
			wantBodies: map[int64]string{1: body}, wantRecord: []CommentState{{Pending: t0.Add(2 * settle)}}},
		{name: "settled, two landed: the first is kept", existing: map[int64]string{1: body, 2: body}, st: CommentState{Pending: t0},
			now: t0.Add(settle), wantCalls: []string{"marked", "remove"}, wantState: CommentState{ID: 1, Hash: HashBody(body)},
			wantBodies: map[int64]string{1: body}},
		{name: "settled in a thread", existing: map[int64]string{1: body, 2: body}, st: CommentState{Pending: t0}, threads: true,
			now: t0.Add(settle), wantCalls: []string{"marked", "remove"}, wantState: CommentState{ID: 1, Hash: HashBody(body), Thread: "t1"},
			wantBodies: map[int64]string{1: body}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := &notes{bodies: map[int64]string{}, thread: map[int64]string{}, createErr: c.createErr, lost: c.lostWrite}
			for id, b := range c.existing {
				n.bodies[id] = b
				n.thread[id] = "t" + string(rune('0'+id))
				n.next = max(n.next, id)
			}
			var th Threads
			if c.threads {
				th = n
			}
			var recorded []CommentState
			s := CommentSync{Marker: m, Body: body, LookUp: true, Settle: settle,
				Now: func() time.Time { return c.now },
				Record: func(_ context.Context, st CommentState) error {
					recorded = append(recorded, st)
					return nil
				}}
			st := c.st
			err := SyncComment(context.Background(), n, th, s, &st)
			if c.wantErr == "" && err != nil || c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("error %v, want %q", err, c.wantErr)
			}
			if !reflect.DeepEqual(n.calls, c.wantCalls) || st != c.wantState || !reflect.DeepEqual(n.bodies, c.wantBodies) ||
				!reflect.DeepEqual(recorded, c.wantRecord) {
				t.Errorf("calls %v, state %+v, comments %v, recorded %v;\nwant %v, %+v, %v, %v",
					n.calls, st, n.bodies, recorded, c.wantCalls, c.wantState, c.wantBodies, c.wantRecord)
			}
		})
	}
}
