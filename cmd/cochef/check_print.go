package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/cochef/cochef/rules"
)

// printer writes results for a person in a terminal: grouped by severity,
// each finding with its fix, in colour only on a terminal without NO_COLOR.
type printer struct {
	w     io.Writer
	lang  rules.Lang
	color bool
}

func newPrinter(w io.Writer, lang rules.Lang) *printer {
	return &printer{w: w, lang: lang, color: useColor(w, os.Getenv)}
}

// useColor follows https://no-color.org: any non-empty NO_COLOR turns
// colour off, as does a writer that is not a terminal or TERM=dumb.
func useColor(w io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

func (p *printer) paint(code, s string) string {
	if !p.color {
		return s
	}
	return code + s + ansiReset
}

func (p *printer) say(fr, en string) string { return say(p.lang, fr, en) }

var severityOrder = []rules.Severity{rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo}

func (p *printer) severityHeading(s rules.Severity, n int) string {
	switch s {
	case rules.SeverityError:
		return p.paint(ansiRed+ansiBold, fmt.Sprintf(p.say("Erreurs (%d)", "Errors (%d)"), n))
	case rules.SeverityWarning:
		return p.paint(ansiYellow+ansiBold, fmt.Sprintf(p.say("Avertissements (%d)", "Warnings (%d)"), n))
	}
	return p.paint(ansiCyan+ansiBold, fmt.Sprintf(p.say("Informations (%d)", "Notes (%d)"), n))
}

func (p *printer) story(r rules.Result, line int) {
	w := p.w
	title := r.Title
	if title == "" {
		title = p.say("(sans titre)", "(untitled)")
	}
	if line > 0 {
		title = fmt.Sprintf(p.say("ligne %d : %s", "line %d: %s"), line, title)
	}
	fmt.Fprintf(w, "%s  %s\n", p.paint(ansiBold, title), p.paint(ansiDim, fmt.Sprintf(p.say("(modèle %s)", "(template %s)"), r.Template)))
	counts := map[rules.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	if r.Ready {
		verdict := p.say("✓ Prêt", "✓ Ready")
		if n := counts[rules.SeverityWarning]; n > 0 {
			verdict += " — " + p.say(pluralFR(n, "avertissement", "avertissements"), plural(n, "warning", "warnings"))
		}
		fmt.Fprintln(w, p.paint(ansiGreen+ansiBold, verdict))
	} else {
		e, warn := counts[rules.SeverityError], counts[rules.SeverityWarning]
		fmt.Fprintln(w, p.paint(ansiRed+ansiBold, p.say(
			"✗ Pas prêt — "+pluralFR(e, "erreur", "erreurs")+", "+pluralFR(warn, "avertissement", "avertissements"),
			"✗ Not ready — "+plural(e, "error", "errors")+", "+plural(warn, "warning", "warnings"))))
	}
	if s := r.Story; s.Role != "" || s.Action != "" {
		fmt.Fprintf(w, "  %s %s\n", p.say("Profil :", "Role:"), orDash(s.Role))
		fmt.Fprintf(w, "  %s %s\n", p.say("Action :", "Action:"), orDash(s.Action))
		fmt.Fprintf(w, "  %s %s\n", p.say("Bénéfice :", "Benefit:"), orDash(s.Benefit))
	}
	if len(r.Sensitive) > 0 {
		fmt.Fprintf(w, "  %s %s\n", p.say("Sujets sensibles :", "Sensitive topics:"), strings.Join(r.Sensitive, ", "))
	}
	if r.SecurityReview {
		fmt.Fprintf(w, "  %s\n", p.paint(ansiYellow, p.say("Revue de sécurité demandée", "Security review requested")))
	}
	if r.Criteria.Count > 0 {
		fmt.Fprintf(w, "  %s\n", fmt.Sprintf(p.say("Critères : %d (Gherkin : %d, cochés : %d)", "Criteria: %d (Gherkin: %d, checked: %d)"),
			r.Criteria.Count, r.Criteria.Gherkin, r.Criteria.Checked))
	}
	for _, sev := range severityOrder {
		if counts[sev] == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", p.severityHeading(sev, counts[sev]))
		for _, f := range r.Findings {
			if f.Severity != sev {
				continue
			}
			where := ""
			if f.Line > 0 {
				where = fmt.Sprintf(p.say(" (ligne %d)", " (line %d)"), f.Line)
			}
			fmt.Fprintf(w, "  • %s%s %s\n", p.paint(ansiDim, "["+f.Rule+"]"), where, f.Message)
			if fix := strings.TrimRight(f.Fix, "\n"); fix != "" {
				fmt.Fprintf(w, "    %s\n", p.paint(ansiDim, p.say("Correctif :", "Fix:")))
				for _, l := range strings.Split(fix, "\n") {
					fmt.Fprintf(w, "      %s\n", l)
				}
			}
		}
	}
	fmt.Fprintln(w)
}

func (p *printer) summary(ready, total int) {
	msg := p.say(pluralFR(ready, "récit prêt", "récits prêts")+fmt.Sprintf(" sur %d", total), fmt.Sprintf("%d of %d stories ready", ready, total))
	if ready == total {
		fmt.Fprintln(p.w, p.paint(ansiGreen+ansiBold, msg))
		return
	}
	fmt.Fprintln(p.w, p.paint(ansiBold, msg))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
