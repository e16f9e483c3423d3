package rules

// The plain text of a block: inline nodes written into the doc's arena
// with their body lines. Split from parse.go, which walks the blocks.

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	gfmast "github.com/yuin/goldmark/extension/ast"
)

// textBuilder gathers the plain text of inline nodes into the doc's
// arena, one logical line per source line, with the body line each logical
// line starts on.
type textBuilder struct {
	d        *doc
	start    int // where this text starts in d.arena
	lstart   int // and its lines in d.lineArena
	lineOpen bool
	lastLine int
	// srcOff is the source offset of the first bytes written; -1 before
	// any, -2 when they came from no source position.
	srcOff int
}

func (d *doc) builder() textBuilder {
	return textBuilder{d: d, start: len(d.arena), lstart: len(d.lineArena), srcOff: -1}
}

// block ends the text: trimmed of blank space at both ends, with as many
// lines as it has logical lines.
func (tb *textBuilder) block(kind blockKind, n ast.Node) block {
	d := tb.d
	ts, te := tb.start, len(d.arena)
	for te > ts && (d.arena[te-1] == ' ' || d.arena[te-1] == '\t' || d.arena[te-1] == '\n') {
		te--
	}
	for ts < te && (d.arena[ts] == ' ' || d.arena[ts] == '\t') {
		ts++
	}
	d.arena = d.arena[:te]
	le := tb.lstart + bytes.Count(d.arena[ts:te], []byte("\n")) + 1
	if le > len(d.lineArena) {
		le = len(d.lineArena)
	}
	if ts == te {
		le = tb.lstart
	}
	d.lineArena = d.lineArena[:le]
	b := block{kind: kind, section: -1, ts: int32(ts), te: int32(te), ls: int32(tb.lstart), le: int32(le)}
	// Plain text (no markup, no comment, no joined lines that differ from
	// the source) is the body itself: take it from there and give the
	// arena its bytes back.
	if from := tb.srcOff + (ts - tb.start); tb.srcOff >= 0 && d.body != "" && te > ts && from+(te-ts) <= len(d.src) &&
		bytes.Equal(d.arena[ts:te], d.src[from:from+(te-ts)]) {
		b.text, b.direct = d.body[from:from+(te-ts)], true
		b.ts, b.te = 0, int32(te-ts)
		d.arena = d.arena[:tb.start]
	}
	if le > tb.lstart {
		b.line = d.lineArena[tb.lstart]
	} else {
		b.line = d.nodeLine(n)
	}
	return b
}

func (tb *textBuilder) write(b []byte, off int) {
	if len(b) == 0 {
		return
	}
	if tb.srcOff == -1 {
		tb.srcOff = off
		if off < 0 {
			tb.srcOff = -2
		}
	}
	if !tb.lineOpen {
		l := tb.d.lineOf(off)
		if off < 0 {
			l = tb.lastLine
		}
		tb.d.lineArena = append(tb.d.lineArena, l)
		tb.lineOpen = true
		tb.lastLine = l
	}
	tb.d.arena = append(tb.d.arena, b...)
}

func (tb *textBuilder) newline() {
	if !tb.lineOpen {
		return
	}
	// Trailing spaces before a break carry nothing.
	a := tb.d.arena
	for len(a) > tb.start && (a[len(a)-1] == ' ' || a[len(a)-1] == '\t') {
		a = a[:len(a)-1]
	}
	tb.d.arena = append(a, '\n')
	tb.lineOpen = false
	tb.lastLine++
}

func (tb *textBuilder) inline(n ast.Node) {
	src := tb.d.src
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			tb.write(c.Segment.Value(src), c.Segment.Start)
			if c.SoftLineBreak() || c.HardLineBreak() {
				tb.newline()
			}
		case *ast.String:
			tb.write(c.Value, -1)
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			s := strings.TrimSpace(string(raw))
			// Comments and real HTML are dropped; "<profil>" stays as
			// text so that the placeholder is seen.
			if isAnglePlaceholder(s) {
				off := -1
				if c.Segments.Len() > 0 {
					off = c.Segments.At(0).Start
				}
				tb.write([]byte(s), off)
			}
		case *ast.AutoLink:
			tb.write(c.Label(src), -1)
		case *gfmast.TaskCheckBox:
			// The item carries the state.
		default:
			tb.inline(c)
		}
	}
}

// knownHTML lists the tags people really put in issues; any other
// "<word>" is a template's placeholder.
var knownHTML = map[string]bool{
	"a": true, "abbr": true, "b": true, "blockquote": true, "br": true, "center": true, "cite": true,
	"code": true, "dd": true, "del": true, "details": true, "div": true, "dl": true, "dt": true,
	"em": true, "figcaption": true, "figure": true, "font": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "hr": true, "i": true, "iframe": true, "img": true,
	"input": true, "ins": true, "kbd": true, "label": true, "li": true, "mark": true, "ol": true,
	"p": true, "picture": true, "pre": true, "q": true, "s": true, "samp": true, "section": true,
	"small": true, "source": true, "span": true, "strike": true, "strong": true, "sub": true,
	"summary": true, "sup": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "tr": true, "tt": true, "u": true, "ul": true, "var": true,
	"video": true, "wbr": true,
}

// isAnglePlaceholder reports whether s is one "<word …>" tag that no HTML
// author would write: "<profil>", "<nom du service>".
func isAnglePlaceholder(s string) bool {
	if len(s) < 3 || s[0] != '<' || s[len(s)-1] != '>' || strings.HasPrefix(s, "<!") || strings.HasPrefix(s, "</") || strings.HasPrefix(s, "<?") {
		return false
	}
	inner := s[1 : len(s)-1]
	if strings.ContainsAny(inner, "<>=\"/\n") {
		return false
	}
	name, _, _ := strings.Cut(inner, " ")
	return name != "" && !knownHTML[strings.ToLower(name)]
}
