package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// maxStoryBytes bounds what check reads: GitHub caps an issue body at
// 65,536 characters, so a bigger input is a wrong file, not a story.
const maxStoryBytes = 1 << 20

type checkOptions struct {
	lang      string
	format    string
	template  string
	labels    []string
	backlog   string
	templates string
}

func newCheckCmd() *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [FICHIER|DOSSIER|-]...",
		Short: "Vérifie des récits en Markdown (ou un backlog avec --backlog) / check stories",
		Long: `Vérifie un récit écrit en Markdown : une première ligne « # Titre » donne le titre.
« - » lit l'entrée standard. Plusieurs fichiers, ou un dossier (ses fichiers .md, sans ses
sous-dossiers), donnent un résultat par fichier (JSON Lines avec --format json). Avec
--backlog, le fichier contient un récit par ligne.
Code de sortie : 0 prêt, 1 pas prêt, 2 erreur d'usage ou d'entrée ; pour plusieurs
fichiers, le pire des codes.

Checks a story written in Markdown (a first line "# Title" is the title); "-" reads
standard input. Several files, or a folder (its .md files, not its subfolders), give one
result per file (JSON Lines with --format json). With --backlog, the file holds one story
per line.
Exit code: 0 ready, 1 not ready, 2 usage or input error; for several files, the worst.`,
		Example: `  cochef check examples/incomplet.md
  cochef check examples/pret.md examples/en-ready.md
  cochef check examples/
  cochef check --format json examples/`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.lang, "lang", "", "langue des messages : fr ou en (défaut : celle du récit) / message language")
	f.StringVar(&o.format, "format", "text", "sortie : text ou json / output format")
	f.StringVar(&o.template, "template", "", "modèle à utiliser (défaut : choisi par les étiquettes) / template name")
	f.StringArrayVar(&o.labels, "label", nil, "étiquette du ticket, répétable ; choisit le modèle / issue label, repeatable")
	f.StringVar(&o.backlog, "backlog", "", "fichier d'un récit par ligne (sortie JSON Lines) / one story per line")
	f.StringVar(&o.templates, "templates", "", "fichier YAML de modèles en plus des modèles intégrés / extra templates file")
	return cmd
}

// say picks the French or English form of a message the person reads.
func say(lang rules.Lang, fr, en string) string {
	if lang == rules.EN {
		return en
	}
	return fr
}

// usageErrL is a usage error in the person's language.
func usageErrL(lang rules.Lang, fr, en string, args ...any) error {
	return usageErr("%s", fmt.Sprintf(say(lang, fr, en), args...))
}

// parseLang validates --lang; empty means "the story's own language".
func parseLang(s string) (rules.Lang, error) {
	switch strings.ToLower(s) {
	case "":
		return "", nil
	case "fr":
		return rules.FR, nil
	case "en":
		return rules.EN, nil
	}
	return "", usageErr("--lang : « %s » n'est ni fr ni en / %q is neither fr nor en", s, s)
}

// uiLang is the language of the command's own words before a story is
// read: the one asked for, else French.
func uiLang(l rules.Lang) rules.Lang {
	if l == "" {
		return rules.FR
	}
	return l
}

// loadTemplateSet returns the built-in templates, plus those of file.
func loadTemplateSet(file string, lang rules.Lang) (*templates.Set, error) {
	set, err := templates.Builtin()
	if err != nil {
		return nil, fmt.Errorf("built-in templates: %w", err)
	}
	if file == "" {
		return set, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, usageErrL(lang, "--templates : lecture impossible : %v", "--templates: cannot read: %v", err)
	}
	out, err := set.Load(data, file)
	if err != nil {
		var es templates.Errors
		if errors.As(err, &es) {
			return nil, usageErr("%s", es.Localized(lang))
		}
		return nil, usageErr("%v", err)
	}
	return out, nil
}

