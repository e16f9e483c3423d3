package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/spf13/cobra"
)

// The commands the README, docs/ and the --help examples show are run by
// the scripts of testdata/script, with their exit codes and key output
// checked: a command that stops working, or an example that names a file
// that does not exist, fails the tests. The test binary is the cochef of
// the scripts (testscript.Main): built once by go test, as "go run
// ./cmd/cochef" would build it, and started for each command.

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"cochef": main})
}

func TestDocExamples(t *testing.T) {
	pv := pvStore(t) // the recette report's database, as the server records it
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// The scripts run where a clone's commands run: examples/
			// beside them.
			if err := copyDir("../../examples", filepath.Join(env.WorkDir, "examples")); err != nil {
				return err
			}
			// Each script's server on a port of its own; cochef replay
			// reads COCHEF_LISTEN as the server does.
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			env.Setenv("COCHEF_LISTEN", ln.Addr().String())
			env.Setenv("NO_COLOR", "1")
			return ln.Close()
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// fake-github, fake-gitlab: the platforms' fakes with a small
			// backlog, COCHEF_* pointing at them (backfill_doc_test.go).
			"fake-github": fakeGitHubCmd(t),
			"fake-gitlab": fakeGitLabCmd(t),
			// seed-recette: cochef.db holds the recette of octo-org/demarches#7.
			"seed-recette": func(ts *testscript.TestScript, neg bool, args []string) {
				data, err := os.ReadFile(pv)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs("cochef.db"), data, 0o600))
			},
			// waitserver: until the server of $COCHEF_LISTEN answers /healthz.
			"waitserver": func(ts *testscript.TestScript, neg bool, args []string) {
				url := "http://" + ts.Getenv("COCHEF_LISTEN") + "/healthz"
				for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
					if resp, err := http.Get(url); err == nil {
						resp.Body.Close()
						if resp.StatusCode == http.StatusOK {
							return
						}
					}
				}
				ts.Fatalf("no server at %s after 20 s", url)
			},
			// eventually REGEXP PROGRAM ARGS...: runs the program until its
			// standard output matches, for 20 s at most.
			"eventually": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 {
					ts.Fatalf("usage: eventually REGEXP PROGRAM [ARGS...]")
				}
				re := regexp.MustCompile(args[0])
				for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
					err := ts.Exec(args[1], args[2:]...)
					if err == nil && re.MatchString(ts.ReadFile("stdout")) {
						return
					}
					if time.Now().After(deadline) {
						ts.Fatalf("%s never printed %q; last output:\n%s%s", strings.Join(args[1:], " "), args[0], ts.ReadFile("stdout"), ts.ReadFile("stderr"))
					}
				}
			},
		},
	})
}

func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// docSkips are the cochef commands shown in the docs that no script runs,
// each with why. A command shown and neither run nor listed here fails
// TestEveryDocCommandRunsOrIsSkipped.
var docSkips = map[string]string{
	"cochef check [--lang fr|en] [--format text|json] [--template NAME] [--label L]... [FILE|FOLDER|-]...": "a synopsis, not a command: TestDocCommandsUseRealFlags checks its flags",
	"cochef check --backlog FILE": "a synopsis: the backlog example of docs/check.md runs",
}

// toolSkips are the other programs the docs show, by how their command
// starts: they need what the test machine and CI do not have.
var toolSkips = map[string]string{
	"go test ":                       "the test suite itself (.ci/run runs it)",
	"COCHEF_TEST_DATABASE_URL=":      "the test suite itself, on PostgreSQL (.ci/run runs it)",
	"COCHEF_BROWSER_TESTS=":          "the dashboard's browser test, which needs Chromium (.ci/run installs it and runs it)",
	"bash .ci/run":                   "what CI runs, this test included",
	"go run ./scripts/loadtest ":     "a 15 s measurement that builds its own server; its figures are in the README",
	"go run ./scripts/intakebench ":  "a measurement of a few minutes that needs Node.js, npm and the Probot peer; its figures are in the README",
	"go run ./scripts/judgment":      "the corpus benchmark; its figures are in the README and rules' tests guard them",
	"go run ./scripts/learnbaseline": "a measurement that trains one model per held-out set (a few seconds each); its figures are in the README and internal/judgment's tests cover the learner",
	"docker ":                        "needs Docker, which neither the test machine nor CI has (e2e/deploy_test.go reads the Dockerfile)",
	"curl -sS -X POST -H \"Accept: application/vnd.github+json\" https://api.github.com/app-manifests/": "needs the code GitHub gives when the App is created",
	"jq -r ":                             "reads the credentials GitHub returns when the App is created",
	"chmod 0400 github-app.pem && shred": "handles the App's private key, which only GitHub gives",
}

// docCommand is a command shown in a doc, and where.
type docCommand struct{ where, text string }

var (
	fenceRE    = regexp.MustCompile("^\\s*```(sh|bash|shell|console)\\s*$")
	fenceEndRE = regexp.MustCompile("^\\s*```\\s*$")
	inlineRE   = regexp.MustCompile("`((?:go run \\./cmd/cochef|cochef) [^`]+)`")
	commentRE  = regexp.MustCompile(`\s+#.*$`)
)

// normalize is a command as the scripts run it: cochef for go run
// ./cmd/cochef, one space between words, no comment.
func normalize(s string) string {
	s = commentRE.ReplaceAllString(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "$ ")), "")
	s = strings.Join(strings.Fields(s), " ")
	if rest, ok := strings.CutPrefix(s, "go run ./cmd/cochef "); ok {
		s = "cochef " + rest
	}
	return s
}

