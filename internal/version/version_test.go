package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	bi := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/cochef/cochef", Version: "v0.3.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "1318b5e8b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6"},
			{Key: "vcs.time", Value: "2026-12-05T15:19:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	got := fromBuildInfo(bi, "", "", "")
	if got.Version != "v0.3.0" || got.Commit != "1318b5e8b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6" || got.Date != "2026-12-05T15:19:00Z" || !got.Modified || got.GoVersion != "go1.26.8" {
		t.Errorf("got %+v", got)
	}
	// -ldflags -X wins: a container build has no .git.
	got = fromBuildInfo(bi, "v0.3.1", "abcdef", "2026-12-06T00:00:00Z")
	if got.Version != "v0.3.1" || got.Commit != "abcdef" || got.Date != "2026-12-06T00:00:00Z" {
		t.Errorf("overrides lost: %+v", got)
	}
	// Without any information (go run with -buildvcs=false).
	got = fromBuildInfo(&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "", "", "")
	if got.Version != "(devel)" || got.Commit != "" || got.Date != "" || got.Modified {
		t.Errorf("got %+v", got)
	}
	if got := fromBuildInfo(nil, "", "", ""); got.Version != "(devel)" || got.GoVersion == "" || got.Platform == "" {
		t.Errorf("no build info: %+v", got)
	}
}
