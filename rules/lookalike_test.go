package rules

import (
	"strings"
	"testing"
)

// TestSkillPassportsOffsets: the story-wide passport scan finds its
// offsets in the text itself. A rune whose lower case is longer ("İ"
// lowers to three bytes) before the passport must neither shift nor
// overrun them.
func TestSkillPassportsOffsets(t *testing.T) {
	for _, c := range []struct {
		title, body string
		want        bool
	}{
		{"İİİİİİİİ passeport", "Le passeport d'assurage du grimpeur.", true},
		{"İİİİİİİİ passeport d'assurage", "", true},
		{"İİİİİİİİ passeport", "Joindre la copie du passeport en cours de validité.", false},
	} {
		s := &story{in: Input{Title: c.title, Body: c.body}}
		if got := s.skillPassports("passeport"); got != c.want {
			t.Errorf("%q / %q: %v, want %v", c.title, c.body, got, c.want)
		}
	}
}

// TestOthersOwned: the English possessives of others that a question on
// who sees what reads as others' records.
func TestOthersOwned(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"can funeral directors see each other's bookings", true},
		{"can traders see other traders' bookings", true},
		{"can a caterer see another firm's bookings", true},
		{"can the secretary see the other member's bookings", true},
		{"can I see my bookings", false},
		{"can volunteers see the other bookings", false},
	} {
		off := strings.LastIndex(c.text, "bookings")
		if got := othersOwned(c.text, off); got != c.want {
			t.Errorf("othersOwned(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestScopeExcluded: the words that put what follows out of an issue's
// scope, as a heading, a bold line or a line's opening, hyphenated or
// not; "Périmètre" alone, or a word that only starts the same, does not.
func TestScopeExcluded(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Hors périmètre", true},
		{"**Hors-périmètre** :", true},
		{"## Out of scope", true},
		{"Out-of-scope: the café till", true},
		{"Not in scope for now", true},
		{"Périmètre", false},
		{"Hors périmètres urbains", false},
		{"Outside the scope of the pilot", true},
	} {
		if got := scopeExcluded(c.text); got != c.want {
			t.Errorf("scopeExcluded(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
