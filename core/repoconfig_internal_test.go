package core

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/templates"
)

// configOnly answers ReadConfig from a map and counts the calls.
type configOnly struct {
	files map[string]string
	calls int
}

func (c *configOnly) ReadConfig(_ context.Context, repo Repo) ([]byte, string, bool, error) {
	c.calls++
	data, ok := c.files[repo.FullName]
	return []byte(data), repo.FullName + ":.github/cochef.yml", ok, nil
}

func TestMissingConfigIsLookedForAgainAfterTheTTL(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	r := NewRepoSettings(Settings{Labels: DefaultLabels()})
	r.now = func() time.Time { return now }
	p := &configOnly{files: map[string]string{}}
	repo := Repo{Platform: GitHub, FullName: "o/r"}
	load := func() Settings {
		s, cerr, err := r.Load(context.Background(), p, repo)
		if err != nil || cerr != nil {
			t.Fatalf("Load: %v %v", err, cerr)
		}
		return s
	}
	load()
	p.files["o/r"] = "lang: en\n"
	if s := load(); s.Lang != "" || p.calls != 1 {
		t.Fatalf("within the TTL: lang %q, %d reads; want the cached absence", s.Lang, p.calls)
	}
	now = now.Add(MissingConfigTTL + time.Second)
	if s := load(); s.Lang != "en" || p.calls != 2 {
		t.Fatalf("after the TTL: lang %q, %d reads; want the new file", s.Lang, p.calls)
	}
	// A found file is read at every load (conditional requests make that
	// cheap), so its edits apply at once.
	p.files["o/r"] = "lang: fr\n"
	if s := load(); s.Lang != "fr" || p.calls != 3 {
		t.Fatalf("edited file: lang %q, %d reads", s.Lang, p.calls)
	}
}

func TestRecetteConfig(t *testing.T) {
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	defaults := Settings{Labels: DefaultLabels(), Templates: set}
	s, cerr := ParseRepoConfig([]byte(`recette:
  validators: ["@po-marie", jean]
  teams: [octo-org/metier]
  labels:
    in_progress: "recette: à faire"
    done: {name: "recette: ok", color: "#00ff00"}
`), "cochef.yml", defaults)
	if cerr != nil {
		t.Fatal(cerr.Message)
	}
	if !reflect.DeepEqual(s.Recette.Validators, []string{"po-marie", "jean"}) || !reflect.DeepEqual(s.Recette.Teams, []string{"octo-org/metier"}) {
		t.Fatalf("validators %v teams %v", s.Recette.Validators, s.Recette.Teams)
	}
	ls := s.Recette.LabelSet()
	if ls.InProgress.Name != "recette: à faire" || ls.InProgress.Color != DefaultRecetteLabels().InProgress.Color ||
		ls.Done.Name != "recette: ok" || ls.Done.Color != "00ff00" {
		t.Fatalf("labels %+v", ls)
	}
	if d := defaults.Recette.LabelSet(); d != DefaultRecetteLabels() {
		t.Fatalf("default labels %+v", d)
	}
	for name, bad := range map[string]string{
		"unknown key":    "recette:\n  approvers: [a]\n",
		"unknown label":  "recette:\n  labels:\n    later: x\n",
		"bad colour":     "recette:\n  labels:\n    done: {color: vert}\n",
		"same labels":    "recette:\n  labels:\n    done: x\n    in_progress: X\n",
		"login with tab": "recette:\n  validators: [\"a b\"]\n",
	} {
		_, cerr := ParseRepoConfig([]byte(bad), "cochef.yml", defaults)
		if cerr == nil || !strings.Contains(cerr.Message, "recette") {
			t.Errorf("%s: want a recette error, got %v", name, cerr)
		}
		if cerr != nil && name == "unknown key" && !strings.Contains(cerr.Message, "line 2") {
			t.Errorf("%s: error has no line: %s", name, cerr.Message)
		}
	}
}
