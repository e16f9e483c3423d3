package gitlabfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

const apiPrefix = "/api/v4/"

// call is one request being answered.
type call struct {
	f      *Fake
	w      http.ResponseWriter
	r      *http.Request
	route  string
	vars   map[string]string // path variables, unescaped
	params params
	status int
}

type handler func(c *call)

type route struct {
	method   string
	template string // "/projects/:id/issues/:iid"
	segs     []string
	h        handler
}

func (f *Fake) routes() []route {
	rs := []route{
		{method: "GET", template: "/user", h: f.getCurrentUser},
		{method: "GET", template: "/users", h: f.listUsers},
		{method: "GET", template: "/projects/:id", h: f.getProject},

		{method: "GET", template: "/projects/:id/issues", h: f.listIssues},
		{method: "GET", template: "/groups/:id/projects", h: f.listGroupProjects},
		{method: "GET", template: "/projects/:id/issues/:issue_iid", h: f.getIssue},
		{method: "PUT", template: "/projects/:id/issues/:issue_iid", h: f.updateIssue},
		{method: "GET", template: "/projects/:id/issues/:issue_iid/notes", h: f.listNotes},
		{method: "POST", template: "/projects/:id/issues/:issue_iid/notes", h: f.createNote},
		{method: "GET", template: "/projects/:id/issues/:issue_iid/notes/:note_id", h: f.getNote},
		{method: "PUT", template: "/projects/:id/issues/:issue_iid/notes/:note_id", h: f.updateNote},
		{method: "DELETE", template: "/projects/:id/issues/:issue_iid/notes/:note_id", h: f.deleteNote},

		{method: "GET", template: "/projects/:id/labels", h: f.listLabels},
		{method: "POST", template: "/projects/:id/labels", h: f.createLabel},
		{method: "GET", template: "/projects/:id/labels/:label_id", h: f.getLabel},

		{method: "GET", template: "/groups/:id/members/all/:user_id", h: f.getGroupMember},

		{method: "GET", template: "/projects/:id/members/all", h: f.listMembers},
		{method: "GET", template: "/projects/:id/members/all/:user_id", h: f.getMember},
		{method: "GET", template: "/projects/:id/members/:user_id", h: f.getMember},

		{method: "GET", template: "/projects/:id/repository/files/:file_path/raw", h: f.getRawFile},
		{method: "HEAD", template: "/projects/:id/repository/files/:file_path/raw", h: f.getRawFile},
		{method: "GET", template: "/projects/:id/repository/files/:file_path", h: f.getFile},
		{method: "GET", template: "/projects/:id/templates/:type", h: f.listTemplates},

		{method: "POST", template: "/projects/:id/statuses/:sha", h: f.setCommitStatus},
		{method: "GET", template: "/projects/:id/repository/commits/:sha/statuses", h: f.listCommitStatuses},

		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid", h: f.getMergeRequest},
		{method: "PUT", template: "/projects/:id/merge_requests/:merge_request_iid", h: f.updateMergeRequest},
		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid/closes_issues", h: f.closesIssues},
		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid/notes", h: f.listNotes},
		{method: "POST", template: "/projects/:id/merge_requests/:merge_request_iid/notes", h: f.createNote},
		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid/notes/:note_id", h: f.getNote},
		{method: "PUT", template: "/projects/:id/merge_requests/:merge_request_iid/notes/:note_id", h: f.updateNote},
		{method: "DELETE", template: "/projects/:id/merge_requests/:merge_request_iid/notes/:note_id", h: f.deleteNote},
		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid/discussions", h: f.listDiscussions},
		{method: "POST", template: "/projects/:id/merge_requests/:merge_request_iid/discussions", h: f.createDiscussion},
		{method: "GET", template: "/projects/:id/merge_requests/:merge_request_iid/discussions/:discussion_id", h: f.getDiscussion},
		{method: "PUT", template: "/projects/:id/merge_requests/:merge_request_iid/discussions/:discussion_id", h: f.resolveDiscussion},
		{method: "POST", template: "/projects/:id/merge_requests/:merge_request_iid/discussions/:discussion_id/notes", h: f.addDiscussionNote},
		{method: "PUT", template: "/projects/:id/merge_requests/:merge_request_iid/discussions/:discussion_id/notes/:note_id", h: f.updateDiscussionNote},
	}
	for i := range rs {
		rs[i].segs = strings.Split(strings.TrimPrefix(rs[i].template, "/"), "/")
	}
	return rs
}

