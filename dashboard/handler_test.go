package dashboard

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// fakeSource serves sampleInput's data.
type fakeSource struct {
	in  Input
	err error
}

func (f *fakeSource) DashboardStories(context.Context, int) ([]core.Evaluation, error) {
	return f.in.Stories, f.err
}

func (f *fakeSource) ReadinessHistory(context.Context, time.Time) ([]core.ReadinessDay, error) {
	return f.in.History, nil
}

func (f *fakeSource) OpenRecettes(context.Context) ([]core.RecetteRecord, error) {
	var out []core.RecetteRecord
	for _, r := range f.in.Recettes {
		out = append(out, r.Record)
	}
	return out, nil
}

func (f *fakeSource) LoadRecette(_ context.Context, ref core.IssueRef) (*core.RecetteRecord, error) {
	for _, r := range f.in.Recettes {
		if r.Record.Ref.Repo.FullName == ref.Repo.FullName && r.Record.Ref.Number == ref.Number {
			return &r.Record, nil
		}
	}
	return nil, nil
}

func (f *fakeSource) Validations(context.Context, core.IssueRef) ([]core.Validation, error) {
	return []core.Validation{{Key: "k", State: core.Validated}}, nil
}

type harness struct {
	srv  *httptest.Server
	logs *bytes.Buffer
	src  *fakeSource
}

func newHarness(t *testing.T, auth Auth) *harness {
	t.Helper()
	h := &harness{logs: &bytes.Buffer{}, src: &fakeSource{in: sampleInput()}}
	d, err := New(Options{
		Source:   h.src,
		Progress: func(core.RecetteModel, []core.Validation) (int, int, int) { return 3, 5, 1 },
		PV: func(lang rules.Lang, rec core.RecetteRecord, trail []core.Validation) ([]byte, error) {
			return []byte("%PDF-1.3 " + string(lang) + " " + rec.Title), nil
		},
		Auth:   auth,
		Logger: slog.New(slog.NewTextHandler(h.logs, nil)),
		Now:    func() time.Time { return now },
		Weeks:  4,
	})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	d.Register(mux)
	h.srv = httptest.NewServer(mux)
	t.Cleanup(h.srv.Close)
	return h
}

