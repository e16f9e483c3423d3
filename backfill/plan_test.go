package backfill

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

var update = flag.Bool("update", false, "rewrite the golden reports")

func TestDue(t *testing.T) {
	at := time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.UTC)
	open := core.Issue{State: "open", UpdatedAt: at}
	ev := func(change func(*core.Evaluation)) *core.Evaluation {
		e := &core.Evaluation{IssueUpdatedAt: at, EvaluatedAt: at.Add(-time.Minute)}
		if change != nil {
			change(e)
		}
		return e
	}
	for _, tc := range []struct {
		name   string
		issue  core.Issue
		stored *core.Evaluation
		apply  bool
		want   bool
	}{
		{"never evaluated", open, nil, false, true},
		{"evaluated at its updated_at", open, ev(nil), false, false},
		{"evaluated at its updated_at, stored to the microsecond", open, ev(func(e *core.Evaluation) { e.IssueUpdatedAt = at.Truncate(time.Microsecond) }), true, false},
		{"edited since", core.Issue{State: "open", UpdatedAt: at.Add(time.Hour)}, ev(nil), false, true},
		{"touched by cochef's own writes", core.Issue{State: "open", UpdatedAt: at.Add(time.Second)},
			ev(func(e *core.Evaluation) { e.EvaluatedAt = at.Add(time.Second) }), true, false},
		{"touched within the clock slack of cochef's last write", core.Issue{State: "open", UpdatedAt: at.Add(3 * time.Second)},
			ev(func(e *core.Evaluation) { e.EvaluatedAt = at.Add(2 * time.Second) }), true, false},
		{"edited after cochef's last write", core.Issue{State: "open", UpdatedAt: at.Add(time.Minute)},
			ev(func(e *core.Evaluation) { e.EvaluatedAt = at.Add(time.Second) }), true, true},
		{"a dry evaluation never wrote: not cochef's update", core.Issue{State: "open", UpdatedAt: at.Add(time.Second)},
			ev(func(e *core.Evaluation) { e.DryRun = true; e.EvaluatedAt = at.Add(time.Minute) }), false, true},
		{"report only, applying now", open, ev(func(e *core.Evaluation) { e.DryRun = true }), true, true},
		{"report only, reporting again", open, ev(func(e *core.Evaluation) { e.DryRun = true }), false, false},
		{"last evaluation failed", open, ev(func(e *core.Evaluation) { e.Error = "gave up" }), false, true},
		{"closed since", core.Issue{State: "closed", UpdatedAt: at}, ev(nil), false, true},
		{"closed and known closed", core.Issue{State: "closed", UpdatedAt: at}, ev(func(e *core.Evaluation) { e.IssueClosed = true }), false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Due(tc.issue, tc.stored, tc.apply); got != tc.want {
				t.Errorf("Due = %v, want %v", got, tc.want)
			}
		})
	}
}

func sampleReport() Report {
	repo := core.Repo{Platform: core.GitHub, FullName: "octo-org/demarches"}
	issue := func(n int, title string) core.Issue {
		return core.Issue{Ref: core.IssueRef{Repo: repo, Number: n}, Title: title, URL: "https://github.com/octo-org/demarches/issues/" + string(rune('0'+n))}
	}
	missing := rules.Finding{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError}
	section := rules.Finding{Rule: "section-missing", Severity: rules.SeverityError}
	warn := rules.Finding{Rule: "story-benefit", Severity: rules.SeverityWarning}
	stories := []Story{
		StoryOf(issue(3, "=Filtrer les dossiers"), core.Evaluation{Template: "user-story", Findings: []rules.Finding{missing}, StoryKey: "instructeur|commun dossier filtrer"}),
		StoryOf(issue(1, "Suivre ma demande"), core.Evaluation{Template: "user-story", Ready: true, Findings: []rules.Finding{warn}, StoryKey: "usager|avancement demand voir"}),
		StoryOf(issue(5, "Filtre par commune"), core.Evaluation{Template: "user-story", Findings: []rules.Finding{missing, section}, SecurityReview: true, StoryKey: "instructeur|commun dossier filtrer"}),
		StoryOf(issue(7, "Purger les comptes"), core.Evaluation{Template: "user-story", Findings: []rules.Finding{section}, SecurityReview: true, StoryKey: "administrateur|compt purger"}),
	}
	return Report{Repos: []Repo{Summarize(repo, stories)}, Listed: 5, Evaluated: 3, UpToDate: 1, Closed: 1}
}

func TestSummarize(t *testing.T) {
	r := sampleReport().Repos[0]
	if r.Stories != 4 || r.Ready != 1 || r.NotReady != 3 {
		t.Errorf("counts: %+v", r)
	}
	if len(r.Blocking) != 2 || r.Blocking[0] != (Count{"acceptance-criteria-missing", 2}) || r.Blocking[1] != (Count{"section-missing", 2}) {
		t.Errorf("blocking: %+v (ties by rule name)", r.Blocking)
	}
	if len(r.SecurityReview) != 2 || len(r.NoCriteria) != 2 || r.NoCriteria[0].Number != 3 {
		t.Errorf("security %+v, no criteria %+v", r.SecurityReview, r.NoCriteria)
	}
	if len(r.Duplicates) != 1 || r.Duplicates[0].A != 3 || r.Duplicates[0].B != 5 {
		t.Errorf("duplicates: %+v", r.Duplicates)
	}
}

// TestWrite compares each format with its golden file (go test
// ./backfill -update rewrites them).
func TestWrite(t *testing.T) {
	rep := sampleReport()
	for _, tc := range []struct {
		format string
		lang   rules.Lang
		file   string
	}{
		{"text", rules.FR, "report.fr.txt"},
		{"text", rules.EN, "report.en.txt"},
		{"markdown", rules.FR, "report.fr.md"},
		{"csv", rules.FR, "report.fr.csv"},
		{"csv", rules.EN, "report.en.csv"},
		{"json", rules.FR, "report.json"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, rep, tc.format, tc.lang); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.file)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s:\n%s", tc.format, path, b.String())
			}
		})
	}
	var back Report
	var b bytes.Buffer
	if err := Write(&b, rep, "json", rules.FR); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back.Repos[0].Ready != 1 {
		t.Errorf("json does not read back: %v %+v", err, back)
	}
	if err := Write(&b, rep, "xml", rules.FR); err == nil {
		t.Error("unknown format accepted")
	}
}
