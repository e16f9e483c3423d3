package store

// Migration 8, for the readiness dashboard (dashboard/): an evaluation
// keeps what the page shows of its story without a platform call (title,
// link, whether it asks a security review, the issue's own labels), and
// readiness_history keeps one row per repository and day, rewritten at
// each save, from which the trend is drawn. A day is text (YYYY-MM-DD) on
// both databases: it is compared and sorted as such, never computed with.

var dashboardSQLite = []string{
	`ALTER TABLE evaluations ADD COLUMN title TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE evaluations ADD COLUMN url TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE evaluations ADD COLUMN issue_labels TEXT NOT NULL DEFAULT '[]'`,
	`CREATE TABLE readiness_history (
		platform TEXT NOT NULL,
		repo     TEXT NOT NULL,
		day      TEXT NOT NULL,
		ready    INTEGER NOT NULL,
		total    INTEGER NOT NULL,
		PRIMARY KEY (platform, repo, day)
	)`,
	`CREATE INDEX readiness_history_day ON readiness_history (day)`,
}

var dashboardPostgres = []string{
	`ALTER TABLE evaluations ADD COLUMN title text NOT NULL DEFAULT ''`,
	`ALTER TABLE evaluations ADD COLUMN url text NOT NULL DEFAULT ''`,
	`ALTER TABLE evaluations ADD COLUMN issue_labels jsonb NOT NULL DEFAULT '[]'`,
	`CREATE TABLE readiness_history (
		platform text NOT NULL,
		repo     text NOT NULL,
		day      text NOT NULL,
		ready    integer NOT NULL,
		total    integer NOT NULL,
		PRIMARY KEY (platform, repo, day)
	)`,
	`CREATE INDEX readiness_history_day ON readiness_history (day)`,
}
