package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/store"
)

func newAuditCmd() *cobra.Command {
	var (
		database, platform, repo, lang, format, comment string
		notReady                                        bool
		limit                                           int
	)
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Dernières évaluations enregistrées / last stored evaluations",
		Long: `Liste la dernière évaluation de chaque récit (modèle, prêt ou non, remarques,
étiquettes, commentaire écrit ou, à blanc, qui aurait été écrit).
--comment DÉPÔT#N affiche le commentaire enregistré pour ce récit.

Lists the last evaluation of each story; --comment REPO#N prints its stored comment.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := rules.Lang(lang)
			if l != rules.FR && l != rules.EN {
				return usageErr("--lang : fr ou en / fr or en")
			}
			if format != "text" && format != "json" {
				return usageErr("--format : text ou json / text or json")
			}
			if database == "" {
				database = "cochef.db"
			}
			if !strings.Contains(database, "://") {
				if _, err := os.Stat(strings.TrimPrefix(database, "sqlite:")); err != nil {
					return usageErr("base %s introuvable (lancez d'abord cochef serve) / database %s not found (run cochef serve first)", database, database)
				}
			}
			st, err := store.Open(cmd.Context(), store.Options{DSN: database})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			defer st.Close()
			if comment != "" {
				return printComment(cmd, st, platform, comment, l)
			}
			evs, err := st.ListEvaluations(cmd.Context(), store.EvaluationFilter{Platform: platform, Repo: repo, NotReady: notReady, Limit: limit})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				for _, e := range evs {
					if err := enc.Encode(e); err != nil {
						return err
					}
				}
				return nil
			}
			return printAudit(cmd.OutOrStdout(), evs, l)
		},
	}
	f := cmd.Flags()
	f.StringVar(&database, "database", os.Getenv("COCHEF_DATABASE"), "SQLite file or postgres:// URL (default: COCHEF_DATABASE, else cochef.db)")
	f.StringVar(&platform, "platform", "", "github or gitlab")
	f.StringVar(&repo, "repo", "", "owner/name (GitLab: group/project)")
	f.BoolVar(&notReady, "not-ready", false, "only stories that are not ready")
	f.IntVar(&limit, "limit", 100, "at most this many stories")
	f.StringVar(&lang, "lang", envOr("COCHEF_LANG", "fr"), "fr or en")
	f.StringVar(&format, "format", "text", "text or json (JSON Lines)")
	f.StringVar(&comment, "comment", "", "print the stored comment of REPO#N")
	return cmd
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func printAudit(w io.Writer, evs []core.Evaluation, lang rules.Lang) error {
	words := map[rules.Lang][]string{
		rules.FR: {"ÉVALUÉ", "RÉCIT", "MODÈLE", "ÉTAT", "ERREURS", "AVERT.", "ÉTIQUETTES", "COMMENTAIRE", "prêt", "à compléter", "à blanc", "aucun", "Aucune évaluation enregistrée."},
		rules.EN: {"EVALUATED", "STORY", "TEMPLATE", "STATE", "ERRORS", "WARN.", "LABELS", "COMMENT", "ready", "needs work", "dry-run", "none", "No evaluation stored."},
	}[lang]
	if len(evs) == 0 {
		_, err := fmt.Fprintln(w, words[12])
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(words[:8], "\t"))
	for _, e := range evs {
		state := words[9]
		if e.Ready {
			state = words[8]
		}
		if e.Error != "" {
			state = "⚠ " + e.Error
		}
		var errs, warns int
		for _, f := range e.Findings {
			switch f.Severity {
			case rules.SeverityError:
				errs++
			case rules.SeverityWarning:
				warns++
			}
		}
		com := words[11]
		switch {
		case e.DryRun && e.Comment != "":
			com = words[10]
		case e.CommentID != 0:
			com = "#" + strconv.FormatInt(e.CommentID, 10)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", e.EvaluatedAt.Local().Format(time.DateTime),
			e.Ref.String(), e.Template, state, errs, warns, strings.Join(e.Labels, ", "), com)
	}
	return tw.Flush()
}

// printComment prints the stored comment of "repo#n".
func printComment(cmd *cobra.Command, st *store.Store, platform, target string, lang rules.Lang) error {
	repo, num, ok := strings.Cut(target, "#")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || repo == "" {
		return usageErr("--comment attend DÉPÔT#N / --comment expects REPO#N, got %q", target)
	}
	platforms := []string{core.GitHub, core.GitLab}
	if platform != "" {
		platforms = []string{platform}
	}
	for _, p := range platforms {
		e, err := st.LastEvaluation(cmd.Context(), core.IssueRef{Repo: core.Repo{Platform: p, FullName: repo}, Number: n})
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		if e != nil {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), e.Comment)
			return err
		}
	}
	if lang == rules.EN {
		return &exitError{code: 1, err: fmt.Errorf("no evaluation stored for %s", target)}
	}
	return &exitError{code: 1, err: fmt.Errorf("aucune évaluation enregistrée pour %s", target)}
}
