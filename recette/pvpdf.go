package recette

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// PVHeader is what the PV says of the release it is the PV of: the
// product and its version, as the homologation dossier names them.
type PVHeader struct {
	Product, Release string
}

// The PDF's colours (RGB) and sizes, in millimetres and points.
var (
	colText    = [3]int{33, 37, 41}
	colMuted   = [3]int{95, 99, 104}
	colOK      = [3]int{25, 115, 50}
	colKO      = [3]int{176, 32, 32}
	colPending = [3]int{150, 95, 0}
	colRule    = [3]int{200, 200, 200}
)

const (
	pdfMargin = 18.0
	pdfFont   = "go"
)

// RenderPVPDF writes the procès-verbal de recette as a PDF laid out for
// the homologation dossier: the product and its version or milestone,
// then for each pull or merge request its verdict, each story with its
// items and who validated or refused what and when (with the reason of a
// refusal), the security checks, the refusals, the items no longer in the
// checklist, the trail, and a block to sign. It is made from the same
// view as the Markdown PV, and dated "as of" the latest validation, so the
// same trail gives the same document, byte for byte.
func RenderPVPDF(lang rules.Lang, head PVHeader, milestone string, in []PVInput) ([]byte, error) {
	t, err := recetteTemplates.For(lang)
	if err != nil {
		return nil, err
	}
	raw, err := core.Exec(t, "pdf-labels", nil)
	if err != nil {
		return nil, err
	}
	w := &pvWriter{l: parseLabels(raw), pdf: fpdf.New("P", "mm", "A4", "")}
	v := buildPV(milestone, in, plainText)
	w.write(head, v)
	if err := w.pdf.Error(); err != nil {
		return nil, fmt.Errorf("PV PDF: %w", err)
	}
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("PV PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// plainText keeps user text on one line; a PDF needs no escaping.
func plainText(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseLabels reads "key: text" lines.
func parseLabels(raw string) map[string]string {
	out := map[string]string{}
	for line := range strings.SplitSeq(raw, "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && !strings.ContainsAny(k, " \t") && k != "" {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out
}

type pvWriter struct {
	l   map[string]string
	pdf *fpdf.Fpdf
}

func (w *pvWriter) label(k string) string {
	if s, ok := w.l[k]; ok {
		return s
	}
	return k
}

func (w *pvWriter) color(c [3]int) { w.pdf.SetTextColor(c[0], c[1], c[2]) }

func (w *pvWriter) font(style string, size float64) { w.pdf.SetFont(pdfFont, style, size) }

// para writes a paragraph across the page's width.
func (w *pvWriter) para(style string, size, height float64, text string) {
	w.font(style, size)
	w.pdf.MultiCell(0, height, text, "", "L", false)
}

// field writes "Label : value" on one line, the label in bold.
func (w *pvWriter) field(label, value string) {
	if value == "" {
		return
	}
	w.font("B", 10)
	w.color(colMuted)
	w.pdf.Write(5.5, label+" : ")
	w.font("", 10)
	w.color(colText)
	w.pdf.Write(5.5, value)
	w.pdf.Ln(5.5)
}

func (w *pvWriter) heading(size float64, text string) {
	w.pdf.Ln(3)
	w.color(colText)
	w.para("B", size, size*0.5, text)
	w.pdf.Ln(1)
}

func (w *pvWriter) rule() {
	x, y := w.pdf.GetXY()
	pw, _ := w.pdf.GetPageSize()
	w.pdf.SetDrawColor(colRule[0], colRule[1], colRule[2])
	w.pdf.Line(x, y, pw-pdfMargin, y)
	w.pdf.Ln(2)
}

func (w *pvWriter) write(head PVHeader, v pvView) {
	p := w.pdf
	p.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	p.SetAutoPageBreak(true, pdfMargin)
	p.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	p.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	// Same trail, same bytes: no clock, no random id.
	at := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse(pvTime, v.AsOf); err == nil {
		at = t
	}
	p.SetCreationDate(at)
	p.SetModificationDate(at)
	p.SetCatalogSort(true)
	p.SetTitle(w.label("title"), true)
	p.SetCreator("cochef", true)
	p.SetFooterFunc(func() {
		p.SetY(-12)
		w.font("", 8)
		w.color(colMuted)
		p.CellFormat(0, 5, fmt.Sprintf("%s — %s %d/{nb}", w.label("title"), w.label("page"), p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AliasNbPages("{nb}")
	p.AddPage()

	w.color(colText)
	w.para("B", 18, 9, w.label("title"))
	p.Ln(2)
	w.field(w.label("product"), head.Product)
	w.field(w.label("release"), head.Release)
	w.field(w.label("milestone"), v.Milestone)
	if v.AsOf != "" {
		w.field(w.label("as-of"), v.AsOf)
	} else {
		w.para("", 10, 5.5, w.label("no-validation"))
	}
	w.color(colMuted)
	w.para("", 8.5, 4.5, w.label("generated"))
	for _, r := range v.Recettes {
		w.recette(r)
	}
	w.signatures()
}

func (w *pvWriter) recette(r pvRecette) {
	p := w.pdf
	p.Ln(4)
	w.rule()
	w.heading(14, r.Word+" "+r.Ref+" : "+r.Title)
	w.field(w.label("link"), r.URL)
	w.field(w.label("head"), r.HeadSHA)
	state := r.State
	if s, ok := w.l["state-"+r.State]; ok {
		state = s
	}
	w.field(w.label("state"), state)
	w.field(w.label("milestone"), r.Milestone)
	counts := fmt.Sprintf("%d/%d", r.Done, r.Total)
	if r.Refused > 0 {
		counts += fmt.Sprintf(", %d %s", r.Refused, w.plural("refused", r.Refused))
	}
	if r.Open > 0 {
		counts += fmt.Sprintf(", %d %s", r.Open, w.plural("open", r.Open))
	}
	w.field(w.label("counts"), counts)
	w.field(w.label("security"), fmt.Sprintf("%d/%d", r.SecurityDone, r.SecurityTotal))
	verdict, col := w.label("verdict-pending"), colPending
	switch r.Verdict {
	case core.RecetteSuccess:
		verdict, col = w.label("verdict-success"), colOK
	case core.RecetteNeutral:
		verdict, col = w.label("verdict-neutral"), colMuted
	}
	w.font("B", 11)
	w.color(colMuted)
	p.Write(6, w.label("verdict")+" : ")
	w.color(col)
	p.Write(6, strings.ToUpper(verdict))
	p.Ln(7)

	for _, s := range r.Stories {
		title := w.label("story") + " " + s.Ref
		if s.Title != "" {
			title += " : " + s.Title
		}
		w.heading(12, title)
		switch {
		case s.Unreadable:
			w.color(colMuted)
			w.para("", 10, 5, w.label("unreadable"))
		case len(s.Items) == 0:
			w.color(colMuted)
			w.para("", 10, 5, w.label("no-items"))
		}
		for _, it := range s.Items {
			w.item(it)
		}
	}

	w.heading(12, w.label("security-title"))
	found := false
	for _, s := range r.Stories {
		for _, it := range s.Items {
			if it.Kind != core.ItemCriterion {
				found = true
				w.line(it, s.Ref)
			}
		}
	}
	if !found {
		w.color(colMuted)
		w.para("", 10, 5, w.label("security-none"))
	}
	var refusals []pvItem
	for _, s := range r.Stories {
		for _, it := range s.Items {
			if it.State == string(core.Refused) {
				it.Story = s.Ref
				refusals = append(refusals, it)
			}
		}
	}
	if len(refusals) > 0 {
		w.heading(12, w.label("refusals-title"))
		for _, it := range refusals {
			w.line(it, it.Story)
		}
	}
	if len(r.Retired) > 0 {
		w.heading(12, w.label("retired-title"))
		w.color(colMuted)
		w.para("", 9, 4.5, w.label("retired-text"))
		for _, it := range r.Retired {
			w.line(it, it.Story)
		}
	}
	w.heading(12, w.label("trail-title"))
	for _, e := range r.Trail {
		verb := w.label("trail-" + e.State)
		text := fmt.Sprintf("%s  %s %s « %s » (%s)", e.Date, e.Actor, verb, e.Text, e.Story)
		if e.Reason != "" {
			text += " : " + e.Reason
		}
		text += fmt.Sprintf(" — %s, %s %s", w.label("source-"+e.Source), w.label("commit"), e.SHA)
		w.color(colText)
		w.para("", 8.5, 4.3, text)
	}
}

func (w *pvWriter) plural(k string, n int) string {
	if n > 1 {
		return w.label(k + "-many")
	}
	return w.label(k + "-one")
}

// itemText is an item as the checklist shows it.
func (w *pvWriter) itemText(it pvItem) string {
	if it.Kind != core.ItemCriterion && it.Kind != "" {
		return w.label("check") + " " + lowerFirst(it.Text)
	}
	return it.Text
}

// status is an item's state and who decided, on one line.
func (w *pvWriter) status(it pvItem) (string, [3]int, string) {
	word, col := w.label("pending"), colPending
	switch it.State {
	case string(core.Validated):
		word, col = w.label("validated"), colOK
	case string(core.Refused):
		word, col = w.label("refused"), colKO
	}
	who := ""
	if it.Actor != "" {
		who = fmt.Sprintf(" %s %s, %s %s", w.label("by"), it.Actor, w.label("on"), it.Date)
		if it.SHA != "" {
			who += fmt.Sprintf(", %s %s", w.label("commit"), it.SHA)
		}
	}
	return word, col, who
}

// item writes one item of a story: its number and text, then its state,
// who decided and when, and the reason of a refusal.
func (w *pvWriter) item(it pvItem) {
	p := w.pdf
	w.color(colText)
	w.font("B", 10)
	p.CellFormat(9, 5, fmt.Sprintf("%d.", it.Number), "", 0, "L", false, 0, "")
	w.font("", 10)
	p.MultiCell(0, 5, w.itemText(it), "", "L", false)
	word, col, who := w.status(it)
	p.SetX(pdfMargin + 9)
	w.font("B", 8.5)
	w.color(col)
	p.Write(4.5, word)
	w.font("", 8.5)
	w.color(colMuted)
	p.Write(4.5, who)
	p.Ln(4.5)
	if it.Reason != "" {
		p.SetX(pdfMargin + 9)
		w.color(colKO)
		w.font("", 8.5)
		p.MultiCell(0, 4.5, w.label("reason")+" : "+it.Reason, "", "L", false)
	}
	p.Ln(1.5)
}

// line writes an item in a summary: its story, its text and its state.
func (w *pvWriter) line(it pvItem, story string) {
	word, col, who := w.status(it)
	w.color(colText)
	w.para("", 9.5, 4.8, story+" — "+w.itemText(it))
	w.pdf.SetX(pdfMargin + 6)
	w.font("B", 8.5)
	w.color(col)
	w.pdf.Write(4.5, word)
	w.font("", 8.5)
	w.color(colMuted)
	w.pdf.Write(4.5, who)
	w.pdf.Ln(4.5)
	if it.Reason != "" {
		w.pdf.SetX(pdfMargin + 6)
		w.color(colKO)
		w.para("", 8.5, 4.5, w.label("reason")+" : "+it.Reason)
	}
	w.pdf.Ln(1)
}

// signatures writes two boxes to sign, kept on one page.
func (w *pvWriter) signatures() {
	p := w.pdf
	_, ph := p.GetPageSize()
	if p.GetY() > ph-pdfMargin-70 {
		p.AddPage()
	}
	p.Ln(6)
	w.rule()
	w.heading(13, w.label("signature-title"))
	w.color(colText)
	w.para("", 10, 5, w.label("signature-text"))
	p.Ln(3)
	pw, _ := p.GetPageSize()
	boxW := (pw - 2*pdfMargin - 8) / 2
	y := p.GetY()
	p.SetDrawColor(colRule[0], colRule[1], colRule[2])
	for i, role := range []string{w.label("signature-role-1"), w.label("signature-role-2")} {
		x := pdfMargin + float64(i)*(boxW+8)
		p.Rect(x, y, boxW, 46, "D")
		p.SetXY(x+3, y+3)
		w.font("B", 10)
		w.color(colText)
		p.CellFormat(boxW-6, 6, role, "", 2, "L", false, 0, "")
		w.font("", 9.5)
		w.color(colMuted)
		for _, f := range []string{"name", "date", "signature"} {
			p.SetX(x + 3)
			p.CellFormat(boxW-6, 9, w.label(f)+" :", "", 2, "L", false, 0, "")
		}
	}
	p.SetY(y + 50)
}
