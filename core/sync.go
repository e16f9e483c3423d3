package core

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
)

// CommentState is what is stored of one of cochef's comments: its id, the
// hash of the body last written there and, for the first note of a thread
// (GitLab's recette), the thread's id.
type CommentState struct {
	ID     int64
	Hash   string
	Thread string
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
}

// SyncComment keeps cochef's one comment marked s.Marker on s.Ref showing
// s.Body, writing as little as it can: it is created when there is
// something to say, edited in place when the body changed, and created
// again when someone deleted it. st is what was stored of the comment and
// is updated with what was written, also when an error is returned after
// a write. With threads, the comment is the first note of a thread of its
// own (Threads); otherwise a plain comment.
func SyncComment(ctx context.Context, c Comments, threads Threads, s CommentSync, st *CommentState) error {
	hash := HashBody(s.Body)
	lookedUp := false
	if st.ID == 0 && s.LookUp {
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
		var created Comment
		var thread string
		var err error
		if threads != nil {
			created, thread, err = threads.CreateThread(ctx, s.Ref, s.Body)
		} else {
			created, err = c.CreateComment(ctx, s.Ref, s.Body)
		}
		if err != nil {
			return fmt.Errorf("create comment: %w", err)
		}
		*st = CommentState{ID: created.ID, Hash: hash, Thread: thread}
		return nil
	}
	if st.Hash == hash {
		switch s.Trust {
		case TrustStored:
			return nil
		case VerifyShown:
			found, thread, err := findComment(ctx, c, threads, s)
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

// HashBody is the SHA-256 of a comment body, in hex: what is stored to
// tell whether a comment changed.
func HashBody(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
