package suggest

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"listen", "database", "debounce", "workers", "github.app_id", "github.private_key_file", "COCHEF_LISTEN", "COCHEF_GITHUB_APP_ID"}
	for _, c := range []struct {
		word, want string
		ok         bool
	}{
		{"listne", "listen", true},    // two letters swapped
		{"Listen", "listen", true},    // case
		{"databse", "database", true}, // one letter missing
		{"worker", "workers", true},   // plural
		{"github.appid", "github.app_id", true},
		{"COCHEF_GITHUB_APPID", "COCHEF_GITHUB_APP_ID", true},
		{"COCHEF_LISTNE", "COCHEF_LISTEN", true},
		{"port", "", false}, // another word, not a slip
		{"x", "", false},
		{"banana", "", false},
	} {
		got, ok := Nearest(c.word, keys)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Nearest(%q) = %q, %v; want %q, %v", c.word, got, ok, c.want, c.ok)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"é", "e", 1},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
