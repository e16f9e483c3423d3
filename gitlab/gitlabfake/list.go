package gitlabfake

import (
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"
)

// listIssues answers GET /projects/:id/issues as GitLab does: state
// (opened, closed, all), updated_after, labels (all of them), order_by
// and sort, offset pagination with its headers.
func (f *Fake) listIssues(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	state, _ := c.params.str("state")
	if state != "" && state != "opened" && state != "closed" && state != "all" {
		c.fail(http.StatusBadRequest, "error", "state does not have a valid value")
		return
	}
	var after time.Time
	if s, ok := c.params.str("updated_after"); ok && s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			c.fail(http.StatusBadRequest, "error", "updated_after is invalid")
			return
		}
		after = t
	}
	var want []string
	if s, ok := c.params.str("labels"); ok && s != "" {
		want = strings.Split(s, ",")
	}
	var list []*issue
	for _, is := range p.issues {
		if (state == "opened" || state == "closed") && is.data.State != state {
			continue
		}
		if is.updatedAt.Before(after) {
			continue
		}
		has := true
		for _, w := range want {
			has = has && slices.ContainsFunc(is.data.Labels, func(l string) bool { return strings.EqualFold(l, strings.TrimSpace(w)) })
		}
		if has {
			list = append(list, is)
		}
	}
	key := func(is *issue) time.Time { return is.createdAt }
	if o, _ := c.params.str("order_by"); o == "updated_at" {
		key = func(is *issue) time.Time { return is.updatedAt }
	}
	asc := false
	if s, _ := c.params.str("sort"); s == "asc" {
		asc = true
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := key(list[i]), key(list[j])
		if a.Equal(b) {
			return (list[i].iid < list[j].iid) == asc
		}
		return a.Before(b) == asc
	})
	out := make([]issueJSON, 0, len(list))
	for _, is := range list {
		out = append(out, f.issueJSON(p, is))
	}
	paginate(c, out)
}

// listGroupProjects answers GET /groups/:id/projects: the projects under
// the group's path, with include_subgroups those of its subgroups too.
func (f *Fake) listGroupProjects(c *call) {
	g := strings.Trim(c.vars["id"], "/")
	sub, _, err := c.params.boolean("include_subgroups")
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return
	}
	var out []projectJSON
	for _, p := range f.projects {
		ns, name := "", p.path
		if i := strings.LastIndex(p.path, "/"); i > 0 {
			ns, name = p.path[:i], p.path[i+1:]
		}
		if !strings.EqualFold(ns, g) && !(sub && strings.HasPrefix(strings.ToLower(ns), strings.ToLower(g)+"/")) {
			continue
		}
		pj := projectJSON{ID: p.id, Name: name, Path: name, PathWithNamespace: p.path,
			DefaultBranch: p.defaultBranch, WebURL: f.srv.URL + "/" + p.path}
		pj.Namespace.FullPath = ns
		out = append(out, pj)
	}
	if len(out) == 0 {
		c.notFound("Group")
		return
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	paginate(c, out)
}
