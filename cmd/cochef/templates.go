package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

type templatesOptions struct {
	lang      string
	templates string
}

func newTemplatesCmd() *cobra.Command {
	var o templatesOptions
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Liste, affiche et exporte les modèles de récit / list, show and export story templates",
		Long: `Les modèles disent quelles sections un récit doit avoir, selon ses étiquettes, son profil
et ses sujets. Format YAML : docs/templates.md.

Templates say which sections a story needs, by its labels, role and topics.
YAML format: docs/templates.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&o.lang, "lang", "fr", "langue : fr ou en / language")
	pf.StringVar(&o.templates, "templates", "", "fichier YAML de modèles en plus des modèles intégrés / extra templates file")
	cmd.AddCommand(newTemplatesListCmd(&o), newTemplatesShowCmd(&o), newTemplatesExportCmd(&o))
	return cmd
}

// setup validates the shared flags and loads the templates.
func (o *templatesOptions) setup() (rules.Lang, *templates.Set, error) {
	lang, err := parseLang(o.lang)
	if err != nil {
		return "", nil, err
	}
	lang = uiLang(lang)
	set, err := loadTemplateSet(o.templates, lang)
	return lang, set, err
}

func newTemplatesListCmd(o *templatesOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "Liste les modèles / list templates",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, set, err := o.setup()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, say(lang, "NOM\tTITRE\tÉTIQUETTES", "NAME\tTITLE\tLABELS"))
			for _, t := range set.List() {
				labels := strings.Join(t.Labels, ", ")
				if t.Default {
					labels = say(lang, "(par défaut) ", "(default) ") + labels
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Name, t.Title.Get(lang), labels)
			}
			return tw.Flush()
		},
	}
}

func newTemplatesShowCmd(o *templatesOptions) *cobra.Command {
	var markdown bool
	cmd := &cobra.Command{
		Use:   "show NOM",
		Short: "Affiche un modèle : sections, profils, sujets / show a template",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, set, err := o.setup()
			if err != nil {
				return err
			}
			t, ok := set.Get(args[0])
			if !ok {
				return usageErrL(lang, "modèle « %s » inconnu ; modèles : %s", "unknown template %q; templates: %s", args[0], templateNames(set))
			}
			if markdown {
				_, err := io.WriteString(cmd.OutOrStdout(), templates.Markdown(t, lang))
				return err
			}
			return showTemplate(cmd.OutOrStdout(), t, lang)
		},
	}
	cmd.Flags().BoolVar(&markdown, "markdown", false, "affiche le corps Markdown à coller dans un ticket / print the Markdown body to paste")
	return cmd
}

func showTemplate(out io.Writer, t *rules.Template, lang rules.Lang) error {
	var b strings.Builder
	s := func(fr, en string) string { return say(lang, fr, en) }
	fmt.Fprintf(&b, "%s — %s\n", t.Name, t.Title.Get(lang))
	if d := t.Description.Get(lang); d != "" {
		fmt.Fprintf(&b, "%s\n", d)
	}
	if t.Default {
		fmt.Fprintln(&b, s("Modèle par défaut (quand aucune étiquette n'en choisit un autre).", "Default template (when no label selects another)."))
	}
	if len(t.Labels) > 0 {
		fmt.Fprintf(&b, "%s %s\n", s("Étiquettes :", "Labels:"), strings.Join(t.Labels, ", "))
	}
	// Why an unlabelled ticket with no story sentence takes it.
	if len(t.TitleWords) > 0 {
		fmt.Fprintf(&b, "%s %s\n", s("Choisi sans étiquette ni phrase de récit quand le titre commence par :", "Chosen, with no label and no story sentence, when the title opens with:"), strings.Join(t.TitleWords, ", "))
	}
	if t.TitleQuestion {
		fmt.Fprintln(&b, s("Choisi sans étiquette ni phrase de récit quand le titre pose une question (« … ? »).", "Chosen, with no label and no story sentence, when the title asks a question (“…?”)."))
	}

	fmt.Fprintf(&b, "\n%s\n", s("Sections", "Sections"))
	for _, sec := range t.Sections {
		fmt.Fprintf(&b, "  %s — %s [%s]\n", sec.ID, sec.Title.Get(lang), sec.Kind)
		fmt.Fprintf(&b, "    %s\n", templates.RequiredText(t, sec.RequiredWhen, lang))
		if sec.IgnoreTopics {
			fmt.Fprintf(&b, "    %s\n", s("Son texte ne rend pas le récit sensible (scan_topics: false).", "Its text does not make the story sensitive (scan_topics: false)."))
		}
		if sec.Lead {
			fmt.Fprintf(&b, "    %s\n", s("Sans titre qui la nomme, le texte qui ouvre le ticket la remplit (lead: true).", "With no heading naming it, the text that opens the ticket fills it (lead: true)."))
		}
		if len(sec.Aliases) > 0 {
			fmt.Fprintf(&b, "    %s %s\n", s("Titres reconnus :", "Headings:"), strings.Join(sec.Aliases, " · "))
		}
	}

	if len(t.Personas) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s("Profils", "Personas"))
		for _, p := range t.Personas {
			var flags []string
			if p.Privileged {
				flags = append(flags, s("à privilèges : notes de sécurité, revue de sécurité", "privileged: security notes, security review"))
			}
			if p.Citizen {
				flags = append(flags, s("usager : accessibilité (RGAA)", "citizen-facing: accessibility (RGAA)"))
			}
			if len(p.Requires) > 0 {
				flags = append(flags, s("exige ", "requires ")+strings.Join(p.Requires, ", "))
			}
			tag := ""
			if len(flags) > 0 {
				tag = " (" + strings.Join(flags, " ; ") + ")"
			}
			fmt.Fprintf(&b, "  %s%s\n    %s\n", p.ID, tag, strings.Join(p.Names, ", "))
		}
	}

	if len(t.Topics) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s("Sujets sensibles", "Sensitive topics"))
		for _, tp := range t.Topics {
			var asks []string
			if tp.Has(templates.CategoryPersonalData) {
				asks = append(asks, s("données personnelles → section RGPD", "personal data → GDPR section"))
			}
			if tp.Has(templates.CategorySecurity) {
				asks = append(asks, s("sécurité → notes de sécurité", "security → security notes"))
			}
			cat := strings.Join(asks, " ; ")
			fmt.Fprintf(&b, "  %s (%s)\n", tp.ID, cat)
			if len(tp.Keywords) > 0 {
				fmt.Fprintf(&b, "    %s %s\n", s("mots-clés :", "keywords:"), strings.Join(tp.Keywords, ", "))
			}
			if len(tp.Acronyms) > 0 {
				fmt.Fprintf(&b, "    %s %s\n", s("sigles :", "acronyms:"), strings.Join(tp.Acronyms, ", "))
			}
			if tp.Detail {
				fmt.Fprintf(&b, "    %s\n", s("donnée personnelle : un récit qui ne fait que la modifier demande la section RGPD, pas de notes de sécurité",
					"a person's detail: a story that only changes it asks for the GDPR section, not for security notes"))
			}
			if tp.OwnData {
				fmt.Fprintf(&b, "    %s\n", s("ce qui appartient à la personne (« joindre mon bail ») demande aussi la section RGPD",
					"something of the person's own (\"upload my certificate\") also asks for the GDPR section"))
			}
		}
	}

	if len(t.SecurityChecklist) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s("Questions de sécurité", "Security checklist"))
		for i, q := range t.SecurityChecklist {
			fmt.Fprintf(&b, "  %2d. %s\n", i+1, q.Get(lang))
		}
	}
	if terms := t.VagueTerms[lang]; len(terms) > 0 {
		fmt.Fprintf(&b, "\n%s\n  %s\n", s("Termes vagues", "Vague terms"), strings.Join(terms, ", "))
	}
	if len(t.Rules) > 0 {
		fmt.Fprintf(&b, "\n%s\n", s("Règles modifiées", "Rule overrides"))
		for _, id := range slices.Sorted(maps.Keys(t.Rules)) {
			r := t.Rules[id]
			var parts []string
			if r.Enabled != nil && !*r.Enabled {
				parts = append(parts, s("désactivée", "off"))
			}
			if r.Severity != "" {
				parts = append(parts, string(r.Severity))
			}
			fmt.Fprintf(&b, "  %s: %s\n", id, strings.Join(parts, ", "))
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func newTemplatesExportCmd(o *templatesOptions) *cobra.Command {
	var platform, dir, only string
	var force bool
	cmd := &cobra.Command{
		Use:   "export --platform github|gitlab --dir DOSSIER",
		Short: "Écrit les modèles en formulaires GitHub ou modèles GitLab / write GitHub issue forms or GitLab templates",
		Long: `Écrit chaque modèle dans DOSSIER : .github/ISSUE_TEMPLATE/<nom>.yml (formulaire GitHub,
sections toujours obligatoires marquées « required ») ou .gitlab/issue_templates/<nom>.md
(modèle de description GitLab, instructions en commentaires HTML). Affiche les chemins écrits.

Writes each template under DIR as a GitHub issue form or a GitLab description template,
and prints the paths written.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, set, err := o.setup()
			if err != nil {
				return err
			}
			var export func(*rules.Template, rules.Lang) (string, []byte, error)
			switch platform {
			case "github":
				export = templates.ExportGitHub
			case "gitlab":
				export = templates.ExportGitLab
			case "":
				return usageErrL(lang, "--platform est obligatoire : github ou gitlab", "--platform is required: github or gitlab")
			default:
				return usageErrL(lang, "--platform : « %s » n'est ni github ni gitlab", "--platform: %q is neither github nor gitlab", platform)
			}
			if dir == "" {
				return usageErrL(lang, "--dir est obligatoire (la racine du dépôt, par exemple « . »)", "--dir is required (the repository root, e.g. \".\")")
			}
			list := set.List()
			if only != "" {
				t, ok := set.Get(only)
				if !ok {
					return usageErrL(lang, "--template : modèle « %s » inconnu ; modèles : %s", "--template: unknown template %q; templates: %s", only, templateNames(set))
				}
				list = []*rules.Template{t}
			}
			// Export everything first: a template that cannot be exported
			// leaves no half-written directory.
			type file struct {
				path string
				data []byte
			}
			var files []file
			for _, t := range list {
				rel, data, err := export(t, lang)
				if err != nil {
					return usageErr("%v", err)
				}
				files = append(files, file{filepath.Join(dir, filepath.FromSlash(rel)), data})
			}
			if !force {
				for _, f := range files {
					old, err := os.ReadFile(f.path)
					if errors.Is(err, fs.ErrNotExist) {
						continue
					}
					if err != nil {
						return usageErrL(lang, "lecture impossible : %v", "cannot read: %v", err)
					}
					// A file export did not write is someone's: kept
					// unless --force.
					if !templates.Exported(old) {
						return usageErrL(lang, "%s existe et n'a pas été écrit par cochef ; --force pour le remplacer",
							"%s exists and was not written by cochef; --force replaces it", f.path)
					}
				}
			}
			for _, f := range files {
				if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
					return usageErrL(lang, "écriture impossible : %v", "cannot write: %v", err)
				}
				if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
					return usageErrL(lang, "écriture impossible : %v", "cannot write: %v", err)
				}
				fmt.Fprintln(cmd.OutOrStdout(), f.path)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&platform, "platform", "", "github ou gitlab")
	f.StringVar(&dir, "dir", "", "racine du dépôt où écrire / repository root to write into")
	f.StringVar(&only, "template", "", "n'exporte que ce modèle / export only this template")
	f.BoolVar(&force, "force", false, "remplace aussi les fichiers écrits à la main / also replace hand-written files")
	return cmd
}
