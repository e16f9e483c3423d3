package gitlabfake

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// What a project holds besides its issues and merge requests: labels,
// members, repository files and commit statuses.

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