func docFiles(t *testing.T) []string {
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("docs: %v", err)
	}
	return append([]string{"../../README.md"}, files...)
}

// blockCommands are the commands of the shell blocks of the docs and of
// the cobra examples.
func blockCommands(t *testing.T) []docCommand {
	var out []docCommand
	for _, f := range docFiles(t) {
		in, pending := false, ""
		for i, line := range strings.Split(readDoc(t, f), "\n") {
			switch {
			case !in && fenceRE.MatchString(line):
				in = true
			case in && fenceEndRE.MatchString(line):
				in = false
			case in:
				line = commentRE.ReplaceAllString(line, "")
				if cont, ok := strings.CutSuffix(strings.TrimRight(line, " "), "\\"); ok {
					pending += cont + " "
					continue
				}
				if cmd := normalize(pending + line); cmd != "" {
					out = append(out, docCommand{fmt.Sprintf("%s:%d", strings.TrimPrefix(f, "../../"), i+1), cmd})
				}
				pending = ""
			}
		}
	}
	walk(newRootCmd(nil, io.Discard, io.Discard), func(c *cobra.Command) {
		for _, l := range strings.Split(c.Example, "\n") {
			if cmd := normalize(l); cmd != "" {
				out = append(out, docCommand{c.CommandPath() + " --help", cmd})
			}
		}
	})
	return out
}

func walk(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	for _, sub := range c.Commands() {
		walk(sub, f)
	}
}

// scriptCommands are the commands the scripts run, as the docs write
// them: "stdin F" then "exec cochef … -" is "cochef … - < F", and
// $WORK/tmp stands for /tmp.
func scriptCommands(t *testing.T) map[string]string {
	files, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		stdin := ""
		for _, line := range strings.Split(string(a.Comment), "\n") {
			line = strings.TrimSpace(commentRE.ReplaceAllString(line, ""))
			line = strings.TrimSpace(strings.TrimPrefix(line, "!"))
			for strings.HasPrefix(line, "[") {
				_, line, _ = strings.Cut(line, "] ")
			}
			if in, ok := strings.CutPrefix(line, "stdin "); ok {
				stdin = in
				continue
			}
			cmd, ok := strings.CutPrefix(line, "exec ")
			if !ok {
				continue
			}
			cmd = regexp.MustCompile(`\s+&(\w+&)?$`).ReplaceAllString(cmd, "")
			if stdin != "" {
				cmd += " < " + stdin
				stdin = ""
			}
			out[normalize(strings.ReplaceAll(cmd, "$WORK/tmp/", "/tmp/"))] = filepath.Base(f)
		}
	}
	return out
}

func TestEveryDocCommandRunsOrIsSkipped(t *testing.T) {
	ran := scriptCommands(t)
	shown := map[string]bool{}
	for _, c := range blockCommands(t) {
		shown[c.text] = true
		_, run := ran[c.text]
		reason, skipped := docSkips[c.text]
		for prefix, r := range toolSkips {
			if strings.HasPrefix(c.text, prefix) {
				reason, skipped = r, true
			}
		}
		switch {
		case run && skipped:
			t.Errorf("%s: %q is run by %s and skipped (%s): drop it from the skips", c.where, c.text, ran[c.text], reason)
		case !run && !skipped:
			t.Errorf("%s: %q is run by no script of testdata/script: add it to one, with its exit code and output checked, or to docSkips with why", c.where, c.text)
		}
	}
	for cmd := range docSkips {
		if !shown[cmd] {
			t.Errorf("docSkips lists %q, which no doc shows any more", cmd)
		}
	}
}

// Every cochef command the docs mention, in a block, an example or a line
// of text, names commands and flags that exist: a renamed flag cannot stay
// in the docs.
func TestDocCommandsUseRealFlags(t *testing.T) {
	mentions := blockCommands(t)
	for _, f := range docFiles(t) {
		for _, m := range inlineRE.FindAllStringSubmatch(readDoc(t, f), -1) {
			mentions = append(mentions, docCommand{strings.TrimPrefix(f, "../../"), normalize(m[1])})
		}
	}
	root := newRootCmd(nil, io.Discard, io.Discard)
	n := 0
	for _, m := range mentions {
		words, ok := strings.CutPrefix(m.text, "cochef ")
		if !ok {
			continue
		}
		n++
		if err := checkFlags(root, strings.Fields(words)); err != nil {
			t.Errorf("%s: %q: %v", m.where, m.text, err)
		}
	}
	if n < 30 {
		t.Errorf("only %d cochef commands found in the docs: is the extraction broken?", n)
	}
}

func checkFlags(root *cobra.Command, words []string) error {
	c := root
	for len(words) > 0 {
		sub := findSub(c, words[0])
		if sub == nil {
			break
		}
		c, words = sub, words[1:]
	}
	if !c.Runnable() && len(words) > 0 && !strings.HasPrefix(words[0], "-") {
		return fmt.Errorf("%q is not a command of %q", words[0], c.CommandPath())
	}
	for _, w := range words {
		w = strings.Trim(w, "[]().,;")
		name, ok := strings.CutPrefix(w, "--")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, "=")
		if name == "help" || name == "version" && c == root {
			continue
		}
		if c.Flags().Lookup(name) == nil && c.InheritedFlags().Lookup(name) == nil {
			return fmt.Errorf("%s has no flag --%s", c.CommandPath(), name)
		}
	}
	return nil
}

func findSub(c *cobra.Command, name string) *cobra.Command {
	i := slices.IndexFunc(c.Commands(), func(s *cobra.Command) bool { return s.Name() == name || slices.Contains(s.Aliases, name) })
	if i < 0 {
		return nil
	}
	return c.Commands()[i]
}