// match finds the route for an encoded path below /api/v4/. Segments are
// split before unescaping, so "group%2Fproject" stays one segment, as on
// GitLab.
func match(routes []route, method, encodedPath string) (*route, map[string]string, bool) {
	rest, ok := strings.CutPrefix(encodedPath, apiPrefix)
	if !ok {
		return nil, nil, false
	}
	segs := strings.Split(strings.TrimSuffix(rest, "/"), "/")
	pathKnown := false
	for i := range routes {
		rt := &routes[i]
		if len(rt.segs) != len(segs) {
			continue
		}
		vars := map[string]string{}
		okSeg := true
		for j, s := range rt.segs {
			if strings.HasPrefix(s, ":") {
				v, err := url.PathUnescape(segs[j])
				if err != nil || v == "" {
					okSeg = false
					break
				}
				vars[s[1:]] = v
				continue
			}
			if s != segs[j] {
				okSeg = false
				break
			}
		}
		if !okSeg {
			continue
		}
		pathKnown = true
		if rt.method == method {
			return rt, vars, true
		}
	}
	return nil, nil, pathKnown
}

// takeHold returns the hold waiting for a request to method and path, if
// any.
func (f *Fake) takeHold(method, path string) *hold {
	rt, _, _ := match(f.routes(), method, path)
	if rt == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, h := range f.holds {
		if !h.taken && h.method == method && h.route == rt.template {
			h.taken = true
			return h
		}
	}
	return nil
}

// ServeHTTP answers one API request.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		f.t.Errorf("gitlabfake: reading body: %v", err)
		http.Error(w, "bad body", http.StatusBadRequest)
		return
	}
	rec := Request{
		Method: r.Method,
		Path:   r.URL.EscapedPath(),
		Query:  r.URL.RawQuery,
		Body:   string(body),
		Header: r.Header.Clone(),
	}

	if h := f.takeHold(r.Method, rec.Path); h != nil {
		close(h.arrived)
		go func() {
			<-r.Context().Done()
			close(h.gone)
		}()
		<-h.release
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	defer func() { f.requests = append(f.requests, rec) }()

	rt, vars, pathKnown := match(f.routes(), r.Method, rec.Path)
	if rt == nil {
		if pathKnown {
			// GitLab answers 405 for a known path with a method it does not
			// serve; cochef never should.
			f.t.Errorf("gitlabfake: %s %s: method not served by this fake", r.Method, rec.Path)
			rec.Status = http.StatusMethodNotAllowed
			writeJSON(w, rec.Status, map[string]string{"error": "405 Not Allowed"})
			return
		}
		f.t.Errorf("gitlabfake: %s %s: not a GitLab API route this fake knows", r.Method, rec.Path)
		rec.Status = http.StatusNotFound
		writeJSON(w, rec.Status, map[string]string{"error": "404 Not Found"})
		return
	}
	rec.Route = rt.template

	if fl := f.takeFailureLocked(r.Method, rt.template); fl != nil {
		for k, vs := range fl.header {
			for _, v := range vs {
				w.Header().Add(k, v)
			}
		}
		rec.Status = fl.status
		if fl.status == http.StatusTooManyRequests {
			// Rack::Attack's throttle answer on GitLab is plain text.
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(fl.status)
			if _, err := io.WriteString(w, "Retry later\n"); err != nil {
				f.t.Logf("gitlabfake: writing answer: %v", err)
			}
			return
		}
		writeJSON(w, fl.status, map[string]string{"message": fmt.Sprintf("%d %s", fl.status, http.StatusText(fl.status))})
		return
	}

	if !authorized(r) {
		rec.Status = http.StatusUnauthorized
		writeJSON(w, rec.Status, map[string]string{"message": "401 Unauthorized"})
		return
	}

	p, err := parseParams(r, body)
	c := &call{f: f, w: w, r: r, route: rt.template, vars: vars, params: p}
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
	} else {
		rt.h(c)
	}
	rec.Status = c.status
}

