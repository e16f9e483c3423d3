package judgment

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cochef/cochef/templates"
)

func TestReviewLines(t *testing.T) {
	dir := t.TempDir()
	stories := filepath.Join(dir, "stories.tsv")
	os.WriteFile(stories, []byte("id\tstory\na\tAs a resident, I want to export the list of applicants with their phone numbers.\nb\tAs a visitor, I want the home page to load faster.\n"), 0o644)
	lines, err := LoadLines(stories)
	if err != nil || len(lines) != 2 {
		t.Fatalf("LoadLines = %v, %v", lines, err)
	}
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReviewLines(lines, map[string][2]bool{"a": {true, true}, "b": {false, false}}, set)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].TP != 1 || got[0].TN != 1 || got[1].TP != 1 || got[1].TN != 1 {
		t.Errorf("ReviewLines = %+v, want both reviews right on both stories", got)
	}
	if _, err := ReviewLines(lines, map[string][2]bool{"a": {true, true}}, set); err == nil {
		t.Error("a story without a label: no error")
	}
}
