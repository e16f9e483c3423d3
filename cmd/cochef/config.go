package main

import (
	"errors"
	"fmt"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"
)

// setting is one server configuration key. The table below is the single
// list of keys: flags, environment variables, defaults, validation and the
// README's table (checked by a test) all come from it.
type setting struct {
	key   string // in cochef.yaml, dotted for nesting
	def   any    // string, bool, int, int64 or time.Duration: the type of the setting
	usage string
	// allow, when set, narrows what the type accepts (workers ≥ 1, lang
	// fr or en…); every value of the type is allowed otherwise.
	allow *constraint
	// list settings take several values, comma-separated; the file may
	// also give a YAML list.
	list bool
}

func (s setting) env() string {
	return "COCHEF_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(s.key))
}

func (s setting) flag() string { return strings.NewReplacer(".", "-", "_", "-").Replace(s.key) }

var settings = []setting{
	{key: "listen", def: ":8080", usage: "address the HTTP server listens on", allow: hostPort},
	{key: "database", def: "cochef.db", usage: "SQLite file path, or a postgres:// URL for several replicas", allow: databaseDSN},
	{key: "lang", def: "", usage: "language of what cochef writes (fr or en); empty: the repository's setting, else the story's language", allow: oneOf("", "fr", "en")},
	{key: "debounce", def: 2 * time.Second, usage: "a burst of edits of one issue is evaluated once, this long after the first (0: at once)", allow: notNegative},
	{key: "workers", def: 4, usage: "evaluations run at the same time", allow: atLeastOne},
	{key: "shutdown_grace", def: 20 * time.Second, usage: "on SIGTERM, how long running evaluations may take to finish", allow: notNegative},
	{key: "job_timeout", def: 30 * time.Second, usage: "longest time one evaluation attempt may take", allow: positive},
	{key: "rescue_after", def: 45 * time.Second, usage: "a job left running by a crashed process runs again after this (must exceed job_timeout)", allow: positive},
	{key: "insecure_skip_verify", def: false, usage: "accept unsigned GitHub webhooks (local trials only)"},
	{key: "github.app_id", def: int64(0), usage: "GitHub App ID", allow: notNegative},
	{key: "github.private_key_file", def: "", usage: "GitHub App private key (PEM file)"},
	{key: "github.token", def: "", usage: "a token instead of App auth (a bot account; tests)"},
	{key: "github.webhook_secret", def: "", usage: "GitHub webhook secret; several, comma-separated, to rotate", list: true},
	{key: "github.api_url", def: "https://api.github.com/", usage: "GitHub REST API base URL (GitHub Enterprise Server: https://HOST/api/v3/)", allow: httpURL},
	{key: "github.write_spacing", def: time.Second, usage: "pause between two writes of one installation (GitHub's secondary rate limits); negative: none"},
	{key: "github.content_per_minute", def: 80, usage: "content creations (POST) one installation sends in a minute at most (GitHub's secondary limit: about 80); 0: no budget", allow: zeroOrMore},
	{key: "github.content_per_hour", def: 500, usage: "content creations (POST) one installation sends in an hour at most (GitHub's secondary limit: about 500); 0: no budget", allow: zeroOrMore},
	{key: "github.bot_login", def: "cochef[bot]", usage: "the App's own login: its events are ignored"},
	{key: "gitlab.url", def: "https://gitlab.com", usage: "GitLab base URL (self-managed instance)", allow: httpURL},
	{key: "gitlab.token", def: "", usage: "GitLab token (project/group access token or bot account)"},
	{key: "gitlab.token_file", def: "", usage: "file holding the GitLab token"},
	{key: "gitlab.webhook_secret", def: "", usage: "GitLab webhook secret token; empty disables /webhooks/gitlab"},
	{key: "gitlab.write_spacing", def: 200 * time.Millisecond, usage: "pause between two writes to GitLab; negative: none"},
	{key: "gitlab.bot_username", def: "", usage: "cochef's bot account(s), comma-separated: their events are ignored and their notes are cochef's (set it, or cochef's own label changes come back as events)", list: true},
	{key: "gitlab.config_project", def: "", usage: "group-level configuration project whose cochef.yml is the fallback"},
	{key: "reviewers.security", def: "", usage: "mentioned once when a story needs a security review (comma-separated, e.g. @org/rssi)", list: true},
	{key: "reviewers.ready", def: "", usage: "mentioned once when a story becomes ready (comma-separated; off when empty)", list: true},
	{key: "dashboard.enabled", def: false, usage: "serve the readiness dashboard at /tableau and /dashboard (needs dashboard.auth)"},
	{key: "dashboard.auth", def: "", usage: "how dashboard requests authenticate: header (trusted reverse proxy), bearer or basic", allow: oneOf("", "header", "bearer", "basic")},
	{key: "dashboard.header", def: "X-Forwarded-User", usage: "auth header: the header the authenticating proxy sets (and strips from clients)", allow: headerName},
	{key: "dashboard.token", def: "", usage: "auth bearer: the token (16 characters or more; better in the environment than in the file)"},
	{key: "dashboard.user", def: "", usage: "auth basic: the user name"},
	{key: "dashboard.password", def: "", usage: "auth basic: the password (12 characters or more; better in the environment than in the file)"},
}

