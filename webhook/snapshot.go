package webhook

import (
	"time"

	"github.com/google/go-github/v93/github"
	gitlab "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// The snapshots below copy the issue as the webhook described it into
// Task.Snapshot. A worker with credentials reads the current state instead;
// in dry-run, without credentials, the snapshot is all it has.

func githubSnapshot(ref core.IssueRef, is *github.Issue) *core.Issue {
	labels := make([]string, 0, len(is.Labels))
	for _, l := range is.Labels {
		if n := l.GetName(); n != "" {
			labels = append(labels, n)
		}
	}
	return &core.Issue{
		Ref:       ref,
		Title:     is.GetTitle(),
		Body:      is.GetBody(),
		Labels:    labels,
		State:     is.GetState(),
		Author:    is.GetUser().GetLogin(),
		URL:       is.GetHTMLURL(),
		UpdatedAt: is.GetUpdatedAt().UTC(),
	}
}

func gitlabLabels(ls []*gitlab.EventLabel) []string {
	labels := make([]string, 0, len(ls))
	for _, l := range ls {
		if l != nil && l.Title != "" {
			labels = append(labels, l.Title)
		}
	}
	return labels
}

// gitlabState maps GitLab's "opened" to core's "open".
func gitlabState(s string) string {
	if s == "opened" {
		return "open"
	}
	return s
}

// gitlabTime parses the two timestamp forms GitLab webhooks use
// ("2013-12-03T17:15:43Z" and "2015-05-17 17:06:40 UTC"); a form it does
// not know gives the zero time, which only costs the snapshot its date.
func gitlabTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05 MST", "2006-01-02 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

func gitlabIssueSnapshot(ref core.IssueRef, e *gitlab.IssueEvent) *core.Issue {
	a := e.ObjectAttributes
	labels := a.Labels
	if len(labels) == 0 {
		labels = e.Labels
	}
	// The Issue Hook names the author only by id; the worker resolves it
	// when it needs it.
	return &core.Issue{
		Ref:       ref,
		Title:     a.Title,
		Body:      a.Description,
		Labels:    gitlabLabels(labels),
		State:     gitlabState(a.State),
		URL:       a.URL,
		UpdatedAt: gitlabTime(a.UpdatedAt),
	}
}

func gitlabNoteSnapshot(ref core.IssueRef, is gitlab.IssueCommentEventIssue) *core.Issue {
	return &core.Issue{
		Ref:       ref,
		Title:     is.Title,
		Body:      is.Description,
		Labels:    gitlabLabels(is.Labels),
		State:     gitlabState(is.State),
		URL:       is.URL,
		UpdatedAt: gitlabTime(is.UpdatedAt),
	}
}
