package gitlabfake

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxNoteLength is GitLab's limit on a note body (Note validates the note
// with Gitlab::Database::MAX_TEXT_SIZE_LIMIT, 1,000,000 characters).
const maxNoteLength = 1_000_000

// JSON shapes, with the fields GitLab documents that cochef (or a reader of
// a recorded answer) may look at.

type userJSON struct {
	ID        int64  `json:"id"`
	Username  string `json:"username"`
	Name      string `json:"name"`
	State     string `json:"state"`
	Locked    bool   `json:"locked"`
	AvatarURL string `json:"avatar_url"`
	WebURL    string `json:"web_url"`
}

type memberJSON struct {
	userJSON
	AccessLevel int     `json:"access_level"`
	ExpiresAt   *string `json:"expires_at"`
}

type referencesJSON struct {
	Short    string `json:"short"`
	Relative string `json:"relative"`
	Full     string `json:"full"`
}

type issueJSON struct {
	ID               int64          `json:"id"`
	IID              int            `json:"iid"`
	ProjectID        int64          `json:"project_id"`
	Title            string         `json:"title"`
	Description      string         `json:"description"`
	State            string         `json:"state"`
	CreatedAt        time.Time      `json:"created_at"`
	UpdatedAt        time.Time      `json:"updated_at"`
	ClosedAt         *time.Time     `json:"closed_at"`
	Labels           []string       `json:"labels"`
	Milestone        any            `json:"milestone"`
	Assignees        []userJSON     `json:"assignees"`
	Author           userJSON       `json:"author"`
	Type             string         `json:"type"`
	IssueType        string         `json:"issue_type"`
	UserNotesCount   int            `json:"user_notes_count"`
	Confidential     bool           `json:"confidential"`
	DiscussionLocked any            `json:"discussion_locked"`
	WebURL           string         `json:"web_url"`
	References       referencesJSON `json:"references"`
}

