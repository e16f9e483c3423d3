package rules_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// hostileShapes are bodies built to take the Markdown parser's and the
// rules' super-linear paths: the probe of issue #14 (200 KB of "[a](" took
// 52 s, 64 KB of "- " lines 7.6 s and 154 MiB), goldmark's known ones
// (unclosed links and images, backtick runs, nested quotes and lists,
// emphasis mixes, raw HTML) and the rules' own (list items, tasks,
// headings, Gherkin steps, story markers). Each is one unit repeated.
var hostileShapes = []struct{ name, unit string }{
	{"link-open", "[a]("},
	{"image-open", "![a]("},
	{"link-title", "[a](b \""},
	{"link-title-paren", "[a](b ("},
	{"brackets-open", "["},
	{"brackets-close", "]"},
	{"refdef", "[x]: y\n"},
	{"ref-use", "[x] "},
	{"backticks", "`a ``b "},
	{"backtick-run", "\\``"},
	{"emphasis-mix", "*a_b*c_d**e_f*g**h*i_j**"},
	{"stars", "*a "},
	{"underscores", "_a "},
	{"strikethrough", "~~a "},
	{"lt", "<"},
	{"open-tags", "<a "},
	{"cdata", "a <![CDATA["},
	{"autolink", "<a:"},
	{"www", "www.a"},
	{"entities", "&#"},
	{"quotes-nested", "> "},
	{"lists-nested", "- + "},
	{"dash-lines", "- \n"},
	{"dash-x-lines", "- x\n"},
	{"tasks", "- [ ] x\n"},
	{"headings", "# h\n"},
	{"table", "|a"},
	{"table-rows", "|a|b|\n"},
	{"fence-open", "```\n"},
	{"html-block", "<div>\n"},
	{"story-markers", "En tant que "},
	{"gherkin", "Étant donné x\n"},
	{"words", "mot "},
	// Added for the per-shape budget (≤ 50 ms, ≤ 32 MiB at 64 KB).
	{"autolink-url", "<http://a>"},
	{"bare-urls", "http://a.fr/b "},
	{"www-lines", "www.exemple.fr/x\n"},
	{"emphasis-pairs", "*a* "},
	{"double-stars", "**"},
	{"underscore-run", "_"},
	{"backtick-pairs", "`a` "},
	{"comment-open", "<!--"},
	{"amp-entities", "&amp;"},
	{"one-long-line", "abcdefgh "},
	{"deep-lists", "- - - - - - - - - - - - - - - - - - - - x\n"},
	{"indented-lists", "- a\n  - b\n    - c\n      - d\n        - e\n"},
	{"cjk-emoji", "漢字かな😀👩‍💻 "},
	{"crlf-dash-x", "- x\r\n"},
	{"crlf-tasks", "- [ ] x\r\n"},
	{"bold-lines", "**a**\n"},
	{"placeholder-lines", "[rôle]\n"},
	{"hint-lines", "_Décrivez…_\n\n"},
	{"numbered", "1. x\n"},
	{"criteria-heading-lines", "## Critères d'acceptation\n- x\n"},
	// Added with the inline section labels: one paragraph of label lines
	// cut into as many sections, and lines with a colon that name none.
	{"label-lines", "RGPD : x\n"},
	{"colon-lines", "a b : c\n"},
}

// hostileBody is shape repeated to size bytes.
func hostileBody(unit string, size int) string {
	return strings.Repeat(unit, size/len(unit))
}

// Analysing 64 KB of any hostile shape allocates in proportion to its
// size, at most five times what 16 KB of it does (quadratic paths grow
// sixteenfold) and within the budget of 32 MiB, gives no rule more than
// twenty findings: on main 64 KB of "[a](" took 3.6 s, of "![a](" 2 s, of
// "> " 1.3 s; 64 KB of "- x" lines gave 16,000 findings and allocated 49
// MiB. Time is BenchmarkAnalyzeShapes's to measure, not a unit test's: a
// wall-clock bound fails on a loaded machine whatever the code.
func TestHostileShapesStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 2 MB of hostile Markdown")
	}
	tmpl := builtin(t).Default()
	allocated := func(body string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		rules.Analyze(rules.Input{Title: "t", Body: body}, tmpl, "")
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, s := range hostileShapes {
		body := hostileBody(s.unit, 64<<10)
		r := rules.Analyze(rules.Input{Title: "t", Body: body}, tmpl, "")
		perRule := map[string]int{}
		for _, f := range r.Findings {
			if perRule[f.Rule]++; perRule[f.Rule] > 20 {
				t.Errorf("%s: more than 20 findings of %s", s.name, f.Rule)
				break
			}
		}
		small, large := allocated(hostileBody(s.unit, 16<<10)), allocated(body)
		if large > 32<<20 {
			t.Errorf("%s: 64 KB allocate %.1f MiB, over the budget of 32", s.name, float64(large)/(1<<20))
		}
		if large > 5*small+1<<20 {
			t.Errorf("%s: 64 KB allocate %.1f times what 16 KB do (%d KiB, %d KiB): not linear",
				s.name, float64(large)/float64(small), large>>10, small>>10)
		}
	}
}

