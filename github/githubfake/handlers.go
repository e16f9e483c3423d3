package githubfake

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	gh "github.com/google/go-github/v93/github"
)

func (f *Fake) dispatch(c *call) answer {
	switch c.op.OperationID {
	case "teams/get-membership-for-user-in-org":
		return f.teamMembership(c)
	case "users/get-authenticated":
		if c.installation != 0 {
			// As on GitHub: an installation token is no user.
			return messageAnswer(http.StatusForbidden, "Resource not accessible by integration", docsBase)
		}
		return jsonAnswer(http.StatusOK, userJSON(c.author, false))
	case "apps/list-repos-accessible-to-installation":
		return f.installationRepos(c)
	case "repos/list-for-org":
		return f.orgRepos(c)
	}
	repo := f.repoLocked(c.params["owner"]+"/"+c.params["repo"], false)
	if repo == nil {
		return notFound()
	}
	switch c.op.OperationID {
	case "issues/get":
		return f.getIssue(c, repo)
	case "issues/list-for-repo":
		return f.listIssues(c, repo)
	case "issues/list-comments":
		return f.listComments(c, repo)
	case "issues/create-comment":
		return f.createComment(c, repo)
	case "issues/get-comment":
		return f.getComment(c, repo)
	case "issues/update-comment":
		return f.updateComment(c, repo)
	case "issues/delete-comment":
		return f.deleteComment(c, repo)
	case "issues/get-label":
		return f.getLabel(c, repo)
	case "issues/create-label":
		return f.createLabel(c, repo)
	case "issues/list-labels-on-issue":
		return f.listIssueLabels(c, repo)
	case "issues/add-labels":
		return f.addLabels(c, repo)
	case "issues/remove-label":
		return f.removeLabel(c, repo)
	case "repos/get-collaborator-permission-level":
		return f.permission(c, repo)
	case "repos/get-content":
		return f.content(c, repo)
	case "checks/create":
		return f.createCheckRun(c, repo)
	case "checks/update":
		return f.updateCheckRun(c, repo)
	case "pulls/get":
		return f.getPull(c, repo)
	}
	f.t.Errorf("githubfake: %s is in the REST description but the fake does not implement it", c.route)
	return messageAnswer(http.StatusNotImplemented, "githubfake: not implemented", docsBase)
}

func (f *Fake) apiURL(format string, args ...any) string {
	return f.URL() + strings.TrimPrefix(fmt.Sprintf(format, args...), "/")
}

func userJSON(login string, bot bool) *gh.User {
	typ := "User"
	if bot {
		typ = "Bot"
	}
	sum := sha1.Sum([]byte(login))
	id := int64(sum[0])<<16 | int64(sum[1])<<8 | int64(sum[2])
	return &gh.User{
		Login:   new(login),
		ID:      new(id),
		Type:    new(typ),
		HTMLURL: new("https://github.com/" + login),
	}
}

func (f *Fake) labelJSON(repo *repoState, l *Label) *gh.Label {
	id := repo.labelIDs[strings.ToLower(l.Name)]
	if id == 0 {
		id = f.id()
		repo.labelIDs[strings.ToLower(l.Name)] = id
	}
	var desc *string
	if l.Description != "" {
		desc = new(l.Description)
	}
	return &gh.Label{
		ID:          id,
		URL:         f.apiURL("repos/%s/labels/%s", repo.fullName, url.PathEscape(l.Name)),
		Name:        l.Name,
		Color:       l.Color,
		Description: desc,
		NodeID:      "LA_fake" + strconv.FormatInt(id, 10),
	}
}

