package githubfake

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	routeAccessToken = "POST /app/installations/{installation_id}/access_tokens"
	routeGraphQL     = "POST /graphql"

	docsBase         = "https://docs.github.com/rest"
	docsSecondary    = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"
	docsPrimary      = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"
	maxCommentLength = 65536
)

// answer is what a handler decided; it is written after the lock is
// released.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func jsonAnswer(status int, v any) answer {
	var b []byte
	if v != nil {
		var err error
		b, err = json.Marshal(v)
		if err != nil {
			b = []byte(`{"message":"githubfake: cannot encode answer"}`)
			status = http.StatusInternalServerError
		}
	}
	return answer{status: status, header: http.Header{}, body: b}
}

func messageAnswer(status int, message, doc string) answer {
	if doc == "" {
		doc = docsBase
	}
	return jsonAnswer(status, map[string]any{"message": message, "documentation_url": doc, "status": strconv.Itoa(status)})
}

func notFound() answer { return messageAnswer(http.StatusNotFound, "Not Found", docsBase) }

// call is one request being answered.
type call struct {
	r            *http.Request
	op           *operation
	route        string
	params       map[string]string
	body         []byte
	installation int64
	appID        int64
	author       string
	bot          bool
}

func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	delay := f.delay
	held := f.takeHold(r)
	f.mu.Unlock()
	if held != nil {
		close(held.arrived)
		go func() {
			<-r.Context().Done()
			close(held.gone)
		}()
		<-held.release
	}
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}

	rec := Request{
		Method: r.Method,
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Body:   string(body),
		Time:   time.Now(),
	}
	f.mu.Lock()
	a := f.handle(r, body, &rec)
	rec.Status = a.status
	f.requests = append(f.requests, rec)
	hook := f.onRequest
	f.mu.Unlock()

	h := w.Header()
	for k, vs := range a.header {
		h[k] = vs
	}
	if a.body != nil && h.Get("Content-Type") == "" {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(a.status)
	if a.body != nil && a.status != http.StatusNotModified {
		_, _ = w.Write(a.body) // the client went away; nothing to tell it
	}
	if hook != nil {
		hook(rec)
	}
}

// takeHold returns the hold waiting for r's route, if any; f.mu is held.
func (f *Fake) takeHold(r *http.Request) *hold {
	path, ok := strings.CutPrefix(r.URL.EscapedPath(), f.base)
	if !ok {
		return nil
	}
	op, _, _, err := f.spec.match(r.Method, f.rewriteRepositoryID("/"+path))
	if err != nil || op == nil {
		return nil
	}
	for _, h := range f.holds {
		if !h.taken && h.route == op.method+" "+op.template {
			h.taken = true
			return h
		}
	}
	return nil
}

