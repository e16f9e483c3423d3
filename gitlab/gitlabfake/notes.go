package gitlabfake

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Issues and merge requests carry notes the same way, each under its own
// path (…/issues/:issue_iid/notes, …/merge_requests/:merge_request_iid/notes):
// one set of handlers serves both, as one "noteable".

// noteable is what notes hang on: an issue or a merge request.
type noteable struct {
	typ   string // noteable_type: "Issue" or "MergeRequest"
	id    int64
	iid   int
	notes *[]*discussion
	// updated is the issue's or merge request's updated_at: a new note
	// touches it, as on GitLab.
	updated *time.Time
}

// noteable finds the issue or merge request the call's path names, or
// answers 404.
func (c *call) noteable() (*project, *noteable) {
	if _, ok := c.vars["merge_request_iid"]; ok {
		p, mr := c.mergeRequest()
		if mr == nil {
			return nil, nil
		}
		return p, &noteable{typ: "MergeRequest", id: mr.id, iid: mr.iid, notes: &mr.notes, updated: &mr.updatedAt}
	}
	p, is := c.issue()
	if is == nil {
		return nil, nil
	}
	return p, &noteable{typ: "Issue", id: is.id, iid: is.iid, notes: &is.notes, updated: &is.updatedAt}
}

func (f *Fake) noteOf(p *project, on *noteable, d *discussion, n *Note) noteJSON {
	return f.noteJSON(p, d, n, on.typ, on.id, on.iid)
}

func (f *Fake) listNotes(c *call) {
	p, on := c.noteable()
	if on == nil {
		return
	}
	notes := flattenNotePtrs(*on.notes)
	if !sortNotes(c, notes) {
		return
	}
	out := make([]noteJSON, 0, len(notes))
	for _, n := range notes {
		out = append(out, f.noteOf(p, on, discussionOf(*on.notes, n.ID), n))
	}
	paginate(c, out)
}

// createNote adds a note as the bot; an internal note exists on issues
// only.
func (f *Fake) createNote(c *call) {
	p, on := c.noteable()
	if on == nil {
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	internal := false
	if on.typ == "Issue" {
		var err error
		if internal, _, err = c.params.boolean("internal"); err != nil {
			c.fail(http.StatusBadRequest, "error", err.Error())
			return
		}
	}
	d := f.newNoteLocked(Note{Body: body, Author: BotUsername, Internal: internal})
	*on.notes = append(*on.notes, d)
	*on.updated = f.now().UTC()
	c.ok(http.StatusCreated, f.noteOf(p, on, d, d.notes[0]))
}

// note finds the note the call's path names, or answers 404.
func (c *call) note() (*project, *noteable, *discussion, *Note) {
	p, on := c.noteable()
	if on == nil {
		return nil, nil, nil, nil
	}
	id, ok := c.noteID()
	if !ok {
		return nil, nil, nil, nil
	}
	d, n := findNote(*on.notes, id)
	if n == nil {
		c.notFound("Note")
		return nil, nil, nil, nil
	}
	return p, on, d, n
}

func (f *Fake) getNote(c *call) {
	if p, on, d, n := c.note(); n != nil {
		c.ok(http.StatusOK, f.noteOf(p, on, d, n))
	}
}

// updateNote edits a note the bot wrote: its body, or, on a merge
// request, whether it is resolved.
func (f *Fake) updateNote(c *call) {
	p, on, d, n := c.note()
	if n == nil {
		return
	}
	ok := false
	if on.typ == "Issue" {
		ok = f.editBody(c, n)
	} else {
		ok = f.editNote(c, n)
	}
	if ok {
		c.ok(http.StatusOK, f.noteOf(p, on, d, n))
	}
}

// deleteNote deletes a note the bot wrote (a Developer deletes only its
// own); a thread left without notes goes with it. GitLab answers 204.
func (f *Fake) deleteNote(c *call) {
	_, on, d, n := c.note()
	if n == nil {
		return
	}
	if n.System || !strings.EqualFold(n.Author, BotUsername) {
		c.fail(http.StatusForbidden, "message", "403 Forbidden")
		return
	}
	d.notes = slices.DeleteFunc(d.notes, func(x *Note) bool { return x == n })
	if len(d.notes) == 0 {
		*on.notes = slices.DeleteFunc(*on.notes, func(x *discussion) bool { return x == d })
	}
	c.status = http.StatusNoContent
	c.w.WriteHeader(http.StatusNoContent)
}

// editBody applies a new body to a note the bot wrote: only the author
// (or an admin, which the bot is not) edits a note.
func (f *Fake) editBody(c *call, n *Note) bool {
	body, ok := c.noteBody()
	if !ok {
		return false
	}
	if n.System || !strings.EqualFold(n.Author, BotUsername) {
		c.fail(http.StatusForbidden, "message", "403 Forbidden")
		return false
	}
	n.Body = body
	n.UpdatedAt = f.now().UTC()
	return true
}

// sortNotes orders notes as GitLab does: order_by created_at (default) or
// updated_at, sort desc (default) or asc.
func sortNotes(c *call, notes []*Note) bool {
	orderBy, _ := c.params.str("order_by")
	dir, _ := c.params.str("sort")
	if orderBy == "" {
		orderBy = "created_at"
	}
	if dir == "" {
		dir = "desc"
	}
	if (orderBy != "created_at" && orderBy != "updated_at") || (dir != "asc" && dir != "desc") {
		c.fail(http.StatusBadRequest, "error", "order_by, sort does not have a valid value")
		return false
	}
	key := func(n *Note) time.Time {
		if orderBy == "updated_at" {
			return n.UpdatedAt
		}
		return n.CreatedAt
	}
	sort.SliceStable(notes, func(i, j int) bool {
		a, b := key(notes[i]), key(notes[j])
		if a.Equal(b) {
			a2, b2 := notes[i].ID, notes[j].ID
			if dir == "asc" {
				return a2 < b2
			}
			return a2 > b2
		}
		if dir == "asc" {
			return a.Before(b)
		}
		return a.After(b)
	})
	return true
}

func flattenNotePtrs(ds []*discussion) []*Note {
	var out []*Note
	for _, d := range ds {
		out = append(out, d.notes...)
	}
	return out
}

func discussionOf(ds []*discussion, noteID int64) *discussion {
	for _, d := range ds {
		for _, n := range d.notes {
			if n.ID == noteID {
				return d
			}
		}
	}
	return nil
}

func findNote(ds []*discussion, id int64) (*discussion, *Note) {
	for _, d := range ds {
		for _, n := range d.notes {
			if n.ID == id {
				return d, n
			}
		}
	}
	return nil, nil
}

// noteBody validates the body parameter of a note creation or edit.
func (c *call) noteBody() (string, bool) {
	body, ok := c.params.str("body")
	if !ok {
		c.missing("body")
		return "", false
	}
	if strings.TrimSpace(body) == "" {
		c.fail(http.StatusBadRequest, "message", map[string][]string{"note": {"can't be blank"}})
		return "", false
	}
	if len([]rune(body)) > maxNoteLength {
		c.fail(http.StatusBadRequest, "message", map[string][]string{"note": {fmt.Sprintf("is too long (maximum is %d characters)", maxNoteLength)}})
		return "", false
	}
	return body, true
}

func (c *call) noteID() (int64, bool) {
	id, err := strconv.ParseInt(c.vars["note_id"], 10, 64)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", "note_id is invalid")
		return 0, false
	}
	return id, true
}
