package judgment

import "testing"

// TestEntryStory: the three spellings of a non-story's shape in the
// held-out sets are non-stories, with or without the kind after
// a slash; a story without a role ("none/want") and every other shape
// are stories.
func TestEntryStory(t *testing.T) {
	for _, c := range []struct {
		shape string
		story bool
	}{
		{"not-a-story", false},
		{"non-story", false},
		{"none", false},
		{"non-story/bug", false},
		{"not-a-story/meeting-notes", false},
		{"none/want", true},
		{"etq/veux", true},
		{"en-tant-que/souhaite/title-only", true},
	} {
		e := Entry{Shape: c.shape}
		if got := e.Story(); got != c.story {
			t.Errorf("shape %q: Story() = %v, want %v", c.shape, got, c.story)
		}
	}
}
