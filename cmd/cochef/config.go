package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// setting is one server configuration key. The table below is the single
// list of keys: flags, environment variables, defaults and the README's
// table (checked by a test) all come from it.
type setting struct {
	key   string // in cochef.yaml, dotted for nesting
	def   any
	usage string
}

func (s setting) env() string {
	return "COCHEF_" + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(s.key))
}

func (s setting) flag() string { return strings.NewReplacer(".", "-", "_", "-").Replace(s.key) }

var settings = []setting{
	{"listen", ":8080", "address the HTTP server listens on"},
	{"database", "cochef.db", "SQLite file path, or a postgres:// URL for several replicas"},
	{"lang", "", "language of what cochef writes (fr or en); empty: the repository's setting, else the story's language"},
	{"debounce", 2 * time.Second, "a burst of edits of one issue is evaluated once, this long after the first (0: at once)"},
	{"workers", 4, "evaluations run at the same time"},
	{"shutdown_grace", 20 * time.Second, "on SIGTERM, how long running evaluations may take to finish"},
	{"job_timeout", 30 * time.Second, "longest time one evaluation attempt may take"},
	{"rescue_after", 45 * time.Second, "a job left running by a crashed process runs again after this (must exceed job_timeout)"},
	{"insecure_skip_verify", false, "accept unsigned GitHub webhooks (local trials only)"},
	{"github.app_id", int64(0), "GitHub App ID"},
	{"github.private_key_file", "", "GitHub App private key (PEM file)"},
	{"github.token", "", "a token instead of App auth (a bot account; tests)"},
	{"github.webhook_secret", "", "GitHub webhook secret; several, comma-separated, to rotate"},
	{"github.api_url", "https://api.github.com/", "GitHub REST API base URL (GitHub Enterprise Server: https://HOST/api/v3/)"},
	{"github.write_spacing", time.Second, "pause between two writes of one installation (GitHub's secondary rate limits); negative: none"},
	{"github.bot_login", "cochef[bot]", "the App's own login: its events are ignored"},
	{"gitlab.url", "https://gitlab.com", "GitLab base URL (self-managed instance)"},
	{"gitlab.token", "", "GitLab token (project/group access token or bot account)"},
	{"gitlab.token_file", "", "file holding the GitLab token"},
	{"gitlab.webhook_secret", "", "GitLab webhook secret token; empty disables /webhooks/gitlab"},
	{"gitlab.write_spacing", 200 * time.Millisecond, "pause between two writes to GitLab; negative: none"},
	{"gitlab.bot_username", "", "cochef's bot account(s), comma-separated: their events are ignored and their notes are cochef's (set it, or cochef's own label changes come back as events)"},
	{"gitlab.config_project", "", "group-level configuration project whose cochef.yml is the fallback"},
	{"reviewers.security", "", "mentioned once when a story needs a security review (comma-separated, e.g. @org/rssi)"},
	{"reviewers.ready", "", "mentioned once when a story becomes ready (comma-separated; off when empty)"},
}

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

	GitLabURL           string
	GitLabToken         string
	GitLabTokenFile     string
	GitLabWebhookSecret string
	GitLabConfigProject string
	GitLabBotUsernames  []string
	GitLabWriteSpacing  time.Duration

	SecurityReviewers []string
	ReadyReviewers    []string
}

