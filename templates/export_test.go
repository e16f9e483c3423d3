package templates

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cochef/cochef/rules"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./templates/ -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file (go test ./templates/ -update rewrites it):\n--- got\n%s", p, got)
	}
}

func TestExportGolden(t *testing.T) {
	s := mustBuiltin(t)
	for _, tm := range s.List() {
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			gh, ghData, err := ExportGitHub(tm, lang)
			if err != nil {
				t.Fatal(err)
			}
			if want := ".github/ISSUE_TEMPLATE/" + tm.Name + ".yml"; gh != want {
				t.Errorf("GitHub path %q, want %q", gh, want)
			}
			golden(t, "github/"+tm.Name+"."+string(lang)+".yml", ghData)
			gl, glData, err := ExportGitLab(tm, lang)
			if err != nil {
				t.Fatal(err)
			}
			if want := ".gitlab/issue_templates/" + tm.Name + ".md"; gl != want {
				t.Errorf("GitLab path %q, want %q", gl, want)
			}
			golden(t, "gitlab/"+tm.Name+"."+string(lang)+".md", glData)
		}
	}
}

// TestGitHubFormSchema checks the exported forms against the rules of
// GitHub's issue-form schema that GitHub enforces when it loads a form.
func TestGitHubFormSchema(t *testing.T) {
	topKeys := map[string]bool{"name": true, "description": true, "title": true, "labels": true, "assignees": true, "projects": true, "type": true, "body": true}
	elemKeys := map[string]bool{"type": true, "id": true, "attributes": true, "validations": true}
	attrKeys := map[string][]string{
		"markdown": {"value"},
		"textarea": {"label", "description", "placeholder", "value", "render"},
	}
	idRE := regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	s := mustBuiltin(t)
	for _, tm := range s.List() {
		for _, lang := range []rules.Lang{rules.FR, rules.EN} {
			_, data, err := ExportGitHub(tm, lang)
			if err != nil {
				t.Fatal(err)
			}
			var form map[string]any
			if err := yaml.Unmarshal(data, &form); err != nil {
				t.Fatalf("%s/%s: %v", tm.Name, lang, err)
			}
			for k := range form {
				if !topKeys[k] {
					t.Errorf("%s/%s: top-level key %q not in the schema", tm.Name, lang, k)
				}
			}
			for _, k := range []string{"name", "description", "body"} {
				if form[k] == nil || form[k] == "" {
					t.Errorf("%s/%s: %s is required", tm.Name, lang, k)
				}
			}
			body := form["body"].([]any)
			ids, labels := map[string]bool{}, map[string]bool{}
			requiredIDs := map[string]bool{}
			nonMarkdown := 0
			for _, e := range body {
				el := e.(map[string]any)
				for k := range el {
					if !elemKeys[k] {
						t.Errorf("%s/%s: element key %q not in the schema", tm.Name, lang, k)
					}
				}
				typ := el["type"].(string)
				attrs := el["attributes"].(map[string]any)
				for k := range attrs {
					if !strings.Contains(strings.Join(attrKeys[typ], " "), k) {
						t.Errorf("%s/%s: %s attribute %q not in the schema", tm.Name, lang, typ, k)
					}
				}
				if typ == "markdown" {
					if _, has := el["id"]; has {
						t.Errorf("%s/%s: markdown elements take no id", tm.Name, lang)
					}
					continue
				}
				nonMarkdown++
				id, _ := el["id"].(string)
				label, _ := attrs["label"].(string)
				if !idRE.MatchString(id) || ids[id] {
					t.Errorf("%s/%s: id %q invalid or repeated", tm.Name, lang, id)
				}
				if label == "" || labels[label] {
					t.Errorf("%s/%s: label %q empty or repeated", tm.Name, lang, label)
				}
				ids[id], labels[label] = true, true
				if v, ok := el["validations"].(map[string]any); ok && v["required"] == true {
					requiredIDs[id] = true
				}
			}
			if nonMarkdown == 0 {
				t.Errorf("%s/%s: a form needs at least one non-markdown field", tm.Name, lang)
			}
			for _, sec := range tm.Sections {
				if isAlways(sec.RequiredWhen) != requiredIDs[sec.ID] {
					t.Errorf("%s/%s: section %s required in form = %v, template says %v", tm.Name, lang, sec.ID, requiredIDs[sec.ID], sec.RequiredWhen)
				}
			}
		}
	}
}

func TestMarkdownKeepsInstructionsInComments(t *testing.T) {
	us, _ := mustBuiltin(t).Get("user-story")
	md := Markdown(us, rules.FR)
	// Outside comments, only headings remain: an untouched template is a
	// story with every section empty.
	outside := regexp.MustCompile(`(?s)<!--.*?-->`).ReplaceAllString(md, "")
	for _, line := range strings.Split(outside, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "## ") {
			t.Errorf("text outside a comment: %q", line)
		}
	}
	for _, want := range []string{"## Critères d'acceptation", "## Notes de sécurité", "Obligatoire.", "AIPD", "Étant donné <contexte>"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	en := Markdown(us, rules.EN)
	if !strings.Contains(en, "## Acceptance criteria") || strings.Contains(en, "Obligatoire") {
		t.Errorf("English Markdown not in English:\n%s", en)
	}
}

func TestRequiredText(t *testing.T) {
	for _, c := range []struct {
		conds []rules.Condition
		lang  rules.Lang
		want  string
	}{
		{nil, rules.FR, "Facultatif."},
		{[]rules.Condition{rules.Always}, rules.EN, "Required."},
		{[]rules.Condition{rules.WhenPersonalData}, rules.FR, "Obligatoire si le récit traite des données personnelles."},
		{[]rules.Condition{rules.WhenPrivileged, rules.WhenCitizen}, rules.EN, "Required for a privileged role (administrator, authorised agent…) or for a citizen-facing story."},
	} {
		if got := RequiredText(nil, c.conds, c.lang); got != c.want {
			t.Errorf("RequiredText(%v, %s) = %q, want %q", c.conds, c.lang, got, c.want)
		}
	}
}

func TestUncommentKeepsCommentClosed(t *testing.T) {
	tm := &rules.Template{Name: "x", Title: rules.Text{rules.FR: "X"}, Sections: []rules.SectionSpec{{
		ID: "a", Title: rules.Text{rules.FR: "A"}, Hint: rules.Text{rules.FR: "évitez --> ceci"},
	}}}
	md := Markdown(tm, rules.FR)
	if strings.Count(md, "-->") != strings.Count(md, "<!--") {
		t.Errorf("a hint closed its comment early:\n%s", md)
	}
}
