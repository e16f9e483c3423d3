package core

import (
	"context"
	"testing"
	"time"
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
