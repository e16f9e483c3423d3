package dashboard

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cochef/cochef/rules"
)

// texts are every word of the page, in one language. A struct rather than
// a map: a text missing in one language is a field left empty, which
// TestTextsComplete finds, not a key silently absent.
type texts struct {
	Title, Intro, Skip, OtherLang                  string
	FilterLegend, Repo, AllRepos, Label, AllLabels string
	Apply, Reset                                   string
	Share, Trend, TrendWholeRepo, ChartData        string
	Week, ReadyCol, ShareCol                       string
	Blocking, Finding, Stories, NoBlocking         string
	Security, NoSecurity                           string
	Recettes, Recette, Progress, PV, NoRecettes    string
	StoryList, Story, State, BlockingCol           string
	NoStoriesYet, NoRepoStories                    string
	StateReady, StateNotReady, Yes                 string
	NoStories, Truncated, AsOf, NoTrend, Untitled  string
	ChartTitle                                     string
}

var textsFR = texts{
	Title:          "Tableau de préparation des récits",
	Intro:          "Où en sont les récits de chaque dépôt : ceux qui sont prêts, ce qui bloque les autres, ceux qu'il faut revoir avec le RSSI et les recettes en cours.",
	Skip:           "Aller au contenu",
	OtherLang:      "English",
	FilterLegend:   "Filtrer les récits",
	Repo:           "Dépôt",
	AllRepos:       "Tous les dépôts",
	Label:          "Étiquette",
	AllLabels:      "Toutes les étiquettes",
	Apply:          "Filtrer",
	Reset:          "Effacer les filtres",
	Share:          "Récits prêts",
	Trend:          "Évolution sur les dernières semaines",
	TrendWholeRepo: "L'évolution porte sur tout le dépôt, quelle que soit l'étiquette choisie.",
	ChartData:      "Données du graphique",
	Week:           "Semaine du",
	ReadyCol:       "Récits prêts",
	ShareCol:       "Part",
	Blocking:       "Constats bloquants les plus fréquents",
	Finding:        "Règle non respectée",
	Stories:        "Récits concernés",
	NoBlocking:     "Aucun constat bloquant.",
	Security:       "Récits en attente d'une revue de sécurité",
	NoSecurity:     "Aucun récit n'attend de revue de sécurité.",
	Recettes:       "Recettes en cours",
	Recette:        "Recette",
	Progress:       "Avancement",
	PV:             "Procès-verbal",
	NoRecettes:     "Aucune recette en cours.",
	StoryList:      "Tous les récits",
	Story:          "Récit",
	NoStoriesYet:   "Aucun récit n'a encore été évalué : le tableau se remplit à mesure que cochef évalue les tickets.",
	NoRepoStories:  "Aucun récit évalué dans ce dépôt.",
	State:          "État",
	BlockingCol:    "Constats bloquants",
	StateReady:     "prêt",
	StateNotReady:  "à compléter",
	Yes:            "oui",
	NoStories:      "Aucun récit évalué ne correspond à ces filtres.",
	Truncated:      "Seuls les %d premiers récits sont comptés : le tableau en lit au plus autant par page.",
	AsOf:           "Données au %s, heure UTC.",
	NoTrend:        "Pas encore assez d'évaluations pour tracer une évolution.",
	Untitled:       "(sans titre)",
	ChartTitle:     "Part des récits prêts, semaine par semaine : %s",
}

var textsEN = texts{
	Title:          "Story readiness dashboard",
	Intro:          "Where each repository's stories stand: which are ready, what blocks the others, which need a security review, and the open recettes.",
	Skip:           "Skip to content",
	OtherLang:      "Français",
	FilterLegend:   "Filter the stories",
	Repo:           "Repository",
	AllRepos:       "All repositories",
	Label:          "Label",
	AllLabels:      "All labels",
	Apply:          "Filter",
	Reset:          "Clear filters",
	Share:          "Stories ready",
	Trend:          "Trend over the last weeks",
	TrendWholeRepo: "The trend covers the whole repository, whatever the label chosen.",
	ChartData:      "Chart data",
	Week:           "Week of",
	ReadyCol:       "Stories ready",
	ShareCol:       "Share",
	Blocking:       "Most frequent blocking findings",
	Finding:        "Rule not met",
	Stories:        "Stories",
	NoBlocking:     "No blocking finding.",
	Security:       "Stories waiting for a security review",
	NoSecurity:     "No story is waiting for a security review.",
	Recettes:       "Open recettes",
	Recette:        "Recette",
	Progress:       "Progress",
	PV:             "Acceptance report",
	NoRecettes:     "No open recette.",
	StoryList:      "All stories",
	Story:          "Story",
	NoStoriesYet:   "No story has been evaluated yet: the dashboard fills up as cochef evaluates issues.",
	NoRepoStories:  "No evaluated story in this repository.",
	State:          "State",
	BlockingCol:    "Blocking findings",
	StateReady:     "ready",
	StateNotReady:  "needs work",
	Yes:            "yes",
	NoStories:      "No evaluated story matches these filters.",
	Truncated:      "Only the first %d stories are counted: the dashboard reads no more per page.",
	AsOf:           "Data as of %s, UTC.",
	NoTrend:        "Not enough evaluations yet to draw a trend.",
	Untitled:       "(untitled)",
	ChartTitle:     "Share of stories ready, week by week: %s",
}

