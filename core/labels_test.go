package core

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

type labelCalls []string

func (l *labelCalls) EnsureLabels(_ context.Context, _ Repo, ls []Label) error {
	*l = append(*l, fmt.Sprint("ensure ", LabelNames(ls)))
	return nil
}

func (l *labelCalls) AddLabels(_ context.Context, _ IssueRef, names []string) error {
	*l = append(*l, fmt.Sprint("add ", names))
	return nil
}

func (l *labelCalls) RemoveLabel(_ context.Context, _ IssueRef, name string) error {
	*l = append(*l, "remove "+name)
	return nil
}

func TestApplyLabelsWritesOnlyTheDifference(t *testing.T) {
	ready, work := Label{Name: "récit: prêt"}, Label{Name: "récit: à compléter"}
	managed := []string{ready.Name, work.Name}
	for _, c := range []struct {
		name string
		have []string
		want []Label
		out  []string
	}{
		{"nothing to do", []string{"bug", "Récit: Prêt"}, []Label{ready}, nil},
		{"added, created first", []string{"bug"}, []Label{work}, []string{"ensure [récit: à compléter]", "add [récit: à compléter]"}},
		{"flipped; others untouched", []string{"bug", "récit: à compléter"}, []Label{ready},
			[]string{"ensure [récit: prêt]", "add [récit: prêt]", "remove récit: à compléter"}},
		{"none wanted", []string{"récit: prêt", "bug"}, nil, []string{"remove récit: prêt"}},
	} {
		var got labelCalls
		if err := ApplyLabels(context.Background(), &got, IssueRef{}, c.have, c.want, managed); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual([]string(got), c.out) {
			t.Errorf("%s: %q, want %q", c.name, got, c.out)
		}
	}
}

// The analysis reads the team's labels, never cochef's own: a repository
// that names its review label "sécurité" must not see it ask again for
// the review it stands for.
func TestUnmanagedLabels(t *testing.T) {
	ls := DefaultLabels()
	ls.SecurityReview.Name = "sécurité"
	got := ls.Unmanaged([]string{"rgpd", "Sécurité", "récit: prêt", "récit: à compléter", "front"})
	if want := []string{"rgpd", "front"}; !slices.Equal(got, want) {
		t.Errorf("Unmanaged = %q, want %q", got, want)
	}
	if got := ls.Unmanaged(nil); len(got) != 0 {
		t.Errorf("Unmanaged(nil) = %q", got)
	}
}
