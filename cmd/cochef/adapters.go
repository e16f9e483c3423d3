package main

import (
	"cmp"
	"log/slog"

	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/gitlab"
)

// githubConfig is the GitHub adapter's configuration from the settings,
// shared by the server and the backfill so that both talk to GitHub with
// the same credentials, write spacing and content budgets.
func (cfg serverConfig) githubConfig(log *slog.Logger) github.Config {
	return github.Config{
		APIURL:         cfg.GitHubAPIURL,
		AppID:          cfg.GitHubAppID,
		PrivateKeyFile: cfg.GitHubPrivateKeyFile,
		Token:          cfg.GitHubToken,
		WriteSpacing:   cfg.GitHubWriteSpacing,
		// The setting's 0 is "no budget", the adapter's negative.
		ContentPerMinute: cmp.Or(cfg.GitHubContentPerMinute, -1),
		ContentPerHour:   cmp.Or(cfg.GitHubContentPerHour, -1),
		Logger:           log,
	}
}

// gitlabConfig is the GitLab adapter's configuration from the settings,
// shared by the server and the backfill.
func (cfg serverConfig) gitlabConfig(log *slog.Logger) gitlab.Config {
	return gitlab.Config{
		BaseURL:       cfg.GitLabURL,
		Token:         cfg.GitLabToken,
		TokenFile:     cfg.GitLabTokenFile,
		ConfigProject: cfg.GitLabConfigProject,
		BotUsernames:  cfg.GitLabBotUsernames,
		WriteSpacing:  cfg.GitLabWriteSpacing,
		Logger:        log,
	}
}
