package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestTemplatesList(t *testing.T) {
	code, out, stderr := runCochef(t, "", "templates", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 || !strings.HasPrefix(lines[0], "NOM") || !strings.HasPrefix(lines[1], "user-story") || !strings.Contains(lines[1], "(par défaut)") {
		t.Errorf("unexpected list:\n%s", out)
	}
	_, en, _ := runCochef(t, "", "templates", "list", "--lang", "en")
	if !strings.Contains(en, "Technical story") || !strings.Contains(en, "Support request") || !strings.Contains(en, "(default)") {
		t.Errorf("English list:\n%s", en)
	}
}

func TestTemplatesListWithOverrides(t *testing.T) {
	extra := writeFile(t, "cochef.yml", `templates:
  - name: incident
    title: {fr: Incident, en: Incident}
    labels: [incident]
    sections:
      - id: timeline
        title: Chronologie
        required_when: [always]
`)
	code, out, stderr := runCochef(t, "", "templates", "list", "--templates", extra)
	if code != 0 || !strings.Contains(out, "incident") {
		t.Errorf("exit %d, list lacks the extra template:\n%s%s", code, out, stderr)
	}
}

func TestTemplatesShow(t *testing.T) {
	code, out, _ := runCochef(t, "", "templates", "show", "user-story")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"security-notes — Notes de sécurité",
		"Obligatoire pour un profil à privilèges",
		"administrateur (à privilèges",
		"usager (usager : accessibilité (RGAA))",
		"sigles : NIR, INS, SSN",
		"Questions de sécurité",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
	_, bug, _ := runCochef(t, "", "templates", "show", "bug", "--lang", "en")
	if !strings.Contains(bug, "story-format: off") {
		t.Errorf("show bug does not list its rule overrides:\n%s", bug)
	}
	_, md, _ := runCochef(t, "", "templates", "show", "user-story", "--markdown")
	if !strings.Contains(md, "## Critères d'acceptation\n\n<!--") {
		t.Errorf("--markdown is not the Markdown body:\n%s", md)
	}
	code, _, stderr := runCochef(t, "", "templates", "show", "epic")
	if code != 2 || !strings.Contains(stderr, "modèle « epic » inconnu") {
		t.Errorf("unknown template: exit %d, %q", code, stderr)
	}
}

func TestTemplatesExport(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := runCochef(t, "", "templates", "export", "--platform", "github", "--dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	paths := strings.Fields(out)
	if len(paths) != 7 {
		t.Fatalf("printed paths %q, want 7 (one per built-in template)", paths)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("printed path not written: %v", err)
		}
		var form struct {
			Name string           `yaml:"name"`
			Body []map[string]any `yaml:"body"`
		}
		if err := yaml.Unmarshal(data, &form); err != nil || form.Name == "" || len(form.Body) < 2 {
			t.Errorf("%s is not an issue form: %v", p, err)
		}
		if filepath.Dir(p) != filepath.Join(dir, ".github", "ISSUE_TEMPLATE") {
			t.Errorf("%s not under .github/ISSUE_TEMPLATE", p)
		}
	}
	// Exporting again replaces our own files.
	if code, _, stderr := runCochef(t, "", "templates", "export", "--platform", "github", "--dir", dir); code != 0 {
		t.Errorf("re-export: exit %d: %s", code, stderr)
	}

	code, out, _ = runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir, "--lang", "en", "--template", "bug")
	want := filepath.Join(dir, ".gitlab", "issue_templates", "bug.md")
	if code != 0 || strings.TrimSpace(out) != want {
		t.Fatalf("exit %d, printed %q, want %q", code, out, want)
	}
	md, _ := os.ReadFile(want)
	if !strings.Contains(string(md), "## Steps to reproduce") || !strings.Contains(string(md), `/label ~"bug"`) {
		t.Errorf("GitLab template:\n%s", md)
	}
}

func TestTemplatesExportKeepsHandWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, ".gitlab", "issue_templates", "bug.md")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("## Our own bug template\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir)
	if code != 2 || !strings.Contains(stderr, "--force") || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q: want a refusal that writes nothing", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitlab", "issue_templates", "user-story.md")); err == nil {
		t.Error("a refused export wrote other files")
	}
	if code, _, _ := runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir, "--force"); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	data, _ := os.ReadFile(mine)
	if !strings.Contains(string(data), "cochef templates export") {
		t.Error("--force did not replace the file")
	}
}

// A hand-written template that merely mentions the command is still
// hand-written: only the note export puts on the first line marks a file
// export may replace.
func TestTemplatesExportKeepsFilesThatOnlyMentionIt(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, ".gitlab", "issue_templates", "bug.md")
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	hand := "## Notre modèle d'anomalie\n\nÀ garder : ne pas le régénérer avec cochef templates export.\n"
	if err := os.WriteFile(mine, []byte(hand), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir)
	if code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q: want a refusal", code, stderr)
	}
	if data, _ := os.ReadFile(mine); string(data) != hand {
		t.Error("a hand-written file was overwritten")
	}
	// Files export wrote, in either language, are replaced.
	for _, lang := range []string{"en", "fr"} {
		if code, _, stderr := runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir, "--force", "--lang", lang); code != 0 {
			t.Fatalf("--force: exit %d %s", code, stderr)
		}
		if code, _, stderr := runCochef(t, "", "templates", "export", "--platform", "github", "--dir", dir, "--lang", lang); code != 0 {
			t.Fatalf("re-export in %s: exit %d %s", lang, code, stderr)
		}
		if code, _, stderr := runCochef(t, "", "templates", "export", "--platform", "gitlab", "--dir", dir, "--lang", lang); code != 0 {
			t.Fatalf("re-export in %s: exit %d %s", lang, code, stderr)
		}
	}
}

func TestTemplatesExportUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"templates", "export", "--dir", "x"}, "--platform est obligatoire"},
		{[]string{"templates", "export", "--platform", "bitbucket", "--dir", "x"}, "ni github ni gitlab"},
		{[]string{"templates", "export", "--platform", "github"}, "--dir est obligatoire"},
		{[]string{"templates", "export", "--platform", "github", "--dir", "x", "--lang", "de"}, "ni fr ni en"},
	} {
		code, _, stderr := runCochef(t, "", c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}
