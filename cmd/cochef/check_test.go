package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// runCochef runs cochef in-process, as main does.
func runCochef(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sampleStory = `# Consulter mes rendez-vous

En tant qu'usager, je veux voir mes rendez-vous à venir afin de ne pas en manquer.

## Critères d'acceptation

- La page liste les rendez-vous des 30 prochains jours, du plus proche au plus lointain
`

func TestCheckUsageErrors(t *testing.T) {
	story := writeFile(t, "story.md", sampleStory)
	empty := writeFile(t, "empty.md", "\n\n  \n")
	binary := writeFile(t, "bin.md", "# T\n\xff\xfe\x00")
	badTemplates := writeFile(t, "tpl.yml", "name: mine\ntitle: Mine\nsections:\n  - id: story\n    kind: poem\n    title: Récit\n")
	emptyBacklog := writeFile(t, "backlog.txt", "# only a comment\n\n")
	for _, c := range []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no file", []string{"check"}, "donnez un fichier de récit"},
		{"no file, English", []string{"check", "--lang", "en"}, "give a story file"},
		{"bad lang", []string{"check", "--lang", "de", story}, "ni fr ni en"},
		{"bad format", []string{"check", "--format", "xml", story}, "--format : « xml » n'est ni text ni json"},
		{"unknown template", []string{"check", "--template", "epic", story}, "modèles : user-story, bug, notes, question, research, support, technique"},
		{"missing file", []string{"check", filepath.Join(t.TempDir(), "nope.md")}, "lecture impossible"},
		{"folder without a story", []string{"check", t.TempDir()}, "aucun fichier .md dans ce dossier"},
		{"empty story", []string{"check", empty}, "récit vide"},
		{"not UTF-8", []string{"check", binary}, "ce n'est pas du texte UTF-8 (octets nuls : un fichier binaire ?)"},
		{"backlog and file", []string{"check", "--backlog", story, story}, "s'excluent"},
		{"empty backlog", []string{"check", "--backlog", emptyBacklog}, "aucun récit"},
		{"broken templates, English", []string{"check", "--lang", "en", "--templates", badTemplates, story}, badTemplates + ":5: sections[0].kind: unknown \"poem\""},
		{"unknown flag", []string{"check", "--colour", story}, "unknown flag"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCochef(t, "", c.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stdout %q, stderr %q)", code, stdout, stderr)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr %q lacks %q", stderr, c.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace on stderr: %s", stderr)
			}
		})
	}
}

func TestCheckBrokenTemplatesMessageIsInOneLanguage(t *testing.T) {
	story := writeFile(t, "story.md", sampleStory)
	bad := writeFile(t, "tpl.yml", "name: mine\ntitle: Mine\nsurprise: 1\n")
	_, _, stderr := runCochef(t, "", "check", "--templates", bad, story)
	if !strings.Contains(stderr, "clé inconnue") || strings.Contains(stderr, "unknown key") {
		t.Errorf("French run should print the French message only: %q", stderr)
	}
}

// decodeResult reads one JSON result and the raw keys it has.
func decodeResult(t *testing.T, s string) (rules.Result, map[string]json.RawMessage) {
	t.Helper()
	var r rules.Result
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("output is not a JSON result: %v\n%s", err, s)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		t.Fatal(err)
	}
	return r, raw
}

func TestCheckJSON(t *testing.T) {
	story := writeFile(t, "story.md", sampleStory)
	for _, c := range []struct {
		name         string
		args         []string
		stdin        string
		wantTemplate string
	}{
		{"file, default template", []string{"check", "--format", "json", story}, "", "user-story"},
		{"stdin", []string{"check", "--format", "json", "-"}, sampleStory, "user-story"},
		{"label selects bug", []string{"check", "--format", "json", "--label", "Anomalie", story}, "", "bug"},
		{"scoped label", []string{"check", "--format", "json", "--label", "urgent", "--label", "type: dette technique", story}, "", "technique"},
		{"template flag wins", []string{"check", "--format", "json", "--label", "bug", "--template", "technique", story}, "", "technique"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCochef(t, c.stdin, c.args...)
			r, raw := decodeResult(t, stdout)
			for _, k := range []string{"title", "lang", "template", "ready", "story", "sensitive", "security_review", "sections", "required", "criteria", "findings"} {
				if _, ok := raw[k]; !ok {
					t.Errorf("JSON lacks %q", k)
				}
			}
			for _, k := range []string{"sensitive", "required", "findings", "criteria_items"} {
				if string(raw[k]) == "null" {
					t.Errorf("%s is null: lists are always arrays", k)
				}
			}
			if r.Title != "Consulter mes rendez-vous" {
				t.Errorf("title = %q", r.Title)
			}
			if r.Template != c.wantTemplate {
				t.Errorf("template = %q, want %q", r.Template, c.wantTemplate)
			}
			if want := map[bool]int{true: 0, false: 1}[r.Ready]; code != want {
				t.Errorf("exit %d with ready=%v, want %d (stderr %q)", code, r.Ready, want, stderr)
			}
			if strings.Contains(stdout, `\u003c`) {
				t.Error("JSON escapes < >: placeholders become unreadable")
			}
		})
	}
}

