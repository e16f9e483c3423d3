// Package gitlab is cochef's GitLab adapter: it implements core.Platform
// (and core.Threads) on GitLab's REST API v4 (gitlab.com or a self-managed instance) with
// gitlab.com/gitlab-org/api/client-go. Nothing of the client library leaks
// out: callers see core types and *core.APIError only.
package gitlab

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// Config configures the GitLab adapter.
type Config struct {
	// BaseURL is the instance, e.g. https://gitlab.example.gouv.fr (the
	// client appends /api/v4/).
	BaseURL string
	// Token is a project or group access token, or a bot account's personal
	// access token, sent as PRIVATE-TOKEN.
	Token string
	// TokenFile holds the token instead of Token (exactly one of them). It is
	// read again when it changes, so a rotated token is picked up without a
	// restart.
	TokenFile string
	// ConfigProject is the group-level configuration project
	// ("group/cochef-config") whose cochef.yml is used when a project has no
	// .gitlab/cochef.yml. Empty: no fallback.
	ConfigProject string
	// BotUsernames are earlier accounts cochef wrote with (a project access
	// token recreated gets a new bot user): their notes are cochef's too,
	// besides those of the token's own user.
	BotUsernames []string
	// HTTPClient defaults to a client with a 30 s timeout.
	HTTPClient *http.Client
	// WriteSpacing is the minimum time between two writes (notes, labels),
	// which are then sent one at a time. Zero means DefaultWriteSpacing;
	// NoWriteSpacing (negative) sends writes as they come (tests). Same
	// convention as the GitHub adapter.
	WriteSpacing time.Duration
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// OnRequest, when set, is called after every API call with its method,
	// its route template ("/projects/:id/issues/:iid/notes") and the status
	// answered (0 when no answer arrived), for metrics.
	OnRequest func(method, route string, status int)
}

// DefaultWriteSpacing spaces writes so that one adapter alone never exceeds
// GitLab's default note creation rate limit of 300 per minute and user
// (docs.gitlab.com administration/settings/rate_limit_on_notes_creation).
const DefaultWriteSpacing = 200 * time.Millisecond

// NoWriteSpacing disables the spacing of writes.
const NoWriteSpacing time.Duration = -1

// ConfigPath is the project configuration file, and GroupConfigPath the one
// read from Config.ConfigProject.
const (
	ConfigPath      = ".gitlab/cochef.yml"
	GroupConfigPath = "cochef.yml"
)

// defaultLabelColor is used for a label given without a colour.
const defaultLabelColor = "6699cc"

// labelCacheTTL bounds how long the adapter trusts that a project label it
// saw still exists; a label deleted meanwhile is recreated by GitLab itself
// (without colour) when an issue update names it.
const labelCacheTTL = time.Hour

// maxPages stops a listing that never ends (a misbehaving proxy repeating
// X-Next-Page): 1,000 pages of 100 notes is far beyond any real issue.
const maxPages = 1000

// Client is a GitLab adapter. It implements core.Platform and
// core.Threads for every project its token reaches, and is safe for
// concurrent use.
type Client struct {
	api           *gl.Client
	web           string // the instance's address, for links people follow
	log           *slog.Logger
	configProject string
	writeSpacing  time.Duration
	onRequest     func(method, route string, status int)
	now           func() time.Time

	writeMu   sync.Mutex
	nextWrite time.Time // the earliest start of the next write

	labelsMu sync.Mutex
	labels   map[string]labelCache

	bots   []string
	selfMu sync.Mutex
	self   string // the token's user, asked once
}

type labelCache struct {
	names   map[string]bool
	fetched time.Time
}

var (
	_ core.Connector = (*Client)(nil)
	_ core.Platform  = (*Client)(nil)
	_ core.Threads   = (*Client)(nil)
)

// New builds an adapter. It does not call GitLab.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("gitlab: base URL %q must be an http(s) URL such as https://gitlab.example.org", cfg.BaseURL)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	var src gl.AuthSource
	switch {
	case cfg.Token != "" && cfg.TokenFile != "":
		return nil, errors.New("gitlab: set a token or a token file, not both")
	case cfg.Token != "":
		src = gl.AccessTokenAuthSource{Token: strings.TrimSpace(cfg.Token)}
	case cfg.TokenFile != "":
		fs, err := newFileToken(cfg.TokenFile, log)
		if err != nil {
			return nil, err
		}
		src = fs
	default:
		return nil, errors.New("gitlab: a token or a token file is required")
	}
	hc := cfg.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	api, err := gl.NewAuthSourceClient(src,
		gl.WithBaseURL(cfg.BaseURL),
		gl.WithHTTPClient(hc),
		// The job queue decides when to try again (it honours RetryAfter);
		// client-go's own retries would hide 429s and 5xx from it.
		gl.WithoutRetries(),
		// client-go would otherwise throttle itself from RateLimit-Limit in
		// a way we neither see nor test; the queue and WriteSpacing pace us.
		gl.WithCustomLimiter(noLimit{}),
		gl.WithUserAgent("cochef"),
		gl.WithURLWarningLogger(log),
	)
	if err != nil {
		return nil, fmt.Errorf("gitlab: %w", err)
	}
	spacing := cfg.WriteSpacing
	if spacing == 0 {
		spacing = DefaultWriteSpacing
	}
	return &Client{
		api:           api,
		web:           strings.TrimSuffix(strings.TrimRight(cfg.BaseURL, "/"), "/api/v4"),
		log:           log,
		configProject: cfg.ConfigProject,
		bots:          cfg.BotUsernames,
		writeSpacing:  spacing,
		onRequest:     cfg.OnRequest,
		now:           time.Now,
		labels:        map[string]labelCache{},
	}, nil
}