func (f *Fake) issueJSON(repo *repoState, is *issueState) *gh.Issue {
	var labels []*gh.Label
	for _, name := range is.issue.Labels {
		labels = append(labels, f.labelJSON(repo, repo.ensureLabel(name)))
	}
	out := &gh.Issue{
		ID:            new(int64(repo.id)<<20 | int64(is.number)),
		NodeID:        new(fmt.Sprintf("I_fake%d_%d", repo.id, is.number)),
		Number:        new(is.number),
		State:         new(is.issue.State),
		Locked:        new(false),
		Title:         new(is.issue.Title),
		Body:          new(is.issue.Body),
		User:          userJSON(is.issue.Author, false),
		Labels:        labels,
		Comments:      new(len(is.comments)),
		CreatedAt:     &gh.Timestamp{Time: is.created},
		UpdatedAt:     &gh.Timestamp{Time: is.updated},
		URL:           new(f.apiURL("repos/%s/issues/%d", repo.fullName, is.number)),
		HTMLURL:       new(fmt.Sprintf("https://github.com/%s/issues/%d", repo.fullName, is.number)),
		CommentsURL:   new(f.apiURL("repos/%s/issues/%d/comments", repo.fullName, is.number)),
		RepositoryURL: new(f.apiURL("repos/%s", repo.fullName)),
	}
	if _, isPull := repo.pulls[is.number]; isPull {
		out.PullRequestLinks = &gh.PullRequestLinks{
			URL:     new(f.apiURL("repos/%s/pulls/%d", repo.fullName, is.number)),
			HTMLURL: new(fmt.Sprintf("https://github.com/%s/pull/%d", repo.fullName, is.number)),
		}
	}
	return out
}

func (f *Fake) commentJSON(repo *repoState, number int, c *Comment) *gh.IssueComment {
	out := &gh.IssueComment{
		ID:        new(c.ID),
		NodeID:    new(fmt.Sprintf("IC_fake%d", c.ID)),
		Body:      new(c.Body),
		User:      userJSON(c.Author, c.Bot),
		CreatedAt: &gh.Timestamp{Time: c.CreatedAt},
		UpdatedAt: &gh.Timestamp{Time: c.UpdatedAt},
		URL:       new(f.apiURL("repos/%s/issues/comments/%d", repo.fullName, c.ID)),
		HTMLURL:   new(fmt.Sprintf("https://github.com/%s/issues/%d#issuecomment-%d", repo.fullName, number, c.ID)),
		IssueURL:  new(f.apiURL("repos/%s/issues/%d", repo.fullName, number)),
	}
	if c.Bot && c.AppID != 0 {
		out.PerformedViaGithubApp = &gh.App{ID: new(c.AppID), Slug: new(AppSlug), Name: new(AppSlug)}
	}
	return out
}

func (f *Fake) issue(c *call, repo *repoState) (*issueState, answer, bool) {
	n, _ := strconv.Atoi(c.params["issue_number"])
	is := repo.issues[n]
	if is == nil {
		return nil, notFound(), false
	}
	if is.gone {
		return nil, messageAnswer(http.StatusGone, "This issue was deleted", docsBase), false
	}
	return is, answer{}, true
}

func (f *Fake) getIssue(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	return jsonAnswer(http.StatusOK, f.issueJSON(repo, is))
}

func (f *Fake) listComments(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	h := http.Header{}
	from, to := f.pageOf(c, repo.id, len(is.comments), h)
	list := make([]*gh.IssueComment, 0, to-from)
	for _, cm := range is.comments[from:to] {
		list = append(list, f.commentJSON(repo, is.number, cm))
	}
	a = jsonAnswer(http.StatusOK, list)
	for k, v := range h {
		a.header[k] = v
	}
	return a
}

func commentTooLong(body string) (answer, bool) {
	if utf8.RuneCountInString(body) <= maxCommentLength {
		return answer{}, false
	}
	return jsonAnswer(http.StatusUnprocessableEntity, map[string]any{
		"message": "Validation Failed",
		"errors": []map[string]string{{
			"resource": "IssueComment", "code": "custom", "field": "body",
			"message": "body is too long (maximum is 65536 characters)",
		}},
		"documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
		"status":            "422",
	}), true
}

func (f *Fake) createComment(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	var req struct {
		Body string `json:"body"`
	}
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	if a, bad := commentTooLong(req.Body); bad {
		return a
	}
	now := time.Now().UTC()
	cm := &Comment{ID: f.id(), Body: req.Body, Author: c.author, Bot: c.bot, AppID: c.appID, CreatedAt: now, UpdatedAt: now}
	is.comments = append(is.comments, cm)
	is.updated = now
	a = jsonAnswer(http.StatusCreated, f.commentJSON(repo, is.number, cm))
	a.header.Set("Location", f.apiURL("repos/%s/issues/comments/%d", repo.fullName, cm.ID))
	return a
}

func (f *Fake) findComment(c *call, repo *repoState) (*issueState, *Comment) {
	id, _ := strconv.ParseInt(c.params["comment_id"], 10, 64)
	return f.commentLocked(repo.fullName, id)
}