func (f *Fake) takeFailureLocked(method, route string) *failure {
	for i := range f.failures {
		fl := &f.failures[i]
		if fl.left <= 0 {
			continue
		}
		if (fl.method == "" || fl.method == method) && (fl.route == "" || fl.route == route) {
			fl.left--
			out := *fl
			return &out
		}
	}
	return nil
}

func authorized(r *http.Request) bool {
	if tok := r.Header.Get("Private-Token"); tok != "" {
		return tok == Token
	}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return auth == Token
	}
	return false
}

// params are a request's parameters: GitLab (Grape) merges the query string
// with a JSON or form body.
type params struct {
	query url.Values
	form  url.Values
	json  map[string]any
}

func parseParams(r *http.Request, body []byte) (params, error) {
	p := params{query: r.URL.Query()}
	if len(bytes.TrimSpace(body)) == 0 {
		return p, nil
	}
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		ct = ""
	}
	switch ct {
	case "application/json":
		if err := json.Unmarshal(body, &p.json); err != nil {
			return p, fmt.Errorf("400 Bad request - invalid JSON: %v", err)
		}
	case "application/x-www-form-urlencoded":
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return p, fmt.Errorf("400 Bad request - %v", err)
		}
		p.form = v
	default:
		return p, fmt.Errorf("400 Bad request - unsupported Content-Type %q", r.Header.Get("Content-Type"))
	}
	return p, nil
}

// str returns a parameter as a string, and whether it was given.
func (p params) str(key string) (string, bool) {
	if v, ok := p.json[key]; ok {
		switch x := v.(type) {
		case nil:
			return "", false
		case string:
			return x, true
		case bool:
			return strconv.FormatBool(x), true
		case float64:
			return strconv.FormatFloat(x, 'f', -1, 64), true
		case []any:
			parts := make([]string, 0, len(x))
			for _, e := range x {
				parts = append(parts, fmt.Sprint(e))
			}
			return strings.Join(parts, ","), true
		default:
			return fmt.Sprint(x), true
		}
	}
	if p.form.Has(key) {
		return p.form.Get(key), true
	}
	if p.query.Has(key) {
		return p.query.Get(key), true
	}
	return "", false
}

// list returns a label-like parameter given as "a,b" or as an array.
func (p params) list(key string) ([]string, bool) {
	if v, ok := p.json[key].([]any); ok {
		var out []string
		for _, e := range v {
			if s := strings.TrimSpace(fmt.Sprint(e)); s != "" {
				out = append(out, s)
			}
		}
		return out, true
	}
	s, ok := p.str(key)
	if !ok {
		if vs := p.query[key+"[]"]; len(vs) > 0 {
			return vs, true
		}
		return nil, false
	}
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out, true
}

func (p params) boolean(key string) (value, given bool, err error) {
	s, ok := p.str(key)
	if !ok {
		return false, false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, true, fmt.Errorf("%s is invalid", key)
	}
	return b, true, nil
}

func (p params) integer(key string, def int) (int, error) {
	s, ok := p.str(key)
	if !ok || s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s is invalid", key)
	}
	return n, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// The client went away; nothing else to do.
		return
	}
}

// ok answers status with v as JSON.
func (c *call) ok(status int, v any) {
	c.status = status
	writeJSON(c.w, status, v)
}

