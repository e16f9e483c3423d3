package github

import (
	"bytes"
	"container/list"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cochef/cochef/core"
)

// apiTransport sits between go-github and the authentication: it makes
// repeated reads conditional, spaces the writes of one installation and
// keeps its content creations within GitHub's budgets.
type apiTransport struct {
	next http.RoundTripper
	c    *Client
	inst int64
	// gate is a mutex that honours contexts: writes go one at a time.
	gate      chan struct{}
	lastWrite time.Time // guarded by gate
	content   contentBudget
}

// writeHold bounds how long one write keeps the installation's others
// waiting. GitHub answers a write in well under a second; one that hangs
// (the probe of issue #14 saw 35 s) lets the next go after this, rather
// than holding every write of the installation until its job times out.
const writeHold = 2 * time.Second

func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

func (t *apiTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	switch {
	case isWrite(req.Method):
		resp, err = t.write(req)
	case req.Method == http.MethodGet:
		resp, err = t.read(req)
	default:
		resp, err = t.next.RoundTrip(req)
	}
	if err == nil {
		normalizeSecondaryLimit(resp)
	}
	return resp, err
}

// normalizeSecondaryLimit gives a secondary rate-limit answer that names no
// wait the one GitHub documents (at least a minute), as a Retry-After
// header. Without it go-github falls back on x-ratelimit-reset, the primary
// window's end, and would refuse every call of the installation for up to
// an hour.
func normalizeSecondaryLimit(resp *http.Response) {
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return
	}
	if resp.Header.Get("Retry-After") != "" || resp.Header.Get("X-Ratelimit-Remaining") == "0" {
		return
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	rest := resp.Body
	resp.Body = readCloser{io.MultiReader(bytes.NewReader(body), rest), rest}
	if err != nil {
		return
	}
	msg := strings.ToLower(string(body))
	if resp.StatusCode == http.StatusTooManyRequests || strings.Contains(msg, "secondary rate limit") || strings.Contains(msg, "abuse") {
		resp.Header.Set("Retry-After", strconv.Itoa(int(secondaryDefaultWait/time.Second)))
	}
}

// write sends one content-creating request at a time, at least the
// configured spacing after the previous one ended (GitHub asks for about 1 s
// between writes to stay under its secondary limits), and holds the next
// for writeHold at most. A creation (POST) over the installation's budget
// is not sent.
func (t *apiTransport) write(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	select {
	case t.gate <- struct{}{}:
	case <-ctx.Done():
		closeBody(req)
		return nil, ctx.Err()
	}
	var once sync.Once
	release := func() {
		once.Do(func() {
			t.lastWrite = time.Now()
			<-t.gate
		})
	}
	defer release()
	if !t.lastWrite.IsZero() && t.c.spacing > 0 {
		if wait := t.c.spacing - time.Since(t.lastWrite); wait > 0 {
			timer := time.NewTimer(wait)
			select {
			case <-timer.C:
			case <-ctx.Done():
				timer.Stop()
				closeBody(req)
				return nil, ctx.Err()
			}
		}
	}
	if req.Method == http.MethodPost {
		if wait, ok := t.content.take(time.Now(), t.c.contentPerMinute, t.c.contentPerHour); !ok {
			closeBody(req)
			t.c.log.WarnContext(ctx, "github: content creation budget of the installation spent, waiting",
				"installation", t.inst, "per_minute", t.c.contentPerMinute, "per_hour", t.c.contentPerHour, "retry_after", wait)
			return nil, &core.APIError{Platform: core.GitHub, Method: req.Method, Route: req.URL.Path,
				Status: http.StatusTooManyRequests, RateLimited: true, RetryAfter: wait,
				Message: "cochef's content creation budget of the installation is spent (GitHub's secondary rate limits)"}
		}
	}
	hold := time.AfterFunc(writeHold, release)
	defer hold.Stop()
	return t.next.RoundTrip(req)
}

// waitFrom is the wait from now until t, at least a second.
func waitFrom(now, t time.Time) time.Duration {
	return max(t.Sub(now).Round(time.Second), time.Second)
}

// contentBudget counts an installation's content creations over the last
// hour: GitHub allows about 80 a minute and 500 an hour, and a secondary
// limit, once hit, blocks the App for minutes.
type contentBudget struct {
	mu    sync.Mutex
	times []time.Time // creations of the last hour, oldest first
}

