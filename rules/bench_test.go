package rules_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func benchStory(b *testing.B) goldenCase {
	b.Helper()
	c := readGolden(b, "testdata/bench-story.md")
	if n := len(c.in.Body); n < 1800 || n > 2600 {
		b.Fatalf("bench body is %d bytes, want about 2 KB", n)
	}
	return c
}

// BenchmarkAnalyze is the whole analysis of a typical 2 KB issue body;
// the goal is at most twice BenchmarkGoldmarkParse.
func BenchmarkAnalyze(b *testing.B) {
	c := benchStory(b)
	tmpl := builtin(b).Default()
	rules.Analyze(c.in, tmpl, "") // compile the template outside the loop
	b.SetBytes(int64(len(c.in.Body)))
	b.ReportAllocs()
	for b.Loop() {
		rules.Analyze(c.in, tmpl, "")
	}
}

// BenchmarkGoldmarkParse is goldmark alone (GFM, as rules configures it)
// parsing the same body.
func BenchmarkGoldmarkParse(b *testing.B) {
	c := benchStory(b)
	p := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	src := []byte(c.in.Body)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(text.NewReader(src))
	}
}

// backlog1000 builds 1,000 one-line stories from the Dalpiaz backlogs,
// cycling through them with a number so that copies are not exact.
func backlog1000(b *testing.B) []rules.Input {
	b.Helper()
	var lines []string
	for _, f := range []string{"g02-federalspending", "g03-loudoun", "g04-recycling", "g05-openspending", "g08-frictionless", "g10-scrumalliance", "g11-nsf", "g12-camperplus", "g14-datahub", "g16-mis", "g17-cask"} {
		lines = append(lines, readBacklog(b, "testdata/dalpiaz2018/"+f+".txt")...)
	}
	in := make([]rules.Input, 1000)
	for i := range in {
		l := lines[i%len(lines)]
		if i >= len(lines) {
			l = fmt.Sprintf("%s (v%d)", l, i/len(lines))
		}
		in[i] = rules.Input{Title: l}
	}
	return in
}

// BenchmarkBacklog1000 analyses a 1,000-story backlog with the rules that
// compare stories; the goal is under one second per run on one core.
func BenchmarkBacklog1000(b *testing.B) {
	in := backlog1000(b)
	tmpl := builtin(b).Default()
	b.ReportAllocs()
	for b.Loop() {
		rules.AnalyzeBacklog(in, tmpl, "")
	}
}

// BenchmarkAnalyzeVsGoldmark times Analyze and goldmark alone in
// alternating batches, so that both see the same load on a shared
// machine, and reports Analyze's cost as a multiple of goldmark's
// ("x-goldmark"; the goal is at most 2).
func BenchmarkAnalyzeVsGoldmark(b *testing.B) {
	c := benchStory(b)
	tmpl := builtin(b).Default()
	p := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	src := []byte(c.in.Body)
	rules.Analyze(c.in, tmpl, "")
	const batch = 20
	var analyze, parse time.Duration
	for b.Loop() {
		start := time.Now()
		for range batch {
			rules.Analyze(c.in, tmpl, "")
		}
		mid := time.Now()
		for range batch {
			p.Parse(text.NewReader(src))
		}
		analyze += mid.Sub(start)
		parse += time.Since(mid)
	}
	b.ReportMetric(float64(analyze)/float64(parse), "x-goldmark")
	b.ReportMetric(float64(analyze.Nanoseconds())/float64(b.N*batch), "analyze-ns/op")
	b.ReportMetric(float64(parse.Nanoseconds())/float64(b.N*batch), "goldmark-ns/op")
}
