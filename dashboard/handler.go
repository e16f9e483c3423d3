package dashboard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Paths: French first, with the English alias.
const (
	PathFR = "/tableau"
	PathEN = "/dashboard"
)

// Source is what the page reads; store.Store implements it.
type Source interface {
	DashboardStories(ctx context.Context, limit int) ([]core.Evaluation, error)
	ReadinessHistory(ctx context.Context, since time.Time) ([]core.ReadinessDay, error)
	OpenRecettes(ctx context.Context) ([]core.RecetteRecord, error)
	LoadRecette(ctx context.Context, ref core.IssueRef) (*core.RecetteRecord, error)
	Validations(ctx context.Context, ref core.IssueRef) ([]core.Validation, error)
}

// Options configure the handler.
type Options struct {
	Source Source
	// Progress counts a recette's items (recette.Progress).
	Progress func(m core.RecetteModel, trail []core.Validation) (done, total, refused int)
	// PV writes a recette's procès-verbal as PDF (recette.RenderPVPDF);
	// nil serves no PV and links none.
	PV     func(lang rules.Lang, rec core.RecetteRecord, trail []core.Validation) ([]byte, error)
	Auth   Auth
	Logger *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Weeks of trend (DefaultWeeks when 0) and stories read at most
	// (Limit; 5000 when 0).
	Weeks, Limit int
}

//go:embed tmpl/page.html.tmpl
var files embed.FS

var page = template.Must(template.ParseFS(files, "tmpl/page.html.tmpl"))

// styleHash lets the page's one inline <style> through the Content
// Security Policy, and nothing else: no script may run on the page. It is
// taken from a rendered page, as the browser hashes it (html/template
// rewrites a style sheet: it drops its comments).
var styleHash = func() string {
	var b bytes.Buffer
	if err := page.Execute(&b, Build(Input{})); err != nil {
		panic(err)
	}
	m := styleRE.FindSubmatch(b.Bytes())
	if m == nil {
		panic("dashboard: the page has no <style>")
	}
	sum := sha256.Sum256(m[1])
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

var styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// Handler serves the dashboard and the recettes' PVs.
type Handler struct {
	o Options
}

// New checks the options; the handler refuses every request it cannot
// authenticate.
func New(o Options) (*Handler, error) {
	if o.Source == nil || o.Progress == nil {
		return nil, errors.New("dashboard: a source and a progress count are needed")
	}
	if err := o.Auth.Validate(); err != nil {
		return nil, err
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Limit <= 0 {
		o.Limit = 5000
	}
	if o.Weeks <= 0 {
		o.Weeks = DefaultWeeks
	}
	return &Handler{o: o}, nil
}

// Register adds the routes to mux: the page at /tableau and /dashboard,
// the PVs under them.
func (h *Handler) Register(mux *http.ServeMux) {
	for _, base := range []string{PathFR, PathEN} {
		mux.Handle("GET "+base, h.guard(base, h.page))
		mux.Handle("GET "+base+"/{$}", http.RedirectHandler(base, http.StatusMovedPermanently))
		mux.Handle("GET "+base+"/pv", h.guard(base, h.pv))
	}
}

// guard authenticates, logs refusals, and sets the headers every answer
// carries.
func (h *Handler) guard(base string, next func(w http.ResponseWriter, r *http.Request, base string, lang rules.Lang)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Cache-Control", "no-store")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", "default-src 'none'; style-src "+styleHash+"; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		who, no := h.o.Auth.check(r)
		if no != nil {
			h.o.Logger.WarnContext(r.Context(), "dashboard: request refused", "status", no.status, "reason", no.reason,
				"auth", h.o.Auth.Mode, "path", r.URL.Path, "remote", r.RemoteAddr)
			if no.challenge != "" {
				hd.Set("WWW-Authenticate", no.challenge)
			}
			lang := pickLang(r)
			msg := "Accès refusé : authentifiez-vous pour voir le tableau de préparation des récits."
			if lang == rules.EN {
				msg = "Access refused: sign in to see the story readiness dashboard."
			}
			http.Error(w, msg, no.status)
			return
		}
		h.o.Logger.DebugContext(r.Context(), "dashboard: request", "user", who, "path", r.URL.Path)
		next(w, r, base, pickLang(r))
	})
}