// addSettingFlags declares a flag for every setting.
func addSettingFlags(fs *pflag.FlagSet) {
	fs.String("config", "", "configuration file (default: ./cochef.yaml when present)")
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
// configuration file, COCHEF_* environment variables, flags set on the
// command line.
func loadServerConfig(fs *pflag.FlagSet, getenv func(string) string) (serverConfig, error) {
	v := viper.New()
	for _, s := range settings {
		v.SetDefault(s.key, s.def)
		if err := v.BindEnv(s.key, s.env()); err != nil {
			return serverConfig{}, err
		}
		if f := fs.Lookup(s.flag()); f != nil {
			if err := v.BindPFlag(s.key, f); err != nil {
				return serverConfig{}, err
			}
		}
	}
	file, _ := fs.GetString("config")
	if file == "" {
		file = getenv("COCHEF_CONFIG")
	}
	if file == "" {
		if _, err := os.Stat("cochef.yaml"); err == nil {
			file = "cochef.yaml"
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return serverConfig{}, fmt.Errorf("lecture de la configuration / reading configuration %s: %w", file, err)
		}
	}
	c := serverConfig{
		Listen:               v.GetString("listen"),
		Database:             v.GetString("database"),
		Lang:                 v.GetString("lang"),
		Debounce:             v.GetDuration("debounce"),
		Workers:              v.GetInt("workers"),
		ShutdownGrace:        v.GetDuration("shutdown_grace"),
		JobTimeout:           v.GetDuration("job_timeout"),
		RescueAfter:          v.GetDuration("rescue_after"),
		InsecureSkipVerify:   v.GetBool("insecure_skip_verify"),
		GitHubAppID:          v.GetInt64("github.app_id"),
		GitHubPrivateKeyFile: v.GetString("github.private_key_file"),
		GitHubToken:          v.GetString("github.token"),
		GitHubWebhookSecrets: splitList(v.GetString("github.webhook_secret")),
		GitHubAPIURL:         v.GetString("github.api_url"),
		GitHubBotLogin:       v.GetString("github.bot_login"),
		GitHubWriteSpacing:   v.GetDuration("github.write_spacing"),
		GitLabURL:            v.GetString("gitlab.url"),
		GitLabToken:          v.GetString("gitlab.token"),
		GitLabWebhookSecret:  v.GetString("gitlab.webhook_secret"),
		GitLabConfigProject:  v.GetString("gitlab.config_project"),
		GitLabBotUsernames:   splitList(v.GetString("gitlab.bot_username")),
		GitLabWriteSpacing:   v.GetDuration("gitlab.write_spacing"),
		SecurityReviewers:    splitList(v.GetString("reviewers.security")),
		ReadyReviewers:       splitList(v.GetString("reviewers.ready")),
	}
	if c.GitLabToken == "" {
		// The adapter reads the file itself, again when it changes, so a
		// rotated token needs no restart.
		c.GitLabTokenFile = v.GetString("gitlab.token_file")
	}
	return c, c.validate()
}

func (c serverConfig) validate() error {
	switch c.Lang {
	case "", "fr", "en":
	default:
		return fmt.Errorf("lang : %q n'est ni fr ni en / lang: %q is neither fr nor en", c.Lang, c.Lang)
	}
	if c.Workers < 1 {
		return fmt.Errorf("workers doit être ≥ 1 / workers must be ≥ 1 (got %d)", c.Workers)
	}
	if c.Debounce < 0 || c.ShutdownGrace < 0 {
		return fmt.Errorf("debounce et shutdown_grace doivent être positifs / debounce and shutdown_grace must not be negative")
	}
	if c.RescueAfter <= c.JobTimeout {
		return fmt.Errorf("rescue_after (%s) doit dépasser job_timeout (%s) / rescue_after must exceed job_timeout", c.RescueAfter, c.JobTimeout)
	}
	if c.GitHubAppID != 0 && c.GitHubPrivateKeyFile == "" {
		return fmt.Errorf("github.app_id sans github.private_key_file / github.app_id needs github.private_key_file")
	}
	return nil
}

// githubLive reports whether cochef may call GitHub; without credentials it
// runs dry.
func (c serverConfig) githubLive() bool {
	return (c.GitHubAppID != 0 && c.GitHubPrivateKeyFile != "") || c.GitHubToken != ""
}

func (c serverConfig) gitlabLive() bool { return c.GitLabToken != "" || c.GitLabTokenFile != "" }

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
