package rules

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	gfmast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// mdParser is built once: goldmark's parser keeps no state between calls,
// and building it (with the GFM extension's parsers) costs more than
// parsing a short story. Its parsers are bounded (guard.go).
var mdParser = sync.OnceValue(newGuardedParser)

type blockKind uint8

const (
	blockPara blockKind = iota
	blockHeading
	blockItem
	blockCode
)

// block is one unit of a story's body, in document order, reduced to plain
// text: the rules never look at Markdown syntax again.
type block struct {
	kind    blockKind
	task    bool
	checked bool
	// italic marks a paragraph written all in emphasis: how templates
	// phrase their instructions ("_Décrivez le besoin…_").
	italic   bool
	boldLine bool // see bold
	line     int
	// level is the heading level (7 for a bold line used as a heading) or
	// the list depth of an item (0 for a top-level item).
	level   int
	section int // index in doc.sections; -1 before the first section
	// text is the plain text without Markdown markers or HTML comments;
	// logical lines are separated by '\n' and lines[i] is the body line of
	// the i-th one.
	text  string
	lines []int
	// bold is the text in bold opening a paragraph, when the rest of its
	// first line is empty or a colon (a bold line used as a heading) or when
	// it may name a section ("**Contexte :** …"). boldLine says which.
	bold string
	info string // fence info string

	// While the body is walked, text and lines live in the doc's arenas;
	// finish turns these offsets into text and lines. A block whose text
	// is a piece of the body as written takes it from the body instead
	// (direct), which costs no copy.
	ts, te, ls, le int32
	direct         bool
}

// lastLine is the body line of the block's last logical line.
func (b *block) lastLine() int {
	if len(b.lines) > 0 {
		return b.lines[len(b.lines)-1]
	}
	return b.line
}

// restAfterFirstLine returns the paragraph's text after its first line,
// with the body line of each of its logical lines.
func (b *block) restAfterFirstLine() (string, []int) {
	i := strings.IndexByte(b.text, '\n')
	if i < 0 {
		return "", nil
	}
	var lines []int
	if len(b.lines) > 1 {
		lines = b.lines[1:]
	}
	return b.text[i+1:], lines
}

// restAfterBold returns the paragraph's text after its bold lead, with the
// body line of each of its logical lines.
func (b *block) restAfterBold() (string, []int) {
	rest := b.text[len(b.bold):]
	trimmed := strings.TrimLeft(rest, " \t:")
	skipped := strings.Count(rest[:len(rest)-len(trimmed)], "\n")
	if strings.HasPrefix(trimmed, "\n") {
		trimmed = trimmed[1:]
		skipped++
	}
	lines := b.lines
	if skipped < len(lines) {
		lines = lines[skipped:]
	} else {
		lines = nil
	}
	return trimmed, lines
}

type doc struct {
	// body is the text the source was read from, when they are the same
	// bytes: then a block's text can be a substring of it.
	body       string
	src        []byte
	lineStarts []int
	blocks     []block
	// Every block's text goes into one arena, and its line numbers into
	// another: one string for the whole body instead of one per block.
	arena     []byte
	lineArena []int
}

// lineOf returns the 1-based body line holding byte offset off.
func (d *doc) lineOf(off int) int {
	if off < 0 {
		return 0
	}
	return sort.SearchInts(d.lineStarts, off+1)
}

// parseBody parses Markdown into blocks. The body's line ends are
// normalised first so that line numbers count what the author sees.
func parseBody(body string) *doc {
	src := []byte(body)
	d := &doc{src: src, body: body}
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
		d.src, d.body = src, ""
	}
	d.lineStarts = make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	// A block takes one line at least that holds more than list or quote
	// markers ("- ", "> " and "---" make none).
	filled, bare := 0, true
	for i, c := range src {
		switch c {
		case '\n':
			d.lineStarts = append(d.lineStarts, i+1)
			bare = true
		case ' ', '\t', '-', '*', '+', '>':
		default:
			if bare {
				filled++
				bare = false
			}
		}
	}
	root := mdParser().Parse(text.NewReader(src))
	// Sized up front: growing the slice cost five times its size (16,000
	// one-line items, 6 MiB).
	d.blocks = make([]block, 0, filled+4)
	d.arena = make([]byte, 0, len(src)/4+64) // most text is taken from the body directly
	d.lineArena = make([]int, 0, len(d.lineStarts))
	d.walk(root, 0)
	d.finish()
	return d
}

// finish gives each block its text and lines out of the arenas.
func (d *doc) finish() {
	all := string(d.arena)
	for i := range d.blocks {
		b := &d.blocks[i]
		if !b.direct {
			b.text = all[b.ts:b.te]
		}
		b.lines = d.lineArena[b.ls:b.le:b.le]
	}
	d.arena = nil
}

func (d *doc) walk(n ast.Node, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.visit(c, depth)
	}
}

func (d *doc) visit(c ast.Node, depth int) {
	switch c := c.(type) {
	case *ast.Heading:
		b := d.inlineBlock(c, blockHeading)
		b.level = c.Level
		d.add(b)
	case *ast.Paragraph, *ast.TextBlock:
		d.add(d.paragraph(c))
	case *ast.List:
		for it := c.FirstChild(); it != nil; it = it.NextSibling() {
			d.item(it, depth)
		}
	case *ast.FencedCodeBlock:
		b := d.codeBlock(c)
		b.info = strings.ToLower(strings.TrimSpace(string(c.Language(d.src))))
		d.add(b)
	case *ast.CodeBlock:
		d.add(d.codeBlock(c))
	case *ast.HTMLBlock:
		d.htmlBlock(c)
	case *gfmast.Table:
		for row := c.FirstChild(); row != nil; row = row.NextSibling() {
			d.tableRow(row)
		}
	default:
		// Block quotes and anything an extension adds: their content
		// counts, their syntax does not.
		d.walk(c, depth)
	}
}

