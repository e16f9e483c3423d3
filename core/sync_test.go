package core

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// notes is a recording in-memory Comments (and Threads): what it received
// is what the table checks.
type notes struct {
	bodies map[int64]string
	thread map[int64]string
	next   int64
	calls  []string
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

func (n *notes) CreateComment(_ context.Context, _ IssueRef, body string) (Comment, error) {
	n.calls = append(n.calls, "create")
	n.next++
	n.bodies[n.next] = body
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
			false, []string{"find", "edit"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
		{"verify: as shown, nothing written", map[int64]string{1: body}, CommentState{ID: 1, Hash: HashBody(body)},
			CommentSync{Body: body, LookUp: true, Trust: VerifyShown},
			false, []string{"find"}, CommentState{ID: 1, Hash: HashBody(body)}, map[int64]string{1: body}},
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