func (f *Fake) getComment(c *call, repo *repoState) answer {
	is, cm := f.findComment(c, repo)
	if cm == nil {
		return notFound()
	}
	return jsonAnswer(http.StatusOK, f.commentJSON(repo, is.number, cm))
}

func (f *Fake) updateComment(c *call, repo *repoState) answer {
	is, cm := f.findComment(c, repo)
	if cm == nil {
		return notFound()
	}
	var req struct {
		Body string `json:"body"`
	}
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	if a, bad := commentTooLong(req.Body); bad {
		return a
	}
	cm.Body = req.Body
	cm.UpdatedAt = time.Now().UTC()
	return jsonAnswer(http.StatusOK, f.commentJSON(repo, is.number, cm))
}

// deleteComment answers 204 as GitHub does; the App's issues write
// permission lets it delete any comment of the repository.
func (f *Fake) deleteComment(c *call, repo *repoState) answer {
	is, cm := f.findComment(c, repo)
	if cm == nil {
		return notFound()
	}
	is.comments = slices.DeleteFunc(is.comments, func(x *Comment) bool { return x.ID == cm.ID })
	is.updated = time.Now().UTC()
	return answer{status: http.StatusNoContent, header: http.Header{}}
}

func (f *Fake) getLabel(c *call, repo *repoState) answer {
	l := repo.label(c.params["name"])
	if l == nil {
		return notFound()
	}
	return jsonAnswer(http.StatusOK, f.labelJSON(repo, l))
}

var colorRE = regexp.MustCompile(`^[0-9a-fA-F]{6}$`)

func validationFailed(resource, code, field string) answer {
	return jsonAnswer(http.StatusUnprocessableEntity, map[string]any{
		"message":           "Validation Failed",
		"errors":            []map[string]string{{"resource": resource, "code": code, "field": field}},
		"documentation_url": docsBase,
		"status":            "422",
	})
}

func (f *Fake) createLabel(c *call, repo *repoState) answer {
	var req struct {
		Name        string  `json:"name"`
		Color       *string `json:"color"`
		Description string  `json:"description"`
	}
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	if strings.TrimSpace(req.Name) == "" {
		return validationFailed("Label", "missing_field", "name")
	}
	if repo.label(req.Name) != nil {
		return validationFailed("Label", "already_exists", "name")
	}
	color := "ededed"
	if req.Color != nil {
		color = strings.TrimPrefix(*req.Color, "#")
		if !colorRE.MatchString(color) {
			return validationFailed("Label", "invalid", "color")
		}
	}
	if utf8.RuneCountInString(req.Description) > 100 {
		return validationFailed("Label", "invalid", "description")
	}
	l := &Label{Name: req.Name, Color: strings.ToLower(color), Description: req.Description}
	repo.labels = append(repo.labels, l)
	a := jsonAnswer(http.StatusCreated, f.labelJSON(repo, l))
	a.header.Set("Location", f.apiURL("repos/%s/labels/%s", repo.fullName, url.PathEscape(l.Name)))
	return a
}

func (f *Fake) issueLabelsAnswer(repo *repoState, is *issueState) answer {
	list := make([]*gh.Label, 0, len(is.issue.Labels))
	for _, name := range is.issue.Labels {
		list = append(list, f.labelJSON(repo, repo.ensureLabel(name)))
	}
	return jsonAnswer(http.StatusOK, list)
}

func (f *Fake) listIssueLabels(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	h := http.Header{}
	from, to := f.pageOf(c, repo.id, len(is.issue.Labels), h)
	list := make([]*gh.Label, 0, to-from)
	for _, name := range is.issue.Labels[from:to] {
		list = append(list, f.labelJSON(repo, repo.ensureLabel(name)))
	}
	a = jsonAnswer(http.StatusOK, list)
	for k, v := range h {
		a.header[k] = v
	}
	return a
}

func (f *Fake) addLabels(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	var req struct {
		Labels []any `json:"labels"`
	}
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	for _, item := range req.Labels {
		var name string
		switch v := item.(type) {
		case string:
			name = v
		case map[string]any:
			name, _ = v["name"].(string)
		}
		if strings.TrimSpace(name) == "" {
			return validationFailed("Label", "invalid", "labels")
		}
		l := repo.ensureLabel(name)
		if !slices.ContainsFunc(is.issue.Labels, func(n string) bool { return strings.EqualFold(n, l.Name) }) {
			is.issue.Labels = append(is.issue.Labels, l.Name)
		}
	}
	is.updated = time.Now().UTC()
	return f.issueLabelsAnswer(repo, is)
}