func (h *harness) get(t *testing.T, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", h.srv.URL+path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

const secret = "s3cr3t-t0ken-value"

func TestAccess(t *testing.T) {
	basic := func(u, p string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(u+":"+p)) }
	for _, tc := range []struct {
		name      string
		auth      Auth
		hdr       map[string]string
		status    int
		challenge string
	}{
		{"header: from the proxy", Auth{Mode: AuthHeader, Header: "X-Forwarded-User"}, map[string]string{"X-Forwarded-User": "alice"}, 200, ""},
		{"header: around the proxy", Auth{Mode: AuthHeader, Header: "X-Forwarded-User"}, nil, 403, ""},
		{"header: empty", Auth{Mode: AuthHeader, Header: "X-Forwarded-User"}, map[string]string{"X-Forwarded-User": " "}, 403, ""},
		{"bearer: right", Auth{Mode: AuthBearer, Token: secret}, map[string]string{"Authorization": "Bearer " + secret}, 200, ""},
		{"bearer: scheme in lower case", Auth{Mode: AuthBearer, Token: secret}, map[string]string{"Authorization": "bearer " + secret}, 200, ""},
		{"bearer: none", Auth{Mode: AuthBearer, Token: secret}, nil, 401, `Bearer realm="cochef"`},
		{"bearer: wrong", Auth{Mode: AuthBearer, Token: secret}, map[string]string{"Authorization": "Bearer " + secret + "x"}, 401, `Bearer realm="cochef", error="invalid_token"`},
		{"bearer: a prefix of it", Auth{Mode: AuthBearer, Token: secret}, map[string]string{"Authorization": "Bearer s3cr3t"}, 401, `Bearer realm="cochef", error="invalid_token"`},
		{"bearer: as basic", Auth{Mode: AuthBearer, Token: secret}, map[string]string{"Authorization": basic("x", secret)}, 401, `Bearer realm="cochef", error="invalid_token"`},
		{"basic: right", Auth{Mode: AuthBasic, User: "copil", Password: secret}, map[string]string{"Authorization": basic("copil", secret)}, 200, ""},
		{"basic: wrong password", Auth{Mode: AuthBasic, User: "copil", Password: secret}, map[string]string{"Authorization": basic("copil", "nope")}, 401, `Basic realm="cochef", charset="UTF-8"`},
		{"basic: wrong user", Auth{Mode: AuthBasic, User: "copil", Password: secret}, map[string]string{"Authorization": basic("root", secret)}, 401, `Basic realm="cochef", charset="UTF-8"`},
		{"basic: none", Auth{Mode: AuthBasic, User: "copil", Password: secret}, nil, 401, `Basic realm="cochef", charset="UTF-8"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, tc.auth)
			for _, path := range []string{"/tableau", "/dashboard", "/tableau/pv?platform=gitlab&repo=sante/portail&number=3"} {
				resp, body := h.get(t, path, tc.hdr)
				if resp.StatusCode != tc.status {
					t.Fatalf("%s: status %d, want %d", path, resp.StatusCode, tc.status)
				}
				if got := resp.Header.Get("WWW-Authenticate"); got != tc.challenge {
					t.Errorf("%s: challenge %q, want %q", path, got, tc.challenge)
				}
				if strings.Contains(body, secret) || strings.Contains(h.logs.String(), secret) {
					t.Errorf("%s: the secret is in the answer or the logs", path)
				}
				if tc.status != 200 {
					if strings.Contains(body, "octo/demarches") || !strings.Contains(body, "Accès refusé") {
						t.Errorf("%s: refusal shows %q", path, body)
					}
					if !strings.Contains(h.logs.String(), "dashboard: request refused") || !strings.Contains(h.logs.String(), fmt.Sprintf("status=%d", tc.status)) {
						t.Errorf("%s: refusal not logged: %s", path, h.logs.String())
					}
				}
				h.logs.Reset()
			}
		})
	}
}

func TestNewRefusesIncompleteAuth(t *testing.T) {
	src := &fakeSource{}
	progress := func(core.RecetteModel, []core.Validation) (int, int, int) { return 0, 0, 0 }
	for _, a := range []Auth{{}, {Mode: "none"}, {Mode: AuthHeader}, {Mode: AuthBearer}, {Mode: AuthBasic, User: "u"}, {Mode: AuthBasic, Password: "p"}} {
		if _, err := New(Options{Source: src, Progress: progress, Auth: a}); err == nil {
			t.Errorf("%+v accepted", a)
		}
	}
}

func TestPage(t *testing.T) {
	h := newHarness(t, Auth{Mode: AuthHeader, Header: "X-Remote-User"})
	user := map[string]string{"X-Remote-User": "alice"}
	h.src.in.Stories[0].Title = `<script>alert("x")</script>`
	resp, body := h.get(t, "/tableau", user)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("status %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers: %v", resp.Header)
	}
	for _, want := range []string{
		`<html lang="fr">`,
		`<a class="skip" href="#contenu">Aller au contenu</a>`,
		`<main id="contenu"`,
		`<h1>Tableau de préparation des récits</h1>`,
		`<label for="filtre-depot">Dépôt</label>`,
		`<select id="filtre-depot" name="repo">`,
		`<label for="filtre-etiquette">Étiquette</label>`,
		`<h2 id="depot-1-titre">octo/demarches</h2>`,
		`<th scope="col">Règle non respectée</th>`,
		`<caption>Constats bloquants les plus fréquents – octo/demarches</caption>`,
		`<svg role="img"`,
		`aria-labelledby="depot-1-tendance-t depot-1-tendance-d"`,
		`<desc id="depot-1-tendance-d">De 25` + "\u202f" + `% le 21/11 à 40` + "\u202f" + `% le 05/12.</desc>`,
		`3/5 critères validés, 1 refusé`,
		`href="/tableau/pv?lang=fr&amp;number=3&amp;platform=gitlab&amp;repo=sante%2Fportail"`,
		`<a href="https://example.test/octo/demarches/issues/2">#2</a>`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`<a href="/tableau?lang=en" lang="en" hreflang="en">English</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("a story's title ran as HTML")
	}
	// Every table has a caption and column headers.
	if n, c := strings.Count(body, "<table"), strings.Count(body, "<caption>"); n == 0 || n != c {
		t.Errorf("%d tables, %d captions", n, c)
	}
	// The inline style is the one the policy allows.
	m := styleRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no style")
	}
	sum := sha256.Sum256([]byte(m[1]))
	if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, "style-src "+h+";") {
		t.Errorf("the policy %q does not allow the page's style (%s)", csp, h)
	}

	// English: by the query, then by the browser's languages.
	for _, tc := range []struct {
		path, accept, lang string
	}{
		{"/dashboard?lang=en", "fr-FR", "en"},
		{"/dashboard", "en-GB,en;q=0.9", "en"},
		{"/dashboard", "de-DE,de;q=0.9", "fr"},
		{"/tableau", "fr-CA, en;q=0.5", "fr"},
		{"/tableau?lang=fr", "en", "fr"},
	} {
		hdr := map[string]string{"X-Remote-User": "alice", "Accept-Language": tc.accept}
		resp, body := h.get(t, tc.path, hdr)
		if !strings.Contains(body, `<html lang="`+tc.lang+`">`) || resp.Header.Get("Content-Language") != tc.lang {
			t.Errorf("%s with %q: not %s", tc.path, tc.accept, tc.lang)
		}
	}
	_, en := h.get(t, "/dashboard?lang=en&repo=gitlab:sante/portail", user)
	for _, want := range []string{"<h1>Story readiness dashboard</h1>", "3/5 criteria validated, 1 refused", `<form method="get" action="/dashboard">`, `<option value="gitlab:sante/portail" selected>`} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %s", want)
		}
	}
	if strings.Contains(en, "octo/demarches</h2>") {
		t.Error("repository filter ignored")
	}
}