// handle runs with f.mu held.
func (f *Fake) handle(r *http.Request, body []byte, rec *Request) answer {
	f.t.Helper()
	path := r.URL.EscapedPath()
	rec.Path = path

	// GraphQL is not part of the REST description.
	gqlPath := f.base + "graphql"
	if f.base == "/api/v3/" {
		gqlPath = "/api/graphql"
	}
	if path == gqlPath {
		rec.Path = "/graphql"
		if r.Method != http.MethodPost {
			return f.refuse(rec, http.StatusNotFound, "GraphQL accepts POST only")
		}
		rec.Route = routeGraphQL
		return f.handleGraphQL(r, body, rec)
	}

	if !strings.HasPrefix(path, f.base) {
		return f.refuse(rec, http.StatusNotFound, "path outside the API base "+f.base)
	}
	path = "/" + strings.TrimPrefix(path, f.base)
	rec.Path = path
	path = f.rewriteRepositoryID(path)

	op, params, pathFound, err := f.spec.match(r.Method, path)
	if err != nil {
		return f.refuse(rec, http.StatusNotFound, err.Error())
	}
	if op == nil {
		reason := "no such operation in GitHub's REST description"
		if pathFound {
			reason = "method not allowed on this path by GitHub's REST description"
		}
		return f.refuse(rec, http.StatusNotFound, reason)
	}
	rec.Route = op.method + " " + op.template
	if err := op.checkBody(body); err != nil {
		return f.refuse(rec, http.StatusBadRequest, "Invalid request.\n\n"+err.Error())
	}
	c := &call{r: r, op: op, route: rec.Route, params: params, body: body}

	if rec.Route == routeAccessToken {
		// Token requests fail only when a Failure names their route, so
		// that failures aimed at the API do not break App auth.
		if a, h, failed := f.injectedFailure(c); failed {
			for k, vs := range h {
				a.header[k] = vs
			}
			return a
		}
		return f.accessToken(c)
	}
	if rec.Route == routeRepoInstallation || rec.Route == routeOrgInstallation {
		return f.appRoute(c)
	}
	if a, ok := f.authenticate(c); !ok {
		return a
	}
	rec.Installation = c.installation

	now := time.Now()
	if now.After(f.rateReset) {
		f.rateUsed = 0
		f.rateReset = now.Add(time.Hour).Truncate(time.Second)
	}
	if f.rateUsed >= f.rateLimit {
		a := messageAnswer(http.StatusForbidden, "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.", docsPrimary)
		f.rateHeaders(a.header)
		return a
	}

	a, failHeader, failed := f.injectedFailure(c)
	if !failed {
		a = f.dispatch(c)
	}
	if r.Method == http.MethodGet && a.status == http.StatusOK {
		etag := `W/"` + hashHex(a.body)[:40] + `"`
		a.header.Set("ETag", etag)
		if etagMatches(r.Header.Get("If-None-Match"), etag) {
			a = answer{status: http.StatusNotModified, header: a.header}
		}
	}
	if a.status != http.StatusNotModified {
		// GitHub does not count conditional requests answered 304.
		f.rateUsed++
	}
	f.rateHeaders(a.header)
	if failed {
		// The injected headers win over the fake's own.
		for k, vs := range failHeader {
			a.header[k] = vs
		}
	}
	a.header.Set("X-GitHub-Api-Version-Selected", "2022-11-28")
	a.header.Set("X-GitHub-Request-Id", fmt.Sprintf("FAKE:%d", len(f.requests)+1))
	return a
}

func (f *Fake) refuse(rec *Request, status int, reason string) answer {
	f.t.Helper()
	rec.Refused = reason
	f.t.Errorf("githubfake: refused %s %s: %s", rec.Method, rec.Path, reason)
	return messageAnswer(status, reason, docsBase)
}

// rewriteRepositoryID maps /repositories/{id}/… to /repos/{owner}/{repo}/…:
// GitHub writes these undocumented aliases in its Link pagination headers,
// and serves them.
func (f *Fake) rewriteRepositoryID(path string) string {
	rest, ok := strings.CutPrefix(path, "/repositories/")
	if !ok {
		return path
	}
	idStr, tail, _ := strings.Cut(rest, "/")
	id, err := strconv.ParseInt(idStr, 10, 64)
	if err != nil {
		return path
	}
	for _, repo := range f.repos {
		if repo.id == id {
			return "/repos/" + repo.fullName + "/" + tail
		}
	}
	return path
}

