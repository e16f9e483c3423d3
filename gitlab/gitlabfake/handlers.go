package gitlabfake

import (
	"net/http"
	"slices"
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

// updateIssue applies title, description, state_event and the label
// parameters, as PUT …/issues/:iid does.
func (f *Fake) updateIssue(c *call) {
	p, is := c.issue()
	if is == nil {
		return
	}
	changed, ok := c.titleAndDescription(&is.data.Title, &is.data.Description)
	if !ok {
		return
	}
	if v, given := c.params.str("state_event"); given {
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
	// Grape: "at least one parameter must be provided".
	if !f.updateLabels(c, p, &is.data.Labels, changed, "assignee_id, assignee_ids, confidential, created_at, description, discussion_locked, due_date, labels, add_labels, remove_labels, milestone_id, state_event, title, issue_type, weight, epic_id, epic_iid") {
		return
	}
	is.updatedAt = f.now().UTC()
	c.ok(http.StatusOK, f.issueJSON(p, is))
}

// updateMergeRequest applies title, description and the label parameters,
// as PUT …/merge_requests/:iid does.
func (f *Fake) updateMergeRequest(c *call) {
	p, mr := c.mergeRequest()
	if mr == nil {
		return
	}
	changed, ok := c.titleAndDescription(&mr.data.Title, &mr.data.Description)
	if !ok || !f.updateLabels(c, p, &mr.data.Labels, changed, "title, description, labels, add_labels, remove_labels…") {
		return
	}
	mr.updatedAt = f.now().UTC()
	c.ok(http.StatusOK, f.mrJSON(p, mr))
}

// titleAndDescription applies the title and description parameters of an
// update; it answers and reports false on a blank title.
func (c *call) titleAndDescription(title, description *string) (changed, ok bool) {
	if v, given := c.params.str("title"); given {
		if strings.TrimSpace(v) == "" {
			c.fail(http.StatusBadRequest, "message", map[string][]string{"title": {"can't be blank"}})
			return false, false
		}
		*title, changed = v, true
	}
	if v, given := c.params.str("description"); given {
		*description, changed = v, true
	}
	return changed, true
}

// updateLabels applies the label parameters of an update to labels,
// refusing an update without any parameter (naming them as GitLab does,
// in params); it answers and reports false on a refusal.
func (f *Fake) updateLabels(c *call, p *project, labels *[]string, changed bool, params string) bool {
	next, labelsChanged := labelParams(c, *labels)
	if !changed && !labelsChanged {
		c.fail(http.StatusBadRequest, "error", params+" are missing, at least one parameter must be provided")
		return false
	}
	if !f.createNamedLabels(c, p, next) {
		return false
	}
	*labels = next
	return true
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