func (f *Fake) removeLabel(c *call, repo *repoState) answer {
	is, a, ok := f.issue(c, repo)
	if !ok {
		return a
	}
	i := slices.IndexFunc(is.issue.Labels, func(n string) bool { return strings.EqualFold(n, c.params["name"]) })
	if i < 0 {
		return messageAnswer(http.StatusNotFound, "Label does not exist", docsBase)
	}
	is.issue.Labels = slices.Delete(is.issue.Labels, i, i+1)
	is.updated = time.Now().UTC()
	return f.issueLabelsAnswer(repo, is)
}

func (f *Fake) permission(c *call, repo *repoState) answer {
	user := c.params["username"]
	role := repo.perms[strings.ToLower(user)]
	if role == "" {
		role = "none"
	}
	// The legacy "permission" field folds maintain into write and triage
	// into read; role_name keeps the role.
	perm := role
	switch role {
	case "maintain":
		perm = "write"
	case "triage":
		perm = "read"
	}
	return jsonAnswer(http.StatusOK, &gh.RepositoryPermissionLevel{
		Permission: new(perm),
		RoleName:   new(role),
		User:       userJSON(user, false),
	})
}

// blobSHA is git's object id of a blob, which GitHub reports as "sha".
func blobSHA(content string) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(content))
	h.Write([]byte(content))
	return hex.EncodeToString(h.Sum(nil))
}

// wrap60 breaks base64 into lines of 60 characters, as GitHub does.
func wrap60(s string) string {
	var b strings.Builder
	for len(s) > 60 {
		b.WriteString(s[:60])
		b.WriteByte('\n')
		s = s[60:]
	}
	b.WriteString(s)
	b.WriteByte('\n')
	return b.String()
}

func (f *Fake) content(c *call, repo *repoState) answer {
	p := c.params["path"]
	data, ok := repo.files[p]
	if !ok {
		return f.directory(repo, p)
	}
	sha := blobSHA(data)
	return jsonAnswer(http.StatusOK, &gh.RepositoryContent{
		Type:        new("file"),
		Encoding:    new("base64"),
		Size:        new(len(data)),
		Name:        new(path.Base(p)),
		Path:        new(p),
		Content:     new(wrap60(base64.StdEncoding.EncodeToString([]byte(data)))),
		SHA:         new(sha),
		URL:         new(f.apiURL("repos/%s/contents/%s", repo.fullName, p)),
		GitURL:      new(f.apiURL("repos/%s/git/blobs/%s", repo.fullName, sha)),
		HTMLURL:     new(fmt.Sprintf("https://github.com/%s/blob/main/%s", repo.fullName, p)),
		DownloadURL: new(fmt.Sprintf("https://raw.githubusercontent.com/%s/main/%s", repo.fullName, p)),
	})
}

type checkRunRequest struct {
	Name       *string `json:"name"`
	HeadSHA    *string `json:"head_sha"`
	Status     *string `json:"status"`
	Conclusion *string `json:"conclusion"`
	ExternalID *string `json:"external_id"`
	DetailsURL *string `json:"details_url"`
	Output     *struct {
		Title   *string `json:"title"`
		Summary *string `json:"summary"`
		Text    *string `json:"text"`
	} `json:"output"`
}

func (req checkRunRequest) apply(cr *CheckRun) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&cr.Name, req.Name)
	set(&cr.HeadSHA, req.HeadSHA)
	set(&cr.Status, req.Status)
	set(&cr.Conclusion, req.Conclusion)
	set(&cr.ExternalID, req.ExternalID)
	set(&cr.DetailsURL, req.DetailsURL)
	if req.Output != nil {
		set(&cr.Title, req.Output.Title)
		set(&cr.Summary, req.Output.Summary)
		set(&cr.Text, req.Output.Text)
	}
	if req.Conclusion != nil {
		cr.Status = "completed"
	}
}

