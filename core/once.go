package core

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// OncePost is a comment cochef posts once and never edits: a mention of
// the reviewers, a reply to a command. Its Marker is its own (one per
// mention kind, one per reply to one event), so that finding it says it
// was posted.
type OncePost struct {
	Ref    IssueRef
	Marker string
	Body   string
	// Pending is when a post of unknown outcome was sent for the record
	// the caller keeps (zero when none): nothing is posted before Settle
	// has passed since, and the platform has been read afresh. One
	// pending time may stand for several posts of a run: each is then
	// looked for afresh.
	Pending time.Time
	// LookUp allows reading the platform before posting; false in
	// dry-run, where there is nothing to read and nothing is recorded.
	LookUp bool
	// Record stores the time a post is sent, before it is sent (and the
	// zero time once it is known to have failed): a timeout or a crash
	// during the request leaves a trace. Nil: nothing is recorded.
	Record func(ctx context.Context, pending time.Time) error
	// Settle is as CommentSync's: DefaultWriteSettle when zero.
	Settle time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// PostOnce posts p.Body unless a comment marked p.Marker is there already,
// with the care SyncComment takes of a creation: it is recorded before it
// is sent; after one whose answer never came, the platform is read without
// any cache once the write has had time to settle, and of two marked
// comments the first is kept and the others removed. It returns the
// pending time to keep: the one recorded when the outcome of the post is
// unknown, zero when it is known.
func PostOnce(ctx context.Context, c Comments, p OncePost) (time.Time, error) {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	if p.LookUp {
		var found bool
		if !p.Pending.IsZero() {
			settle := p.Settle
			if settle <= 0 {
				settle = DefaultWriteSettle
			}
			if wait := p.Pending.Add(settle).Sub(now()); wait > 0 {
				return p.Pending, &Deferred{Wait: wait, Reason: "a comment post of unknown outcome is settling"}
			}
			cs, err := c.MarkedComments(ctx, p.Ref, p.Marker)
			if err != nil {
				return p.Pending, fmt.Errorf("read comments: %w", err)
			}
			for _, dup := range cs[min(1, len(cs)):] {
				if err := c.RemoveComment(ctx, p.Ref, dup.ID); err != nil {
					return p.Pending, fmt.Errorf("remove duplicate comment %d: %w", dup.ID, err)
				}
			}
			found = len(cs) > 0
		} else {
			// A crash between posting and recording that it was posted.
			cm, err := c.FindComment(ctx, p.Ref, p.Marker)
			if err != nil {
				return time.Time{}, fmt.Errorf("find comment: %w", err)
			}
			found = cm != nil
		}
		if found {
			return time.Time{}, nil
		}
	}
	var pending time.Time
	if p.Record != nil && p.LookUp {
		pending = now().UTC()
		if err := p.Record(ctx, pending); err != nil {
			return p.Pending, fmt.Errorf("record the comment's post: %w", err)
		}
	}
	if _, err := c.CreateComment(ctx, p.Ref, p.Body); err != nil {
		if WriteOutcomeUnknown(err) {
			return pending, fmt.Errorf("post comment: %w", err)
		}
		// The platform refused it: nothing was posted.
		err = fmt.Errorf("post comment: %w", err)
		if !pending.IsZero() {
			if rerr := p.Record(ctx, time.Time{}); rerr != nil {
				return pending, errors.Join(err, fmt.Errorf("record the refused post: %w", rerr))
			}
		}
		return time.Time{}, err
	}
	return time.Time{}, nil
}