// pickLang: ?lang=, else the browser's languages, else French.
func pickLang(r *http.Request) rules.Lang {
	switch r.URL.Query().Get("lang") {
	case "en":
		return rules.EN
	case "fr":
		return rules.FR
	}
	if al := r.Header.Get("Accept-Language"); al != "" {
		tags, _, err := language.ParseAcceptLanguage(al)
		if err == nil && len(tags) > 0 {
			_, i, conf := matcher.Match(tags...)
			if conf != language.No && i == 1 {
				return rules.EN
			}
			if conf != language.No {
				return rules.FR
			}
		}
	}
	return rules.FR
}

var matcher = language.NewMatcher([]language.Tag{language.French, language.English})

func (h *Handler) page(w http.ResponseWriter, r *http.Request, base string, lang rules.Lang) {
	ctx := r.Context()
	now := h.o.Now().UTC()
	in := Input{
		Lang: lang, Now: now, Weeks: h.o.Weeks, Base: base, Limit: h.o.Limit,
		Filter: Filter{Repo: r.URL.Query().Get("repo"), Label: r.URL.Query().Get("label")},
	}
	var err error
	if in.Stories, err = h.o.Source.DashboardStories(ctx, h.o.Limit); err != nil {
		h.fail(w, r, err)
		return
	}
	// A year back: a repository quiet for months still has the figures
	// its first weeks carry forward.
	if in.History, err = h.o.Source.ReadinessHistory(ctx, now.AddDate(-1, 0, 0)); err != nil {
		h.fail(w, r, err)
		return
	}
	recs, err := h.o.Source.OpenRecettes(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for _, rec := range recs {
		trail, err := h.o.Source.Validations(ctx, rec.Ref)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		rc := Recette{Record: rec}
		rc.Done, rc.Total, rc.Refused = h.o.Progress(rec.Model, trail)
		in.Recettes = append(in.Recettes, rc)
	}
	p := Build(in)
	if h.o.PV == nil {
		for i := range p.Repos {
			for j := range p.Repos[i].Recettes {
				p.Repos[i].Recettes[j].PVURL = ""
			}
		}
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, p); err != nil {
		h.fail(w, r, fmt.Errorf("render: %w", err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", string(lang))
	_, _ = w.Write(buf.Bytes()) // the client may have gone; nothing to do then
}

// pv serves one recette's procès-verbal as PDF.
func (h *Handler) pv(w http.ResponseWriter, r *http.Request, _ string, lang rules.Lang) {
	q := r.URL.Query()
	n, err := strconv.Atoi(q.Get("number"))
	platform, repo := q.Get("platform"), q.Get("repo")
	if h.o.PV == nil || err != nil || n <= 0 || repo == "" || (platform != core.GitHub && platform != core.GitLab) {
		http.NotFound(w, r)
		return
	}
	ref := core.IssueRef{Repo: core.Repo{Platform: platform, FullName: repo}, Number: n, MergeRequest: true}
	rec, err := h.o.Source.LoadRecette(r.Context(), ref)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if rec == nil {
		http.NotFound(w, r)
		return
	}
	trail, err := h.o.Source.Validations(r.Context(), ref)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	pdf, err := h.o.PV(lang, *rec, trail)
	if err != nil {
		h.fail(w, r, fmt.Errorf("PV of %s: %w", ref, err))
		return
	}
	name := "pv-" + strings.NewReplacer("/", "-", " ", "-").Replace(repo) + "-" + strconv.Itoa(n) + ".pdf"
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`"`)
	_, _ = w.Write(pdf) // the client may have gone; nothing to do then
}

// fail logs the cause and answers without it: the page is for people,
// the cause for the operator.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	h.o.Logger.ErrorContext(r.Context(), "dashboard: cannot answer", "path", r.URL.Path, "err", err)
	http.Error(w, "Erreur interne : le tableau ne peut pas être affiché pour l'instant. / Internal error: the dashboard cannot be shown right now.", http.StatusInternalServerError)
}
