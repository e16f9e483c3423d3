package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func flagsFor(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	addSettingFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func TestConfigPrecedenceFileEnvFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "cochef.yaml")
	if err := os.WriteFile(file, []byte("listen: \":9000\"\ndebounce: 5s\ngithub:\n  app_id: 7\n  private_key_file: /k.pem\nreviewers:\n  security: \"@org/rssi, @org/dpo\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("COCHEF_DEBOUNCE", "1s")
	t.Setenv("COCHEF_GITHUB_WEBHOOK_SECRET", "a,b")
	t.Setenv("COCHEF_LISTEN", ":9100")
	cfg, err := loadServerConfig(flagsFor(t, "--config", file, "--listen", ":9200"), os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != ":9200" {
		t.Errorf("flag must win over env and file: %q", cfg.Listen)
	}
	if cfg.Debounce != time.Second {
		t.Errorf("env must win over file: %s", cfg.Debounce)
	}
	if cfg.GitHubAppID != 7 || !cfg.githubLive() {
		t.Errorf("file value lost: app id %d", cfg.GitHubAppID)
	}
	if !slices.Equal(cfg.GitHubWebhookSecrets, []string{"a", "b"}) || !slices.Equal(cfg.SecurityReviewers, []string{"@org/rssi", "@org/dpo"}) {
		t.Errorf("lists: %v %v", cfg.GitHubWebhookSecrets, cfg.SecurityReviewers)
	}
	if cfg.Database != "cochef.db" || cfg.Workers != 4 || cfg.RescueAfter != 45*time.Second {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestConfigValidation(t *testing.T) {
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"lang":            {map[string]string{"COCHEF_LANG": "de"}, "neither fr nor en"},
		"workers":         {map[string]string{"COCHEF_WORKERS": "0"}, "workers must be"},
		"rescue":          {map[string]string{"COCHEF_RESCUE_AFTER": "10s"}, "rescue_after must exceed"},
		"app without key": {map[string]string{"COCHEF_GITHUB_APP_ID": "3"}, "needs github.private_key_file"},
	} {
		t.Run(name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			_, err := loadServerConfig(flagsFor(t), os.Getenv)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}

func TestServeRefusesBadConfigWithExitTwo(t *testing.T) {
	t.Setenv("COCHEF_LANG", "de")
	code, _, errOut := runCochef(t, "", "serve")
	if code != 2 || !strings.Contains(errOut, "lang") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}

func TestZeroDebounceMeansAtOnce(t *testing.T) {
	// The store reads zero as "its default (2 s)": the setting's zero must
	// reach it as "no wait".
	if got := queueDebounce(0); got >= 0 {
		t.Errorf("debounce 0 reaches the queue as %s, want a negative (no wait)", got)
	}
	if got := queueDebounce(3 * time.Second); got != 3*time.Second {
		t.Errorf("debounce 3s reaches the queue as %s", got)
	}
}
