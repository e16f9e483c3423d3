package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/cochef/cochef/backfill"
	"github.com/cochef/cochef/rules"
)

// progress shows where a backfill stands: a bar redrawn in place on a
// terminal (count, rate, time left), a plain line every logEvery issues
// otherwise (a CI log, a file), nothing with --quiet; and a summary at the
// end, unless quiet.
type progress struct {
	w     io.Writer
	lang  rules.Lang
	quiet bool
	tty   bool
	last  backfill.Progress
	drawn time.Time
}

// logEvery is how many issues a plain progress line stands for.
const logEvery = 50

func newProgress(w io.Writer, lang rules.Lang, quiet bool) *progress {
	p := &progress{w: w, lang: lang, quiet: quiet}
	if f, ok := w.(*os.File); ok {
		p.tty = isatty.IsTerminal(f.Fd())
	}
	return p
}

func (p *progress) update(pr backfill.Progress) {
	p.last = pr
	if p.quiet {
		return
	}
	if p.tty {
		// At most ten redraws a second: a terminal is slow to scroll.
		if time.Since(p.drawn) < 100*time.Millisecond && pr.Done < pr.Total {
			return
		}
		p.drawn = time.Now()
		fmt.Fprintf(p.w, "\r%s\033[K", p.bar(pr))
		return
	}
	if pr.Done%logEvery == 0 {
		fmt.Fprintln(p.w, p.line(pr))
	}
}

// rate is issues a second, and the time left at that rate.
func rate(pr backfill.Progress) (float64, time.Duration) {
	secs := pr.Elapsed.Seconds()
	if secs <= 0 || pr.Done == 0 {
		return 0, 0
	}
	r := float64(pr.Done) / secs
	left := time.Duration(float64(pr.Total-pr.Done) / r * float64(time.Second))
	return r, left.Round(time.Second)
}

func (p *progress) bar(pr backfill.Progress) string {
	const width = 30
	filled := 0
	if pr.Total > 0 {
		filled = width * pr.Done / pr.Total
	}
	r, left := rate(pr)
	return fmt.Sprintf("[%s%s] %d/%d  %s  %s", strings.Repeat("█", filled), strings.Repeat("░", width-filled),
		pr.Done, pr.Total, p.rateText(r), p.leftText(left))
}

func (p *progress) line(pr backfill.Progress) string {
	r, left := rate(pr)
	return fmt.Sprintf("%s %d/%d (%s) — %s, %s", pr.Repo, pr.Done, pr.Total,
		say(p.lang, fmt.Sprintf("%d évalués, %d à jour", pr.Evaluated, pr.UpToDate),
			fmt.Sprintf("%d evaluated, %d up to date", pr.Evaluated, pr.UpToDate)),
		p.rateText(r), p.leftText(left))
}

func (p *progress) rateText(r float64) string {
	if p.lang == rules.EN {
		return fmt.Sprintf("%.1f issues/s", r)
	}
	return strings.Replace(fmt.Sprintf("%.1f tickets/s", r), ".", ",", 1)
}

func (p *progress) leftText(d time.Duration) string {
	return say(p.lang, "reste "+d.String(), d.String()+" left")
}

// finish ends the bar's line and prints the summary.
func (p *progress) finish(rep backfill.Report) {
	if p.quiet {
		return
	}
	if p.tty && p.last.Total > 0 {
		fmt.Fprintln(p.w)
	}
	mode := say(p.lang, "rapport seul, rien écrit sur la plateforme", "report only, nothing written to the platform")
	if rep.Apply {
		mode = say(p.lang, "appliqué", "applied")
	}
	el := rep.Elapsed.Round(10 * time.Millisecond)
	if p.lang == rules.EN {
		fmt.Fprintf(p.w, "Done in %s (%s): %s read, %d evaluated, %d already up to date, %d closed, %d being evaluated by the server, %d failed; %s and %s for the evaluations.\n",
			el, mode, plural(rep.Listed, "issue", "issues"), rep.Evaluated, rep.UpToDate, rep.Closed, rep.Busy, rep.Failed,
			plural(rep.Reads, "read", "reads"), plural(rep.Writes, "write", "writes"))
		return
	}
	fmt.Fprintf(p.w, "Terminé en %s (%s)\u00a0: %s, %s, %s à jour, %s, %s côté serveur, %s\u00a0; %s et %s pour les évaluations.\n",
		el, mode, pluralFR(rep.Listed, "ticket lu", "tickets lus"), pluralFR(rep.Evaluated, "évalué", "évalués"),
		pluralFR(rep.UpToDate, "déjà", "déjà"), pluralFR(rep.Closed, "fermé", "fermés"), pluralFR(rep.Busy, "en cours", "en cours"),
		pluralFR(rep.Failed, "en échec", "en échec"), pluralFR(rep.Reads, "lecture", "lectures"), pluralFR(rep.Writes, "écriture", "écritures"))
}

// plural is "1 issue", "2 issues", "0 issues".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// pluralFR is "0 écriture", "1 écriture", "2 écritures": French keeps
// the singular below two.
func pluralFR(n int, one, many string) string {
	if n < 2 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