type noteJSON struct {
	ID           int64     `json:"id"`
	Type         *string   `json:"type"`
	Body         string    `json:"body"`
	Author       userJSON  `json:"author"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
	System       bool      `json:"system"`
	NoteableID   int64     `json:"noteable_id"`
	NoteableType string    `json:"noteable_type"`
	NoteableIID  int       `json:"noteable_iid"`
	ProjectID    int64     `json:"project_id"`
	Resolvable   bool      `json:"resolvable"`
	Resolved     bool      `json:"resolved,omitempty"`
	ResolvedBy   *userJSON `json:"resolved_by,omitempty"`
	Confidential bool      `json:"confidential"`
	Internal     bool      `json:"internal"`
}

type discussionJSON struct {
	ID             string     `json:"id"`
	IndividualNote bool       `json:"individual_note"`
	Notes          []noteJSON `json:"notes"`
}

type labelJSON struct {
	ID                     int64  `json:"id"`
	Name                   string `json:"name"`
	Color                  string `json:"color"`
	TextColor              string `json:"text_color"`
	Description            string `json:"description"`
	DescriptionHTML        string `json:"description_html"`
	OpenIssuesCount        int    `json:"open_issues_count"`
	ClosedIssuesCount      int    `json:"closed_issues_count"`
	OpenMergeRequestsCount int    `json:"open_merge_requests_count"`
	Subscribed             bool   `json:"subscribed"`
	Priority               *int   `json:"priority"`
	IsProjectLabel         bool   `json:"is_project_label"`
}

type projectJSON struct {
	ID                int64  `json:"id"`
	Name              string `json:"name"`
	Path              string `json:"path"`
	PathWithNamespace string `json:"path_with_namespace"`
	DefaultBranch     string `json:"default_branch"`
	WebURL            string `json:"web_url"`
	Namespace         struct {
		FullPath string `json:"full_path"`
	} `json:"namespace"`
}

type milestoneJSON struct {
	ID    int64  `json:"id"`
	IID   int    `json:"iid"`
	Title string `json:"title"`
	State string `json:"state"`
}

type mergeRequestJSON struct {
	ID                  int64          `json:"id"`
	IID                 int            `json:"iid"`
	ProjectID           int64          `json:"project_id"`
	Title               string         `json:"title"`
	Description         string         `json:"description"`
	State               string         `json:"state"`
	CreatedAt           time.Time      `json:"created_at"`
	UpdatedAt           time.Time      `json:"updated_at"`
	TargetBranch        string         `json:"target_branch"`
	SourceBranch        string         `json:"source_branch"`
	SourceProjectID     int64          `json:"source_project_id"`
	TargetProjectID     int64          `json:"target_project_id"`
	Author              userJSON       `json:"author"`
	Labels              []string       `json:"labels"`
	Draft               bool           `json:"draft"`
	SHA                 string         `json:"sha"`
	DetailedMergeStatus string         `json:"detailed_merge_status"`
	Milestone           *milestoneJSON `json:"milestone"`
	WebURL              string         `json:"web_url"`
	References          referencesJSON `json:"references"`
}

type commitStatusJSON struct {
	ID           int64      `json:"id"`
	SHA          string     `json:"sha"`
	Ref          string     `json:"ref"`
	Status       string     `json:"status"`
	Name         string     `json:"name"`
	Description  *string    `json:"description"`
	TargetURL    *string    `json:"target_url"`
	CreatedAt    time.Time  `json:"created_at"`
	StartedAt    *time.Time `json:"started_at"`
	FinishedAt   *time.Time `json:"finished_at"`
	AllowFailure bool       `json:"allow_failure"`
	Author       userJSON   `json:"author"`
}

func (f *Fake) userJSON(username string) userJSON {
	u := f.userLocked(username)
	return userJSON{
		ID: u.id, Username: u.username, Name: u.username, State: "active",
		AvatarURL: f.srv.URL + "/uploads/-/system/user/avatar/" + strconv.FormatInt(u.id, 10) + "/avatar.png",
		WebURL:    f.srv.URL + "/" + u.username,
	}
}

func (f *Fake) issueJSON(p *project, is *issue) issueJSON {
	userNotes := 0
	for _, d := range is.notes {
		for _, n := range d.notes {
			if !n.System {
				userNotes++
			}
		}
	}
	var closedAt *time.Time
	if is.data.State == "closed" {
		t := is.updatedAt
		closedAt = &t
	}
	short := "#" + strconv.Itoa(is.iid)
	return issueJSON{
		ID: is.id, IID: is.iid, ProjectID: p.id,
		Title: is.data.Title, Description: is.data.Description, State: is.data.State,
		CreatedAt: is.createdAt, UpdatedAt: is.updatedAt, ClosedAt: closedAt,
		Labels:    sortedLabels(is.data.Labels),
		Assignees: []userJSON{},
		Author:    f.userJSON(is.data.Author),
		Type:      "ISSUE", IssueType: "issue",
		UserNotesCount: userNotes,
		WebURL:         f.srv.URL + "/" + p.path + "/-/issues/" + strconv.Itoa(is.iid),
		References:     referencesJSON{Short: short, Relative: short, Full: p.path + short},
	}
}

func (f *Fake) noteJSON(p *project, d *discussion, n *Note, noteableType string, noteableID int64, iid int) noteJSON {
	var typ *string
	if !d.individual {
		t := "DiscussionNote"
		typ = &t
	}
	out := noteJSON{
		ID: n.ID, Type: typ, Body: n.Body, Author: f.userJSON(n.Author),
		CreatedAt: n.CreatedAt, UpdatedAt: n.UpdatedAt, System: n.System,
		NoteableID: noteableID, NoteableType: noteableType, NoteableIID: iid,
		ProjectID: p.id, Resolvable: n.Resolvable,
		Confidential: n.Internal, Internal: n.Internal,
	}
	if n.Resolvable {
		out.Resolved = n.Resolved
		if n.Resolved {
			by := f.userJSON(BotUsername)
			out.ResolvedBy = &by
		}
	}
	return out
}

func labelToJSON(l *Label) labelJSON {
	return labelJSON{
		ID: l.ID, Name: l.Name, Color: l.Color, TextColor: "#FFFFFF",
		Description: l.Description, DescriptionHTML: l.Description, IsProjectLabel: true,
	}
}

// --- users and projects ---

func (f *Fake) getCurrentUser(c *call) { c.ok(http.StatusOK, f.userJSON(BotUsername)) }

func (f *Fake) listUsers(c *call) {
	username, _ := c.params.str("username")
	var out []userJSON
	for _, u := range f.users {
		if username == "" || strings.EqualFold(u.username, username) {
			out = append(out, f.userJSON(u.username))
		}
	}
	paginate(c, out)
}

func (f *Fake) getProject(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	name := p.path[strings.LastIndex(p.path, "/")+1:]
	out := projectJSON{
		ID: p.id, Name: name, Path: name, PathWithNamespace: p.path,
		DefaultBranch: p.defaultBranch, WebURL: f.srv.URL + "/" + p.path,
	}
	if i := strings.LastIndex(p.path, "/"); i > 0 {
		out.Namespace.FullPath = p.path[:i]
	}
	c.ok(http.StatusOK, out)
}

// --- issues ---

func (f *Fake) getIssue(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	c.ok(http.StatusOK, f.issueJSON(p, is))
}

func (f *Fake) updateIssue(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	changed := false
	if v, ok := c.params.str("title"); ok {
		if strings.TrimSpace(v) == "" {
			c.fail(http.StatusBadRequest, "message", map[string][]string{"title": {"can't be blank"}})
			return
		}
		is.data.Title, changed = v, true
	}
	if v, ok := c.params.str("description"); ok {
		is.data.Description, changed = v, true
	}
	if v, ok := c.params.str("state_event"); ok {
		switch v {
		case "close":
			is.data.State = "closed"
		case "reopen":
			is.data.State = "opened"
		default:
			c.fail(http.StatusBadRequest, "error", "state_event does not have a valid value")
			return
		}
		changed = true
	}
	labels, labelsChanged := labelParams(c, is.data.Labels)
	changed = changed || labelsChanged
	if !changed {
		// Grape: "at least one parameter must be provided".
		c.fail(http.StatusBadRequest, "error", "assignee_id, assignee_ids, confidential, created_at, description, discussion_locked, due_date, labels, add_labels, remove_labels, milestone_id, state_event, title, issue_type, weight, epic_id, epic_iid are missing, at least one parameter must be provided")
		return
	}
	if !f.createNamedLabels(c, p, labels) {
		return
	}
	is.data.Labels = labels
	is.updatedAt = f.now().UTC()
	c.ok(http.StatusOK, f.issueJSON(p, is))
}

// --- issue notes ---

func (f *Fake) listIssueNotes(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	notes := flattenNotePtrs(is.notes)
	if !sortNotes(c, notes) {
		return
	}
	out := make([]noteJSON, 0, len(notes))
	for _, n := range notes {
		out = append(out, f.noteJSON(p, discussionOf(is.notes, n.ID), n, "Issue", is.id, is.iid))
	}
	paginate(c, out)
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

func (f *Fake) createIssueNote(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	internal, _, err := c.params.boolean("internal")
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return
	}
	d := f.newNoteLocked(Note{Body: body, Author: BotUsername, Internal: internal})
	is.notes = append(is.notes, d)
	c.ok(http.StatusCreated, f.noteJSON(p, d, d.notes[0], "Issue", is.id, is.iid))
}

func (c *call) noteID() (int64, bool) {
	id, err := strconv.ParseInt(c.vars["note_id"], 10, 64)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", "note_id is invalid")
		return 0, false
	}
	return id, true
}

func (f *Fake) getIssueNote(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	id, ok := c.noteID()
	if !ok {
		return
	}
	d, n := findNote(is.notes, id)
	if n == nil {
		c.notFound("Note")
		return
	}
	c.ok(http.StatusOK, f.noteJSON(p, d, n, "Issue", is.id, is.iid))
}

func (f *Fake) updateIssueNote(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	id, ok := c.noteID()
	if !ok {
		return
	}
	d, n := findNote(is.notes, id)
	if n == nil {
		c.notFound("Note")
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	if n.System || !strings.EqualFold(n.Author, BotUsername) {
		// Only the author (or an admin, which the bot is not) edits a note.
		c.fail(http.StatusForbidden, "message", "403 Forbidden")
		return
	}
	n.Body = body
	n.UpdatedAt = f.now().UTC()
	c.ok(http.StatusOK, f.noteJSON(p, d, n, "Issue", is.id, is.iid))
}

// --- labels ---

func findLabel(p *project, name string) *Label {
	for _, l := range p.labels {
		if l.Name == name {
			return l
		}
	}
	return nil
}

func (f *Fake) listLabels(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	search, _ := c.params.str("search")
	var out []labelJSON
	for _, l := range p.labels {
		if search == "" || strings.Contains(strings.ToLower(l.Name), strings.ToLower(search)) {
			out = append(out, labelToJSON(l))
		}
	}
	// GitLab lists labels by title.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	paginate(c, out)
}

func (f *Fake) getLabel(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	key := c.vars["label_id"]
	for _, l := range p.labels {
		if l.Name == key || strconv.FormatInt(l.ID, 10) == key {
			c.ok(http.StatusOK, labelToJSON(l))
			return
		}
	}
	c.notFound("Label")
}

var colorRE = regexp.MustCompile(`^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-z]+)$`)

func (f *Fake) createLabel(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	name, ok := c.params.str("name")
	if !ok {
		c.missing("name")
		return
	}
	color, ok := c.params.str("color")
	if !ok {
		c.missing("color")
		return
	}
	if strings.TrimSpace(name) == "" || strings.Contains(name, ",") {
		c.fail(http.StatusBadRequest, "message", map[string][]string{"title": {"is invalid"}})
		return
	}
	if !colorRE.MatchString(color) {
		c.fail(http.StatusBadRequest, "message", map[string][]string{"color": {"must be a valid color code"}})
		return
	}
	if findLabel(p, name) != nil {
		c.fail(http.StatusConflict, "message", "Label already exists")
		return
	}
	desc, _ := c.params.str("description")
	l := &Label{ID: f.nextID(), Name: name, Color: color, Description: desc}
	p.labels = append(p.labels, l)
	c.ok(http.StatusCreated, labelToJSON(l))
}

// --- members ---

func (f *Fake) memberJSON(u *user, level int) memberJSON {
	return memberJSON{userJSON: f.userJSON(u.username), AccessLevel: level}
}

func (f *Fake) listMembers(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	query, _ := c.params.str("query")
	var out []memberJSON
	for _, u := range f.users {
		level, ok := p.members[u.id]
		if !ok {
			continue
		}
		if query == "" || strings.Contains(strings.ToLower(u.username), strings.ToLower(query)) {
			out = append(out, f.memberJSON(u, level))
		}
	}
	paginate(c, out)
}

func (f *Fake) getMember(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	id, err := strconv.ParseInt(c.vars["user_id"], 10, 64)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", "user_id is invalid")
		return
	}
	level, ok := p.members[id]
	u := f.userByIDLocked(id)
	if !ok || u == nil {
		c.notFound("")
		return
	}
	c.ok(http.StatusOK, f.memberJSON(u, level))
}

// --- repository files ---

// fileAt resolves ref (empty or HEAD: the default branch) and the file.
func (c *call) fileAt() (p *project, ref, path, content string, ok bool) {
	p = c.project()
	if p == nil {
		return nil, "", "", "", false
	}
	ref, _ = c.params.str("ref")
	if ref == "" || ref == "HEAD" {
		ref = p.defaultBranch
	}
	files, known := p.files[ref]
	if !known && ref != p.defaultBranch && !p.commits[ref] {
		c.notFound("Commit")
		return nil, "", "", "", false
	}
	path = c.vars["file_path"]
	content, ok = files[path]
	if !ok {
		c.notFound("File")
		return nil, "", "", "", false
	}
	return p, ref, path, content, true
}

func blobID(content string) string {
	sum := sha256.Sum256([]byte("blob " + strconv.Itoa(len(content)) + "\x00" + content))
	return hex.EncodeToString(sum[:20])
}

func (f *Fake) getRawFile(c *call) {
	_, ref, path, content, ok := c.fileAt()
	if !ok {
		return
	}
	h := c.w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Gitlab-File-Name", path[strings.LastIndex(path, "/")+1:])
	h.Set("X-Gitlab-File-Path", path)
	h.Set("X-Gitlab-Ref", ref)
	h.Set("X-Gitlab-Blob-Id", blobID(content))
	h.Set("X-Gitlab-Size", strconv.Itoa(len(content)))
	c.status = http.StatusOK
	c.w.WriteHeader(http.StatusOK)
	if c.r.Method == http.MethodHead {
		return
	}
	if _, err := c.w.Write([]byte(content)); err != nil {
		return
	}
}

func (f *Fake) getFile(c *call) {
	if _, ok := c.params.str("ref"); !ok {
		// The JSON variant requires ref, unlike /raw.
		c.missing("ref")
		return
	}
	_, ref, path, content, ok := c.fileAt()
	if !ok {
		return
	}
	c.ok(http.StatusOK, map[string]any{
		"file_name": path[strings.LastIndex(path, "/")+1:],
		"file_path": path,
		"size":      len(content),
		"encoding":  "base64",
		"content":   base64.StdEncoding.EncodeToString([]byte(content)),
		"ref":       ref,
		"blob_id":   blobID(content),
	})
}

// --- commit statuses ---

var statusStates = []string{"pending", "running", "success", "failed", "canceled", "skipped"}

func (f *Fake) statusJSON(s *CommitStatus) commitStatusJSON {
	out := commitStatusJSON{
		ID: s.ID, SHA: s.SHA, Ref: s.Ref, Status: s.State, Name: s.Name,
		CreatedAt: s.CreatedAt, Author: f.userJSON(BotUsername),
	}
	if s.Description != "" {
		d := s.Description
		out.Description = &d
	}
	if s.TargetURL != "" {
		u := s.TargetURL
		out.TargetURL = &u
	}
	return out
}

func (f *Fake) setCommitStatus(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	sha := c.vars["sha"]
	state, ok := c.params.str("state")
	if !ok {
		c.missing("state")
		return
	}
	if !slices.Contains(statusStates, state) {
		c.fail(http.StatusBadRequest, "error", "state does not have a valid value")
		return
	}
	if !p.commits[sha] {
		c.notFound("Commit")
		return
	}
	name, _ := c.params.str("name")
	if name == "" {
		name, _ = c.params.str("context")
	}
	if name == "" {
		name = "default"
	}
	ref, _ := c.params.str("ref")
	desc, _ := c.params.str("description")
	target, _ := c.params.str("target_url")
	s := &CommitStatus{
		ID: f.nextID(), SHA: sha, Ref: ref, State: state, Name: name,
		Description: desc, TargetURL: target, CreatedAt: f.now().UTC(),
	}
	p.statuses = append(p.statuses, s)
	c.ok(http.StatusCreated, f.statusJSON(s))
}

func (f *Fake) listCommitStatuses(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	sha := c.vars["sha"]
	if !p.commits[sha] {
		c.notFound("Commit")
		return
	}
	var out []commitStatusJSON
	for _, s := range p.statuses {
		if s.SHA == sha {
			out = append(out, f.statusJSON(s))
		}
	}
	paginate(c, out)
}

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

// updateMergeRequest applies title, description, labels, add_labels and
// remove_labels, as PUT …/merge_requests/:iid does.
func (f *Fake) updateMergeRequest(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	changed := false
	if v, ok := c.params.str("title"); ok {
		if strings.TrimSpace(v) == "" {
			c.fail(http.StatusBadRequest, "message", map[string][]string{"title": {"can't be blank"}})
			return
		}
		mr.data.Title, changed = v, true
	}
	if v, ok := c.params.str("description"); ok {
		mr.data.Description, changed = v, true
	}
	labels, labelsChanged := labelParams(c, mr.data.Labels)
	changed = changed || labelsChanged
	if !changed {
		c.fail(http.StatusBadRequest, "error", "title, description, labels, add_labels, remove_labels… are missing, at least one parameter must be provided")
		return
	}
	if !f.createNamedLabels(c, p, labels) {
		return
	}
	mr.data.Labels = labels
	mr.updatedAt = f.now().UTC()
	c.ok(http.StatusOK, f.mrJSON(p, mr))
}

func (f *Fake) getMRNote(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	id, ok := c.noteID()
	if !ok {
		return
	}
	d, n := findNote(mr.notes, id)
	if n == nil {
		c.notFound("Note")
		return
	}
	c.ok(http.StatusOK, f.noteJSON(p, d, n, "MergeRequest", mr.id, mr.iid))
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

func (f *Fake) listMRNotes(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	notes := flattenNotePtrs(mr.notes)
	if !sortNotes(c, notes) {
		return
	}
	out := make([]noteJSON, 0, len(notes))
	for _, n := range notes {
		out = append(out, f.noteJSON(p, discussionOf(mr.notes, n.ID), n, "MergeRequest", mr.id, mr.iid))
	}
	paginate(c, out)
}

func (f *Fake) createMRNote(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	body, ok := c.noteBody()
	if !ok {
		return
	}
	d := f.newNoteLocked(Note{Body: body, Author: BotUsername})
	mr.notes = append(mr.notes, d)
	c.ok(http.StatusCreated, f.noteJSON(p, d, d.notes[0], "MergeRequest", mr.id, mr.iid))
}

func (f *Fake) updateMRNote(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	id, ok := c.noteID()
	if !ok {
		return
	}
	d, n := findNote(mr.notes, id)
	if n == nil {
		c.notFound("Note")
		return
	}
	if !f.editNote(c, n) {
		return
	}
	c.ok(http.StatusOK, f.noteJSON(p, d, n, "MergeRequest", mr.id, mr.iid))
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
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	d := c.discussion(mr)
	if d == nil {
		return
	}
	c.ok(http.StatusOK, discussionJSON{ID: d.id, IndividualNote: d.individual, Notes: f.mrNotesJSON(p, mr, d)})
}

func (f *Fake) resolveDiscussion(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	d := c.discussion(mr)
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
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	d := c.discussion(mr)
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
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	d := c.discussion(mr)
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

// labelParams applies the labels, add_labels and remove_labels parameters
// to current, as GitLab's issue and merge request updates do, and reports
// whether any was given.
func labelParams(c *call, current []string) ([]string, bool) {
	labels, changed := slices.Clone(current), false
	if v, ok := c.params.list("labels"); ok {
		labels, changed = v, true
	}
	if v, ok := c.params.list("add_labels"); ok {
		for _, l := range v {
			if !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
		changed = true
	}
	if v, ok := c.params.list("remove_labels"); ok {
		labels = slices.DeleteFunc(labels, func(l string) bool { return slices.Contains(v, l) })
		changed = true
	}
	return labels, changed
}

// createNamedLabels refuses a name GitLab refuses and, as GitLab does,
// creates the labels an update names but the project lacks. It answers
// and returns false on a refusal.
func (f *Fake) createNamedLabels(c *call, p *project, labels []string) bool {
	for _, l := range labels {
		if strings.Contains(l, ",") {
			c.fail(http.StatusBadRequest, "message", map[string][]string{"title": {"is invalid"}})
			return false
		}
		if findLabel(p, l) == nil {
			p.labels = append(p.labels, &Label{ID: f.nextID(), Name: l, Color: DefaultLabelColor})
		}
	}
	return true
}