func runCheck(cmd *cobra.Command, o checkOptions, args []string) error {
	lang, err := parseLang(o.lang)
	if err != nil {
		return err
	}
	ui := uiLang(lang)
	if o.format != "text" && o.format != "json" {
		return usageErrL(ui, "--format : « %s » n'est ni text ni json", "--format: %q is neither text nor json", o.format)
	}
	set, err := loadTemplateSet(o.templates, ui)
	if err != nil {
		return err
	}
	// --template decides; else the labels, else a story file's title
	// ("Bug : …" is a bug report), else its body's form, as on the
	// platforms.
	tmpl := set.SelectFor
	if o.template != "" {
		t, ok := set.Get(o.template)
		if !ok {
			return usageErrL(ui, "--template : modèle « %s » inconnu ; modèles : %s", "--template: unknown template %q; templates: %s",
				o.template, templateNames(set))
		}
		tmpl = func(rules.Input) *rules.Template { return t }
	}
	out := cmd.OutOrStdout()
	if o.backlog != "" {
		if len(args) > 0 {
			return usageErrL(ui, "--backlog et un fichier de récit s'excluent : donnez l'un ou l'autre",
				"--backlog and a story file exclude each other: give one or the other")
		}
		return checkBacklog(out, o, lang, tmpl)
	}
	if len(args) == 0 {
		return usageErrL(ui, "donnez un fichier de récit, ou « - » pour lire l'entrée standard (exemple : cochef check examples/pret.md)",
			"give a story file, or \"-\" to read standard input (example: cochef check examples/pret.md)")
	}
	if len(args) == 1 && !isDir(args[0]) {
		res, err := checkFile(cmd.InOrStdin(), args[0], o, lang, tmpl)
		if err != nil {
			return err
		}
		if o.format == "json" {
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(res); err != nil {
				return err
			}
		} else {
			newPrinter(out, res.Lang).story(res, 0)
		}
		if !res.Ready {
			return &exitError{code: 1}
		}
		return nil
	}
	return checkFiles(cmd, args, o, lang, tmpl)
}

// checkFile reads and analyses one story file ("-": standard input).
// tmpl picks the template for a story's title.
func checkFile(stdin io.Reader, arg string, o checkOptions, lang rules.Lang, tmpl func(rules.Input) *rules.Template) (rules.Result, error) {
	ui := uiLang(lang)
	data, err := readInput(stdin, arg, ui)
	if err != nil {
		return rules.Result{}, err
	}
	title, body, skipped := splitTitle(string(data))
	if strings.TrimSpace(title) == "" && strings.TrimSpace(body) == "" {
		return rules.Result{}, usageErrL(ui, "%s : récit vide", "%s: empty story", displayName(arg))
	}
	// Result.Lang is already --lang, else the story's, else French; its
	// lists are never nil (rules tests both).
	story := rules.Input{Title: title, Body: body, Labels: o.labels}
	res := rules.Analyze(story, tmpl(story), lang)
	toFileLines(&res, skipped)
	return res, nil
}

