package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/metrics"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
	"github.com/cochef/cochef/store"
	"github.com/cochef/cochef/templates"
	"github.com/cochef/cochef/webhook"
)

func newServeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serveur de webhooks GitHub et GitLab / GitHub and GitLab webhook server",
		Long: `Reçoit les webhooks GitHub (/webhooks/github) et GitLab (/webhooks/gitlab),
les met en file durable et tient à jour le commentaire et les étiquettes de chaque récit.
Sans identifiants, fonctionne à blanc (dry-run) : évalue, journalise et enregistre sans rien écrire.

Receives GitHub and GitLab webhooks, queues them durably and keeps each story's
comment and labels current. Without credentials it runs dry.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadServerConfig(cmd.Flags(), os.Environ())
			if err != nil {
				return usageErr("%v", err)
			}
			log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			return serve(cmd.Context(), cfg, log, nil)
		},
	}
	addSettingFlags(cmd.Flags())
	return cmd
}

// queueDebounce maps the setting onto the store's option, where zero means
// "the default" and a negative value "no wait".
func queueDebounce(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

// serve runs the server until ctx is done. ready, when not nil, receives
// the address the server listens on (tests listen on port 0).
func serve(ctx context.Context, cfg serverConfig, log *slog.Logger, ready chan<- string) error {
	set, err := templates.Builtin()
	if err != nil {
		return fmt.Errorf("built-in templates: %w", err)
	}
	// Listen first: a port already taken is said at once, before a
	// database is created and migrated for a server that cannot start.
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return cfg.listenError(err)
	}
	defer ln.Close()
	st, err := store.Open(ctx, store.Options{
		DSN:         cfg.Database,
		Debounce:    queueDebounce(cfg.Debounce),
		Workers:     cfg.Workers,
		JobTimeout:  cfg.JobTimeout,
		RescueAfter: cfg.RescueAfter,
		Logger:      log,
	})
	if err != nil {
		return err // store's errors say they are the store's
	}
	defer st.Close()
	m := metrics.New()
	m.WatchQueue(st.JobStats, metrics.DefaultQueueTimeout)

	platforms := core.Platforms{}
	if cfg.githubLive() {
		ghc := cfg.githubConfig(log)
		ghc.OnRequest = m.APIRequests(core.GitHub)
		gh, err := github.New(ghc)
		if err != nil {
			return fmt.Errorf("github: %w", err)
		}
		m.WatchRateLimit(core.GitHub, gh.RateRemaining)
		platforms[core.GitHub] = gh
	} else {
		log.Warn("no GitHub credentials: GitHub runs dry (evaluates and logs, writes nothing)")
	}
	if cfg.gitlabLive() {
		glc := cfg.gitlabConfig(log)
		glc.OnRequest = m.APIRequests(core.GitLab)
		gl, err := gitlab.New(glc)
		if err != nil {
			return fmt.Errorf("gitlab: %w", err)
		}
		platforms[core.GitLab] = gl
	}
	if cfg.InsecureSkipVerify {
		log.Warn("insecure_skip_verify: GitHub webhooks are NOT verified; use only for local trials")
	}

	defaults := core.Settings{
		Lang:              rules.Lang(cfg.Lang),
		Labels:            core.DefaultLabels(),
		SecurityReviewers: cfg.SecurityReviewers,
		ReadyReviewers:    cfg.ReadyReviewers,
		Templates:         set,
	}
	env := core.Env{
		Platforms: platforms,
		Settings:  core.NewRepoSettings(defaults),
		Defaults:  defaults,
		Logger:    log,
		Observe:   m.ObserveEvaluation,
		// A write cochef gave up on is in flight on its side for at most a
		// job's timeout; the platform gets as long again to finish it.
		WriteSettle: 2 * cfg.JobTimeout,
	}
	// Recette checklists on pull and merge requests (docs/recette.md).
	recettes := &recette.Runner{Env: env, Store: st, Recettes: st, Enqueuer: st}
	stories := &feedback.Runner{Env: env, Store: st, Evaluated: recettes.StoryEvaluated, Recettes: recettes,
		Similar: similar.Finder{Keys: st}}
	worker := core.Dispatch{
		core.FeatureFeedback:   stories,
		core.FeatureRecette:    recettes,
		core.FeatureMergeGroup: recettes,
	}

	var bots []string
	if cfg.GitHubBotLogin != "" {
		bots = []string{cfg.GitHubBotLogin}
	}
	mux := http.NewServeMux()
	mux.Handle("/webhooks/", webhook.NewHandler(webhook.Options{
		Sources: []webhook.Source{
			github.NewWebhooks(github.WebhookConfig{
				Secrets:            cfg.GitHubWebhookSecrets,
				InsecureSkipVerify: cfg.InsecureSkipVerify,
				BotLogins:          bots,
				Logger:             log,
			}),
			gitlab.NewWebhooks(gitlab.WebhookConfig{
				Secret:       cfg.GitLabWebhookSecret,
				BotUsernames: cfg.GitLabBotUsernames,
			}),
		},
		LivePlatforms: slices.Collect(maps.Keys(platforms)),
		Enqueuer:      st,
		Logger:        log,
		Observe:       m.ObserveWebhook,
	}))
	mux.Handle("GET /metrics", m.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /readyz", &readiness{ready: st.Ready, log: log})
	if err := serveDashboard(mux, cfg, st, log); err != nil {
		return err
	}

	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	// Not ctx: on a cancelled start context River stops on its own terms
	// (hard, or soft with the store's timeout); st.Stop below applies the
	// configured shutdown grace instead.
	if err := st.Start(context.WithoutCancel(ctx), m.Worker(worker)); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	log.Info("cochef listening", "addr", ln.Addr().String(), "database", st.Driver(),
		"github_live", cfg.githubLive(), "gitlab_live", cfg.gitlabLive(), "gitlab_webhooks", cfg.GitLabWebhookSecret != "")
	if ready != nil {
		ready <- ln.Addr().String()
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Stop taking webhooks first, then let running evaluations finish
	// within the grace period; what does not finish is picked up again
	// after a restart (the queue is durable).
	log.Info("shutting down", "grace", cfg.ShutdownGrace.String())
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		log.Warn("http shutdown", "err", err)
	}
	if err := st.Stop(sctx); err != nil {
		log.Warn("queue shutdown", "err", err)
	}
	return nil
}
