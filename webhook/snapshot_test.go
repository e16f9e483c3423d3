package webhook

import (
	"net/http"
	"testing"
)

// A platform cochef has credentials for gets tasks without the issue's
// text: the worker reads the live issue, and bodies stay out of the queue.
// A dry-run platform keeps the snapshot, its only source.
func TestSnapshotsOnlyForDryRunPlatforms(t *testing.T) {
	for _, tc := range []struct {
		live         []string
		wantGitHub   bool
		wantGitLabOK bool
	}{
		{nil, true, true},
		{[]string{"github"}, false, true},
		{[]string{"github", "gitlab"}, false, false},
	} {
		hs := newHarness(t, func(o *Options) { o.LivePlatforms = tc.live })
		gh := readFixture(t, "github/issues-opened.json")
		if w := hs.do(githubRequest("issues", "d-1", gh, testSecret)); w.Code != http.StatusAccepted {
			t.Fatalf("github: %d", w.Code)
		}
		gl := readFixture(t, "gitlab/issue.json")
		if w := hs.do(gitlabRequest("Issue Hook", testGitLabSecret, gl, map[string]string{"Idempotency-Key": "k-1"})); w.Code != http.StatusAccepted {
			t.Fatalf("gitlab: %d", w.Code)
		}
		tasks := hs.q.Tasks()
		if len(tasks) != 2 {
			t.Fatalf("want 2 tasks, got %d", len(tasks))
		}
		if got := tasks[0].Snapshot != nil; got != tc.wantGitHub {
			t.Errorf("live %v: GitHub snapshot kept = %v, want %v", tc.live, got, tc.wantGitHub)
		}
		if got := tasks[1].Snapshot != nil; got != tc.wantGitLabOK {
			t.Errorf("live %v: GitLab snapshot kept = %v, want %v", tc.live, got, tc.wantGitLabOK)
		}
	}
}
