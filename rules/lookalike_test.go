package rules

import "testing"

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
