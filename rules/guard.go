package rules

import (
	"bytes"
	"io"
	"regexp"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark has super-linear paths that a story body can take: every
// "[a](" of a line scans the rest of the line for the link's destination,
// every backtick run the rest of the paragraph for its closer, every
// nested "> " walks the quotes opened before it, and the emphasis and link
// delimiters of one paragraph are matched pairwise. 200 KB of "[a](" took
// 52 s. The parser cochef builds keeps goldmark's parsers, guarded:
//
//   - an inline parser sees at most inlineWindow bytes ahead, a code span
//     parser codeWindow (a link whose destination and title are longer, a
//     code span or an HTML tag longer than that, reads as text);
//   - a paragraph has at most maxDelimiters emphasis or strikethrough runs
//     and maxLinkOpeners link or image openers, the rest reads as text;
//   - containers (quotes, lists) nest maxNesting deep at most;
//   - link reference definitions ("[x]: url") are read in paragraphs of
//     maxDefinitionLines lines at most (goldmark copies the rest of the
//     paragraph for each definition it takes out).
//
// Stories never come near those bounds; what comes near them is read as
// plain text, which is what cochef reads anyway.
const (
	inlineWindow = 1024
	// codeWindow is a code span's: every backtick run that opens none
	// scans the window for its closer, and 64 KB of "\``" took 60 ms at
	// 1,024 bytes. An inline code longer than this is a block's job.
	codeWindow     = 256
	maxDelimiters  = 400
	maxLinkOpeners = 200
	maxNesting     = 16
	// maxDefinitionLines: see definitionGuard.
	maxDefinitionLines = 200
)

// newGuardedParser is what goldmark.New(goldmark.WithExtensions(GFM))
// builds (goldmark's default parsers and the GFM extensions' linkify,
// table, strikethrough and task list, at the same priorities), each parser
// guarded.
func newGuardedParser() parser.Parser {
	blocks := []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(nestingGuard{parser.NewListParser()}, 300),
		util.Prioritized(nestingGuard{parser.NewListItemParser()}, 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(parser.NewATXHeadingParser(), 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(nestingGuard{parser.NewBlockquoteParser()}, 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	}
	inline := append(parser.DefaultInlineParsers(),
		util.Prioritized(extension.NewLinkifyParser(), 999),
		util.Prioritized(extension.NewStrikethroughParser(), 500),
		util.Prioritized(extension.NewTaskCheckBoxParser(), 0),
	)
	for i, v := range inline {
		inline[i] = util.Prioritized(newInlineGuard(v.Value.(parser.InlineParser)), v.Priority)
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inline...),
		parser.WithParagraphTransformers(
			util.Prioritized(definitionGuard{parser.LinkReferenceParagraphTransformer}, 100),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
}

// definitionGuard reads link reference definitions in paragraphs of
// maxDefinitionLines lines at most; a longer one is plain text.
type definitionGuard struct{ parser.ParagraphTransformer }

func (g definitionGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if node.Lines().Len() <= maxDefinitionLines {
		g.ParagraphTransformer.Transform(node, reader, pc)
	}
}

// nestingGuard opens a container only maxNesting deep.
type nestingGuard struct{ parser.BlockParser }

func (g nestingGuard) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	depth := 0
	for n := parent; n != nil; n = n.Parent() {
		if depth++; depth > maxNesting {
			return nil, parser.NoChildren
		}
	}
	return g.BlockParser.Open(parent, reader, pc)
}

// inlineGuard runs an inline parser through a bounded window; the
// emphasis, strikethrough and link parsers' guards also count what they
// open in a paragraph.
type inlineGuard struct {
	inner  parser.InlineParser
	kind   guardKind
	window int
}

type guardKind uint8

const (
	guardOther guardKind = iota
	guardDelimiters
	guardLinks
)

func newInlineGuard(p parser.InlineParser) *inlineGuard {
	g := &inlineGuard{inner: p, window: inlineWindow}
	switch t := string(p.Trigger()); t {
	case "`":
		g.window = codeWindow
	case "*_", "~": // emphasis, strikethrough (linkify's triggers hold a space)
		g.kind = guardDelimiters
	case "![]":
		g.kind = guardLinks
	}
	return g
}

func (g *inlineGuard) Trigger() []byte { return g.inner.Trigger() }

// CloseBlock passes the end of a paragraph on to the parsers that need it
// (links, emphasis).
func (g *inlineGuard) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := g.inner.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}

// guardState is one parse's counters, kept in its context.
type guardState struct {
	block      ast.Node // the paragraph counted
	delimiters int
	openers    int
	w          window
}

var guardKey = parser.NewContextKey()

func (g *inlineGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st, _ := pc.Get(guardKey).(*guardState)
	if st == nil {
		st = &guardState{}
		pc.Set(guardKey, st)
	}
	if st.block != parent {
		st.block, st.delimiters, st.openers = parent, 0, 0
	}
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	switch c := line[0]; {
	case g.kind == guardDelimiters:
		if st.delimiters++; st.delimiters > maxDelimiters {
			return literalRun(block, line, seg)
		}
	case g.kind == guardLinks && (c == '[' || c == '!' && len(line) > 1 && line[1] == '['):
		if st.openers++; st.openers > maxLinkOpeners {
			n := 1
			if c == '!' {
				n = 2
			}
			block.Advance(n)
			return ast.NewTextSegment(seg.WithStop(seg.Start + n))
		}
	}
	st.w = window{r: block, limit: seg.Start + g.window}
	return g.inner.Parse(parent, &st.w, pc)
}

// literalRun reads a run of one delimiter character as text.
func literalRun(block text.Reader, line []byte, seg text.Segment) ast.Node {
	n := 1
	for n < len(line) && line[n] == line[0] {
		n++
	}
	block.Advance(n)
	return ast.NewTextSegment(seg.WithStop(seg.Start + n))
}

// window is a text.Reader that ends limit bytes into the source: an
// inline parser looking for a closer stops there. Positions are those of
// the reader it wraps, so the parser's moves are the reader's.
type window struct {
	r     text.Reader
	limit int
}

var _ text.Reader = (*window)(nil)

func (w *window) Source() []byte                    { return w.r.Source() }
func (w *window) ResetPosition()                    { w.r.ResetPosition() }
func (w *window) PrecendingCharacter() rune         { return w.r.PrecendingCharacter() }
func (w *window) Value(s text.Segment) []byte       { return w.r.Value(s) }
func (w *window) LineOffset() int                   { return w.r.LineOffset() }
func (w *window) Position() (int, text.Segment)     { return w.r.Position() }
func (w *window) SetPosition(l int, s text.Segment) { w.r.SetPosition(l, s) }
func (w *window) SetPadding(v int)                  { w.r.SetPadding(v) }
func (w *window) Advance(n int)                     { w.r.Advance(n) }
func (w *window) AdvanceAndSetPadding(n, p int)     { w.r.AdvanceAndSetPadding(n, p) }
func (w *window) AdvanceLine()                      { w.r.AdvanceLine() }

func (w *window) Peek() byte {
	if _, s := w.r.Position(); s.Start >= w.limit {
		return text.EOF
	}
	return w.r.Peek()
}

func (w *window) PeekLine() ([]byte, text.Segment) {
	line, s := w.r.PeekLine()
	switch {
	case line == nil || s.Start >= w.limit:
		return nil, s
	case s.Stop > w.limit:
		// Padding (a tab's columns) comes first in the line's value.
		cut := max(w.limit-s.Start+s.Padding, 0)
		return line[:min(cut, len(line))], s.WithStop(w.limit)
	}
	return line, s
}

func (w *window) AdvanceToEOL() {
	line, s := w.r.PeekLine()
	if line != nil && s.Stop > w.limit {
		w.r.Advance(max(w.limit-s.Start, 0))
		return
	}
	w.r.AdvanceToEOL()
}

// ReadRune, SkipSpaces, SkipBlankLines, Match, FindSubMatch and
// FindClosure are goldmark's own (text/reader.go, MIT licence, © 2019
// Yusuke Inuzuka), on the window's PeekLine rather than the reader's.

func (w *window) ReadRune() (rune, int, error) {
	line, _ := w.PeekLine()
	if line == nil {
		return 0, 0, io.EOF
	}
	rn, size := utf8.DecodeRune(line)
	if rn == utf8.RuneError {
		return 0, 0, io.EOF
	}
	w.Advance(size)
	return rn, size, nil
}

func (w *window) SkipSpaces() (text.Segment, int, bool) {
	chars := 0
	for {
		line, segment := w.PeekLine()
		if line == nil {
			return segment, chars, false
		}
		for i, c := range line {
			if util.IsSpace(c) {
				chars++
				w.Advance(1)
				continue
			}
			return segment.WithStart(segment.Start + i + 1), chars, true
		}
	}
}

func (w *window) SkipBlankLines() (text.Segment, int, bool) {
	lines := 0
	for {
		line, seg := w.PeekLine()
		if line == nil {
			return seg, lines, false
		}
		if !util.IsBlank(line) {
			return seg, lines, true
		}
		lines++
		w.AdvanceLine()
	}
}

func (w *window) Match(reg *regexp.Regexp) bool {
	oldLine, oldSeg := w.Position()
	match := reg.FindReaderSubmatchIndex(w)
	w.SetPosition(oldLine, oldSeg)
	if match == nil {
		return false
	}
	w.Advance(match[1] - match[0])
	return true
}

func (w *window) FindSubMatch(reg *regexp.Regexp) [][]byte {
	oldLine, oldSeg := w.Position()
	match := reg.FindReaderSubmatchIndex(w)
	w.SetPosition(oldLine, oldSeg)
	if match == nil {
		return nil
	}
	var bb bytes.Buffer
	bb.Grow(match[1] - match[0])
	for i := 0; i < match[1]; {
		r, size, _ := w.ReadRune()
		i += size
		bb.WriteRune(r)
	}
	bs := bb.Bytes()
	var result [][]byte
	for i := 0; i < len(match); i += 2 {
		if match[i] < 0 {
			result = append(result, []byte{})
			continue
		}
		result = append(result, bs[match[i]:match[i+1]])
	}
	w.SetPosition(oldLine, oldSeg)
	w.Advance(match[1] - match[0])
	return result
}

func (w *window) FindClosure(opener, closer byte, opts text.FindClosureOptions) (*text.Segments, bool) {
	opened := 1
	codeSpanOpener := 0
	closed := false
	orgLine, orgPos := w.Position()
	var ret *text.Segments
	for {
		bs, seg := w.PeekLine()
		if bs == nil {
			break
		}
		i := 0
		for i < len(bs) {
			c := bs[i]
			switch {
			case opts.CodeSpan && codeSpanOpener != 0 && c == '`':
				run := 0
				for ; i < len(bs) && bs[i] == '`'; i++ {
					run++
				}
				i--
				if run == codeSpanOpener {
					codeSpanOpener = 0
				}
			case codeSpanOpener == 0 && c == '\\' && i < len(bs)-1 && util.IsPunct(bs[i+1]):
				i += 2
				continue
			case opts.CodeSpan && codeSpanOpener == 0 && c == '`':
				for ; i < len(bs) && bs[i] == '`'; i++ {
					codeSpanOpener++
				}
				i--
			case !opts.CodeSpan || codeSpanOpener == 0:
				if c == closer {
					opened--
					if opened == 0 {
						if ret == nil {
							ret = text.NewSegments()
						}
						ret.Append(seg.WithStop(seg.Start + i - seg.Padding))
						w.Advance(i + 1)
						closed = true
						goto end
					}
				} else if c == opener {
					if !opts.Nesting {
						goto end
					}
					opened++
				}
			}
			i++
		}
		if !opts.Newline {
			break
		}
		w.AdvanceLine()
		if ret == nil {
			ret = text.NewSegments()
		}
		ret.Append(seg)
	}
end:
	if !opts.Advance {
		w.SetPosition(orgLine, orgPos)
	}
	if closed {
		return ret, true
	}
	return nil, false
}
