// Package version says which cochef is running: its module version, the
// commit it was built from and when that commit was made, read from the
// build information the Go toolchain embeds in every binary.
package version

import (
	"runtime"
	"runtime/debug"
)

// Set with -ldflags "-X github.com/cochef/cochef/internal/version.commit=…"
// where the build has no version control information: a container build
// whose context leaves out .git (the Dockerfile passes them as build
// arguments). They win over the build information when set.
var (
	version string
	commit  string
	date    string
)

// Info is what a binary knows about its own build.
type Info struct {
	Version   string // module version: a tag, a pseudo-version, or "(devel)"
	Commit    string // VCS revision; empty when unknown
	Date      string // the commit's time (RFC 3339): builds are reproducible, so no build time
	Modified  bool   // built from a work tree with uncommitted changes
	GoVersion string
	Platform  string // GOOS/GOARCH the binary was built for
}

// Get returns the running binary's Info.
func Get() Info {
	bi, _ := debug.ReadBuildInfo()
	return fromBuildInfo(bi, version, commit, date)
}

func fromBuildInfo(bi *debug.BuildInfo, version, commit, date string) Info {
	i := Info{GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		i.Version = bi.Main.Version
		i.GoVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				i.Commit = s.Value
			case "vcs.time":
				i.Date = s.Value
			case "vcs.modified":
				i.Modified = s.Value == "true"
			}
		}
	}
	if version != "" {
		i.Version = version
	}
	if commit != "" {
		i.Commit = commit
	}
	if date != "" {
		i.Date = date
	}
	if i.Version == "" {
		i.Version = "(devel)"
	}
	return i
}