func (f *Fake) rateHeaders(h http.Header) {
	remaining := max(f.rateLimit-f.rateUsed, 0)
	h.Set("X-Ratelimit-Limit", strconv.Itoa(f.rateLimit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-Ratelimit-Used", strconv.Itoa(f.rateUsed))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(f.rateReset.Unix(), 10))
	h.Set("X-Ratelimit-Resource", "core")
}

func (f *Fake) injectedFailure(c *call) (answer, http.Header, bool) {
	now := time.Now()
	for i, fl := range f.failures {
		if fl.Route != c.route && (fl.Route != "" || c.route == routeAccessToken) {
			continue
		}
		if !fl.Until.IsZero() {
			if now.After(fl.Until) {
				continue
			}
		} else {
			if fl.Times <= 0 {
				continue
			}
			fl.Times--
		}
		msg, doc := fl.Message, fl.DocumentationURL
		if msg == "" {
			msg, doc = defaultFailureMessage(fl.Status, fl.Header)
		}
		if fl.Until.IsZero() && fl.Times == 0 {
			f.failures = append(f.failures[:i:i], f.failures[i+1:]...)
		}
		return messageAnswer(fl.Status, msg, doc), fl.Header, true
	}
	return answer{}, nil, false
}

func defaultFailureMessage(status int, h http.Header) (string, string) {
	switch {
	case (status == http.StatusForbidden || status == http.StatusTooManyRequests) && h.Get("X-Ratelimit-Remaining") == "0":
		return "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.", docsPrimary
	case status == http.StatusTooManyRequests || (status == http.StatusForbidden && h.Get("Retry-After") != ""):
		return "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.", docsSecondary
	case status == http.StatusForbidden:
		return "Resource not accessible by integration", docsBase
	case status == http.StatusNotFound:
		return "Not Found", docsBase
	}
	return http.StatusText(status), docsBase
}

// authenticate identifies the caller: an installation token the fake
// issued, or any other token (a personal access token).
func (f *Fake) authenticate(c *call) (answer, bool) {
	auth := c.r.Header.Get("Authorization")
	scheme, tok, _ := strings.Cut(auth, " ")
	scheme = strings.ToLower(scheme)
	if tok == "" || (scheme != "token" && scheme != "bearer") {
		return messageAnswer(http.StatusUnauthorized, "Requires authentication", docsBase), false
	}
	if ts, ok := f.tokens[tok]; ok {
		if time.Now().After(ts.expires) {
			return messageAnswer(http.StatusUnauthorized, "Bad credentials", docsBase), false
		}
		c.installation, c.appID = ts.installation, ts.appID
		c.author, c.bot = AppSlug+"[bot]", true
		return answer{}, true
	}
	if strings.Count(tok, ".") == 2 && strings.HasPrefix(tok, "eyJ") {
		// A JWT authenticates as the App, which may call /app endpoints only.
		return messageAnswer(http.StatusForbidden, "Resource not accessible by integration", docsBase), false
	}
	c.author = TokenUser
	return answer{}, true
}

// accessToken issues an installation token for a valid App JWT.
func (f *Fake) accessToken(c *call) answer {
	auth := c.r.Header.Get("Authorization")
	jwt, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		return messageAnswer(http.StatusUnauthorized, "A JSON web token could not be decoded", docsBase)
	}
	appID, err := f.verifyJWT(jwt)
	if err != nil {
		return messageAnswer(http.StatusUnauthorized, "A JSON web token could not be decoded: "+err.Error(), docsBase)
	}
	inst, _ := strconv.ParseInt(c.params["installation_id"], 10, 64)
	f.tokenCount++
	tok := fmt.Sprintf("ghs_fake%d_%d", inst, f.tokenCount)
	exp := time.Now().Add(f.tokenLife).UTC().Truncate(time.Second)
	f.tokens[tok] = &tokenState{installation: inst, appID: appID, expires: exp}
	return jsonAnswer(http.StatusCreated, map[string]any{
		"token":      tok,
		"expires_at": exp.Format(time.RFC3339),
		"permissions": map[string]string{
			"issues": "write", "pull_requests": "write", "checks": "write",
			"contents": "read", "metadata": "read",
		},
		"repository_selection": "all",
	})
}

func (f *Fake) verifyJWT(tok string) (int64, error) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return 0, fmt.Errorf("not a JWT")
	}
	var header struct {
		Alg string `json:"alg"`
	}
	var claims struct {
		Iss any   `json:"iss"`
		Iat int64 `json:"iat"`
		Exp int64 `json:"exp"`
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil || json.Unmarshal(hb, &header) != nil {
		return 0, fmt.Errorf("bad header")
	}
	cb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil || json.Unmarshal(cb, &claims) != nil {
		return 0, fmt.Errorf("bad claims")
	}
	if header.Alg != "RS256" {
		return 0, fmt.Errorf("alg %q, want RS256", header.Alg)
	}
	appID, err := strconv.ParseInt(fmt.Sprint(claims.Iss), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("iss %v is not an App id", claims.Iss)
	}
	now := time.Now().Unix()
	if claims.Exp <= now || claims.Iat > now+60 || claims.Exp-claims.Iat > 600 {
		return 0, fmt.Errorf("'Expiration time' claim ('exp') is too far in the future or in the past")
	}
	if key := f.appKeys[appID]; key != nil {
		sig, err := base64.RawURLEncoding.DecodeString(parts[2])
		if err != nil {
			return 0, fmt.Errorf("bad signature encoding")
		}
		sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
		if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], sig); err != nil {
			return 0, fmt.Errorf("signature does not match App %d's key", appID)
		}
	}
	return appID, nil
}

