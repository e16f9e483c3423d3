package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
)

type previewOptions struct {
	platform, lang, format, templates string
	validators                        []string
	labels                            []string
}

func newRecettePreviewCmd() *cobra.Command {
	var o previewOptions
	cmd := &cobra.Command{
		Use:   "preview RÉCIT.md...",
		Short: "Montre la liste de recette qu'aurait une PR/MR fermant ces récits / preview a recette checklist",
		Long: `Montre ce que cochef écrirait sur une pull request (GitHub) ou une merge request (GitLab)
qui fermerait ces récits : la liste de recette telle qu'elle serait publiée (critères, règles
de gestion, mesures de sécurité et RGPD à vérifier), le statut cochef/recette et les
étiquettes. Rien n'est envoyé : c'est le même plan et le même rendu que le serveur, sans
plateforme. Les récits sont numérotés #1, #2… dans l'ordre des fichiers.

Shows what cochef would write on a pull request (GitHub) or merge request (GitLab) that
closes these stories: the recette checklist as it would be posted, the cochef/recette status
and the labels. Nothing is sent: the server's own plan and rendering, without a platform.`,
		Example: `  cochef recette preview examples/recette-usager.md examples/recette-admin.md
  cochef recette preview --platform gitlab --validator marie-po examples/recette-admin.md
  cochef recette preview --format json examples/gherkin-plan.md`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRecettePreview(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.platform, "platform", core.GitHub, "github ou gitlab : les mots et la forme de la plateforme / github or gitlab")
	f.StringVar(&o.lang, "lang", "", "langue de la liste : fr ou en (défaut : celle du premier récit) / checklist language")
	f.StringVar(&o.format, "format", "text", "sortie : text ou json / output format")
	f.StringArrayVar(&o.validators, "validator", nil, "qui valide (recette.validators), répétable / a validator's login, repeatable")
	f.StringArrayVar(&o.labels, "label", nil, "étiquette des récits, répétable ; choisit le modèle / story label, repeatable")
	f.StringVar(&o.templates, "templates", "", "fichier YAML de modèles en plus des modèles intégrés / extra templates file")
	return cmd
}

// previewStory is a story of the preview, as JSON shows it.
type previewStory struct {
	File  string             `json:"file"`
	Ref   string             `json:"ref"`
	Title string             `json:"title"`
	Items []core.RecetteItem `json:"items"`
}

type previewStatus struct {
	State       core.RecetteState `json:"state"`
	Title       string            `json:"title"`
	Summary     string            `json:"summary"`
	Text        string            `json:"text,omitempty"`
	Description string            `json:"description"`
}

type previewResult struct {
	Platform  string         `json:"platform"`
	Lang      rules.Lang     `json:"lang"`
	Stories   []previewStory `json:"stories"`
	Checklist string         `json:"checklist"`
	Status    previewStatus  `json:"status"`
	Labels    []string       `json:"labels"`
}

func runRecettePreview(cmd *cobra.Command, o previewOptions, args []string) error {
	lang, err := parseLang(o.lang)
	if err != nil {
		return err
	}
	ui := uiLang(lang)
	switch {
	case o.platform != core.GitHub && o.platform != core.GitLab:
		return usageErrL(ui, "--platform : github ou gitlab, pas « %s »", "--platform: github or gitlab, not %q", o.platform)
	case o.format != "text" && o.format != "json":
		return usageErrL(ui, "--format : « %s » n'est ni text ni json", "--format: %q is neither text nor json", o.format)
	case len(args) == 0:
		return usageErrL(ui, "donnez un ou plusieurs fichiers de récit (exemple : cochef recette preview examples/recette-admin.md)",
			"give one or more story files (example: cochef recette preview examples/recette-admin.md)")
	}
	set, err := loadTemplateSet(o.templates, ui)
	if err != nil {
		return err
	}
	repo := core.Repo{Platform: o.platform, FullName: "preview"}
	var stories []recette.Story
	for i, f := range args {
		data, err := readInput(cmd.InOrStdin(), f, ui)
		if err != nil {
			return err
		}
		title, body, _ := splitTitle(string(data))
		if strings.TrimSpace(title) == "" && strings.TrimSpace(body) == "" {
			return usageErrL(ui, "%s : récit vide", "%s: empty story", displayName(f))
		}
		// As the server: the labels, else the title's prefix ("Bug : …"),
		// else the body's form.
		story := rules.Input{Title: title, Body: body, Labels: o.labels}
		tpl := set.SelectFor(story)
		res := rules.Analyze(story, tpl, lang)
		stories = append(stories, recette.Story{Ref: core.IssueRef{Repo: repo, Number: i + 1}, Title: title, Result: res, Template: tpl})
	}
	// What the server does for a pull or merge request that closes these
	// stories: the model, then the plan of a first render.
	lang = recette.ModelLang(lang, stories)
	m := recette.Model(stories, lang)
	mr := core.MergeRequest{Ref: core.IssueRef{Repo: repo, Number: len(args) + 1, MergeRequest: true}, State: "open"}
	d, err := recette.Plan(recette.Input{
		MergeRequest: mr, Lang: lang, Settings: core.RecetteSettings{Validators: o.validators}, Model: m,
		Trigger: core.TriggerChanged, Threads: o.platform == core.GitLab,
	})
	if err != nil {
		return err
	}
	out := previewResult{
		Platform: o.platform, Lang: lang, Checklist: d.Checklist, Labels: core.LabelNames(d.Labels),
		Status: previewStatus{State: d.Status.State, Title: d.Status.Title, Summary: d.Status.Summary, Text: d.Status.Text, Description: d.Status.Description},
	}
	for i, s := range m.Stories {
		out.Stories = append(out.Stories, previewStory{File: args[i], Ref: fmt.Sprintf("#%d", s.Ref.Number), Title: s.Title, Items: s.Items})
	}
	if o.format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	printPreview(cmd.OutOrStdout(), out)
	return nil
}

// printPreview writes what each place would show, under a rule naming it.
func printPreview(w io.Writer, p previewResult) {
	s := func(fr, en string) string { return say(p.Lang, fr, en) }
	where := s("commentaire de la pull request", "pull request comment")
	status := "check run"
	if p.Platform == core.GitLab {
		where = s("premier message du fil de la merge request", "first note of the merge request's thread")
		status = s("statut du commit", "commit status")
	}
	fmt.Fprintf(w, "── %s (%s) ──\n%s\n\n", s("Liste de recette", "Recette checklist"), where, strings.TrimRight(p.Checklist, "\n"))
	state := map[core.RecetteState]string{
		core.RecettePending: s("en cours", "pending"), core.RecetteSuccess: s("validée", "success"), core.RecetteNeutral: s("neutre", "neutral"),
	}[p.Status.State]
	fmt.Fprintf(w, "── %s : %s (%s) ──\n", core.RecetteStatusName, status, state)
	if p.Platform == core.GitLab {
		fmt.Fprintln(w, p.Status.Description)
	} else {
		fmt.Fprintln(w, p.Status.Title)
		fmt.Fprintln(w, strings.TrimRight(p.Status.Summary, "\n"))
		if p.Status.Text != "" {
			fmt.Fprintln(w, strings.TrimRight(p.Status.Text, "\n"))
		}
	}
	labels := strings.Join(p.Labels, ", ")
	if labels == "" {
		labels = "–"
	}
	fmt.Fprintf(w, "\n── %s ──\n%s\n", s("Étiquettes", "Labels"), labels)
}
