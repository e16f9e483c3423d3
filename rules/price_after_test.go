package rules

import "testing"

// TestPriceAfter: an amount right after a keyword, on its line, prices it;
// a currency sign with no amount, or an amount on the next line, does not.
func TestPriceAfter(t *testing.T) {
	for _, c := range []struct {
		after string
		want  bool
	}{
		{" mensuel | 60 € |", true},
		{" : 12,500 €", true},
		{" annuel 45 euros", true},
		{": £45 a season", true},
		{" payé en € sur place", false},
		{" £ a season", false},
		{"\n| 60 € |", false},
		{" de mon fils", false},
	} {
		if got := priceAfter(c.after); got != c.want {
			t.Errorf("priceAfter(%q) = %v, want %v", c.after, got, c.want)
		}
	}
}
