package gitlabfake

import (
	"net/http"
	"strconv"
	"strings"
)

// --- merge requests ---

func (f *Fake) mrJSON(p *project, mr *mergeRequest) mergeRequestJSON {
	short := "!" + strconv.Itoa(mr.iid)
	status := "mergeable"
	if mr.data.Draft {
		status = "draft_status"
	}
	for _, d := range mr.notes {
		for _, n := range d.notes {
			if n.Resolvable && !n.Resolved {
				status = "discussions_not_resolved"
			}
		}
	}
	var milestone *milestoneJSON
	if mr.data.Milestone != "" {
		milestone = &milestoneJSON{ID: 1, IID: 1, Title: mr.data.Milestone, State: "active"}
	}
	return mergeRequestJSON{
		Milestone: milestone,
		ID:        mr.id, IID: mr.iid, ProjectID: p.id,
		Title: mr.data.Title, Description: mr.data.Description, State: mr.data.State,
		CreatedAt: mr.createdAt, UpdatedAt: mr.updatedAt,
		TargetBranch: mr.data.TargetBranch, SourceBranch: mr.data.SourceBranch,
		SourceProjectID: p.id, TargetProjectID: p.id,
		Author: f.userJSON(mr.data.Author), Labels: sortedLabels(mr.data.Labels),
		Draft: mr.data.Draft, SHA: mr.data.SHA, DetailedMergeStatus: status,
		WebURL:     f.srv.URL + "/" + p.path + "/-/merge_requests/" + strconv.Itoa(mr.iid),
		References: referencesJSON{Short: short, Relative: short, Full: p.path + short},
	}
}

func (f *Fake) getMergeRequest(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	c.ok(http.StatusOK, f.mrJSON(p, mr))
}

// getGroupMember answers GET /groups/:id/members/all/:user_id; :id is the
// group's numeric id or URL-encoded full path.
func (f *Fake) getGroupMember(c *call) {
	var g *group
	idOrPath := c.vars["id"]
	for _, x := range f.groups {
		if strconv.FormatInt(x.id, 10) == idOrPath || strings.EqualFold(x.path, idOrPath) {
			g = x
		}
	}
	if g == nil {
		c.notFound("Group")
		return
	}
	id, err := strconv.ParseInt(c.vars["user_id"], 10, 64)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", "user_id is invalid")
		return
	}
	level, ok := g.members[id]
	u := f.userByIDLocked(id)
	if !ok || u == nil {
		c.notFound("")
		return
	}
	c.ok(http.StatusOK, f.memberJSON(u, level))
}

func (f *Fake) closesIssues(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	var out []issueJSON
	for _, iid := range mr.data.ClosesIssues {
		if is := p.issues[iid]; is != nil {
			out = append(out, f.issueJSON(p, is))
		}
	}
	paginate(c, out)
}

func (f *Fake) mrNotesJSON(p *project, mr *mergeRequest, d *discussion) []noteJSON {
	out := make([]noteJSON, 0, len(d.notes))
	for _, n := range d.notes {
		out = append(out, f.noteJSON(p, d, n, "MergeRequest", mr.id, mr.iid))
	}
	return out
}

// editNote applies body and/or resolved to a note the bot wrote.
func (f *Fake) editNote(c *call, n *Note) bool {
	_, hasBody := c.params.str("body")
	resolved, hasResolved, err := c.params.boolean("resolved")
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return false
	}
	if !hasBody && !hasResolved {
		c.fail(http.StatusBadRequest, "error", "body, resolved are missing, exactly one parameter must be provided")
		return false
	}
	if hasBody && hasResolved {
		c.fail(http.StatusBadRequest, "error", "body, resolved are mutually exclusive")
		return false
	}
	if hasResolved {
		if !n.Resolvable {
			c.fail(http.StatusBadRequest, "message", "400 Bad request - Note is not resolvable")
			return false
		}
		n.Resolved = resolved
		n.UpdatedAt = f.now().UTC()
		return true
	}
	return f.editBody(c, n)
}

func (f *Fake) listDiscussions(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	out := make([]discussionJSON, 0, len(mr.notes))
	for _, d := range mr.notes {
		out = append(out, discussionJSON{ID: d.id, IndividualNote: d.individual, Notes: f.mrNotesJSON(p, mr, d)})
	}
	paginate(c, out)
}

// mrDiscussion finds the merge request and the thread the call's path
// names, or answers 404.
func (c *call) mrDiscussion() (*project, *mergeRequest, *discussion) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return nil, nil, nil
	}
	return p, mr, c.discussion(mr)
}

func (c *call) discussion(mr *mergeRequest) *discussion {
	for _, d := range mr.notes {
		if d.id == c.vars["discussion_id"] {
			return d
		}
	}
	c.notFound("")
	return nil
}

func (f *Fake) createDiscussion(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	// A thread started on a merge request is resolvable.
	d := f.newNoteLocked(Note{Body: body, Author: BotUsername, Resolvable: true})
	mr.notes = append(mr.notes, d)
	c.ok(http.StatusCreated, discussionJSON{ID: d.id, IndividualNote: false, Notes: f.mrNotesJSON(p, mr, d)})
}

func (f *Fake) getDiscussion(c *call) {
	p, mr, d := c.mrDiscussion()
	if d == nil {
		return
	}
	c.ok(http.StatusOK, discussionJSON{ID: d.id, IndividualNote: d.individual, Notes: f.mrNotesJSON(p, mr, d)})
}

func (f *Fake) resolveDiscussion(c *call) {
	p, mr, d := c.mrDiscussion()
	if d == nil {
		return
	}
	resolved, given, err := c.params.boolean("resolved")
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return
	}
	if !given {
		c.missing("resolved")
		return
	}
	resolvable := false
	for _, n := range d.notes {
		if n.Resolvable {
			resolvable = true
			n.Resolved = resolved
			n.UpdatedAt = f.now().UTC()
		}
	}
	if !resolvable {
		c.fail(http.StatusBadRequest, "message", "400 Bad request - Discussion is not resolvable")
		return
	}
	c.ok(http.StatusOK, discussionJSON{ID: d.id, IndividualNote: d.individual, Notes: f.mrNotesJSON(p, mr, d)})
}

func (f *Fake) addDiscussionNote(c *call) {
	p, mr, d := c.mrDiscussion()
	if d == nil {
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	n := f.newNoteLocked(Note{Body: body, Author: BotUsername, Resolvable: !d.individual}).notes[0]
	d.notes = append(d.notes, n)
	c.ok(http.StatusCreated, f.noteJSON(p, d, n, "MergeRequest", mr.id, mr.iid))
}

func (f *Fake) updateDiscussionNote(c *call) {
	p, mr, d := c.mrDiscussion()
	if d == nil {
		return
	}
	id, ok := c.noteID()
	if !ok {
		return
	}
	var n *Note
	for _, x := range d.notes {
		if x.ID == id {
			n = x
		}
	}
	if n == nil {
		c.notFound("Note")
		return
	}
	if !f.editNote(c, n) {
		return
	}
	c.ok(http.StatusOK, f.noteJSON(p, d, n, "MergeRequest", mr.id, mr.iid))
}