func (d *doc) add(b block) {
	if b.te == b.ts && b.kind != blockCode {
		return
	}
	d.blocks = append(d.blocks, b)
}

// item reads one list item: its first paragraph is the item's text (with
// its task box), everything after it becomes blocks of their own, nested
// lists one level deeper.
func (d *doc) item(it ast.Node, depth int) {
	first := it.FirstChild()
	if first == nil {
		return
	}
	switch first.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		b := d.paragraph(first)
		b.kind = blockItem
		b.level = depth
		if cb, ok := first.FirstChild().(*gfmast.TaskCheckBox); ok {
			b.task, b.checked = true, cb.IsChecked
		}
		// An item is not a heading: "- **Given** a user" keeps its text.
		b.bold, b.boldLine = "", false
		if b.te > b.ts || b.task {
			if b.line == 0 {
				b.line = d.nodeLine(first)
			}
			d.blocks = append(d.blocks, b)
		}
		first = first.NextSibling()
	}
	for c := first; c != nil; c = c.NextSibling() {
		d.visit(c, depth+1)
	}
}

func (d *doc) tableRow(row ast.Node) {
	tb := d.builder()
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		if cell != row.FirstChild() {
			tb.write([]byte(" | "), -1)
		}
		tb.inline(cell)
	}
	d.add(tb.block(blockPara, row))
}

func (d *doc) codeBlock(n ast.Node) block {
	lines := n.Lines()
	b := block{kind: blockCode, section: -1, ts: int32(len(d.arena)), ls: int32(len(d.lineArena))}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			d.arena = append(d.arena, '\n')
		}
		d.arena = append(d.arena, bytes.TrimRight(seg.Value(d.src), "\n")...)
		d.lineArena = append(d.lineArena, d.lineOf(seg.Start))
	}
	b.te, b.le = int32(len(d.arena)), int32(len(d.lineArena))
	if b.le > b.ls {
		b.line = d.lineArena[b.ls]
	} else {
		b.line = d.nodeLine(n)
	}
	return b
}

// htmlBlock ignores HTML, and HTML comments above all (templates keep their
// instructions there), except a lone "<profil>"-like tag, which is a
// template placeholder that CommonMark happens to read as HTML.
func (d *doc) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() != 1 {
		return
	}
	seg := lines.At(0)
	v := bytes.TrimSpace(seg.Value(d.src))
	if !isAnglePlaceholder(string(v)) {
		return
	}
	tb := d.builder()
	tb.write(v, seg.Start)
	d.add(tb.block(blockPara, n))
}

// paragraph reads a paragraph's text and the emphasis that gives it a role:
// all in italics (a template hint) or opening in bold (a heading).
func (d *doc) paragraph(n ast.Node) block {
	b := d.inlineBlock(n, blockPara)
	first := n.FirstChild()
	if _, ok := first.(*gfmast.TaskCheckBox); ok {
		first = first.NextSibling()
	}
	// Skip leading white space the parser keeps as its own text node.
	for first != nil && d.blankText(first) {
		first = first.NextSibling()
	}
	em, ok := first.(*ast.Emphasis)
	if !ok {
		return b
	}
	// The emphasis's text goes to the arena's end, is read, and is dropped.
	mark, lmark := len(d.arena), len(d.lineArena)
	tb := d.builder()
	tb.inline(em)
	inner := string(d.arena[mark:])
	d.arena, d.lineArena = d.arena[:mark], d.lineArena[:lmark]
	// When the emphasis closes its line, goldmark puts the line break on
	// the emphasis's own last text.
	lineEnds := strings.HasSuffix(inner, "\n")
	inner = strings.TrimRight(inner, " \t\n")
	onlyPunct := true // what follows the emphasis on its line is blank or ":"
	if !lineEnds {
		for c := first.NextSibling(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok || len(bytes.Trim(t.Segment.Value(d.src), " \t:.")) != 0 {
				onlyPunct = false
				break
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				lineEnds = true
				break
			}
		}
	}
	if em.Level == 1 && onlyPunct && !lineEnds {
		b.italic = true
	}
	if em.Level == 2 && inner != "" && d.textHasPrefix(&b, inner) {
		b.bold = inner
		b.boldLine = onlyPunct
	}
	return b
}

// textHasPrefix reports whether the block's text, which may still be in
// the arena, starts with p.
func (d *doc) textHasPrefix(b *block, p string) bool {
	if b.direct {
		return strings.HasPrefix(b.text, p)
	}
	return bytes.HasPrefix(d.arena[b.ts:b.te], []byte(p))
}

func (d *doc) blankText(n ast.Node) bool {
	t, ok := n.(*ast.Text)
	return ok && len(bytes.TrimSpace(t.Segment.Value(d.src))) == 0 && !t.SoftLineBreak() && !t.HardLineBreak()
}

func (d *doc) inlineBlock(n ast.Node, kind blockKind) block {
	tb := d.builder()
	tb.inline(n)
	return tb.block(kind, n)
}

// nodeLine finds a line for a node from its own lines or its first
// descendant's.
func (d *doc) nodeLine(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return d.lineOf(n.Lines().At(0).Start)
		}
		if t, ok := n.(*ast.Text); ok {
			return d.lineOf(t.Segment.Start)
		}
	}
	return 0
}
