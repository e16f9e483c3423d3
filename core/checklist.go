package core

import (
	"regexp"
	"slices"
	"strings"
)

// The line format of cochef's recette checklist, which the recette writes
// and the intake reads back: a task-list item whose key, in an HTML
// comment at the end of the line, says which criterion it is.
//
//	- [x] **2.** Le total est affiché — ✅ @marie, 2025-03-04 <!-- k:0123456789ab -->

// MarkerRecette finds cochef's checklist comment on a PR/MR, and
// MarkerRecetteReply its short replies (which must never be taken for the
// checklist: the marker is not a substring of the other).
const (
	MarkerRecette      = "<!-- cochef:recette -->"
	MarkerRecetteReply = "<!-- cochef:recette:reply -->"
)

// CheckChange is one box of the checklist ticked (Checked) or unticked.
type CheckChange struct {
	Key     string `json:"key"`
	Checked bool   `json:"checked"`
}

// checklistLine is a task-list item of cochef's checklist: the box, then
// anything, then the item's key in an HTML comment at the end of the line.
var checklistLine = regexp.MustCompile(`^- \[([ xX])\] .*<!-- k:([0-9a-f]{12}) -->[ \t]*$`)

// ParseChecklist reads the boxes of a checklist comment cochef wrote:
// item key → ticked. Only lines of cochef's own format count, so text a
// person adds cannot create items.
func ParseChecklist(body string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(body, "\n") {
		m := checklistLine.FindStringSubmatch(strings.TrimRight(line, "\r"))
		if m == nil {
			continue
		}
		out[m[2]] = m[1] != " "
	}
	return out
}

// ChecklistChanges compares two versions of a checklist comment and
// returns the boxes whose state differs, in key order. Items present in
// only one version are not changes of a box.
func ChecklistChanges(before, after string) []CheckChange {
	b, a := ParseChecklist(before), ParseChecklist(after)
	var out []CheckChange
	for k, v := range a {
		if old, ok := b[k]; ok && old != v {
			out = append(out, CheckChange{Key: k, Checked: v})
		}
	}
	slices.SortFunc(out, func(x, y CheckChange) int { return strings.Compare(x.Key, y.Key) })
	return out
}
