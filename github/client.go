// Package github is cochef's GitHub adapter: Client.Connect gives the
// core.Platform of a repository's App installation (one installation token
// per installation, from ghinstallation), or of a plain token, over
// GitHub's REST API.
//
// It spends as few API calls as it can: repeated reads are conditional
// (ETag, and GitHub does not count a 304 against the rate limit), labels
// known to exist are not looked up again, and the comment search stops at
// the first page holding the marker. Content-creating calls of one
// installation are sent one at a time and spaced (GitHub's secondary
// limits); one that hangs holds the next for two seconds at most, and the
// creations of an installation stay within GitHub's budgets (80 a minute,
// 500 an hour). Every error answer becomes a *core.APIError that says
// whether to retry and after how long.
//
// No go-github type appears in this package's exported API.
package github

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	gh "github.com/google/go-github/v93/github"

	"github.com/cochef/cochef/core"
)

// DefaultAPIURL is GitHub.com's REST API.
const DefaultAPIURL = "https://api.github.com/"

// DefaultWriteSpacing is the pause between two content-creating calls of one
// installation that GitHub's documentation asks for ("about 1 s apart").
const DefaultWriteSpacing = time.Second

// NoWriteSpacing disables the spacing of writes (tests).
const NoWriteSpacing time.Duration = -1

// GitHub's content creation limits per installation ("about 80 a minute
// and 500 an hour", secondary rate limits).
const (
	DefaultContentPerMinute = 80
	DefaultContentPerHour   = 500
)

// Config configures a Client.
type Config struct {
	// APIURL is the REST API base URL, default DefaultAPIURL. GitHub
	// Enterprise Server: "https://HOST/api/v3/" (used as given).
	APIURL string

	// AppID and PrivateKey (PEM) or PrivateKeyFile authenticate as a GitHub
	// App; each installation gets its own token.
	AppID          int64
	PrivateKey     []byte
	PrivateKeyFile string

	// Token is a plain token (personal access token, tests) used instead of
	// App authentication for every repository.
	Token string

	// HTTPClient supplies the base transport and timeout (default
	// http.DefaultTransport, 30 s).
	HTTPClient *http.Client

	// WriteSpacing is the minimum pause between two content-creating calls
	// (POST, PATCH, PUT, DELETE) of one installation. Zero means
	// DefaultWriteSpacing; NoWriteSpacing (negative) disables it.
	WriteSpacing time.Duration

	// ContentPerMinute and ContentPerHour are the content creations
	// (POST requests) one installation sends at most in a sliding minute
	// and hour: GitHub's secondary limits allow about 80 and 500, and block
	// the App for minutes once they are hit. Zero means those defaults; a
	// negative value, no budget (GitHub Enterprise Server without limits).
	ContentPerMinute int
	ContentPerHour   int

	// CacheEntries bounds the conditional-request cache (default 1024
	// responses, at most 32 MiB in all).
	CacheEntries int

	// UserAgent defaults to "cochef".
	UserAgent string

	Logger *slog.Logger

	// OnRequest, when set, is called after every HTTP exchange with GitHub,
	// including token requests: method, route template
	// ("/repos/{owner}/{repo}/issues/{issue_number}") and the status answered
	// (304 for a conditional hit, 0 when no answer came).
	OnRequest func(method, route string, status int)
}

// Stats are counters of the calls made since the Client was created.
type Stats struct {
	Requests    int64 // HTTP exchanges with GitHub, token requests included
	Reads       int64 // GET and HEAD
	Writes      int64 // other methods, token requests excluded
	NotModified int64 // conditional reads answered 304 (free of rate limit)
	Errors      int64 // answers >= 400 and transport failures
	TokenMints  int64 // installation tokens requested
}

// Client talks to one GitHub host. It is the core.Connector of GitHub:
// Connect gives the Platform of a repository's installation
// (Repo.InstallationID). It is safe for concurrent use.
type Client struct {
	cfg     Config
	apiURL  string
	base    *url.URL
	key     *rsa.PrivateKey
	timeout time.Duration
	spacing time.Duration
	// contentPerMinute and contentPerHour are the installation's budgets;
	// 0 when unbounded.
	contentPerMinute, contentPerHour int
	log                              *slog.Logger
	cache                            *etagCache
	labels                           *labelCache
	rate                             rateTracker
	baseRT                           http.RoundTripper
	mu                               sync.Mutex
	installs                         map[int64]*installation

	nRequests, nReads, nWrites, nNotModified, nErrors, nTokens atomic.Int64
}

var _ core.Connector = (*Client)(nil)

