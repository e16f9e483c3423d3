package recette

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
)

// apply brings the platform and the store in line with the plan: the
// trail first, then the checklist, the status, the labels, the thread and
// the replies; the record is saved after each step that wrote, so a crash
// between steps resumes without writing twice.
func (r *run) apply(ctx context.Context, rec *core.RecetteRecord, mr core.MergeRequest, d Desired) error {
	if len(d.Added) > 0 {
		// A crash after this re-runs the task, which finds the states
		// already reached and adds nothing.
		if err := r.e.Recettes.AddValidations(ctx, d.Added); err != nil {
			return fmt.Errorf("record validations: %w", err)
		}
	}
	if err := r.syncChecklist(ctx, rec, d); err != nil {
		return err
	}
	if err := r.save(ctx, rec); err != nil {
		return err
	}
	if err := r.syncStatus(ctx, rec, mr, d.Status); err != nil {
		return err
	}
	if err := r.save(ctx, rec); err != nil {
		return err
	}
	if err := core.ApplyLabels(ctx, r.p, r.ref, mr.Labels, d.Labels, d.Managed); err != nil {
		return err
	}
	rec.Labels = nil
	if len(d.Labels) > 0 {
		rec.Labels = core.LabelNames(d.Labels)
	}
	// cochef only moves the thread when its own verdict changes: a person
	// who resolved it by hand is not overruled.
	if r.threads != nil && rec.ThreadID != "" && d.Resolved != rec.ThreadResolved {
		if err := r.threads.ResolveThread(ctx, r.ref, rec.ThreadID, d.Resolved); err != nil {
			return fmt.Errorf("resolve thread: %w", err)
		}
		rec.ThreadResolved = d.Resolved
	}
	if err := r.save(ctx, rec); err != nil {
		return err
	}
	// A timeout or a crash while replying must not reply twice: each reply
	// carries a marker of its own, the same on every attempt of the task,
	// and is posted once (core.PostOnce).
	pending := rec.ReplyPending
	for i, body := range d.Replies {
		marker := replyMarker(r.t, i)
		var err error
		rec.ReplyPending, err = core.PostOnce(ctx, r.p, core.OncePost{
			Ref: r.ref, Marker: marker, Body: strings.TrimRight(body, "\n") + "\n" + marker,
			Pending: pending, LookUp: true, Settle: r.e.WriteSettle, Now: r.e.Time,
			Record: func(ctx context.Context, at time.Time) error {
				saved := *rec
				saved.ReplyPending = at
				return r.save(ctx, &saved)
			},
		})
		if err != nil {
			return fmt.Errorf("reply: %w", err)
		}
	}
	if !pending.IsZero() || len(d.Replies) > 0 {
		rec.ReplyPending = time.Time{}
		return r.save(ctx, rec)
	}
	return nil
}

// replyMarker marks the i-th reply to t's event: the same on every
// attempt of the task (its delivery and time of arrival do not change),
// another for any other event.
func replyMarker(t core.Task, i int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%s\x00%s\x00%d",
		t.Issue, t.Delivery, t.ReceivedAt.UTC().Format(time.RFC3339Nano), i))
	return "<!-- cochef:reply:" + hex.EncodeToString(sum[:8]) + " -->"
}

func (r *run) save(ctx context.Context, rec *core.RecetteRecord) error {
	rec.UpdatedAt = r.e.Time().UTC()
	if err := r.e.Recettes.SaveRecette(ctx, *rec); err != nil {
		return fmt.Errorf("save recette: %w", err)
	}
	return nil
}

// syncChecklist creates or edits the one checklist comment. A PR/MR that
// closes no story gets none (and an existing one says so).
func (r *run) syncChecklist(ctx context.Context, rec *core.RecetteRecord, d Desired) error {
	trust := core.TrustStored
	switch {
	case d.Rewrite:
		trust = core.Rewrite
	case r.t.Trigger == core.TriggerChecklistEdited:
		// A hand edit of the checklist is written back.
		trust = core.VerifyShown
	}
	st := core.CommentState{ID: rec.CommentID, Hash: rec.CommentHash, Thread: rec.ThreadID, Pending: rec.CommentPending}
	err := core.SyncComment(ctx, r.p, r.threads, core.CommentSync{
		Ref: r.ref, Marker: core.MarkerRecette, Body: d.Checklist, Trust: trust,
		Settle: r.e.WriteSettle, Now: r.e.Time,
		Record: func(ctx context.Context, st core.CommentState) error {
			saved := *rec
			saved.CommentID, saved.CommentHash, saved.ThreadID, saved.CommentPending = st.ID, st.Hash, st.Thread, st.Pending
			return r.save(ctx, &saved)
		},
		// The common pull request closes no story: a read per event to
		// look for a checklist it never had is not worth it.
		Quiet: d.State == core.RecetteNeutral, LookUp: d.State != core.RecetteNeutral,
	}, &st)
	if st.Thread != rec.ThreadID {
		// A new thread, or the checklist's thread found again: cochef has
		// not resolved it.
		rec.ThreadResolved = false
	}
	rec.CommentID, rec.CommentHash, rec.ThreadID, rec.CommentPending = st.ID, st.Hash, st.Thread, st.Pending
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	return nil
}

// syncStatus sets the status on the head commit when it changed.
func (r *run) syncStatus(ctx context.Context, rec *core.RecetteRecord, mr core.MergeRequest, st core.RecetteStatus) error {
	if mr.HeadSHA == "" {
		return nil
	}
	st.URL = commentURL(r.ref.Repo.Platform, mr.URL, rec.CommentID)
	key := statusKey(st, mr.HeadSHA)
	if key == rec.StatusKey {
		return nil
	}
	if rec.StatusSHA == mr.HeadSHA {
		st.Previous = rec.StatusState
		if rec.StatusState == core.RecettePending {
			st.ID = rec.StatusID
		}
	}
	id, err := r.p.SetRecetteStatus(ctx, mr, st)
	if err != nil {
		return fmt.Errorf("set status: %w", err)
	}
	rec.StatusID, rec.StatusSHA, rec.StatusState, rec.StatusKey = id, mr.HeadSHA, st.State, key
	return nil
}
