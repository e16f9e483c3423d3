package backfill

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Formats are the report's formats, the first the default.
var Formats = []string{"text", "markdown", "csv", "json"}

// Write writes the report in format, its words in lang.
func Write(w io.Writer, rep Report, format string, lang rules.Lang) error {
	switch format {
	case "", "text":
		return writeText(w, rep, lang, false)
	case "markdown", "md":
		return writeText(w, rep, lang, true)
	case "csv":
		return writeCSV(w, rep, lang)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return fmt.Errorf("unknown format %q (%s)", format, strings.Join(Formats, ", "))
}

// words are the report's texts.
type words struct {
	repo, notReady, blocking, security, noCriteria, duplicates, none, and, more string
	storiesOf, ready                                                            func(n int) string
	// percent writes a share as the language does: "25 %" with a
	// non-breaking space in French, "25%" in English.
	percent string
	quote   func(string) string
}

var wordsFR = words{
	repo: "Dépôt", notReady: "à compléter", percent: "%d\u00a0%%",
	ready: func(n int) string {
		if n < 2 {
			return fmt.Sprintf("%d prêt", n)
		}
		return fmt.Sprintf("%d prêts", n)
	},
	quote:      func(s string) string { return "«\u00a0" + s + "\u00a0»" },
	blocking:   "Points bloquants les plus fréquents",
	security:   "Récits à faire relire par la sécurité",
	noCriteria: "Récits sans critères d'acceptation",
	duplicates: "Récits proches, doublons possibles",
	none:       "aucun", and: "et", more: "et %d autres",
	storiesOf: func(n int) string {
		if n < 2 {
			return fmt.Sprintf("%d récit", n)
		}
		return fmt.Sprintf("%d récits", n)
	},
}

var wordsEN = words{
	repo: "Repository", notReady: "not ready", percent: "%d%%",
	ready:      func(n int) string { return fmt.Sprintf("%d ready", n) },
	quote:      func(s string) string { return "“" + s + "”" },
	blocking:   "Most frequent blocking findings",
	security:   "Stories that need a security review",
	noCriteria: "Stories without acceptance criteria",
	duplicates: "Close stories, possible duplicates",
	none:       "none", and: "and", more: "and %d more",
	storiesOf: func(n int) string {
		if n == 1 {
			return "1 story"
		}
		return fmt.Sprintf("%d stories", n)
	},
}

func wordsFor(lang rules.Lang) words {
	if lang == rules.EN {
		return wordsEN
	}
	return wordsFR
}

// maxListed is how many stories a list of the text report names.
const maxListed = 20

var summaries = func() map[string]rules.Text {
	m := map[string]rules.Text{}
	for _, r := range rules.Rules() {
		m[r.ID] = r.Summary
	}
	return m
}()

func percent(n, of int) int {
	if of == 0 {
		return 0
	}
	return (100*n + of/2) / of
}

func writeText(w io.Writer, rep Report, lang rules.Lang, md bool) error {
	wd := wordsFor(lang)
	ref := func(repo Repo, n int) string { return "#" + strconv.Itoa(n) }
	list := func(repo Repo, ss []Story) string {
		if len(ss) == 0 {
			return wd.none
		}
		var parts []string
		for i, s := range ss {
			if i == maxListed {
				parts = append(parts, fmt.Sprintf(wd.more, len(ss)-maxListed))
				break
			}
			parts = append(parts, ref(repo, s.Number))
		}
		return strings.Join(parts, ", ")
	}
	var b strings.Builder
	for i, r := range rep.Repos {
		if i > 0 {
			b.WriteString("\n")
		}
		platform := platformName(r.Platform)
		head := fmt.Sprintf("%s %s (%s)", wd.repo, r.Repo, platform)
		line := fmt.Sprintf("%s, %s ("+wd.percent+"), %d %s", wd.storiesOf(r.Stories), wd.ready(r.Ready), percent(r.Ready, r.Stories), r.NotReady, wd.notReady)
		colon := colonOf(lang)
		if md {
			fmt.Fprintf(&b, "## %s\n\n%s\n\n", head, line)
		} else {
			fmt.Fprintf(&b, "%s%s %s\n", head, colon, line)
		}
		item := func(title, body string) {
			if md {
				fmt.Fprintf(&b, "- **%s**%s %s\n", title, colon, body)
			} else {
				fmt.Fprintf(&b, "  %s%s %s\n", title, colon, body)
			}
		}
		var blocking []string
		for _, c := range r.Blocking {
			name := c.Rule
			if md {
				name = "`" + c.Rule + "`"
			}
			if s := summaries[c.Rule].Get(lang); s != "" {
				name = fmt.Sprintf("%s (%s)", name, wd.quote(s))
			}
			blocking = append(blocking, fmt.Sprintf("%s%s %s", name, colonOf(lang), wd.storiesOf(c.Stories)))
		}
		if len(blocking) == 0 {
			item(wd.blocking, wd.none)
		} else if md {
			fmt.Fprintf(&b, "- **%s**%s\n", wd.blocking, colon)
			for _, l := range blocking {
				fmt.Fprintf(&b, "  - %s\n", l)
			}
		} else {
			fmt.Fprintf(&b, "  %s%s\n", wd.blocking, colon)
			for _, l := range blocking {
				fmt.Fprintf(&b, "    - %s\n", l)
			}
		}
		item(fmt.Sprintf("%s (%d)", wd.security, len(r.SecurityReview)), list(r, r.SecurityReview))
		item(fmt.Sprintf("%s (%d)", wd.noCriteria, len(r.NoCriteria)), list(r, r.NoCriteria))
		var pairs []string
		for j, p := range r.Duplicates {
			if j == maxListed {
				pairs = append(pairs, fmt.Sprintf(wd.more, len(r.Duplicates)-maxListed))
				break
			}
			pairs = append(pairs, fmt.Sprintf("%s %s %s", ref(r, p.A), wd.and, ref(r, p.B)))
		}
		if len(pairs) == 0 {
			pairs = []string{wd.none}
		}
		item(fmt.Sprintf("%s (%d)", wd.duplicates, len(r.Duplicates)), strings.Join(pairs, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// colonOf is a colon as the language writes it: French puts a
// non-breaking space before it.
func colonOf(lang rules.Lang) string {
	if lang == rules.EN {
		return ":"
	}
	return "\u00a0:"
}

func platformName(p string) string {
	switch p {
	case core.GitHub:
		return "GitHub"
	case core.GitLab:
		return "GitLab"
	}
	return p
}

// writeCSV writes one row per story, headers in lang, for a spreadsheet.
func writeCSV(w io.Writer, rep Report, lang rules.Lang) error {
	cw := csv.NewWriter(w)
	header := []string{"plateforme", "depot", "numero", "titre", "pret", "modele", "points_bloquants", "relecture_securite", "sans_criteres", "recit_proche", "url"}
	yes, no := "oui", "non"
	if lang == rules.EN {
		header = []string{"platform", "repository", "number", "title", "ready", "template", "blocking", "security_review", "no_criteria", "similar_story", "url"}
		yes, no = "yes", "no"
	}
	yn := func(b bool) string {
		if b {
			return yes
		}
		return no
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rep.Repos {
		near := map[int][]string{}
		for _, p := range r.Duplicates {
			near[p.A] = append(near[p.A], "#"+strconv.Itoa(p.B))
			near[p.B] = append(near[p.B], "#"+strconv.Itoa(p.A))
		}
		for _, s := range r.All {
			row := []string{r.Platform, r.Repo, strconv.Itoa(s.Number), csvSafe(s.Title), yn(s.Ready), s.Template,
				strings.Join(s.Blocking, " "), yn(s.SecurityReview), yn(s.NoCriteria), strings.Join(near[s.Number], " "), s.URL}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a title a spreadsheet would run as a formula text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
