package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/backfill"
	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/gitlab"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
	"github.com/cochef/cochef/store"
	"github.com/cochef/cochef/templates"
)

type backfillFlags struct {
	platform, repo, org, project, group, state, since, format string
	labels                                                    []string
	apply, quiet                                              bool
}

func newBackfillCmd() *cobra.Command {
	var fl backfillFlags
	cmd := &cobra.Command{
		Use:   "backfill",
		Short: "Évalue les tickets existants d'un dépôt ou d'une organisation / evaluate the existing issues of a repository or organisation",
		Long: `Lit tous les tickets ouverts (ou --state all, --since DATE, --label L) d'un dépôt
(--repo propriétaire/nom, GitLab --project groupe/projet) ou de tous ceux d'une organisation
(--org, GitLab --group), les évalue comme le serveur et enregistre chaque évaluation dans sa base.
Par défaut rien n'est écrit sur la plateforme : le rapport dit, par dépôt, les récits prêts ou non,
les points bloquants les plus fréquents, les récits à faire relire par la sécurité, ceux sans
critères et les récits proches. --apply écrit commentaires et étiquettes comme le serveur.
Interrompu puis relancé, il reprend où il en était : un ticket évalué à sa date de mise à jour
actuelle n'est pas relu.

Reads every open issue of a repository or organisation, evaluates each as the server does and
stores the evaluation; reports per repository. Nothing is written to the platform unless --apply.
Stopped and started again, it goes on where it stopped.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadServerConfig(cmd.Flags(), os.Environ())
			if err != nil {
				return usageErr("%v", err)
			}
			return runBackfill(cmd.Context(), cfg, fl, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.platform, "platform", "", "github or gitlab (default: github, or gitlab with --project/--group)")
	f.StringVar(&fl.repo, "repo", "", "GitHub repository owner/name")
	f.StringVar(&fl.org, "org", "", "GitHub organisation or user: every repository of its installation")
	f.StringVar(&fl.project, "project", "", "GitLab project group/project")
	f.StringVar(&fl.group, "group", "", "GitLab group: every project of it and of its subgroups")
	f.StringVar(&fl.state, "state", "open", "open, closed or all")
	f.StringVar(&fl.since, "since", "", "only issues updated since this date (2006-01-02 or RFC 3339)")
	f.StringSliceVar(&fl.labels, "label", nil, "only issues carrying this label (repeat: all of them)")
	f.BoolVar(&fl.apply, "apply", false, "write comments and labels as the server would (default: report only)")
	f.StringVar(&fl.format, "format", "text", "report format: "+strings.Join(backfill.Formats, ", "))
	f.BoolVar(&fl.quiet, "quiet", false, "no progress, the report only")
	addSettingFlags(f)
	return cmd
}

// target is what the flags ask to read: a platform and a repository or
// an organisation (group).
type target struct {
	platform, repo, owner string
	query                 core.IssueQuery
}

// parseBackfillFlags checks the flags, in the person's language.
func parseBackfillFlags(fl backfillFlags, lang rules.Lang) (target, error) {
	t := target{platform: fl.platform}
	gitlabWanted := fl.project != "" || fl.group != ""
	if t.platform == "" {
		t.platform = core.GitHub
		if gitlabWanted {
			t.platform = core.GitLab
		}
	}
	switch t.platform {
	case core.GitHub:
		if gitlabWanted {
			return t, usageErrL(lang, "--project et --group sont pour GitLab : avec GitHub, --repo ou --org",
				"--project and --group are GitLab's: with GitHub, use --repo or --org")
		}
		t.repo, t.owner = fl.repo, fl.org
	case core.GitLab:
		if fl.org != "" {
			return t, usageErrL(lang, "--org est pour GitHub : avec GitLab, --group", "--org is GitHub's: with GitLab, use --group")
		}
		t.repo, t.owner = cmp.Or(fl.project, fl.repo), fl.group
	default:
		return t, usageErrL(lang, "--platform : github ou gitlab, pas « %s »", "--platform: github or gitlab, not %q", t.platform)
	}
	if (t.repo == "") == (t.owner == "") {
		return t, usageErrL(lang, "dites quoi lire : --repo ou --org (GitLab : --project ou --group), l'un des deux",
			"say what to read: --repo or --org (GitLab: --project or --group), one of them")
	}
	switch fl.state {
	case "open", "closed", "all":
		t.query.State = fl.state
	default:
		return t, usageErrL(lang, "--state : open, closed ou all, pas « %s »", "--state: open, closed or all, not %q", fl.state)
	}
	if fl.since != "" {
		since, err := parseSince(fl.since)
		if err != nil {
			return t, usageErrL(lang, "--since : « %s » n'est pas une date (2006-01-02 ou RFC 3339)",
				"--since: %q is not a date (2006-01-02 or RFC 3339)", fl.since)
		}
		t.query.Since = since
	}
	for _, l := range fl.labels {
		if l = strings.TrimSpace(l); l != "" {
			t.query.Labels = append(t.query.Labels, l)
		}
	}
	if !isFormat(fl.format) {
		return t, usageErrL(lang, "--format : %s, pas « %s »", "--format: %s, not %q", strings.Join(backfill.Formats, ", "), fl.format)
	}
	return t, nil
}

func isFormat(f string) bool {
	for _, x := range backfill.Formats {
		if f == x {
			return true
		}
	}
	return false
}

func parseSince(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.ParseInLocation(time.DateOnly, s, time.UTC)
}

// connector is an adapter as the backfill uses it: the core.Connector the
// server uses, and where the repositories are.
type connector interface {
	core.Connector
	Repository(ctx context.Context, name string) (core.Repo, error)
	Repositories(ctx context.Context, owner string) ([]core.Repo, error)
}

// lister lists through the repository's connected platform.
type lister struct{ ps core.Platforms }

func (l lister) ListIssues(ctx context.Context, repo core.Repo, q core.IssueQuery, each func(core.Issue) error) error {
	p, live, err := l.ps.Connect(repo)
	if err != nil {
		return err
	}
	ls, ok := p.(backfill.Lister)
	if !live || !ok {
		return fmt.Errorf("%s cannot list issues", repo.Platform)
	}
	return ls.ListIssues(ctx, repo, q, each)
}

func runBackfill(ctx context.Context, cfg serverConfig, fl backfillFlags, stdout, stderr io.Writer) error {
	lang := rules.Lang(cmp.Or(cfg.Lang, "fr"))
	t, err := parseBackfillFlags(fl, lang)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	conn, err := backfillConnector(cfg, t.platform, log)
	if err != nil {
		return err
	}
	var repos []core.Repo
	if t.repo != "" {
		r, err := conn.Repository(ctx, t.repo)
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		repos = []core.Repo{r}
	} else if repos, err = conn.Repositories(ctx, t.owner); err != nil {
		return &exitError{code: 2, err: err}
	}
	st, err := store.Open(ctx, store.Options{DSN: cfg.Database, JobTimeout: cfg.JobTimeout, RescueAfter: cfg.RescueAfter, Logger: log})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer st.Close()
	set, err := templates.Builtin()
	if err != nil {
		return fmt.Errorf("built-in templates: %w", err)
	}
	platforms := core.Platforms{t.platform: conn}
	defaults := core.Settings{
		Lang:              rules.Lang(cfg.Lang),
		Labels:            core.DefaultLabels(),
		SecurityReviewers: cfg.SecurityReviewers,
		ReadyReviewers:    cfg.ReadyReviewers,
		Templates:         set,
	}
	env := core.Env{Platforms: platforms, Settings: core.NewRepoSettings(defaults), Defaults: defaults, Logger: log,
		WriteSettle: 2 * cfg.JobTimeout}
	// The same wiring as the server's, so the comments are the same.
	recettes := &recette.Runner{Env: env, Store: st, Recettes: st, Enqueuer: st}
	stories := &feedback.Runner{Env: env, Store: st, Evaluated: recettes.StoryEvaluated, Recettes: recettes,
		Similar: similar.Finder{Keys: st}}
	progress := newProgress(stderr, lang, fl.quiet)
	r := &backfill.Runner{Lister: lister{platforms}, Evaluator: stories, Store: st, Log: log}
	rep, err := r.Run(ctx, backfill.Options{Repos: repos, Query: t.query, Apply: fl.apply, Owner: int64(os.Getpid()),
		Progress: progress.update})
	progress.finish(rep)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, say(lang, "Interrompu\u00a0: ce qui est évalué est enregistré, relancez la même commande pour reprendre.",
				"Interrupted: what was evaluated is stored; run the same command again to go on."))
			return &exitError{code: 130}
		}
		return &exitError{code: 2, err: err}
	}
	if err := backfill.Write(stdout, rep, fl.format, lang); err != nil {
		return err
	}
	if rep.Failed > 0 || rep.Busy > 0 {
		for _, e := range rep.Errors {
			fmt.Fprintln(stderr, "cochef:", e)
		}
		return &exitError{code: 1}
	}
	return nil
}

// backfillConnector builds the adapter with the server's settings: the
// same clients, rate limits, write spacing and content budgets.
func backfillConnector(cfg serverConfig, platform string, log *slog.Logger) (connector, error) {
	switch platform {
	case core.GitHub:
		if !cfg.githubLive() {
			return nil, usageErr("GitHub : ni App (--github-app-id, --github-private-key-file) ni jeton (--github-token) / no GitHub credentials (App or token)")
		}
		gh, err := github.New(cfg.githubConfig(log))
		if err != nil {
			return nil, &exitError{code: 2, err: fmt.Errorf("github: %w", err)}
		}
		return gh, nil
	default:
		if !cfg.gitlabLive() {
			return nil, usageErr("GitLab : pas de jeton (--gitlab-token ou --gitlab-token-file) / no GitLab token")
		}
		gl, err := gitlab.New(cfg.gitlabConfig(log))
		if err != nil {
			return nil, &exitError{code: 2, err: fmt.Errorf("gitlab: %w", err)}
		}
		return gl, nil
	}
}