// configEnv names the configuration file; it is not a setting of the file.
const configEnv = "COCHEF_CONFIG"

// serverConfig is the typed server configuration.
type serverConfig struct {
	Listen             string
	Database           string
	Lang               string
	Debounce           time.Duration
	Workers            int
	ShutdownGrace      time.Duration
	JobTimeout         time.Duration
	RescueAfter        time.Duration
	InsecureSkipVerify bool

	GitHubAppID          int64
	GitHubPrivateKeyFile string
	GitHubToken          string
	GitHubWebhookSecrets []string
	GitHubAPIURL         string
	GitHubBotLogin       string
	GitHubWriteSpacing   time.Duration
	// GitHubContentPerMinute and GitHubContentPerHour: 0 is no budget.
	GitHubContentPerMinute int
	GitHubContentPerHour   int

	GitLabURL           string
	GitLabToken         string
	GitLabTokenFile     string
	GitLabWebhookSecret string
	GitLabConfigProject string
	GitLabBotUsernames  []string
	GitLabWriteSpacing  time.Duration

	SecurityReviewers []string
	ReadyReviewers    []string

	// The readiness dashboard: off unless enabled, and never without an
	// authentication.
	DashboardEnabled  bool
	DashboardAuth     string
	DashboardHeader   string
	DashboardToken    string
	DashboardUser     string
	DashboardPassword string

	// sources says where each key's value came from, for errors met
	// after loading (a port already in use). Empty in configurations
	// built by tests.
	sources map[string]source
}

// addSettingFlags declares a flag for every setting.
func addSettingFlags(fs *pflag.FlagSet) {
	fs.String("config", "", "configuration file (default: ./cochef.yaml when present; COCHEF_CONFIG)")
	for _, s := range settings {
		switch d := s.def.(type) {
		case string:
			fs.String(s.flag(), d, s.usage)
		case bool:
			fs.Bool(s.flag(), d, s.usage)
		case int:
			fs.Int(s.flag(), d, s.usage)
		case int64:
			fs.Int64(s.flag(), d, s.usage)
		case time.Duration:
			fs.Duration(s.flag(), d, s.usage)
		}
	}
}

// loadServerConfig merges, from weakest to strongest: defaults, the
// configuration file, COCHEF_* environment variables (environ is
// os.Environ()), flags set on the command line. Every value is checked
// where it was given; every problem is reported at once, each naming its
// key, its source and what is allowed (configErrors).
func loadServerConfig(fs *pflag.FlagSet, environ []string) (serverConfig, error) {
	r := newResolver()
	file, fileSrc := "", source{}
	if f := fs.Lookup("config"); f != nil && f.Changed {
		file, fileSrc = f.Value.String(), source{kind: fromFlag, name: "--config"}
	}
	env := r.readEnv(environ)
	if file == "" {
		if v, ok := env[configEnv]; ok {
			file, fileSrc = v, source{kind: fromEnv, name: configEnv}
		}
	}
	r.readFile(file, fileSrc)
	r.applyEnv(env)
	r.readFlags(fs)
	c := r.config()
	r.crossCheck(&c)
	if len(r.errs) > 0 {
		return serverConfig{}, r.errs
	}
	return c, nil
}

