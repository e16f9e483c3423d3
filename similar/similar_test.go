package similar_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
	"github.com/cochef/cochef/templates"
)

type labelled struct {
	A, B   string
	Label  string
	Source string
}

// keyOf reads a story sentence as the feedback does: analysed with the
// built-in user-story template, keyed from its sentence.
func keyOf(t testing.TB, tpl *rules.Template, sentence string) string {
	t.Helper()
	res := rules.Analyze(rules.Input{Title: sentence, Body: "## Récit\n\n" + sentence + "\n"}, tpl, "")
	return similar.Key(res.Story)
}

func loadPairs(t testing.TB) []labelled {
	t.Helper()
	raw, err := os.ReadFile("testdata/pairs.yml")
	if err != nil {
		t.Fatal(err)
	}
	var ps []labelled
	if err := yaml.Unmarshal(raw, &ps); err != nil {
		t.Fatal(err)
	}
	return ps
}

func userStoryTemplate(t testing.TB) *rules.Template {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tpl := set.Default()
	if tpl == nil {
		t.Fatal("no default template")
	}
	return tpl
}

// measure scores every labelled pair within one index of all the set's
// stories (a repository's worth of stories: the words' weights come from
// them) and counts the verdicts at threshold.
func measure(t testing.TB, threshold float64) (tp, fp, fn, tn int, wrong []string) {
	t.Helper()
	tpl := userStoryTemplate(t)
	ps := loadPairs(t)
	var stories []similar.Story
	keys := map[string]string{}
	for _, p := range ps {
		for _, s := range []string{p.A, p.B} {
			if _, ok := keys[s]; !ok {
				keys[s] = keyOf(t, tpl, s)
				stories = append(stories, similar.Story{Number: len(stories) + 1, Key: keys[s]})
			}
		}
	}
	ix := similar.NewIndex(stories)
	for _, p := range ps {
		dup := p.Label == "duplicate"
		got := ix.Score(keys[p.A], keys[p.B]) >= threshold
		switch {
		case dup && got:
			tp++
		case !dup && got:
			fp++
			wrong = append(wrong, fmt.Sprintf("false duplicate (%s, %.2f): %q / %q", p.Label, ix.Score(keys[p.A], keys[p.B]), keys[p.A], keys[p.B]))
		case dup:
			fn++
			wrong = append(wrong, fmt.Sprintf("missed (%.2f): %q / %q", ix.Score(keys[p.A], keys[p.B]), keys[p.A], keys[p.B]))
		default:
			tn++
		}
	}
	return tp, fp, fn, tn, wrong
}

// TestPrecision checks the duplicate note on the labelled pairs: a
// precision of 0.9 at least (a wrong note is worse than none), and a
// recall that says the note is worth having. go test ./similar -run
// TestPrecision -v prints the figures of the README.
func TestPrecision(t *testing.T) {
	ps := loadPairs(t)
	if len(ps) < 150 {
		t.Fatalf("%d labelled pairs, want at least 150", len(ps))
	}
	tp, fp, fn, tn, wrong := measure(t, similar.Threshold)
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d pairs (%d duplicates): threshold %.2f, precision %.3f (%d/%d), recall %.3f (%d/%d), %d true negatives",
		len(ps), tp+fn, similar.Threshold, precision, tp, tp+fp, recall, tp, tp+fn, tn)
	for _, w := range wrong {
		t.Log(w)
	}
	if precision < 0.9 {
		t.Errorf("precision %.3f, want ≥ 0.9", precision)
	}
	if recall < 0.5 {
		t.Errorf("recall %.3f: the note would rarely show", recall)
	}
	for _, th := range []float64{0.6, 0.7, 0.8, 0.9} {
		tp, fp, fn, _, _ := measure(t, th)
		t.Logf("threshold %.1f: precision %.3f, recall %.3f", th, float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1)))
	}
}

func TestKey(t *testing.T) {
	tpl := userStoryTemplate(t)
	for _, tc := range []struct {
		sentence, want string
	}{
		{"ETQ instructeur je veux filtrer les dossiers par commune", "instructeur|"},
		{"Il faudrait un export.", ""},
	} {
		got := keyOf(t, tpl, tc.sentence)
		if !strings.HasPrefix(got, tc.want) || (tc.want == "") != (got == "") {
			t.Errorf("Key(%q) = %q, want prefix %q", tc.sentence, got, tc.want)
		}
	}
}

func TestIndex(t *testing.T) {
	tpl := userStoryTemplate(t)
	a := keyOf(t, tpl, "ETQ instructeur, je veux filtrer les dossiers par commune")
	b := keyOf(t, tpl, "En tant qu'instructeur, je souhaite pouvoir filtrer les dossiers selon la commune")
	c := keyOf(t, tpl, "ETQ usager, je veux filtrer les dossiers par commune")
	d := keyOf(t, tpl, "ETQ instructeur, je veux archiver un dossier clos")
	ix := similar.NewIndex([]similar.Story{{Number: 3, Key: a}, {Number: 7, Key: b}, {Number: 9, Key: c}, {Number: 12, Key: d}, {Number: 15, Key: ""}})
	if got, _, ok := ix.Closest(similar.Story{Number: 7, Key: b}); !ok || got.Number != 3 {
		t.Errorf("closest to #7: %v %v, want #3", got, ok)
	}
	if got, _, ok := ix.Closest(similar.Story{Number: 9, Key: c}); ok {
		t.Errorf("another role's story found close: #%d", got.Number)
	}
	if got, _, ok := ix.Closest(similar.Story{Number: 15, Key: ""}); ok {
		t.Errorf("a story without a key found close: #%d", got.Number)
	}
	pairs := ix.Pairs()
	if len(pairs) != 1 || pairs[0].A != 3 || pairs[0].B != 7 {
		t.Errorf("pairs: %+v, want 3 and 7", pairs)
	}
}
