// Package backfill runs cochef's story feedback over the issues that
// already exist, the ones no webhook will bring: `cochef backfill` lists
// them, evaluates those not evaluated at their current updated_at through
// the same feedback code as the server, and sums them up per repository.
//
// Due is the pure decision (which issue to evaluate given its stored
// evaluation); Summarize the pure report; Runner.Run the short loop that
// lists, claims, evaluates and reports progress.
package backfill

import (
	"cmp"
	"slices"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/feedback"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/similar"
)

// Due reports whether issue must be evaluated, given its stored evaluation
// (nil when none). An issue evaluated at its current updated_at is not,
// so that a backfill stopped and started again goes on where it stopped;
// nor is one whose updated_at moved only because cochef wrote to it (its
// comment and labels touch it): the last evaluation that wrote was stored
// after its writes, at EvaluatedAt, and an update that is not later than
// that, give or take ClockSlack, is cochef's own. Applying, an issue only
// evaluated in report-only (or dry-run) is due, since nothing was written
// for it; so is one whose last evaluation failed, or whose state changed.
func Due(issue core.Issue, stored *core.Evaluation, apply bool) bool {
	switch {
	case stored == nil, stored.Error != "", stored.IssueClosed != (issue.State == "closed"):
		return true
	case apply && stored.DryRun:
		return true
	}
	at := issue.UpdatedAt.Truncate(time.Microsecond)
	if at.Equal(stored.IssueUpdatedAt.Truncate(time.Microsecond)) {
		return false
	}
	ownWrite := !stored.DryRun && !stored.IssueUpdatedAt.IsZero() && at.After(stored.IssueUpdatedAt) &&
		!at.After(stored.EvaluatedAt.Add(ClockSlack))
	return !ownWrite
}

// ClockSlack is how far the platform's clock may run ahead of cochef's:
// an update that late after cochef's last write is still taken as the
// write's. A person's edit within it is not missed by the server, whose
// webhook brings it.
const ClockSlack = 2 * time.Second

// Story is one story of the report.
type Story struct {
	Number   int    `json:"number"`
	Title    string `json:"title"`
	URL      string `json:"url,omitempty"`
	Ready    bool   `json:"ready"`
	Template string `json:"template,omitempty"`
	// Blocking are the rules of the story's errors.
	Blocking       []string `json:"blocking,omitempty"`
	SecurityReview bool     `json:"security_review"`
	NoCriteria     bool     `json:"no_criteria"`
	key            string
}

// StoryOf is the report's line of an evaluation.
func StoryOf(issue core.Issue, e core.Evaluation) Story {
	s := Story{Number: issue.Ref.Number, Title: issue.Title, URL: issue.URL, Ready: e.Ready, Template: e.Template,
		SecurityReview: e.SecurityReview, key: e.StoryKey}
	for _, f := range e.Findings {
		if f.Severity == rules.SeverityError && !slices.Contains(s.Blocking, f.Rule) {
			s.Blocking = append(s.Blocking, f.Rule)
		}
		if f.Rule == ruleNoCriteria {
			s.NoCriteria = true
		}
	}
	return s
}

// ruleNoCriteria is the finding of a story without acceptance criteria.
const ruleNoCriteria = "acceptance-criteria-missing"

// Count is a blocking rule and the stories it blocks.
type Count struct {
	Rule    string `json:"rule"`
	Stories int    `json:"stories"`
}

// Repo is the report of one repository.
type Repo struct {
	Repo     string `json:"repo"`
	Platform string `json:"platform"`
	Stories  int    `json:"stories"`
	Ready    int    `json:"ready"`
	NotReady int    `json:"not_ready"`
	// Blocking are the blocking rules by the number of stories they
	// block, most frequent first.
	Blocking       []Count        `json:"blocking"`
	SecurityReview []Story        `json:"security_review"`
	NoCriteria     []Story        `json:"no_criteria"`
	Duplicates     []similar.Pair `json:"duplicates"`
	// Stories are every story read, by number.
	All []Story `json:"stories_list"`
}

// maxBlocking is how many blocking rules the report names.
const maxBlocking = 5

// Summarize sums up a repository's stories: ready or not, the blocking
// rules by frequency, the stories that need a security review or have no
// criteria, and the pairs of stories close enough to be duplicates.
func Summarize(repo core.Repo, stories []Story) Repo {
	slices.SortFunc(stories, func(a, b Story) int { return a.Number - b.Number })
	out := Repo{Repo: repo.FullName, Platform: repo.Platform, Stories: len(stories), All: stories}
	blocking := map[string]int{}
	var keys []similar.Story
	for _, s := range stories {
		if s.Ready {
			out.Ready++
		} else {
			out.NotReady++
		}
		for _, r := range s.Blocking {
			blocking[r]++
		}
		if s.SecurityReview {
			out.SecurityReview = append(out.SecurityReview, s)
		}
		if s.NoCriteria {
			out.NoCriteria = append(out.NoCriteria, s)
		}
		keys = append(keys, similar.Story{Number: s.Number, Key: s.key})
	}
	for r, n := range blocking {
		out.Blocking = append(out.Blocking, Count{Rule: r, Stories: n})
	}
	slices.SortFunc(out.Blocking, func(a, b Count) int {
		return cmp.Or(b.Stories-a.Stories, cmp.Compare(a.Rule, b.Rule))
	})
	if len(out.Blocking) > maxBlocking {
		out.Blocking = out.Blocking[:maxBlocking]
	}
	out.Duplicates = similar.NewIndex(keys).Pairs()
	return out
}

// storyKey is the key of the story a plan analysed.
func storyKey(d feedback.Desired) string { return similar.Key(d.Result.Story) }