func templateNames(set *templates.Set) string {
	var names []string
	for _, t := range set.List() {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

func displayName(arg string) string {
	if arg == "-" {
		return "stdin"
	}
	return arg
}

// readInput reads a story file or standard input ("-"), bounded and
// checked to be text.
func readInput(stdin io.Reader, arg string, lang rules.Lang) ([]byte, error) {
	var r io.Reader
	if arg == "-" {
		r = stdin
	} else {
		f, err := os.Open(arg)
		if err != nil {
			return nil, usageErrL(lang, "lecture impossible : %v", "cannot read: %v", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, usageErrL(lang, "%s est un dossier, pas un fichier de récit", "%s is a directory, not a story file", arg)
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxStoryBytes+1))
	if err != nil {
		return nil, usageErrL(lang, "lecture impossible : %v", "cannot read: %v", err)
	}
	if len(data) > maxStoryBytes {
		return nil, usageErrL(lang, "%s : plus de %d octets, ce n'est pas un récit", "%s: over %d bytes, not a story", displayName(arg), maxStoryBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, notUTF8(arg, data, lang)
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), nil
}

// splitTitle takes a first line "# Title" (after blank lines) as the issue
// title; the rest is the body. Without one, the whole text is the body.
// skipped is the number of file lines before the body: the rules count
// lines from the body's start, the person reads the file.
func splitTitle(s string) (title, body string, skipped int) {
	rest := strings.TrimLeft(s, "\n\t ")
	first, after, _ := strings.Cut(rest, "\n")
	if t, ok := strings.CutPrefix(strings.TrimRight(first, " \t"), "# "); ok {
		skipped = strings.Count(s[:len(s)-len(rest)], "\n") + 1
		return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), "#")), after, skipped
	}
	return "", s, 0
}

// toFileLines turns the body lines of a result into file lines. Line 0
// (the title, or no line) stays 0.
func toFileLines(r *rules.Result, skipped int) {
	if skipped == 0 {
		return
	}
	shift := func(l *int) {
		if *l > 0 {
			*l += skipped
		}
	}
	shift(&r.Story.Line)
	for i := range r.CriteriaItems {
		shift(&r.CriteriaItems[i].Line)
	}
	for i := range r.Findings {
		shift(&r.Findings[i].Line)
	}
}

type backlogLine struct {
	line int
	text string
}

func checkBacklog(out io.Writer, o checkOptions, lang rules.Lang, tmpl func(rules.Input) *rules.Template) error {
	ui := uiLang(lang)
	f, err := os.Open(o.backlog)
	if err != nil {
		return usageErrL(ui, "--backlog : lecture impossible : %v", "--backlog: cannot read: %v", err)
	}
	defer f.Close()
	var lines []backlogLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), maxStoryBytes)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			fr, en := convertHint([]byte(text), o.backlog)
			return usageErr("%s", say(ui,
				fmt.Sprintf("%s:%d : la ligne n'est pas du texte UTF-8 ; %s", o.backlog, n, fr),
				fmt.Sprintf("%s:%d: the line is not UTF-8 text; %s", o.backlog, n, en)))
		}
		lines = append(lines, backlogLine{n, text})
	}
	if err := sc.Err(); err != nil {
		return usageErrL(ui, "--backlog : lecture impossible : %v", "--backlog: cannot read: %v", err)
	}
	if len(lines) == 0 {
		return usageErrL(ui, "%s : aucun récit (une ligne par récit ; lignes vides et « # » ignorées)",
			"%s: no story (one per line; blank and \"#\" lines are skipped)", o.backlog)
	}
	in := make([]rules.Input, len(lines))
	at := make([]int, len(lines))
	for i, l := range lines {
		in[i] = rules.Input{Title: l.text, Labels: o.labels}
		at[i] = l.line
	}
	results := rules.AnalyzeBacklogAt(in, at, sentenceOnly(tmpl(rules.Input{Labels: o.labels})), lang)
	ready := 0
	var p *printer
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for i := range results {
		if results[i].Ready {
			ready++
		}
		if o.format == "json" {
			if err := enc.Encode(results[i]); err != nil {
				return err
			}
			continue
		}
		if p == nil {
			p = newPrinter(out, results[i].Lang)
		}
		p.story(results[i], lines[i].line)
	}
	if p != nil {
		p.summary(ready, len(results))
	}
	if ready < len(results) {
		return &exitError{code: 1}
	}
	return nil
}

// bodyRules judge an issue's body. A backlog line has none, so in a backlog
// they would fail every story alike and hide what the backlog check is
// for: the sentences and how they compare.
var bodyRules = []string{
	"acceptance-criteria-missing", "acceptance-criteria-vague", "gherkin-incomplete",
	"section-missing", "section-empty", "template-placeholder",
}

// sentenceOnly returns a copy of t with the body rules off.
func sentenceOnly(t *rules.Template) *rules.Template {
	c := *t
	c.Rules = make(map[string]rules.RuleSetting, len(t.Rules)+len(bodyRules))
	maps.Copy(c.Rules, t.Rules)
	off := false
	for _, id := range bodyRules {
		c.Rules[id] = rules.RuleSetting{Enabled: &off}
	}
	return &c
}
