package rules_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output")

// goldenCase is one testdata/golden/*.md file. An optional first line
// "<!-- golden: labels=a,b lang=en -->" sets the labels and the message
// language; a following "# Title" line is the issue title, the rest the
// body (as `cochef check` reads a file).
type goldenCase struct {
	in   rules.Input
	lang rules.Lang
}

func readGolden(t testing.TB, path string) goldenCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return splitGolden(string(data))
}

func splitGolden(s string) goldenCase {
	var c goldenCase
	if rest, ok := strings.CutPrefix(s, "<!-- golden:"); ok {
		head, body, _ := strings.Cut(rest, "-->")
		for _, f := range strings.Fields(head) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "labels":
				c.in.Labels = strings.Split(v, ",")
			case "lang":
				c.lang = rules.Lang(v)
			}
		}
		s = strings.TrimLeft(body, "\n")
	}
	if rest, ok := strings.CutPrefix(s, "# "); ok {
		title, body, _ := strings.Cut(rest, "\n")
		c.in.Title = strings.TrimSpace(title)
		s = body
	}
	c.in.Body = s
	return c
}

func builtin(t testing.TB) *templates.Set {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatalf("built-in templates: %v", err)
	}
	return set
}

// TestGolden analyses each testdata/golden/*.md story with the built-in
// template its labels select and compares the Result with the .json file
// beside it. Run `go test ./rules -update` to rewrite them, then read the
// diff.
func TestGolden(t *testing.T) {
	set := builtin(t)
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("%d golden cases, want at least 15", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			c := readGolden(t, f)
			res := rules.Analyze(c.in, set.Select(c.in.Labels), c.lang)
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".md") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./rules -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (go test ./rules -run TestGolden -update, then review the diff):\n%s", golden, diffLines(string(want), string(got)))
			}
		})
	}
}

// diffLines shows the first lines that differ, enough to see what moved.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("- " + a + "\n+ " + c + "\n")
			shown++
		}
	}
	return b.String()
}

// The server analyses stories from several workers with one template: the
// results must not depend on what runs beside them.
func TestAnalyzeConcurrent(t *testing.T) {
	set := builtin(t)
	files, err := filepath.Glob("testdata/golden/*.md")
	if err != nil {
		t.Fatal(err)
	}
	want := make([]rules.Result, len(files))
	cases := make([]goldenCase, len(files))
	for i, f := range files {
		cases[i] = readGolden(t, f)
		want[i] = rules.Analyze(cases[i].in, set.Select(cases[i].in.Labels), cases[i].lang)
	}
	errs := make(chan string, 8*len(files))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, c := range cases {
				got := rules.Analyze(c.in, set.Select(c.in.Labels), c.lang)
				if !reflect.DeepEqual(got, want[i]) {
					errs <- files[i]
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for f := range errs {
		t.Errorf("%s: result differs when analysed concurrently", f)
	}
}