// New checks the configuration (and parses the App key) without calling
// GitHub.
func New(cfg Config) (*Client, error) {
	c := &Client{
		cfg:      cfg,
		apiURL:   cfg.APIURL,
		log:      cfg.Logger,
		installs: map[int64]*installation{},
		labels:   newLabelCache(time.Hour),
	}
	if c.apiURL == "" {
		c.apiURL = DefaultAPIURL
	}
	if !strings.HasSuffix(c.apiURL, "/") {
		c.apiURL += "/"
	}
	u, err := url.Parse(c.apiURL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("github: API URL %q is not an absolute URL", cfg.APIURL)
	}
	c.base = u
	if c.log == nil {
		c.log = slog.Default()
	}
	switch {
	case cfg.Token != "":
	case cfg.AppID != 0:
		keyPEM := cfg.PrivateKey
		if len(keyPEM) == 0 {
			if cfg.PrivateKeyFile == "" {
				return nil, errors.New("github: App ID set without a private key (PrivateKey or PrivateKeyFile)")
			}
			keyPEM, err = os.ReadFile(cfg.PrivateKeyFile)
			if err != nil {
				return nil, fmt.Errorf("github: read the App private key: %w", err)
			}
		}
		c.key, err = parseRSAKey(keyPEM)
		if err != nil {
			return nil, fmt.Errorf("github: App private key: %w", err)
		}
	default:
		return nil, errors.New("github: no credentials (App ID and private key, or a token)")
	}
	c.baseRT = http.DefaultTransport
	c.timeout = 30 * time.Second
	if cfg.HTTPClient != nil {
		if cfg.HTTPClient.Transport != nil {
			c.baseRT = cfg.HTTPClient.Transport
		}
		if cfg.HTTPClient.Timeout > 0 {
			c.timeout = cfg.HTTPClient.Timeout
		}
	}
	c.spacing = cfg.WriteSpacing
	if c.spacing == 0 {
		c.spacing = DefaultWriteSpacing
	}
	if c.spacing < 0 {
		c.spacing = 0
	}
	c.contentPerMinute = budgetOf(cfg.ContentPerMinute, DefaultContentPerMinute)
	c.contentPerHour = budgetOf(cfg.ContentPerHour, DefaultContentPerHour)
	entries := cfg.CacheEntries
	if entries <= 0 {
		entries = 1024
	}
	c.cache = newETagCache(entries, 32<<20)
	return c, nil
}

// Connect returns the Platform of repo's App installation; with a plain
// token, of the token, whatever the installation. In App mode a repository
// without an installation id is refused for good: retrying cannot make
// one appear.
func (c *Client) Connect(repo core.Repo) (core.Platform, error) {
	inst, err := c.installation(repo.InstallationID)
	if err != nil {
		return nil, err
	}
	return inst, nil
}

// RateRemaining is the lowest x-ratelimit-remaining last reported for any
// installation whose window has not reset yet, or -1 when unknown.
func (c *Client) RateRemaining() int { return c.rate.lowest() }

// Stats returns the call counters.
func (c *Client) Stats() Stats {
	return Stats{
		Requests:    c.nRequests.Load(),
		Reads:       c.nReads.Load(),
		Writes:      c.nWrites.Load(),
		NotModified: c.nNotModified.Load(),
		Errors:      c.nErrors.Load(),
		TokenMints:  c.nTokens.Load(),
	}
}

// installation returns the cached per-installation client: its token,
// its write spacing and go-github's rate-limit memory live there.
func (c *Client) installation(id int64) (*installation, error) {
	if c.cfg.Token != "" {
		id = 0
	} else if id == 0 {
		return nil, &core.APIError{Platform: core.GitHub, Status: http.StatusBadRequest,
			Message: "the repository has no App installation id (was the event sent by the App's webhook?)"}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if inst := c.installs[id]; inst != nil {
		return inst, nil
	}
	obs := &observeTransport{next: c.baseRT, c: c, inst: id}
	var auth http.RoundTripper
	if c.cfg.Token != "" {
		auth = &tokenTransport{next: obs, token: c.cfg.Token}
	} else {
		tokenBase := strings.TrimSuffix(c.apiURL, "/")
		atr := ghinstallation.NewAppsTransportFromPrivateKey(obs, c.cfg.AppID, c.key)
		atr.BaseURL = tokenBase
		itr := ghinstallation.NewFromAppsTransport(atr, id)
		itr.BaseURL = tokenBase
		// ghinstallation's own client has no timeout.
		itr.Client = &http.Client{Transport: obs, Timeout: c.timeout}
		auth = itr
	}
	api := &apiTransport{next: auth, c: c, inst: id, gate: make(chan struct{}, 1)}
	ua := c.cfg.UserAgent
	if ua == "" {
		ua = "cochef"
	}
	client, err := gh.NewClient(
		gh.WithHTTPClient(&http.Client{Transport: api, Timeout: c.timeout}),
		gh.WithURLs(&c.apiURL, &c.apiURL),
		gh.WithUserAgent(ua),
	)
	if err != nil {
		return nil, fmt.Errorf("github: client: %w", err)
	}
	inst := &installation{c: c, id: id, gh: client}
	c.installs[id] = inst
	return inst, nil
}

// budgetOf is a content budget: the default for 0, none (0) when
// negative.
func budgetOf(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}

// parseRSAKey reads a GitHub App private key: PKCS #1 as GitHub hands it
// out, or PKCS #8 after a conversion.
func parseRSAKey(keyPEM []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(keyPEM)
	if block == nil {
		return nil, errors.New("no PEM block found")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("neither PKCS #1 nor PKCS #8: %w", err)
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("not an RSA key")
	}
	return rk, nil
}
