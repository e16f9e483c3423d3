package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/cochef/cochef/github/githubfake"
)

// browserEnv turns the browser test on: it needs Chromium and takes a few
// seconds, so `go test ./...` skips it and .ci/run runs it.
const browserEnv = "COCHEF_BROWSER_TESTS"

// screenshotEnv names the folder the screenshots go to (the README's is
// docs/dashboard.png); the test's own temporary folder otherwise.
const screenshotEnv = "COCHEF_SCREENSHOT_DIR"

// pageRepo is what the page shows of one repository.
type pageRepo struct {
	Key     string   `json:"key"`
	Ready   string   `json:"ready"`
	Total   string   `json:"total"`
	Stories []string `json:"stories"`
	Recette []string `json:"recettes"`
	// Share is the repository's share as written; Last the chart's
	// newest point.
	Share string `json:"share"`
	Last  string `json:"last"`
}

type pageState struct {
	Lang    string     `json:"lang"`
	Summary string     `json:"summary"`
	Repos   []pageRepo `json:"repos"`
	Charts  int        `json:"charts"`
}

const readPage = `(() => ({
	lang: document.documentElement.lang,
	summary: document.getElementById("synthese").textContent,
	charts: document.querySelectorAll("svg[role=img] > title").length,
	repos: [...document.querySelectorAll("section[data-repo]")].map(s => ({
		key: s.dataset.repo,
		ready: s.querySelector("p.share").dataset.ready,
		total: s.querySelector("p.share").dataset.total,
		stories: [...s.querySelectorAll("table.stories tbody th a")].map(a => a.href),
		recettes: [...s.querySelectorAll("table.recettes td[data-done]")].map(td => td.textContent),
		share: s.querySelector("p.share").textContent,
		last: (s.querySelector("svg text.last") || {}).textContent || "",
	})),
}))()`

