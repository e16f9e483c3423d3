package core

import (
	"context"
	"log/slog"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// writer is the writing half of Platform. In dry-run a logging writer
// stands in for the platform, so the decisions are exactly those a live
// run would make.
type writer interface {
	CreateComment(ctx context.Context, ref IssueRef, body string) (Comment, error)
	EditComment(ctx context.Context, ref IssueRef, id int64, body string) error
	EnsureLabels(ctx context.Context, repo Repo, labels []Label) error
	AddLabels(ctx context.Context, ref IssueRef, names []string) error
	RemoveLabel(ctx context.Context, ref IssueRef, name string) error
}

// dryRunWriter logs what would be written.
type dryRunWriter struct{ log *slog.Logger }

func (d dryRunWriter) CreateComment(_ context.Context, ref IssueRef, body string) (Comment, error) {
	d.log.Info("dry-run: would create comment", "chars", len(body), "sha256", hashBody(body))
	return Comment{}, nil
}

func (d dryRunWriter) EditComment(_ context.Context, ref IssueRef, id int64, body string) error {
	d.log.Info("dry-run: would edit comment", "comment_id", id, "chars", len(body), "sha256", hashBody(body))
	return nil
}

func (d dryRunWriter) EnsureLabels(_ context.Context, repo Repo, labels []Label) error {
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	d.log.Info("dry-run: would ensure labels exist", "labels", names)
	return nil
}

func (d dryRunWriter) AddLabels(_ context.Context, ref IssueRef, names []string) error {
	d.log.Info("dry-run: would add labels", "labels", names)
	return nil
}

func (d dryRunWriter) RemoveLabel(_ context.Context, ref IssueRef, name string) error {
	d.log.Info("dry-run: would remove label", "label", name)
	return nil
}

// countingPlatform counts the calls an evaluation makes, for logs, metrics
// and the load report.
type countingPlatform struct {
	Platform
	reads, writes int
}

func (c *countingPlatform) GetIssue(ctx context.Context, ref IssueRef) (Issue, error) {
	c.reads++
	return c.Platform.GetIssue(ctx, ref)
}

func (c *countingPlatform) FindComment(ctx context.Context, ref IssueRef, marker string) (*Comment, error) {
	c.reads++
	return c.Platform.FindComment(ctx, ref, marker)
}

func (c *countingPlatform) Access(ctx context.Context, repo Repo, user string) (Access, error) {
	c.reads++
	return c.Platform.Access(ctx, repo, user)
}

func (c *countingPlatform) ReadConfig(ctx context.Context, repo Repo) ([]byte, string, bool, error) {
	c.reads++
	return c.Platform.ReadConfig(ctx, repo)
}

func (c *countingPlatform) CreateComment(ctx context.Context, ref IssueRef, body string) (Comment, error) {
	c.writes++
	return c.Platform.CreateComment(ctx, ref, body)
}

func (c *countingPlatform) EditComment(ctx context.Context, ref IssueRef, id int64, body string) error {
	c.writes++
	return c.Platform.EditComment(ctx, ref, id, body)
}

func (c *countingPlatform) EnsureLabels(ctx context.Context, repo Repo, labels []Label) error {
	c.writes++
	return c.Platform.EnsureLabels(ctx, repo, labels)
}

func (c *countingPlatform) AddLabels(ctx context.Context, ref IssueRef, names []string) error {
	c.writes++
	return c.Platform.AddLabels(ctx, ref, names)
}

func (c *countingPlatform) RemoveLabel(ctx context.Context, ref IssueRef, name string) error {
	c.writes++
	return c.Platform.RemoveLabel(ctx, ref, name)
}

func templateBody(t *rules.Template, lang rules.Lang) string {
	return templates.Markdown(t, lang)
}