func TestPV(t *testing.T) {
	h := newHarness(t, Auth{Mode: AuthBearer, Token: secret})
	auth := map[string]string{"Authorization": "Bearer " + secret}
	resp, body := h.get(t, "/tableau/pv?platform=gitlab&repo=sante/portail&number=3&lang=en", auth)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || body != "%PDF-1.3 en Portail : export" ||
		resp.Header.Get("Content-Disposition") != `inline; filename="pv-sante-portail-3.pdf"` {
		t.Errorf("PV: %d %v %q", resp.StatusCode, resp.Header, body)
	}
	for _, path := range []string{
		"/tableau/pv?platform=gitlab&repo=sante/portail&number=4",
		"/tableau/pv?platform=bitbucket&repo=sante/portail&number=3",
		"/tableau/pv?platform=gitlab&repo=sante/portail&number=x",
	} {
		if resp, _ := h.get(t, path, auth); resp.StatusCode != 404 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
}

func TestStoreFailureIsLoggedNotShown(t *testing.T) {
	h := newHarness(t, Auth{Mode: AuthBearer, Token: secret})
	h.src.err = errors.New("database is locked at /var/lib/cochef/cochef.db")
	resp, body := h.get(t, "/tableau", map[string]string{"Authorization": "Bearer " + secret})
	if resp.StatusCode != 500 || strings.Contains(body, "/var/lib") || !strings.Contains(h.logs.String(), "database is locked") {
		t.Errorf("%d %q; logs %s", resp.StatusCode, body, h.logs.String())
	}
}

func TestEmptyStore(t *testing.T) {
	h := newHarness(t, Auth{Mode: AuthBearer, Token: secret})
	h.src.in = Input{}
	auth := map[string]string{"Authorization": "Bearer " + secret}
	for path, want := range map[string]string{
		"/tableau":                    textsFR.NoStoriesYet,
		"/tableau?label=sprint-12":    textsFR.NoStories,
		"/dashboard?lang=en":          textsEN.NoStoriesYet,
		"/dashboard?lang=en&repo=x:y": textsEN.NoStories,
	} {
		code, body := h.get(t, path, auth)
		if code.StatusCode != 200 || !strings.Contains(body, `<p id="synthese">`+template.HTMLEscapeString(want)+`</p>`) || strings.Contains(body, "<section") {
			t.Errorf("%s: %d, want %q in\n%s", path, code.StatusCode, want, body)
		}
	}
}