// take counts a creation at now, or reports how long until the budget
// allows one.
func (b *contentBudget) take(now time.Time, perMinute, perHour int) (time.Duration, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	hourAgo, minuteAgo := now.Add(-time.Hour), now.Add(-time.Minute)
	drop := 0
	for drop < len(b.times) && !b.times[drop].After(hourAgo) {
		drop++
	}
	b.times = b.times[drop:]
	if perHour > 0 && len(b.times) >= perHour {
		return waitFrom(now, b.times[len(b.times)-perHour].Add(time.Hour)), false
	}
	inMinute := 0
	for k := len(b.times) - 1; k >= 0 && b.times[k].After(minuteAgo); k-- {
		inMinute++
	}
	if perMinute > 0 && inMinute >= perMinute {
		return waitFrom(now, b.times[len(b.times)-perMinute].Add(time.Minute)), false
	}
	b.times = append(b.times, now)
	return 0, true
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close() // nothing was sent; the error tells nothing
	}
}

// noCache on a GET asks for GitHub's current answer: the request is not
// made conditional (its answer is cached all the same).
const noCache = "no-cache"

// maxCachedBody keeps one huge answer from evicting everything else.
const maxCachedBody = 1 << 20

// read makes the request conditional when an earlier answer is cached, and
// turns GitHub's 304 back into that answer for go-github.
func (t *apiTransport) read(req *http.Request) (*http.Response, error) {
	key := strconv.FormatInt(t.inst, 10) + " " + req.Header.Get("Accept") + " " + req.URL.String()
	var cached *etagEntry
	if req.Header.Get("Cache-Control") != noCache {
		cached = t.c.cache.get(key)
	}
	if cached != nil {
		req = req.Clone(req.Context())
		req.Header.Set("If-None-Match", cached.etag)
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && cached != nil:
		_ = resp.Body.Close() // a 304 has no body
		h := cached.header.Clone()
		// The 304's headers are fresher (rate limit, ETag).
		for k, vs := range resp.Header {
			h[k] = vs
		}
		h.Del("Content-Length")
		t.c.log.Debug("github: conditional read not modified", "url", req.URL.Path)
		return &http.Response{
			Status:        "200 OK",
			StatusCode:    http.StatusOK,
			Proto:         resp.Proto,
			ProtoMajor:    resp.ProtoMajor,
			ProtoMinor:    resp.ProtoMinor,
			Header:        h,
			Body:          io.NopCloser(bytes.NewReader(cached.body)),
			ContentLength: int64(len(cached.body)),
			Request:       req,
		}, nil
	case resp.StatusCode == http.StatusOK && resp.Header.Get("ETag") != "":
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxCachedBody+1))
		rest := resp.Body
		if err != nil {
			_ = rest.Close() // the read error is the one to report
			return nil, err
		}
		if len(body) <= maxCachedBody {
			_ = rest.Close() // fully read
			t.c.cache.put(key, &etagEntry{etag: resp.Header.Get("ETag"), header: resp.Header.Clone(), body: body})
			resp.Body = io.NopCloser(bytes.NewReader(body))
		} else {
			resp.Body = readCloser{io.MultiReader(bytes.NewReader(body), rest), rest}
		}
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone:
		t.c.cache.remove(key)
	}
	return resp, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}

// etagCache is a bounded LRU of GET answers by installation, Accept and URL.
type etagCache struct {
	mu         sync.Mutex
	maxEntries int
	maxBytes   int
	bytes      int
	ll         *list.List
	m          map[string]*list.Element
}

type etagEntry struct {
	key    string
	etag   string
	header http.Header
	body   []byte
}

func newETagCache(maxEntries, maxBytes int) *etagCache {
	return &etagCache{maxEntries: maxEntries, maxBytes: maxBytes, ll: list.New(), m: map[string]*list.Element{}}
}

func (c *etagCache) get(key string) *etagEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.m[key]
	if !ok {
		return nil
	}
	c.ll.MoveToFront(el)
	return el.Value.(*etagEntry)
}

func (c *etagCache) put(key string, e *etagEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.key = key
	if el, ok := c.m[key]; ok {
		c.bytes -= len(el.Value.(*etagEntry).body)
		el.Value = e
		c.ll.MoveToFront(el)
	} else {
		c.m[key] = c.ll.PushFront(e)
	}
	c.bytes += len(e.body)
	for c.ll.Len() > c.maxEntries || c.bytes > c.maxBytes {
		last := c.ll.Back()
		if last == nil {
			break
		}
		old := last.Value.(*etagEntry)
		c.ll.Remove(last)
		delete(c.m, old.key)
		c.bytes -= len(old.body)
	}
}

func (c *etagCache) remove(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.m[key]; ok {
		c.bytes -= len(el.Value.(*etagEntry).body)
		c.ll.Remove(el)
		delete(c.m, key)
	}
}

