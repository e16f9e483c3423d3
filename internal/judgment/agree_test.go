package judgment

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAgree(t *testing.T) {
	bl := []Backlog{{Entries: []Entry{
		{ID: "a", RGPD: true, Security: true},
		{ID: "b", RGPD: true},
		{ID: "c"},
		{ID: "d"},
	}}}
	dir := t.TempDir()
	path := filepath.Join(dir, "labels.tsv")
	tsv := "id\trgpd\tsecurity\treason\na\ttrue\tfalse\tx\nb\ttrue\tfalse\tx\nc\tfalse\tfalse\tx\nd\ttrue\tFALSE\tx\n"
	if err := os.WriteFile(path, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := SecondLabels(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Agree(bl, second, 0)
	if err != nil {
		t.Fatal(err)
	}
	// rgpd: TP 2, FP 1, TN 1; agreement 0.75, chance 0.5·0.75+0.5·0.25 = 0.5.
	if a.TP != 2 || a.FP != 1 || a.FN != 0 || math.Abs(a.Kappa-0.5) > 1e-9 {
		t.Errorf("rgpd agreement = %+v, want TP 2 FP 1 FN 0 kappa 0.5", a)
	}
	s, _ := Agree(bl, second, 1)
	if s.FN != 1 || s.TP != 0 {
		t.Errorf("security agreement = %+v, want FN 1", s)
	}
	delete(second, "c")
	if _, err := Agree(bl, second, 0); err == nil || !strings.Contains(err.Error(), "c: no second label") {
		t.Errorf("missing label: err = %v", err)
	}
	os.WriteFile(path, []byte("id\trgpd\tsecurity\na\tyes\tno\n"), 0o644)
	if _, err := SecondLabels(path); err == nil || !strings.Contains(err.Error(), `labels.tsv:2: "yes" is neither true nor false`) {
		t.Errorf("bad value: err = %v", err)
	}
}
