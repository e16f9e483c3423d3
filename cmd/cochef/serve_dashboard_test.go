package main

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/github/githubfake"
)

func dashboardConfig(t *testing.T, db string) serverConfig {
	cfg := e2eConfig(t, githubfake.New(t), db)
	cfg.DashboardEnabled, cfg.DashboardAuth, cfg.DashboardToken = true, "bearer", "tableau-de-bord-0123456789"
	return cfg
}

func getPage(t *testing.T, url string, hdr map[string]string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// The server serves the dashboard only when it is enabled, and then only
// to those who authenticate; the page and the PVs come from the store.
func TestServeDashboard(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cochef.db")
	stories := seedDashboard(t, db, time.Now())
	auth := map[string]string{"Authorization": "Bearer tableau-de-bord-0123456789"}

	// Each subtest's server gives the SQLite file back when it ends.
	t.Run("off unless enabled", func(t *testing.T) {
		cfg := dashboardConfig(t, db)
		cfg.DashboardEnabled = false
		url := startServer(t, cfg)
		for _, p := range []string{"/tableau", "/dashboard", "/tableau/pv?platform=github&repo=dinum/demarches-simplifiees&number=230"} {
			if code, _ := getPage(t, url+p, auth); code != http.StatusNotFound {
				t.Errorf("%s: %d", p, code)
			}
		}
	})
	t.Run("enabled", func(t *testing.T) {
		url := startServer(t, dashboardConfig(t, db))
		if code, body := getPage(t, url+"/tableau", nil); code != http.StatusUnauthorized || strings.Contains(body, "dinum") {
			t.Errorf("without a token: %d %q", code, body)
		}
		code, body := getPage(t, url+"/tableau", auth)
		if code != http.StatusOK {
			t.Fatalf("with the token: %d", code)
		}
		ready := 0
		for _, e := range stories {
			if e.Ready {
				ready++
			}
			if !strings.Contains(body, fmt.Sprintf(`<a href="%s">#%d</a>`, e.URL, e.Ref.Number)) {
				t.Errorf("no link to %s", e.URL)
			}
		}
		if want := fmt.Sprintf("%d récits prêts sur %d", ready, len(stories)); !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
		for _, want := range []string{"2/5 critères validés", "3/4 critères validés, 1 refusé", "<svg role=\"img\""} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		req, _ := http.NewRequest("GET", url+"/dashboard/pv?platform=gitlab&repo=sante/portail-usagers&number=58&lang=en", nil)
		req.Header.Set("Authorization", auth["Authorization"])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		pdf, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
			t.Errorf("PV: %d %s, %d bytes", resp.StatusCode, resp.Header.Get("Content-Type"), len(pdf))
		}
	})
}
