package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// CommentState is what is stored of one of cochef's comments: its id, the
// hash of the body last written there and, for the first note of a thread
// (GitLab's recette), the thread's id.
type CommentState struct {
	ID     int64
	Hash   string
	Thread string
	// Pending is when a creation was sent whose outcome is not known yet:
	// recorded before the request, cleared once its answer (or a fresh
	// read of the platform) tells what became of it. While it is set the
	// comment may exist without cochef knowing its id.
	Pending time.Time
}

// Trust says how far the stored hash tells what the comment shows.
type Trust int

const (
	// TrustStored: the comment shows what was last written there; it is
	// written again only when the body changes.
	TrustStored Trust = iota
	// VerifyShown: the comment may have been edited by hand ("/cochef
	// check", an edit of the checklist); when the stored hash matches, the
	// comment is read and written back if it shows something else.
	VerifyShown
	// Rewrite: the comment is known to show something else (a tick that
	// was not accepted): it is written whatever the stored hash says.
	Rewrite
)

// DefaultWriteSettle is CommentSync.Settle when it is zero: twice the
// default job timeout. A write cochef gave up on cannot be in flight on its
// side for longer than a job's timeout; the platform is given as long again
// to finish it.
const DefaultWriteSettle = time.Minute

// CommentSync is one of cochef's comments as it should be.
type CommentSync struct {
	Ref    IssueRef
	Marker string
	Body   string
	// Quiet means there is nothing to say: no comment is created, and one
	// that exists is still brought up to date.
	Quiet bool
	// LookUp allows, when the stored id is unknown, looking the comment
	// up by its marker: a crash between creating it and storing its id
	// leaves one. False in dry-run (there is nothing to read), and where a
	// read per event is not worth it (a checklist with nothing to show).
	LookUp bool
	Trust  Trust
	// Record stores the state before a creation is sent (with Pending
	// set), so that a timeout or a crash during the request leaves a
	// trace: the next run then waits for the write to settle and reads
	// the platform afresh before writing again. Nil: nothing is recorded
	// (a run without a store to write to).
	Record func(ctx context.Context, st CommentState) error
	// Settle is how long after a creation whose outcome is unknown the
	// platform is read again; DefaultWriteSettle when zero.
	Settle time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

func (s CommentSync) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// SyncComment keeps cochef's one comment marked s.Marker on s.Ref showing
// s.Body, writing as little as it can: it is created when there is
// something to say, edited in place when the body changed, and created
// again when someone deleted it. st is what was stored of the comment and
// is updated with what was written, also when an error is returned after
// a write. With threads, the comment is the first note of a thread of its
// own (Threads); otherwise a plain comment.
//
// A creation is safe under uncertainty: it is recorded before it is sent
// (s.Record); after one whose answer never came, nothing is written until
// the write has had time to settle and the platform, read without any
// cache, shows whether it happened. Whenever the platform is read that way
// and shows two marked comments, the first is kept and the others
// removed.
func SyncComment(ctx context.Context, c Comments, threads Threads, s CommentSync, st *CommentState) error {
	hash := HashBody(s.Body)
	lookedUp := false
	if st.ID == 0 && !st.Pending.IsZero() && s.LookUp {
		settle := s.Settle
		if settle <= 0 {
			settle = DefaultWriteSettle
		}
		if wait := st.Pending.Add(settle).Sub(s.now()); wait > 0 {
			return &Deferred{Wait: wait, Reason: "a comment creation of unknown outcome is settling"}
		}
		found, thread, err := freshComment(ctx, c, threads, s)
		if err != nil {
			return err
		}
		lookedUp = true
		st.Pending = time.Time{}
		if found != nil {
			*st = CommentState{ID: found.ID, Hash: HashBody(found.Body), Thread: thread}
		}
	}
	if st.ID == 0 && s.LookUp && !lookedUp {
		found, thread, err := findComment(ctx, c, threads, s)
		if err != nil {
			return err
		}
		lookedUp = true
		if found != nil {
			*st = CommentState{ID: found.ID, Hash: HashBody(found.Body), Thread: thread}
		}
	}
	if st.ID == 0 {
		// Not looked up (dry-run): the store alone says whether this very
		// body was written already.
		if s.Quiet || !lookedUp && st.Hash == hash {
			return nil
		}
		return createComment(ctx, c, threads, s, st, hash)
	}
	if st.Hash == hash {
		switch s.Trust {
		case TrustStored:
			return nil
		case VerifyShown:
			// A person is looking: read the platform itself, which also
			// clears duplicates a lost write may have left.
			found, thread, err := freshComment(ctx, c, threads, s)
			if err != nil {
				return err
			}
			if found != nil {
				// The first marked comment is the one kept.
				st.ID, st.Thread = found.ID, thread
				if found.Body == s.Body {
					return nil
				}
			}
		}
	}
	if err := c.EditComment(ctx, s.Ref, st.ID, s.Body); err != nil {
		var api *APIError
		if errors.As(err, &api) && api.Status == http.StatusNotFound {
			// Someone deleted the comment: write it again.
			*st = CommentState{}
			return SyncComment(ctx, c, threads, s, st)
		}
		return fmt.Errorf("edit comment: %w", err)
	}
	st.Hash = hash
	return nil
}

// createComment records the intent, creates the comment and says what
// became of it.
func createComment(ctx context.Context, c Comments, threads Threads, s CommentSync, st *CommentState, hash string) error {
	if s.Record != nil && s.LookUp {
		st.Pending = s.now().UTC()
		if err := s.Record(ctx, *st); err != nil {
			st.Pending = time.Time{}
			return fmt.Errorf("record the comment's creation: %w", err)
		}
	}
	var created Comment
	var thread string
	var err error
	if threads != nil {
		created, thread, err = threads.CreateThread(ctx, s.Ref, s.Body)
	} else {
		created, err = c.CreateComment(ctx, s.Ref, s.Body)
	}
	if err != nil {
		if !WriteOutcomeUnknown(err) {
			// The platform refused it: nothing was created.
			st.Pending = time.Time{}
		}
		return fmt.Errorf("create comment: %w", err)
	}
	*st = CommentState{ID: created.ID, Hash: hash, Thread: thread}
	return nil
}

// WriteOutcomeUnknown reports whether a write that returned err may have
// been carried out all the same: no answer came (a timeout, a lost
// connection, a cancelled job) or the platform answered with a server
// error. A refusal or a rate limit (a 4xx, or cochef's own budget) says it
// was not.
func WriteOutcomeUnknown(err error) bool {
	var api *APIError
	if errors.As(err, &api) {
		return api.Status == 0 || api.Status >= 500
	}
	return err != nil
}

func findComment(ctx context.Context, c Comments, threads Threads, s CommentSync) (*Comment, string, error) {
	if threads != nil {
		found, thread, err := threads.FindThread(ctx, s.Ref, s.Marker)
		if err != nil {
			return nil, "", fmt.Errorf("find comment thread: %w", err)
		}
		return found, thread, nil
	}
	found, err := c.FindComment(ctx, s.Ref, s.Marker)
	if err != nil {
		return nil, "", fmt.Errorf("find comment: %w", err)
	}
	return found, "", nil
}

// freshComment reads every marked comment from the platform itself and
// returns the first; the others, duplicates a lost write made, are
// removed.
func freshComment(ctx context.Context, c Comments, threads Threads, s CommentSync) (*Comment, string, error) {
	var notes []ThreadNote
	if threads != nil {
		var err error
		if notes, err = threads.MarkedThreads(ctx, s.Ref, s.Marker); err != nil {
			return nil, "", fmt.Errorf("read comment threads: %w", err)
		}
	} else {
		cs, err := c.MarkedComments(ctx, s.Ref, s.Marker)
		if err != nil {
			return nil, "", fmt.Errorf("read comments: %w", err)
		}
		for _, cm := range cs {
			notes = append(notes, ThreadNote{Comment: cm})
		}
	}
	if len(notes) == 0 {
		return nil, "", nil
	}
	for _, dup := range notes[1:] {
		if err := c.RemoveComment(ctx, s.Ref, dup.ID); err != nil {
			return nil, "", fmt.Errorf("remove duplicate comment %d: %w", dup.ID, err)
		}
	}
	first := notes[0]
	return &first.Comment, first.Thread, nil
}

// HashBody is the SHA-256 of a comment body, in hex: what is stored to
// tell whether a comment changed.
func HashBody(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