// tokenTransport authenticates with a plain token.
type tokenTransport struct {
	next  http.RoundTripper
	token string
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+t.token)
	return t.next.RoundTrip(req)
}

// observeTransport is the last layer before the network: it sees every
// exchange, token requests included, with the status GitHub really sent.
type observeTransport struct {
	next http.RoundTripper
	c    *Client
	inst int64
}

func (t *observeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	route := routeTemplate(strings.TrimPrefix(req.URL.Path, strings.TrimSuffix(t.c.base.Path, "/")))
	c := t.c
	c.nRequests.Add(1)
	token := route == routeAccessToken
	switch {
	case token:
		c.nTokens.Add(1)
	case isWrite(req.Method):
		c.nWrites.Add(1)
	default:
		c.nReads.Add(1)
	}
	if status == http.StatusNotModified {
		c.nNotModified.Add(1)
	}
	if err != nil || status >= 400 {
		c.nErrors.Add(1)
	}
	if resp != nil && !token {
		c.rate.record(t.inst, resp.Header)
	}
	if c.cfg.OnRequest != nil {
		c.cfg.OnRequest(req.Method, route, status)
	}
	return resp, err
}

const routeAccessToken = "/app/installations/{installation_id}/access_tokens"

// paramAfter names the path parameter that follows a literal segment.
var paramAfter = map[string]string{
	"issues":        "{issue_number}",
	"comments":      "{comment_id}",
	"labels":        "{name}",
	"collaborators": "{username}",
	"check-runs":    "{check_run_id}",
	"pulls":         "{pull_number}",
	"installations": "{installation_id}",
}

// routeTemplate turns a request path into the REST description's template,
// so metrics have a bounded set of labels.
func routeTemplate(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var out []string
	i := 0
	switch {
	case len(segs) >= 3 && segs[0] == "repos":
		out = []string{"repos", "{owner}", "{repo}"}
		i = 3
	case len(segs) >= 2 && segs[0] == "repositories":
		out = []string{"repos", "{owner}", "{repo}"}
		i = 2
	case len(segs) == 6 && segs[0] == "orgs" && segs[2] == "teams" && segs[4] == "memberships":
		return "/orgs/{org}/teams/{team_slug}/memberships/{username}"
	}
	for ; i < len(segs); i++ {
		s := segs[i]
		if i > 0 {
			prev := segs[i-1]
			if prev == "contents" {
				out = append(out, "{path}")
				break
			}
			_, numeric := strconv.ParseInt(s, 10, 64)
			if p, ok := paramAfter[prev]; ok && (numeric == nil || prev == "labels" || prev == "collaborators") {
				out = append(out, p)
				continue
			}
		}
		out = append(out, s)
	}
	return "/" + strings.Join(out, "/")
}

// rateTracker keeps the primary rate limit each installation last saw.
type rateTracker struct {
	mu sync.Mutex
	m  map[int64]rateState
}

type rateState struct {
	remaining int
	reset     time.Time
}

func (r *rateTracker) record(inst int64, h http.Header) {
	rem, err := strconv.Atoi(h.Get("X-Ratelimit-Remaining"))
	if err != nil {
		return
	}
	if res := h.Get("X-Ratelimit-Resource"); res != "" && res != "core" {
		return
	}
	var reset time.Time
	if v, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64); err == nil {
		reset = time.Unix(v, 0)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[int64]rateState{}
	}
	r.m[inst] = rateState{remaining: rem, reset: reset}
}

func (r *rateTracker) lowest() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	low := -1
	now := time.Now()
	for _, s := range r.m {
		if !s.reset.IsZero() && now.After(s.reset) {
			continue
		}
		if low < 0 || s.remaining < low {
			low = s.remaining
		}
	}
	return low
}

// labelCache remembers the labels known to exist in each repository, so
// that EnsureLabels costs nothing after the first time. Entries expire so a
// label deleted by hand is eventually recreated with its colour.
type labelCache struct {
	mu  sync.Mutex
	ttl time.Duration
	m   map[string]time.Time
}

func newLabelCache(ttl time.Duration) *labelCache {
	return &labelCache{ttl: ttl, m: map[string]time.Time{}}
}

func labelKey(repo, name string) string {
	return strings.ToLower(repo) + "\x00" + strings.ToLower(name)
}

func (l *labelCache) known(repo, name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t, ok := l.m[labelKey(repo, name)]
	return ok && time.Since(t) < l.ttl
}

func (l *labelCache) add(repo, name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.m[labelKey(repo, name)] = time.Now()
}
