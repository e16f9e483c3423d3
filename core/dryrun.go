package core

import (
	"context"
	"log/slog"
)

// DryRun stands in for a platform cochef has no credentials for: it reads
// nothing and logs what would be written, so the decisions are exactly
// those a live run would make. It implements Comments and Labels.
type DryRun struct{ Log *slog.Logger }

// FindComment finds nothing: a dry run cannot look.
func (DryRun) FindComment(context.Context, IssueRef, string) (*Comment, error) { return nil, nil }

// MarkedComments finds nothing either.
func (DryRun) MarkedComments(context.Context, IssueRef, string) ([]Comment, error) { return nil, nil }

func (d DryRun) RemoveComment(_ context.Context, ref IssueRef, id int64) error {
	d.Log.Info("dry-run: would remove comment", "comment_id", id)
	return nil
}

func (d DryRun) CreateComment(_ context.Context, ref IssueRef, body string) (Comment, error) {
	d.Log.Info("dry-run: would create comment", "chars", len(body), "sha256", HashBody(body))
	return Comment{}, nil
}

func (d DryRun) EditComment(_ context.Context, ref IssueRef, id int64, body string) error {
	d.Log.Info("dry-run: would edit comment", "comment_id", id, "chars", len(body), "sha256", HashBody(body))
	return nil
}

func (d DryRun) EnsureLabels(_ context.Context, repo Repo, labels []Label) error {
	d.Log.Info("dry-run: would ensure labels exist", "labels", LabelNames(labels))
	return nil
}

func (d DryRun) AddLabels(_ context.Context, ref IssueRef, names []string) error {
	d.Log.Info("dry-run: would add labels", "labels", names)
	return nil
}

func (d DryRun) RemoveLabel(_ context.Context, ref IssueRef, name string) error {
	d.Log.Info("dry-run: would remove label", "label", name)
	return nil
}
