package core

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// ApplyLabels gives ref the labels of want among managed, writing only the
// difference with have: missing ones are created (with colour and
// description) and added, managed ones not wanted are removed. Labels
// cochef does not manage are never touched.
func ApplyLabels(ctx context.Context, l Labels, ref IssueRef, have []string, want []Label, managed []string) error {
	var add []string
	var create []Label
	for _, lb := range want {
		if !ContainsFold(have, lb.Name) {
			add = append(add, lb.Name)
			create = append(create, lb)
		}
	}
	if len(create) > 0 {
		if err := l.EnsureLabels(ctx, ref.Repo, create); err != nil {
			return fmt.Errorf("create labels: %w", err)
		}
		if err := l.AddLabels(ctx, ref, add); err != nil {
			return fmt.Errorf("add labels: %w", err)
		}
	}
	wanted := LabelNames(want)
	for _, name := range managed {
		if ContainsFold(have, name) && !ContainsFold(wanted, name) {
			if err := l.RemoveLabel(ctx, ref, name); err != nil {
				return fmt.Errorf("remove label %q: %w", name, err)
			}
		}
	}
	return nil
}

// LabelNames are the names of ls.
func LabelNames(ls []Label) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

// ContainsFold reports whether list holds s, in any case: both platforms
// match label names case-insensitively.
func ContainsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}
