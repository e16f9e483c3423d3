package feedback_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/internal/copycheck"
	"github.com/cochef/cochef/internal/judgment"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// The comments cochef writes on the golden stories of rules/testdata
// (rules' own test cases, one per shape a story takes), in a repository
// where the built-in templates were exported as forms, are kept in
// testdata/comments, one file per story with the GitHub and the GitLab
// comment: a change of wording or layout shows in the diff, to be read as
// the product owner will read it. `go test ./feedback -run
// TestGoldenComments -update` rewrites them.

var update = flag.Bool("update", false, "rewrite testdata/comments")

type goldenStory struct {
	name   string
	title  string
	body   string
	labels []string
	lang   rules.Lang
}

// goldenStories reads rules/testdata/golden/*.md: an optional first line
// "<!-- golden: labels=a,b lang=en -->", then "# Title", then the body.
func goldenStories(t testing.TB) []goldenStory {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "rules", "testdata", "golden", "*.md"))
	if err != nil || len(files) < 20 {
		t.Fatalf("golden stories: %d files, %v", len(files), err)
	}
	var out []goldenStory
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := goldenStory{name: strings.TrimSuffix(filepath.Base(f), ".md")}
		s := string(data)
		if rest, ok := strings.CutPrefix(s, "<!-- golden:"); ok {
			head, body, _ := strings.Cut(rest, "-->")
			for _, field := range strings.Fields(head) {
				k, v, _ := strings.Cut(field, "=")
				switch k {
				case "labels":
					g.labels = strings.Split(v, ",")
				case "lang":
					g.lang = rules.Lang(v)
				}
			}
			s = strings.TrimLeft(body, "\n")
		}
		if rest, ok := strings.CutPrefix(s, "# "); ok {
			g.title, s, _ = strings.Cut(rest, "\n")
		}
		g.body = s
		out = append(out, g)
	}
	return out
}

func defaultSettings(t testing.TB) core.Settings {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return core.Settings{Labels: core.DefaultLabels(), Templates: set}
}

// exportedForms are the forms of a repository where the team exported
// the built-in templates (`cochef templates export`), as the adapters
// list them: the comments link them.
func exportedForms(s core.Settings, platform string) []core.IssueTemplate {
	var out []core.IssueTemplate
	for _, tpl := range s.Templates.List() {
		u := "https://github.com/octo-org/demarches/issues/new?template=" + tpl.Name + ".yml"
		if platform == core.GitLab {
			u = "https://gitlab.example.gouv.fr/octo-org/demarches/-/issues/new?issuable_template=" + tpl.Name
		}
		out = append(out, core.IssueTemplate{Name: tpl.Name, URL: u})
	}
	return out
}

// plan plans the story on platform, its comment in lang ("" for the
// story's own language).
func plan(t testing.TB, s core.Settings, platform string, title, body string, labels []string, lang rules.Lang) feedback.Desired {
	t.Helper()
	s.Lang = lang
	is := core.Issue{
		Ref:   core.IssueRef{Repo: core.Repo{Platform: platform, FullName: "octo-org/demarches"}, Number: 7},
		Title: title, Body: body, Labels: labels, State: "open",
	}
	d, err := feedback.Plan(feedback.Input{Issue: is, Settings: s, Forms: exportedForms(s, platform)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestGoldenComments(t *testing.T) {
	s := defaultSettings(t)
	dir := filepath.Join("testdata", "comments")
	seen := map[string]bool{}
	for _, g := range goldenStories(t) {
		name := g.name + ".txtar"
		seen[name] = true
		var a txtar.Archive
		var head []string
		for _, platform := range []string{core.GitHub, core.GitLab} {
			d := plan(t, s, platform, g.title, g.body, g.labels, g.lang)
			note := fmt.Sprintf("%s: %d characters", platform, utf8.RuneCountInString(d.Comment))
			if d.Quiet {
				note = platform + ": nothing to say, no comment is created (an existing one becomes this)"
			}
			head = append(head, note)
			a.Files = append(a.Files, txtar.File{Name: platform + ".md", Data: []byte(d.Comment + "\n")})
		}
		a.Comment = []byte("The feedback comments on rules/testdata/golden/" + g.name + ".md.\n" + strings.Join(head, "\n") + "\n")
		got := txtar.Format(&a)
		path := filepath.Join(dir, name)
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run with -update)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file (go test ./feedback -run TestGoldenComments -update, then read the diff):\n%s", name, got)
		}
	}
	// A golden file whose story is gone is stale.
	files, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			if *update {
				os.Remove(f)
				continue
			}
			t.Errorf("%s: no golden story of that name any more", f)
		}
	}
}

