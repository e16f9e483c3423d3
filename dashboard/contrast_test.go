package dashboard

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// RGAA criterion 3.2: text contrasts 4.5:1 at least. These are the pairs
// of colours the page's text is written in; each must be in the page's
// style sheet, so a colour changed there is changed here too.
func TestTextContrast(t *testing.T) {
	css, err := os.ReadFile("tmpl/page.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ what, fg, bg string }{
		{"text", "#1f2937", "#ffffff"},
		{"links, focus outline", "#1d4ed8", "#ffffff"},
		{"muted text", "#4b5563", "#ffffff"},
		{"button", "#ffffff", "#1d4ed8"},
		{"table headers", "#1f2937", "#f3f4f6"},
		{"badge ready", "#14532d", "#dcfce7"},
		{"badge needs work", "#713f12", "#fef9c3"},
		{"chart labels", "#374151", "#ffffff"},
		{"chart's last value, over the area", "#1e3a8a", "#dbeafe"},
	} {
		for _, c := range []string{p.fg, p.bg} {
			if !strings.Contains(string(css), c) {
				t.Errorf("%s: %s is not in the page", p.what, c)
			}
		}
		if r := contrast(p.fg, p.bg); r < 4.5 {
			t.Errorf("%s: %s on %s is %.2f:1, under 4.5:1", p.what, p.fg, p.bg, r)
		}
	}
	if r := contrast("#777777", "#ffffff"); r >= 4.5 {
		t.Errorf("the check passes #777 on white (%.2f:1)", r)
	}
}

// contrast is WCAG 2's contrast ratio of two "#rrggbb" colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var ch [3]float64
	for i := range ch {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			ch[i] = c / 12.92
		} else {
			ch[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*ch[0] + 0.7152*ch[1] + 0.0722*ch[2]
}
