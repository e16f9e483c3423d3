package e2e

import (
	"os/exec"
	"strings"
	"testing"
)

// TestBuildInfoFromLdflags builds as the Dockerfile does, without .git:
// the version, commit and date given to -ldflags -X are what cochef
// version and cochef --version print.
func TestBuildInfoFromLdflags(t *testing.T) {
	needProcesses(t)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(binary, args...).Output()
		if err != nil {
			t.Fatalf("cochef %s: %v", args[0], err)
		}
		for _, want := range []string{"cochef " + buildVersion + "\n", "commit  " + buildCommit + "\n", "date    " + buildDate + "\n", "go      go"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("cochef %s printed\n%s\nwithout %q", args[0], out, want)
			}
		}
	}
}