// BenchmarkAnalyzeShapes measures each hostile shape at 16 and 64 KB:
// time and memory per KB stay flat from one size to the other.
//
//	go test ./rules -run '^$' -bench AnalyzeShapes -benchmem -cpu 1
//
// Besides ns/op and B/op, "MiB" is the memory one analysis allocates and
// "cpu-ms" the processor time it takes (the process's, garbage collector
// included), the units of the budget: ≤ 32 MiB and ≤ 50 ms at 64 KB. The
// processor time, unlike ns/op, does not count the time other programs
// of a shared machine hold the core.
func BenchmarkAnalyzeShapes(b *testing.B) {
	tmpl := builtin(b).Default()
	for _, s := range hostileShapes {
		for _, size := range []int{16 << 10, 32 << 10, 64 << 10} {
			body := hostileBody(s.unit, size)
			b.Run(fmt.Sprintf("%s/%dKB", s.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu := cpuTime()
				for b.Loop() {
					rules.Analyze(rules.Input{Title: "t", Body: body}, tmpl, "")
				}
				cpu = cpuTime() - cpu
				runtime.ReadMemStats(&after)
				n := float64(b.N)
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n/(1<<20), "MiB")
				b.ReportMetric(float64(cpu.Microseconds())/n/1000, "cpu-ms")
			})
		}
	}
}

// What the parser's bounds give up is read as text: a link whose
// destination is longer than the window, and nothing else.
func TestBoundedMarkdownReadsAsText(t *testing.T) {
	tmpl := builtin(t).Default()
	criterion := func(item string) string {
		r := rules.Analyze(rules.Input{Title: "En tant qu'agent, je veux voir la liste",
			Body: "## Critères d'acceptation\n\n- " + item + "\n"}, tmpl, rules.FR)
		if len(r.CriteriaItems) != 1 {
			t.Fatalf("%d criteria for %.60q", len(r.CriteriaItems), item)
		}
		return r.CriteriaItems[0].Text
	}
	if got := criterion("La liste est [triée par date](https://exemple.gouv.fr/doc) de dépôt"); got != "La liste est triée par date de dépôt" {
		t.Errorf("an ordinary link: %q", got)
	}
	long := "https://exemple.gouv.fr/" + strings.Repeat("a", 1100)
	if got := criterion("La liste est [triée par date](" + long + ") de dépôt"); !strings.Contains(got, "[triée par date](https://") {
		t.Errorf("a link longer than the window: %.80q, want it as text", got)
	}
	if got := criterion("La liste est `triée` par **date**"); got != "La liste est triée par date" {
		t.Errorf("code and emphasis: %q", got)
	}
}

// BenchmarkBlockShapesVsGoldmark times the analysis of the shapes made of
// many small blocks (16,000 list items, headings) against goldmark alone
// (GFM, unguarded: it is linear on these) parsing the same 64 KB, in
// alternating batches so that both see the same load on a shared machine.
// "x-goldmark" is the analysis's cost as a multiple of the parse, which
// no analysis of Markdown goes under.
//
//	go test ./rules -run '^$' -bench BlockShapesVsGoldmark -cpu 1
func BenchmarkBlockShapesVsGoldmark(b *testing.B) {
	tmpl := builtin(b).Default()
	p := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	for _, s := range hostileShapes {
		switch s.name {
		case "dash-x-lines", "crlf-dash-x", "numbered", "tasks", "crlf-tasks", "indented-lists", "headings", "dash-lines":
		default:
			continue
		}
		body := hostileBody(s.unit, 64<<10)
		src := []byte(body)
		b.Run(s.name, func(b *testing.B) {
			var analyze, parse time.Duration
			for b.Loop() {
				start := cpuTime()
				rules.Analyze(rules.Input{Title: "t", Body: body}, tmpl, "")
				mid := cpuTime()
				p.Parse(text.NewReader(src))
				analyze += mid - start
				parse += cpuTime() - mid
			}
			b.ReportMetric(float64(analyze)/float64(parse), "x-goldmark")
			b.ReportMetric(float64(analyze.Microseconds())/float64(b.N)/1000, "analyze-cpu-ms")
			b.ReportMetric(float64(parse.Microseconds())/float64(b.N)/1000, "goldmark-cpu-ms")
		})
	}
}
