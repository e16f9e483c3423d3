package dashboard

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/cochef/cochef/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/*.html from the current output")

// The whole page, in both languages, from sampleInput: a change of the
// markup shows in review as a diff of these files.
//
//	go test ./dashboard -run TestGoldenPage -update
func TestGoldenPage(t *testing.T) {
	for _, lang := range []rules.Lang{rules.FR, rules.EN} {
		t.Run(string(lang), func(t *testing.T) {
			in := sampleInput()
			in.Lang = lang
			var got bytes.Buffer
			if err := page.Execute(&got, Build(in)); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "page."+string(lang)+".html")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (go test ./dashboard -run TestGoldenPage -update writes it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("the page differs from %s; if the change is meant, rewrite it with -update", file)
			}
		})
	}
}