// Connect returns the client itself: one token serves every project.
func (c *Client) Connect(core.Repo) (core.Platform, error) { return c, nil }

type noLimit struct{}

func (noLimit) Wait(ctx context.Context) error { return ctx.Err() }

// fileToken reads the token from a file, again whenever the file changes.
type fileToken struct {
	path string
	log  *slog.Logger

	mu      sync.Mutex
	token   string
	modTime time.Time
}

func newFileToken(path string, log *slog.Logger) (*fileToken, error) {
	ft := &fileToken{path: path, log: log}
	if err := ft.reload(); err != nil {
		return nil, err
	}
	return ft, nil
}

func (ft *fileToken) reload() error {
	st, err := os.Stat(ft.path)
	if err != nil {
		return fmt.Errorf("gitlab: token file: %w", err)
	}
	if st.ModTime().Equal(ft.modTime) && ft.token != "" {
		return nil
	}
	b, err := os.ReadFile(ft.path)
	if err != nil {
		return fmt.Errorf("gitlab: token file: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return fmt.Errorf("gitlab: token file %s is empty", ft.path)
	}
	ft.token, ft.modTime = tok, st.ModTime()
	return nil
}

// Init implements gl.AuthSource.
func (ft *fileToken) Init(context.Context, *gl.Client) error { return nil }

// Header implements gl.AuthSource. A file briefly missing or empty while it
// is being replaced keeps the last good token rather than failing calls.
func (ft *fileToken) Header(context.Context) (string, string, error) {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	if err := ft.reload(); err != nil {
		ft.log.Warn("gitlab token file unreadable, keeping the previous token", "error", err)
	}
	return gl.AccessTokenHeaderName, ft.token, nil
}

// projectID is what client-go accepts as a project: the numeric id when
// known (it survives renames and transfers), else the full path.
func projectID(r core.Repo) (any, error) {
	if r.ProjectID != 0 {
		return r.ProjectID, nil
	}
	if r.FullName != "" {
		return r.FullName, nil
	}
	return nil, errors.New("gitlab: repository has neither a project id nor a path")
}

// projectName names a project in messages and config sources.
func projectName(r core.Repo) string {
	if r.FullName != "" {
		return r.FullName
	}
	return fmt.Sprintf("project %d", r.ProjectID)
}

type apiCall func(opts ...gl.RequestOptionFunc) (*gl.Response, error)

// call runs one API request: it paces writes, reports the request, and turns
// an error answer into *core.APIError.
func (c *Client) call(ctx context.Context, method, route string, fn apiCall) error {
	write := method != http.MethodGet && method != http.MethodHead
	if write && c.writeSpacing > 0 {
		// Reserve a start slot, then wait for it without holding the lock:
		// a slow write must not hold up the others past their job's
		// deadline, and a cancelled job gives its slot up at once.
		c.writeMu.Lock()
		slot := c.now()
		if c.nextWrite.After(slot) {
			slot = c.nextWrite
		}
		c.nextWrite = slot.Add(c.writeSpacing)
		c.writeMu.Unlock()
		if wait := slot.Sub(c.now()); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
		}
	}

	start := c.now()
	resp, err := fn(gl.WithContext(ctx))
	status := 0
	if resp != nil && resp.Response != nil {
		status = resp.StatusCode
	}
	if c.onRequest != nil {
		c.onRequest(method, route, status)
	}
	c.log.DebugContext(ctx, "gitlab api", "method", method, "route", route, "status", status, "duration", c.now().Sub(start))
	if err == nil {
		return nil
	}
	var er *gl.ErrorResponse
	if status >= 300 && errors.As(err, &er) {
		apiErr := c.apiError(method, resp, er)
		if apiErr.RateLimited {
			c.log.WarnContext(ctx, "gitlab rate limit", "method", method, "route", route, "retry_after", apiErr.RetryAfter)
		}
		return apiErr
	}
	return fmt.Errorf("gitlab %s %s: %w", method, route, err)
}

// ours reports whether a note holding cochef's marker was written by
// cochef: anyone who can comment can paste the marker, and a planted marker
// must neither be edited over nor silence a mention.
func (c *Client) ours(ctx context.Context, n *gl.Note) (bool, error) {
	if n.System || n.Author.Username == "" {
		return false, nil
	}
	for _, b := range c.bots {
		if strings.EqualFold(n.Author.Username, b) {
			return true, nil
		}
	}
	self, err := c.selfUsername(ctx)
	if err != nil {
		return false, err
	}
	return strings.EqualFold(n.Author.Username, self), nil
}

// selfUsername returns the token's user, asked once.
func (c *Client) selfUsername(ctx context.Context) (string, error) {
	c.selfMu.Lock()
	defer c.selfMu.Unlock()
	if c.self != "" {
		return c.self, nil
	}
	var u *gl.User
	err := c.call(ctx, http.MethodGet, routeCurrentUser, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		u, resp, err = c.api.Users.CurrentUser(o...)
		return resp, err
	})
	if err != nil {
		return "", err
	}
	c.self = u.Username
	return c.self, nil
}