// commentSizes are the sizes, in characters, of the comments cochef
// writes on the golden stories (those it has something to say about),
// sorted.
func commentSizes(t testing.TB, platform string) []int {
	s := defaultSettings(t)
	var sizes []int
	for _, g := range goldenStories(t) {
		d := plan(t, s, platform, g.title, g.body, g.labels, g.lang)
		if !d.Quiet {
			sizes = append(sizes, utf8.RuneCountInString(d.Comment))
		}
	}
	slices.Sort(sizes)
	return sizes
}

// A comment the product owner reads at every edit stays short: the
// blocking points and their fixes, what to improve, never the whole
// template. The bound has room for a story that misses every conditional
// section, security questions included (the largest today). `go test
// ./feedback -run TestCommentSizes -v` prints the figures the README
// reports.
func TestCommentSizes(t *testing.T) {
	const maxLargest, maxMedian = 3500, 1500
	for _, platform := range []string{core.GitHub, core.GitLab} {
		sizes := commentSizes(t, platform)
		if len(sizes) < 20 {
			t.Fatalf("%s: %d comments, want most golden stories", platform, len(sizes))
		}
		median, largest := sizes[len(sizes)/2], sizes[len(sizes)-1]
		t.Logf("%s: %d comments over the golden stories, median %d characters, largest %d", platform, len(sizes), median, largest)
		if largest > maxLargest || median > maxMedian {
			t.Errorf("%s: median %d, largest %d characters; the comment must stay under %d (median %d)", platform, median, largest, maxLargest, maxMedian)
		}
	}
}

// Every comment reads as French in French and English in English, on
// both platforms, whatever the story's language: the golden stories and
// the whole judgment corpus, in both languages; every rule that can fire
// on a story alone is seen at least once.
func TestCommentCopy(t *testing.T) {
	s := defaultSettings(t)
	type story struct {
		name, title, body string
		labels            []string
	}
	var stories []story
	for _, g := range goldenStories(t) {
		stories = append(stories, story{g.name, g.title, g.body, g.labels})
	}
	backlogs, err := judgment.LoadCorpus(filepath.Join("..", "rules", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range backlogs {
		for _, e := range b.Entries {
			stories = append(stories, story{e.ID, e.Title, e.Body, e.Labels})
		}
	}
	fired := map[string]bool{}
	for _, st := range stories {
		for _, platform := range []string{core.GitHub, core.GitLab} {
			for _, lang := range []rules.Lang{rules.FR, rules.EN} {
				d := plan(t, s, platform, st.title, st.body, st.labels, lang)
				copycheck.Report(t, st.name+" "+platform, d.Comment, string(lang))
				for _, f := range d.Result.Findings {
					fired[f.Rule] = true
				}
			}
		}
	}
	for _, r := range rules.Rules() {
		if !r.Backlog && !fired[r.ID] {
			t.Errorf("rule %s fired on no story: its message was never read", r.ID)
		}
	}
	// The mentions, with every reason.
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		for _, kind := range []string{"security", "ready"} {
			body, err := feedback.RenderMention(lang, core.GitHub, feedback.MentionView{Kind: kind, Who: []string{"@org/rssi"}, Privileged: true, Topics: []string{"identity-provider", "person-records"}})
			if err != nil {
				t.Fatal(err)
			}
			copycheck.Report(t, "mention "+kind, body, string(lang))
		}
	}
}

// The security questions are shown once, in the section to paste, never
// a second time beside it; and the whole template is never appended: the
// fixes are the sections that are missing.
func TestQuestionsOnceAndNoTemplate(t *testing.T) {
	s := defaultSettings(t)
	var questions []string
	for _, tpl := range s.Templates.List() {
		for _, q := range tpl.SecurityChecklist {
			questions = append(questions, q.Get(rules.FR), q.Get(rules.EN))
		}
	}
	if len(questions) == 0 {
		t.Fatal("no security question in the built-in templates")
	}
	shown := 0
	for _, g := range goldenStories(t) {
		for _, platform := range []string{core.GitHub, core.GitLab} {
			d := plan(t, s, platform, g.title, g.body, g.labels, g.lang)
			for _, q := range questions {
				n := strings.Count(d.Comment, q)
				if n > 1 {
					t.Errorf("%s %s: the question %q is shown %d times", g.name, platform, q, n)
				}
				shown += n
			}
			for _, tell := range []string{"modèle cochef", "cochef template", "<!-- Facultatif", "<!-- Optional", "<!-- Obligatoire", "<!-- Required"} {
				if strings.Contains(d.Comment, tell) {
					t.Errorf("%s %s: the comment holds the template (%q):\n%s", g.name, platform, tell, d.Comment)
				}
			}
		}
	}
	if shown == 0 {
		t.Error("no comment shows a security question: the test sees nothing")
	}
}