// fail answers an error the way GitLab's API does: {"message": …} for
// not-found and model errors, {"error": …} for parameter validation.
func (c *call) fail(status int, key string, msg any) {
	c.status = status
	writeJSON(c.w, status, map[string]any{key: msg})
}

func (c *call) notFound(what string) {
	if what == "" {
		c.fail(http.StatusNotFound, "message", "404 Not found")
		return
	}
	c.fail(http.StatusNotFound, "message", "404 "+what+" Not Found")
}

func (c *call) missing(param string) {
	c.fail(http.StatusBadRequest, "error", param+" is missing")
}

// project resolves :id, a numeric id or a full path.
func (c *call) project() *project {
	id := c.vars["id"]
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		if p := c.f.projectByIDLocked(n); p != nil {
			return p
		}
	} else if p := c.f.projectLocked(id); p != nil {
		return p
	}
	c.notFound("Project")
	return nil
}

func (c *call) intVar(name string) (int, bool) {
	n, err := strconv.Atoi(c.vars[name])
	if err != nil || n <= 0 {
		c.fail(http.StatusBadRequest, "error", name+" is invalid")
		return 0, false
	}
	return n, true
}

func (c *call) issue() (*project, *issue) {
	p := c.project()
	if p == nil {
		return nil, nil
	}
	iid, ok := c.intVar("issue_iid")
	if !ok {
		return nil, nil
	}
	is := p.issues[iid]
	if is == nil {
		c.notFound("")
		return nil, nil
	}
	return p, is
}

func (c *call) mergeRequest() (*project, *mergeRequest) {
	p := c.project()
	if p == nil {
		return nil, nil
	}
	iid, ok := c.intVar("merge_request_iid")
	if !ok {
		return nil, nil
	}
	mr := p.mrs[iid]
	if mr == nil {
		c.notFound("")
		return nil, nil
	}
	return p, mr
}

// paginate answers a list with GitLab's offset pagination headers.
func paginate[T any](c *call, items []T) {
	page, err := c.params.integer("page", 1)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return
	}
	perPage, err := c.params.integer("per_page", 20)
	if err != nil {
		c.fail(http.StatusBadRequest, "error", err.Error())
		return
	}
	if page < 1 {
		page = 1
	}
	if perPage < 1 {
		perPage = 20
	}
	if perPage > 100 {
		perPage = 100
	}
	total := len(items)
	totalPages := max(1, (total+perPage-1)/perPage)
	start := min((page-1)*perPage, total)
	end := min(start+perPage, total)
	out := items[start:end]
	if out == nil {
		out = []T{}
	}

	h := c.w.Header()
	h.Set("X-Page", strconv.Itoa(page))
	h.Set("X-Per-Page", strconv.Itoa(perPage))
	h.Set("X-Total", strconv.Itoa(total))
	h.Set("X-Total-Pages", strconv.Itoa(totalPages))
	next, prev := "", ""
	if page < totalPages {
		next = strconv.Itoa(page + 1)
	}
	if page > 1 {
		prev = strconv.Itoa(page - 1)
	}
	h.Set("X-Next-Page", next)
	h.Set("X-Prev-Page", prev)

	link := func(n int, rel string) string {
		u := url.URL{Scheme: "http", Host: c.r.Host, Path: c.r.URL.Path, RawPath: c.r.URL.RawPath}
		q := c.r.URL.Query()
		q.Set("page", strconv.Itoa(n))
		q.Set("per_page", strconv.Itoa(perPage))
		u.RawQuery = q.Encode()
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var links []string
	if prev != "" {
		links = append(links, link(page-1, "prev"))
	}
	if next != "" {
		links = append(links, link(page+1, "next"))
	}
	links = append(links, link(1, "first"), link(totalPages, "last"))
	h.Set("Link", strings.Join(links, ", "))
	c.ok(http.StatusOK, out)
}