// The dashboard in headless Chromium, served by the real server from a
// seeded SQLite store, behind the trusted header a proxy would set.
func TestDashboardInBrowser(t *testing.T) {
	if os.Getenv(browserEnv) != "1" {
		t.Skipf("browser test: set %s=1 (needs Chromium; .ci/run does)", browserEnv)
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Fatal("no Chromium on PATH: apt-get install chromium")
	}
	started := time.Now()
	db := filepath.Join(t.TempDir(), "cochef.db")
	stories := seedDashboard(t, db, time.Now())
	cfg := e2eConfig(t, githubfake.New(t), db)
	cfg.DashboardEnabled, cfg.DashboardAuth, cfg.DashboardHeader = true, "header", "X-Forwarded-User"
	base := startServer(t, cfg)

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox, // root in CI
		chromedp.WindowSize(1280, 900),
		// This machine's network is closed: no background calls home.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("lang", "fr-FR"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	defer cancelTab()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	read := func(what string) pageState {
		t.Helper()
		st, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readPage))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return st
	}
	// submit clicks the filter button and waits for the page it loads.
	submit := func(what string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`button[type="submit"]`)))); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// What the authenticating proxy adds to every request.
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{
		"X-Forwarded-User": "co-cheffe", "Accept-Language": "fr-FR,fr;q=0.9",
	}}); err != nil {
		t.Fatal(err)
	}

	// The page, every repository, the figures of the store.
	run("load", chromedp.Navigate(base+"/tableau"), chromedp.WaitVisible(chromedp.CSS("h1")))
	st := read("load")
	want := map[string][2]int{}
	links := map[string][]string{}
	ready := 0
	for _, e := range stories {
		k := e.Ref.Repo.Platform + ":" + e.Ref.Repo.FullName
		f := want[k]
		f[1]++
		if e.Ready {
			f[0]++
			ready++
		}
		want[k] = f
		links[k] = append(links[k], e.URL)
	}
	if st.Lang != "fr" || st.Summary != fmt.Sprintf("%d récits prêts sur %d (%d\u202f%%)", ready, len(stories), (ready*100+len(stories)/2)/len(stories)) {
		t.Errorf("lang %q, summary %q", st.Lang, st.Summary)
	}
	if len(st.Repos) != len(want) || st.Charts != len(want) {
		t.Fatalf("%d repositories and %d charts on the page, %d in the store", len(st.Repos), st.Charts, len(want))
	}
	for _, r := range st.Repos {
		f := want[r.Key]
		if r.Ready != fmt.Sprint(f[0]) || r.Total != fmt.Sprint(f[1]) {
			t.Errorf("%s: %s/%s ready on the page, %d/%d in the store", r.Key, r.Ready, r.Total, f[0], f[1])
		}
		// The trend ends where the repository stands today.
		if pct := fmt.Sprintf("(%s)", r.Last); r.Last == "" || !strings.HasSuffix(r.Share, pct) {
			t.Errorf("%s: the chart ends at %q, the share is %q", r.Key, r.Last, r.Share)
		}
		if !slices.Equal(r.Stories, links[r.Key]) {
			t.Errorf("%s: story links %v, want %v", r.Key, r.Stories, links[r.Key])
		}
	}
	recettes := map[string][]string{}
	for _, r := range st.Repos {
		recettes[r.Key] = r.Recette
	}
	if !slices.Equal(recettes["github:dinum/demarches-simplifiees"], []string{"2/5 critères validés"}) ||
		!slices.Equal(recettes["gitlab:sante/portail-usagers"], []string{"3/4 critères validés, 1 refusé"}) {
		t.Errorf("recettes: %v", recettes)
	}

	// The screenshot, before the keyboard and the filters change the page.
	dir := os.Getenv(screenshotEnv)
	if dir == "" {
		dir = t.TempDir()
	}
	run("viewport", chromedp.EmulateViewport(1280, 1500))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"dashboard.png": shot, "dashboard-full.png": full} {
		if len(b) < 10_000 {
			t.Errorf("%s: %d bytes, not a page", name, len(b))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", filepath.Join(dir, name))
	}

	// The keyboard reaches the filter, the skip link first, with a
	// visible focus.
	var focus []string
	for range 6 {
		run("tab", chromedp.KeyEvent(kb.Tab))
		id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			const a = document.activeElement;
			const s = getComputedStyle(a);
			return (a.id || a.className || a.tagName) + (s.outlineStyle !== "none" && s.outlineWidth !== "0px" ? "+outline" : "");
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		focus = append(focus, id)
		if strings.HasPrefix(id, "filtre-depot") {
			break
		}
	}
	if len(focus) < 2 || focus[0] != "skip+outline" || focus[len(focus)-1] != "filtre-depot+outline" {
		t.Errorf("focus went %v; want the skip link first, then the repository filter, each outlined", focus)
	}

	// A filter: one repository, by the form (a GET, no script).
	gl := "gitlab:sante/portail-usagers"
	run("filter by repository", chromedp.SetValue(chromedp.ID("filtre-depot"), gl))
	submit("filter by repository")
	st = read("filter by repository")
	if len(st.Repos) != 1 || st.Repos[0].Key != gl || len(st.Repos[0].Stories) != want[gl][1] {
		t.Errorf("filtered on %s: %+v", gl, st.Repos)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if u, err := url.Parse(loc); err != nil || u.Query().Get("repo") != gl || u.Path != "/tableau" {
		t.Errorf("filter URL %s", loc)
	}

	// A label, across repositories.
	run("filter by label", chromedp.SetValue(chromedp.ID("filtre-depot"), ""), chromedp.SetValue(chromedp.ID("filtre-etiquette"), "usager"))
	submit("filter by label")
	st = read("filter by label")
	n, shown := 0, 0
	for _, e := range stories {
		if slices.Contains(e.IssueLabels, "usager") {
			n++
		}
	}
	for _, r := range st.Repos {
		shown += len(r.Stories)
	}
	if n == 0 || shown != n {
		t.Errorf("label usager: %d stories shown, %d in the store", shown, n)
	}
	run("English", chromedp.Navigate(base+"/dashboard?lang=en"))
	enTitle, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	if enTitle != "Story readiness dashboard" {
		t.Errorf("English title %q", enTitle)
	}
	t.Logf("browser test: %s, %d stories in %d repositories", time.Since(started).Round(time.Millisecond), len(stories), len(want))
}
