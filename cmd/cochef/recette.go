package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/store"
)

func newRecetteCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "recette",
		Short: "Recette des pull et merge requests / acceptance of pull and merge requests",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newRecetteReportCmd(), newRecettePreviewCmd())
	return cmd
}

type reportOptions struct {
	repo, platform, milestone, lang, database string
	format, output, product, release          string
	pr                                        int
}

func newRecetteReportCmd() *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Procès-verbal de recette en Markdown ou en PDF / acceptance report in Markdown or PDF",
		Long: `Écrit le procès-verbal de recette d'une pull request (GitHub) ou d'une merge request
(GitLab), ou de toutes celles d'un jalon, d'après le journal de validation que cochef tient :
récits, critères, qui a validé ou refusé quoi et quand, ce qui reste à valider, vérifications
de sécurité faites. En Markdown par défaut ; --format pdf l'écrit en PDF pour le dossier
d'homologation (produit, version, signatures), dans --output ou sur la sortie standard
redirigée.

Writes the acceptance report (procès-verbal de recette) of a pull or merge request, or of
every one of a milestone, from cochef's validation trail: Markdown, or PDF (--format pdf) laid
out for the homologation dossier, to --output or to a redirected standard output.`,
		Example: `  cochef recette report --repo octo-org/demarches --pr 7
  cochef recette report --platform gitlab --repo ministere/demarches --milestone v1.2 --lang en
  cochef recette report --repo octo-org/demarches --milestone v1.2 --format pdf --product "Démarches" --release 1.2.0 --output pv-v1.2.pdf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runRecetteReport(cmd, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.repo, "repo", "", "dépôt (owner/name) ou projet (group/project) / repository or project")
	fs.IntVar(&o.pr, "pr", 0, "numéro de la pull request ou merge request / pull or merge request number")
	fs.StringVar(&o.milestone, "milestone", "", "toutes les PR/MR de ce jalon / every PR/MR of this milestone")
	fs.StringVar(&o.platform, "platform", core.GitHub, "github ou gitlab")
	fs.StringVar(&o.lang, "lang", "fr", "langue du PV / language: fr or en")
	fs.StringVar(&o.database, "database", "", "base de cochef (défaut : $COCHEF_DATABASE, sinon cochef.db) / cochef's database")
	fs.StringVar(&o.format, "format", "markdown", "markdown ou pdf")
	fs.StringVar(&o.output, "output", "", "fichier où écrire le PV (défaut : la sortie standard) / file to write the report to")
	fs.StringVar(&o.product, "product", "", "nom du produit sur le PV (défaut : le dépôt) / product name on the report")
	fs.StringVar(&o.release, "release", "", "version livrée sur le PV / released version on the report")
	return cmd
}

func runRecetteReport(cmd *cobra.Command, o reportOptions) error {
	switch {
	case o.repo == "":
		return usageErr("--repo est requis / --repo is required")
	case (o.pr > 0) == (o.milestone != ""):
		return usageErr("donnez --pr ou --milestone, l'un des deux / give either --pr or --milestone")
	case o.platform != core.GitHub && o.platform != core.GitLab:
		return usageErr("--platform : github ou gitlab, pas %q / --platform: github or gitlab", o.platform)
	case o.lang != string(rules.FR) && o.lang != string(rules.EN):
		return usageErr("--lang : fr ou en, pas %q / --lang: fr or en", o.lang)
	case o.format != "markdown" && o.format != "pdf":
		return usageErr("--format : markdown ou pdf, pas %q / --format: markdown or pdf", o.format)
	case o.format == "pdf" && o.output == "" && isTerminal(cmd.OutOrStdout()):
		return usageErr("un PDF ne s'affiche pas dans un terminal : donnez --output FICHIER ou redirigez la sortie (> pv.pdf) / a PDF is no terminal output: give --output FILE or redirect")
	}
	dsn := o.database
	if dsn == "" {
		dsn = os.Getenv("COCHEF_DATABASE")
	}
	if dsn == "" {
		dsn = "cochef.db"
	}
	if !strings.Contains(dsn, "://") {
		// Opening a missing SQLite file would create an empty database.
		if _, err := os.Stat(strings.TrimPrefix(dsn, "sqlite:")); err != nil {
			return usageErr("base %s introuvable / database not found: %v", dsn, err)
		}
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	st, err := store.Open(ctx, store.Options{
		DSN:    dsn,
		Logger: slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		return err
	}
	defer st.Close()

	var recs []core.RecetteRecord
	if o.pr > 0 {
		ref := core.IssueRef{Repo: core.Repo{Platform: o.platform, FullName: o.repo}, Number: o.pr, MergeRequest: true}
		rec, err := st.LoadRecette(ctx, ref)
		if err != nil {
			return err
		}
		if rec == nil {
			// The stored name may differ in case from the one typed.
			all, err := st.Recettes(ctx, o.platform, o.repo, "")
			if err != nil {
				return err
			}
			for _, r := range all {
				if r.Ref.Number == o.pr {
					rec = &r
				}
			}
		}
		if rec == nil {
			return &exitError{code: 1, err: fmt.Errorf("aucune recette enregistrée pour %s / no recette recorded for it", ref)}
		}
		recs = []core.RecetteRecord{*rec}
	} else {
		if recs, err = st.Recettes(ctx, o.platform, o.repo, o.milestone); err != nil {
			return err
		}
		if len(recs) == 0 {
			return &exitError{code: 1, err: errors.New("aucune recette enregistrée pour ce jalon / no recette recorded for this milestone")}
		}
	}
	var in []recette.PVInput
	for _, r := range recs {
		trail, err := st.Validations(ctx, r.Ref)
		if err != nil {
			return err
		}
		in = append(in, recette.PVInput{Record: r, Trail: trail})
	}
	var pv []byte
	if o.format == "pdf" {
		product := o.product
		if product == "" {
			product = o.repo
		}
		pv, err = recette.RenderPVPDF(rules.Lang(o.lang), recette.PVHeader{Product: product, Release: o.release}, o.milestone, in)
	} else {
		var md string
		md, err = recette.RenderPV(rules.Lang(o.lang), o.milestone, in)
		pv = []byte(md)
	}
	if err != nil {
		return err
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, pv, 0o644); err != nil {
			return fmt.Errorf("--output : écriture impossible / cannot write: %w", err)
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "PV écrit dans %s (%d octets) / report written to %s\n", o.output, len(pv), o.output)
		return nil
	}
	_, err = cmd.OutOrStdout().Write(pv)
	return err
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