// config builds the typed configuration from the resolved values.
func (r *resolver) config() serverConfig {
	str := func(k string) string { v, _ := r.vals[k].(string); return v }
	dur := func(k string) time.Duration { v, _ := r.vals[k].(time.Duration); return v }
	c := serverConfig{
		Listen:               str("listen"),
		Database:             str("database"),
		Lang:                 str("lang"),
		Debounce:             dur("debounce"),
		ShutdownGrace:        dur("shutdown_grace"),
		JobTimeout:           dur("job_timeout"),
		RescueAfter:          dur("rescue_after"),
		GitHubPrivateKeyFile: str("github.private_key_file"),
		GitHubToken:          str("github.token"),
		GitHubWebhookSecrets: splitList(str("github.webhook_secret")),
		GitHubAPIURL:         str("github.api_url"),
		GitHubBotLogin:       str("github.bot_login"),
		GitHubWriteSpacing:   dur("github.write_spacing"),
		GitLabURL:            str("gitlab.url"),
		GitLabToken:          str("gitlab.token"),
		GitLabWebhookSecret:  str("gitlab.webhook_secret"),
		GitLabConfigProject:  str("gitlab.config_project"),
		GitLabBotUsernames:   splitList(str("gitlab.bot_username")),
		GitLabWriteSpacing:   dur("gitlab.write_spacing"),
		SecurityReviewers:    splitList(str("reviewers.security")),
		ReadyReviewers:       splitList(str("reviewers.ready")),
		DashboardAuth:        str("dashboard.auth"),
		DashboardHeader:      str("dashboard.header"),
		DashboardToken:       str("dashboard.token"),
		DashboardUser:        str("dashboard.user"),
		DashboardPassword:    str("dashboard.password"),
		sources:              r.srcs,
	}
	c.Workers, _ = r.vals["workers"].(int)
	c.GitHubContentPerMinute, _ = r.vals["github.content_per_minute"].(int)
	c.GitHubContentPerHour, _ = r.vals["github.content_per_hour"].(int)
	c.GitHubAppID, _ = r.vals["github.app_id"].(int64)
	c.InsecureSkipVerify, _ = r.vals["insecure_skip_verify"].(bool)
	c.DashboardEnabled, _ = r.vals["dashboard.enabled"].(bool)
	if c.GitLabToken == "" {
		// The adapter reads the file itself, again when it changes, so a
		// rotated token needs no restart.
		c.GitLabTokenFile = str("gitlab.token_file")
	}
	return c
}

// crossCheck reports what is wrong between keys, naming both sources.
func (r *resolver) crossCheck(c *serverConfig) {
	if r.failed["rescue_after"] || r.failed["job_timeout"] {
		// One mistake, one message: a value already refused is not
		// compared again.
	} else if c.RescueAfter <= c.JobTimeout {
		rs, js := r.srcs["rescue_after"], r.srcs["job_timeout"]
		r.add(rs, "rescue_after",
			fmt.Sprintf("%s (%s) doit dépasser job_timeout, %s (%s) : sinon une évaluation lente serait lancée deux fois en même temps",
				c.RescueAfter, rs.fr(), c.JobTimeout, js.fr()),
			fmt.Sprintf("%s (%s) must exceed job_timeout, %s (%s): otherwise a slow evaluation would run twice at once",
				c.RescueAfter, rs.en(), c.JobTimeout, js.en()))
	}
	r.checkDashboard(c)
	if c.GitHubAppID != 0 && c.GitHubPrivateKeyFile == "" {
		k := settingByKey("github.private_key_file")
		r.add(r.srcs["github.app_id"], "github.app_id",
			fmt.Sprintf("il faut aussi la clé privée de l'App : github.private_key_file (%s, --%s)", k.env(), k.flag()),
			fmt.Sprintf("the App's private key is needed too: github.private_key_file (%s, --%s)", k.env(), k.flag()))
	}
}

// githubLive reports whether cochef may call GitHub; without credentials it
// runs dry.
func (c serverConfig) githubLive() bool {
	return (c.GitHubAppID != 0 && c.GitHubPrivateKeyFile != "") || c.GitHubToken != ""
}

func (c serverConfig) gitlabLive() bool { return c.GitLabToken != "" || c.GitLabTokenFile != "" }

// listenError explains why the server cannot listen, naming where the
// address was set.
func (c serverConfig) listenError(err error) error {
	src, ok := c.sources["listen"]
	if !ok {
		src = source{kind: fromDefault}
	}
	why := configError{src: src, key: "listen"}
	if errors.Is(err, syscall.EADDRINUSE) {
		why.fr = fmt.Sprintf("l'adresse %s est déjà prise par un autre programme (un autre cochef ?) ; choisissez une autre adresse, par exemple --listen :8081", c.Listen)
		why.en = fmt.Sprintf("%s is already taken by another program (another cochef?); choose another address, e.g. --listen :8081", c.Listen)
	} else {
		why.fr = fmt.Sprintf("impossible d'écouter sur %s : %v", c.Listen, err)
		why.en = fmt.Sprintf("cannot listen on %s: %v", c.Listen, err)
	}
	return &why
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func settingByKey(key string) setting {
	for _, s := range settings {
		if s.key == key {
			return s
		}
	}
	panic("no setting " + key)
}