func (f *Fake) handleGraphQL(r *http.Request, body []byte, rec *Request) answer {
	f.t.Helper()
	c := &call{r: r}
	if a, ok := f.authenticate(c); !ok {
		return a
	}
	rec.Installation = c.installation
	var req struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.Unmarshal(body, &req); err != nil || req.Query == "" {
		return f.refuse(rec, http.StatusBadRequest, "GraphQL body needs a query")
	}
	if f.graphql == nil {
		f.t.Errorf("githubfake: GraphQL request without a handler (SetGraphQL): %s", req.Query)
		return jsonAnswer(http.StatusOK, map[string]any{"data": nil, "errors": []map[string]string{{"message": "githubfake: no GraphQL handler"}}})
	}
	status, v := f.graphql(req.Query, req.Variables)
	a := jsonAnswer(status, v)
	a.header.Set("X-Ratelimit-Resource", "graphql")
	return a
}

func hashHex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func etagMatches(ifNoneMatch, etag string) bool {
	if ifNoneMatch == "" {
		return false
	}
	weak := func(s string) string { return strings.TrimPrefix(strings.TrimSpace(s), "W/") }
	for _, cand := range strings.Split(ifNoneMatch, ",") {
		if strings.TrimSpace(cand) == "*" || weak(cand) == weak(etag) {
			return true
		}
	}
	return false
}

// pageOf cuts items into the requested page and sets GitHub's Link header.
// GitHub's links point at /repositories/{id}/…, which it also serves.
func (f *Fake) pageOf(c *call, repoID int64, total int, h http.Header) (from, to int) {
	q := c.r.URL.Query()
	per := 30
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		per = min(v, 100)
	}
	page := 1
	if v, err := strconv.Atoi(q.Get("page")); err == nil && v > 0 {
		page = v
	}
	last := max((total+per-1)/per, 1)
	from = min((page-1)*per, total)
	to = min(from+per, total)

	path := c.r.URL.EscapedPath()
	if rest, ok := strings.CutPrefix(path, f.base+"repos/"); ok {
		parts := strings.SplitN(rest, "/", 3)
		if len(parts) == 3 {
			path = fmt.Sprintf("%srepositories/%d/%s", f.base, repoID, parts[2])
		}
	}
	link := func(p int, rel string) string {
		lq := c.r.URL.Query()
		lq.Set("page", strconv.Itoa(p))
		lq.Set("per_page", strconv.Itoa(per))
		return fmt.Sprintf("<%s%s?%s>; rel=%q", f.srv.URL, path, lq.Encode(), rel)
	}
	var links []string
	if page < last {
		links = append(links, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		links = append(links, link(1, "first"), link(min(page-1, last), "prev"))
	}
	if len(links) > 0 {
		h.Set("Link", strings.Join(links, ", "))
	}
	return from, to
}

func decodeBody(c *call, v any) error {
	d := json.NewDecoder(bytes.NewReader(c.body))
	return d.Decode(v)
}
