package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const readyStory = "# Suivre ma demande\n\nEn tant qu'usager, je veux voir où en est ma demande afin de savoir quand je serai payé.\n\n" +
	"## Critères d'acceptation\n\n- La page affiche l'étape en cours de la demande\n\n## Accessibilité\n\nConforme RGAA : contrastes et lecteur d'écran vérifiés.\n\n" +
	"## Données personnelles / RGPD\n\nAucune donnée nouvelle : la page affiche l'état de la demande déjà traitée, pour son seul titulaire connecté.\n"

func TestCheckSeveralFilesOneResultEachWorstExitCode(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "pret.md")
	notReady := filepath.Join(dir, "incomplet.md")
	for f, body := range map[string]string{ready: readyStory, notReady: "# Recherche\n\nEn tant qu'agent, je veux chercher.\n"} {
		if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "absent.md")
	for _, c := range []struct {
		name  string
		args  []string
		code  int
		ready string
	}{
		{"all ready", []string{ready, ready}, 0, "2 récits prêts sur 2"},
		{"one not ready", []string{ready, notReady}, 1, "1 récit prêt sur 2"},
		{"one unreadable", []string{notReady, missing, ready}, 2, "1 récit prêt sur 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := runCochef(t, "", append([]string{"check"}, c.args...)...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr %q", code, c.code, errOut)
			}
			if !strings.Contains(out, c.ready) {
				t.Errorf("stdout lacks %q:\n%s", c.ready, out)
			}
			for _, a := range c.args {
				if a == missing {
					if !strings.Contains(errOut, "absent.md") || !strings.Contains(out, "1 fichier non lu") {
						t.Errorf("the unreadable file is not reported: stdout %q stderr %q", out, errOut)
					}
					continue
				}
				if !strings.Contains(out, "── "+a+"\n") {
					t.Errorf("no result headed by %s:\n%s", a, out)
				}
			}
		})
	}
}

func TestCheckAFolderTakesItsMarkdownFiles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b.md":            readyStory,
		"a.markdown":      "# Recherche\n\nEn tant qu'agent, je veux chercher.\n",
		"notes.txt":       "pas un récit",
		"sub/ignored.md":  "# Pas lu\n",
		"sub/ABOUT.md":    "not a story",
		".hidden/also.md": "x",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCochef(t, "", "check", "--format", "json", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (a.markdown is not ready); stderr %q", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want one per .md file of the folder:\n%s", len(lines), out)
	}
	var files []string
	for _, l := range lines {
		var r struct {
			File  string `json:"file"`
			Ready bool   `json:"ready"`
			Title string `json:"title"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		files = append(files, filepath.Base(r.File))
		if (r.File == filepath.Join(dir, "b.md")) != r.Ready || r.Title == "" {
			t.Errorf("result %+v", r)
		}
	}
	if strings.Join(files, ",") != "a.markdown,b.md" {
		t.Errorf("files %v, want a.markdown then b.md", files)
	}
}

func TestCheckSaysHowToConvertANonUTF8File(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	latin1 := write("latin1.md", []byte("# Récit\n\nEn tant qu'agent, je veux \xe9diter le dossier.\n")) // é in Latin-1, line 3
	cp1252 := write("notes windows.md", []byte("# R\xe9cit \x96 \x93devis\x94\n"))                       // – “ ” in Windows-1252
	utf16 := write("utf16.md", []byte{0xff, 0xfe, '#', 0, ' ', 0, 'R', 0})
	backlog := write("backlog.txt", []byte("En tant qu'agent, je veux lire.\nEn tant qu'agent, je veux \xe9crire.\n"))
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"Latin-1", []string{"check", latin1}, "",
			"latin1.md : le fichier n'est pas du texte UTF-8 (ligne 3) ; il est sans doute en Latin-1 : convertissez-le avec iconv -f latin1 -t utf-8 " + latin1 + " > " + filepath.Join(dir, "latin1.utf8.md")},
		{"Latin-1 in English", []string{"check", "--lang", "en", latin1}, "",
			"latin1.md: the file is not UTF-8 text (line 3); it is probably Latin-1: convert it with iconv -f latin1 -t utf-8 "},
		{"Windows-1252, a name with a space", []string{"check", cp1252}, "",
			"il est sans doute en Windows-1252 (le Latin-1 de Windows) : convertissez-le avec iconv -f windows-1252 -t utf-8 '" + cp1252 + "' > '" + filepath.Join(dir, "notes windows.utf8.md") + "'"},
		{"UTF-16", []string{"check", utf16}, "", "il est en UTF-16 : convertissez-le avec iconv -f utf-16 -t utf-8 "},
		{"standard input", []string{"check", "-"}, "# R\xe9cit\n", "stdin : le fichier n'est pas du texte UTF-8 (ligne 1) ; il est sans doute en Latin-1 : convertissez-le avec iconv -f latin1 -t utf-8 FICHIER | cochef check -"},
		{"backlog", []string{"check", "--backlog", backlog}, "", "backlog.txt:2 : la ligne n'est pas du texte UTF-8 ; il est sans doute en Latin-1 : convertissez-le avec iconv -f latin1 -t utf-8 "},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := runCochef(t, c.stdin, c.args...)
			if code != 2 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and:\n%s", code, errOut, c.want)
			}
		})
	}
}
