package judgment

import (
	"os"
	"path/filepath"
	"strings"
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
	got, misses, err := ReviewLines(lines, map[string][2]bool{"a": {true, true}, "b": {false, false}}, set)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].TP != 1 || got[0].TN != 1 || got[1].TP != 1 || got[1].TN != 1 || len(misses) != 0 {
		t.Errorf("ReviewLines = %+v, %q, want both reviews right on both stories", got, misses)
	}
	// Labels that say the reverse of the rules: each wrong decision is
	// listed once, naming its review and its story.
	_, misses, err = ReviewLines(lines, map[string][2]bool{"a": {false, true}, "b": {true, false}}, set)
	if err != nil {
		t.Fatal(err)
	}
	if len(misses) != 2 || !strings.HasPrefix(misses[0], "rgpd true, want false: a ") || !strings.HasPrefix(misses[1], "rgpd false, want true: b ") {
		t.Errorf("misses = %q, want the RGPD decision of a, then of b", misses)
	}
	if _, _, err := ReviewLines(lines, map[string][2]bool{"a": {true, true}}, set); err == nil {
		t.Error("a story without a label: no error")
	}
}