func TestCheckTextOutput(t *testing.T) {
	story := writeFile(t, "story.md", sampleStory)
	code, stdout, _ := runCochef(t, "", "check", story)
	if code != 0 && code != 1 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(stdout, "Consulter mes rendez-vous  (modèle user-story)\n") {
		t.Errorf("text report does not open with the title and template:\n%s", stdout)
	}
	verdict := map[int]string{0: "✓ Prêt", 1: "✗ Pas prêt"}[code]
	if !strings.Contains(stdout, verdict) {
		t.Errorf("exit %d but report lacks %q:\n%s", code, verdict, stdout)
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Error("colour written to a non-terminal")
	}
	_, en, _ := runCochef(t, "", "check", "--lang", "en", story)
	if !strings.Contains(en, "(template user-story)") || strings.Contains(en, "modèle") {
		t.Errorf("--lang en report not in English:\n%s", en)
	}
}

func TestPrinterGroupsBySeverityWithFix(t *testing.T) {
	r := rules.Result{
		Title: "Export", Template: "user-story",
		Story:          rules.Sentence{Role: "agent", Action: "exporter les dossiers"},
		Sensitive:      []string{"data-flows"},
		SecurityReview: true,
		Findings: []rules.Finding{
			{Rule: "story-benefit", Severity: rules.SeverityWarning, Message: "Pas de bénéfice."},
			{Rule: "section-missing", Severity: rules.SeverityError, Message: "Notes de sécurité manquantes.", Fix: "## Notes de sécurité\n\n- DICT : …", Line: 4},
			{Rule: "story-ambiguous", Severity: rules.SeverityInfo, Message: "« rapide » est vague."},
		},
	}
	var b bytes.Buffer
	p := &printer{w: &b, lang: rules.FR}
	p.story(r, 0)
	out := b.String()
	iErr, iWarn, iInfo := strings.Index(out, "Erreurs (1)"), strings.Index(out, "Avertissements (1)"), strings.Index(out, "Informations (1)")
	if iErr < 0 || iWarn < iErr || iInfo < iWarn {
		t.Errorf("severity groups missing or out of order (%d, %d, %d):\n%s", iErr, iWarn, iInfo, out)
	}
	for _, want := range []string{
		"✗ Pas prêt — 1 erreur, 1 avertissement",
		"[section-missing] (ligne 4) Notes de sécurité manquantes.",
		"    Correctif :\n      ## Notes de sécurité\n      \n      - DICT : …\n",
		"Sujets sensibles : data-flows",
		"Revue de sécurité demandée",
		"Bénéfice : —",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// Counts agree with their number: French keeps the singular below two.
	b.Reset()
	(&printer{w: &b, lang: rules.EN}).story(r, 0)
	if !strings.Contains(b.String(), "✗ Not ready — 1 error, 1 warning") {
		t.Errorf("English verdict:\n%s", b.String())
	}
	b.Reset()
	(&printer{w: &b, lang: rules.FR}).summary(0, 3)
	if got := b.String(); got != "0 récit prêt sur 3\n" {
		t.Errorf("summary = %q", got)
	}
	b.Reset()
	p.color = true
	p.story(r, 0)
	if !strings.Contains(b.String(), ansiRed) {
		t.Error("colour on, but no red for errors")
	}
}

func TestUseColor(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	if useColor(&bytes.Buffer{}, env(nil)) {
		t.Error("colour for a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useColor(f, env(nil)) {
		t.Error("colour for a regular file")
	}
	if useColor(os.Stdout, env(map[string]string{"NO_COLOR": "1"})) {
		t.Error("colour despite NO_COLOR")
	}
}

func TestSplitTitle(t *testing.T) {
	for _, c := range []struct {
		in, title, body string
		skipped         int
	}{
		{"# Titre\nCorps", "Titre", "Corps", 1},
		{"\n\n# Titre #\n\nCorps\n", "Titre", "\nCorps\n", 3},
		{"## Récit\nEn tant que…", "", "## Récit\nEn tant que…", 0},
		{"#Titre collé\n", "", "#Titre collé\n", 0},
		{"En tant que usager", "", "En tant que usager", 0},
		{"# Seul titre", "Seul titre", "", 1},
	} {
		title, body, skipped := splitTitle(c.in)
		if title != c.title || body != c.body || skipped != c.skipped {
			t.Errorf("splitTitle(%q) = %q, %q, %d; want %q, %q, %d", c.in, title, body, skipped, c.title, c.body, c.skipped)
		}
	}
}

// The lines check shows are the file's: the title line and the blank
// lines before it count, as in the person's editor.
func TestCheckLinesAreFileLines(t *testing.T) {
	story := writeFile(t, "story.md", "\n# Recherche\n\nEn tant qu'agent, je veux une recherche rapide des dossiers.\n\n## Critères d'acceptation\n\n- La recherche par nom renvoie les dossiers de l'agent\n")
	// File lines: 2 title, 4 sentence, 6 heading, 8 criterion.
	_, stdout, stderr := runCochef(t, "", "check", "--format", "json", story)
	r, _ := decodeResult(t, stdout)
	if r.Story.Line != 4 {
		t.Errorf("story.line = %d, want 4 (stderr %q)", r.Story.Line, stderr)
	}
	if len(r.CriteriaItems) != 1 || r.CriteriaItems[0].Line != 8 {
		t.Errorf("criteria_items = %+v, want one on line 8", r.CriteriaItems)
	}
	var ambiguous *rules.Finding
	for i, f := range r.Findings {
		if f.Rule == "story-ambiguous" {
			ambiguous = &r.Findings[i]
		}
	}
	if ambiguous == nil || ambiguous.Line != 4 {
		t.Errorf("story-ambiguous finding %+v, want line 4", ambiguous)
	}
	_, text, _ := runCochef(t, "", "check", story)
	if !strings.Contains(text, "[story-ambiguous] (ligne 4)") {
		t.Errorf("text report does not point at file line 4:\n%s", text)
	}
}

func TestCheckBacklogJSONLines(t *testing.T) {
	backlog := writeFile(t, "backlog.txt", `# comment

En tant qu'usager, je veux voir mes rendez-vous afin de ne pas en manquer.
   
As a caseworker, I want to add a note to a case so that colleagues know what was done.
# another comment
En tant qu'agent, je veux filtrer les dossiers.
`)
	code, stdout, stderr := runCochef(t, "", "check", "--backlog", backlog, "--format", "json")
	sc := bufio.NewScanner(strings.NewReader(stdout))
	var titles []string
	allReady := true
	for sc.Scan() {
		r, _ := decodeResult(t, sc.Text())
		titles = append(titles, r.Title)
		allReady = allReady && r.Ready
	}
	if len(titles) != 3 || !strings.HasPrefix(titles[1], "As a caseworker") {
		t.Fatalf("JSON Lines titles = %q, want the 3 stories in order (stderr %q)", titles, stderr)
	}
	if want := map[bool]int{true: 0, false: 1}[allReady]; code != want {
		t.Errorf("exit %d, want %d", code, want)
	}
	_, text, _ := runCochef(t, "", "check", "--backlog", backlog)
	if !strings.Contains(text, "ligne 5 : As a caseworker") || !strings.Contains(text, "sur 3") {
		t.Errorf("text backlog report lacks line numbers or summary:\n%s", text)
	}
}

// story-unique names the other story by its line in the file, as the
// report's headings do, not by its rank among the stories.
func TestCheckBacklogUniqueNamesFileLine(t *testing.T) {
	backlog := writeFile(t, "backlog.txt", "# comment\n\nEn tant qu'usager, je veux payer ma facture en ligne.\n# another\nEn tant qu'usager, je veux payer ma facture en ligne.\n")
	_, text, _ := runCochef(t, "", "check", "--backlog", backlog)
	// The later copy names the earlier one (the earlier is the original).
	if !strings.Contains(text, "ligne 3 : En tant") || !strings.Contains(text, "de la ligne 3") || strings.Contains(text, "de la ligne 5") {
		t.Errorf("story-unique does not name file lines:\n%s", text)
	}
}

// engineLanded tells whether rules.Analyze is the real engine: the
// placeholder it replaces reports no section at all.
func engineLanded(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if r := rules.Analyze(rules.Input{Body: sampleStory}, set.Default(), ""); len(r.Sections) == 0 {
		t.Skip("rules engine not landed yet: rules.Analyze is the placeholder")
	}
}

func TestExamples(t *testing.T) {
	engineLanded(t)
	for _, c := range []struct {
		file      string
		code      int
		rules     []string // findings expected
		review    bool
		sensitive bool
	}{
		{"pret.md", 0, nil, false, false},
		{"en-ready.md", 0, nil, false, false},
		{"incomplet.md", 1, []string{"acceptance-criteria-missing", "story-ambiguous", "story-benefit"}, false, false},
		{"admin-habilitations.md", 1, []string{"section-empty"}, true, true},
		// A scenario without "Alors" is a warning: the story stays ready.
		{"gherkin-plan.md", 0, []string{"gherkin-incomplete"}, false, false},
	} {
		t.Run(c.file, func(t *testing.T) {
			code, stdout, stderr := runCochef(t, "", "check", "--format", "json", filepath.Join("..", "..", "examples", c.file))
			r, _ := decodeResult(t, stdout)
			if code != c.code {
				t.Errorf("exit %d, want %d; findings: %+v (stderr %q)", code, c.code, r.Findings, stderr)
			}
			for _, want := range c.rules {
				found := false
				for _, f := range r.Findings {
					found = found || f.Rule == want
				}
				if !found {
					t.Errorf("no %s finding: %+v", want, r.Findings)
				}
			}
			if r.SecurityReview != c.review || (len(r.Sensitive) > 0) != c.sensitive {
				t.Errorf("security_review=%v sensitive=%v, want %v / %v", r.SecurityReview, r.Sensitive, c.review, c.sensitive)
			}
		})
	}
}

func TestExampleBacklog(t *testing.T) {
	engineLanded(t)
	code, stdout, stderr := runCochef(t, "", "check", "--backlog", filepath.Join("..", "..", "examples", "backlog.txt"), "--format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", code, stderr)
	}
	byRule := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(stdout))
	n := 0
	for sc.Scan() {
		r, _ := decodeResult(t, sc.Text())
		n++
		for _, f := range r.Findings {
			byRule[f.Rule] = append(byRule[f.Rule], r.Title)
		}
	}
	if n != 8 {
		t.Errorf("%d results, want the 8 stories of the file", n)
	}
	if got := byRule["story-unique"]; len(got) != 1 || !strings.Contains(got[0], "à quelle étape") {
		t.Errorf("story-unique on %q, want the later of the two near-duplicates", got)
	}
	if got := byRule["story-format"]; len(got) != 1 || !strings.HasPrefix(got[0], "Pouvoir exporter") {
		t.Errorf("story-format on %q, want the story without a role", got)
	}
	for _, id := range bodyRules {
		if len(byRule[id]) > 0 {
			t.Errorf("body rule %s ran on one-line stories: %q", id, byRule[id])
		}
	}
}

// TestJSONSchemaDocumented keeps docs/check.md in step with rules.Result:
// a field added to the output must be described there.
func TestJSONSchemaDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "check.md"))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(prefix string, typ reflect.Type)
	walk = func(prefix string, typ reflect.Type) {
		for f := range typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !bytes.Contains(doc, []byte("`"+prefix+name)) {
				t.Errorf("docs/check.md does not describe JSON field %s%s", prefix, name)
			}
			switch ft := f.Type; {
			case ft.Kind() == reflect.Struct:
				walk(prefix+name+".", ft)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				walk(prefix+name+"[].", ft.Elem())
			}
		}
	}
	walk("", reflect.TypeFor[rules.Result]())
}

func TestBodyRulesExist(t *testing.T) {
	known := map[string]bool{}
	for _, r := range rules.Rules() {
		known[r.ID] = true
	}
	for _, id := range bodyRules {
		if !known[id] {
			t.Errorf("bodyRules names %q, which is no rule: the backlog would still run the rule it meant", id)
		}
	}
}