func (f *Fake) checkRunJSON(repo *repoState, cr *CheckRun) *gh.CheckRun {
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return new(s)
	}
	out := &gh.CheckRun{
		ID:         new(cr.ID),
		NodeID:     new(fmt.Sprintf("CR_fake%d", cr.ID)),
		Name:       new(cr.Name),
		HeadSHA:    new(cr.HeadSHA),
		Status:     new(cr.Status),
		Conclusion: opt(cr.Conclusion),
		ExternalID: opt(cr.ExternalID),
		DetailsURL: opt(cr.DetailsURL),
		URL:        new(f.apiURL("repos/%s/check-runs/%d", repo.fullName, cr.ID)),
		HTMLURL:    new(fmt.Sprintf("https://github.com/%s/runs/%d", repo.fullName, cr.ID)),
		Output: &gh.CheckRunOutput{
			Title:   opt(cr.Title),
			Summary: opt(cr.Summary),
			Text:    opt(cr.Text),
		},
	}
	return out
}

func (f *Fake) createCheckRun(c *call, repo *repoState) answer {
	if !c.bot {
		// Only GitHub Apps may create check runs.
		return messageAnswer(http.StatusForbidden, "You must authenticate via a GitHub App.", docsBase)
	}
	var req checkRunRequest
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	cr := &CheckRun{ID: f.id(), Status: "queued"}
	req.apply(cr)
	repo.checkRuns[cr.ID] = cr
	return jsonAnswer(http.StatusCreated, f.checkRunJSON(repo, cr))
}

func (f *Fake) updateCheckRun(c *call, repo *repoState) answer {
	if !c.bot {
		return messageAnswer(http.StatusForbidden, "You must authenticate via a GitHub App.", docsBase)
	}
	id, _ := strconv.ParseInt(c.params["check_run_id"], 10, 64)
	cr := repo.checkRuns[id]
	if cr == nil {
		return notFound()
	}
	var req checkRunRequest
	if err := decodeBody(c, &req); err != nil {
		return messageAnswer(http.StatusBadRequest, "Problems parsing JSON", docsBase)
	}
	req.apply(cr)
	return jsonAnswer(http.StatusOK, f.checkRunJSON(repo, cr))
}

func (f *Fake) getPull(c *call, repo *repoState) answer {
	n, _ := strconv.Atoi(c.params["pull_number"])
	p := repo.pulls[n]
	if p == nil {
		return notFound()
	}
	title, body, state := p.Title, p.Body, p.State
	var labels []*gh.Label
	if is := repo.issues[n]; is != nil {
		title, body, state = is.issue.Title, is.issue.Body, is.issue.State
		for _, name := range is.issue.Labels {
			labels = append(labels, f.labelJSON(repo, repo.ensureLabel(name)))
		}
	}
	var milestone *gh.Milestone
	if p.Milestone != "" {
		milestone = &gh.Milestone{Title: new(p.Milestone), Number: new(1), State: new("open")}
	}
	merged := p.State == "merged"
	if merged {
		state = "closed"
	}
	return jsonAnswer(http.StatusOK, &gh.PullRequest{
		Labels:    labels,
		Milestone: milestone,
		Merged:    new(merged),
		ID:        new(int64(repo.id)<<20 | int64(n)),
		Number:    new(n),
		State:     new(state),
		Title:     new(title),
		Body:      new(body),
		User:      userJSON(p.Author, false),
		URL:       new(f.apiURL("repos/%s/pulls/%d", repo.fullName, n)),
		HTMLURL:   new(fmt.Sprintf("https://github.com/%s/pull/%d", repo.fullName, n)),
		Head:      &gh.PullRequestBranch{Ref: new(p.HeadRef), SHA: new(p.HeadSHA)},
		Base:      &gh.PullRequestBranch{Ref: new(p.BaseRef)},
	})
}

// teamMembership answers GET /orgs/{org}/teams/{team_slug}/memberships/{username}:
// an active membership, or 404 for a user not in the team (or no team).
func (f *Fake) teamMembership(c *call) answer {
	key := strings.ToLower(c.params["org"] + "/" + c.params["team_slug"])
	role, ok := f.teams[key][strings.ToLower(c.params["username"])]
	if !ok {
		return notFound()
	}
	return jsonAnswer(http.StatusOK, &gh.Membership{
		URL:   new(f.apiURL("orgs/%s/teams/%s/memberships/%s", c.params["org"], c.params["team_slug"], c.params["username"])),
		State: new("active"),
		Role:  new(role),
	})
}