func textsFor(lang rules.Lang) *texts {
	if lang == rules.EN {
		return &textsEN
	}
	return &textsFR
}

// words writes the sentences whose form depends on a number or a date.
type words struct{ lang rules.Lang }

func (w words) en() bool { return w.lang == rules.EN }

// number writes n with the language's thousands separator (French: a
// narrow no-break space).
func (w words) number(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	sep := "\u202f"
	if w.en() {
		sep = ","
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// percent writes a share: "43 %" (narrow no-break space) or "43%".
func (w words) percent(p int) string {
	if w.en() {
		return strconv.Itoa(p) + "%"
	}
	return strconv.Itoa(p) + "\u202f%"
}

// readyOf is "12 récits prêts sur 30" / "12 of 30 stories ready". French
// takes the singular below 2.
func (w words) readyOf(ready, total int) string {
	if w.en() {
		noun := "stories"
		if total == 1 {
			noun = "story"
		}
		return fmt.Sprintf("%s of %s %s ready", w.number(ready), w.number(total), noun)
	}
	if ready < 2 {
		return fmt.Sprintf("%s récit prêt sur %s", w.number(ready), w.number(total))
	}
	return fmt.Sprintf("%s récits prêts sur %s", w.number(ready), w.number(total))
}

// criteria is the recette's progress as its checklist titles it: "3/5
// critères validés", with the refusals after.
func (w words) criteria(done, total, refused int) string {
	var s string
	switch {
	case w.en() && total == 1:
		s = fmt.Sprintf("%d/%d criterion validated", done, total)
	case w.en():
		s = fmt.Sprintf("%d/%d criteria validated", done, total)
	case total <= 1:
		s = fmt.Sprintf("%d/%d critère validé", done, total)
	default:
		s = fmt.Sprintf("%d/%d critères validés", done, total)
	}
	switch {
	case refused == 0:
	case w.en():
		s += fmt.Sprintf(", %d refused", refused)
	case refused == 1:
		s += ", 1 refusé"
	default:
		s += fmt.Sprintf(", %d refusés", refused)
	}
	return s
}

// storyCount is "3 récits" / "3 stories".
func (w words) storyCount(n int) string {
	switch {
	case w.en() && n == 1:
		return "1 story"
	case w.en():
		return w.number(n) + " stories"
	case n < 2:
		return w.number(n) + " récit"
	}
	return w.number(n) + " récits"
}

// day is a short date: "30/11" or "Nov 30".
func (w words) day(t time.Time) string {
	if w.en() {
		return t.Format("Jan 2")
	}
	return t.Format("02/01")
}

// stamp is a date and time: "05/12/2026 18:40" or "2026-12-05 18:40".
func (w words) stamp(t time.Time) string {
	if w.en() {
		return t.UTC().Format("2006-01-02 15:04")
	}
	return t.UTC().Format("02/01/2006 15:04")
}

// trendDesc says in words what the chart draws, for those who do not see
// it: "De 20 % le 12/10 à 62 % le 30/11."
func (w words) trendDesc(first, last point) string {
	if w.en() {
		return fmt.Sprintf("From %s on %s to %s on %s.", w.percent(first.Percent), w.day(first.Day), w.percent(last.Percent), w.day(last.Day))
	}
	return fmt.Sprintf("De %s le %s à %s le %s.", w.percent(first.Percent), w.day(first.Day), w.percent(last.Percent), w.day(last.Day))
}

// tip is a point's title: "05/12 : 62 %" (no-break space before the
// colon in French) or "Dec 5: 62%".
func (w words) tip(p point) string {
	if w.en() {
		return w.day(p.Day) + ": " + w.percent(p.Percent)
	}
	return w.day(p.Day) + "\u00a0: " + w.percent(p.Percent)
}
