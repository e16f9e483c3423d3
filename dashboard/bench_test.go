package dashboard

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// BenchmarkPage builds and renders the page for the most the store gives
// it (5,000 stories, 20 repositories, a year of daily readiness):
//
//	go test ./dashboard -run '^$' -bench BenchmarkPage -benchmem
func BenchmarkPage(b *testing.B) {
	in := Input{Lang: rules.FR, Now: now, Weeks: DefaultWeeks, Base: "/tableau", Limit: 5000}
	for i := range 5000 {
		repo := core.Repo{Platform: core.GitHub, FullName: fmt.Sprintf("org/produit-%02d", i%20)}
		e := story(repo, i+1, i%3 == 0, []string{fmt.Sprintf("sprint-%d", i%6)}, blocking("acceptance-criteria-missing", "story-benefit")...)
		e.SecurityReview = i%7 == 0
		in.Stories = append(in.Stories, e)
	}
	for r := range 20 {
		for d := range 365 {
			in.History = append(in.History, core.ReadinessDay{Platform: core.GitHub, Repo: fmt.Sprintf("org/produit-%02d", r),
				Day: now.AddDate(0, 0, -d).Truncate(24 * time.Hour), Ready: 80 + d%20, Total: 250})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Execute(io.Discard, Build(in)); err != nil {
			b.Fatal(err)
		}
	}
}
