package github_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/github/githubfake"
)

// Writes of one installation go one at a time, but a write that hangs
// does not hold the others for as long as it hangs: the probe of issue
// #14 saw a 35 s POST hold every write of its installation.
func TestHangingWriteDoesNotHoldTheInstallation(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	held := f.Hold(routeNewComment)
	defer held.Release()
	client := appClient(t, f, 10*time.Millisecond)
	c := connect(t, client, hello)
	if _, err := c.GetIssue(ctx, issue); err != nil { // mints the token first
		t.Fatal(err)
	}
	hung := make(chan error, 1)
	go func() {
		hctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		_, err := c.CreateComment(hctx, issue, "hangs")
		hung <- err
	}()
	<-held.Arrived
	start := time.Now()
	if err := c.AddLabels(ctx, issue, []string{"x"}); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("a write behind a hanging one went after %s", took.Round(time.Millisecond))
	if took > 5*time.Second {
		t.Errorf("the next write waited %s behind a hanging one, want a few seconds at most", took.Round(time.Millisecond))
	}
	held.Release()
	if err := <-hung; err != nil {
		t.Errorf("the hanging write, once answered: %v", err)
	}
}

// GitHub allows about 80 content-creating requests a minute and 500 an
// hour per installation (secondary rate limits, which block the App for
// minutes once hit): the 81st creation of a minute is not sent, and
// answered with a rate limit saying when the budget frees.
func TestContentCreationBudgetPerInstallation(t *testing.T) {
	f := githubfake.New(t)
	f.AddIssue("octo/hello", 1, githubfake.Issue{Title: "t"})
	client := appClient(t, f, github.NoWriteSpacing)
	c := connect(t, client, hello)
	other := connect(t, client, core.Repo{Platform: core.GitHub, FullName: "octo/hello", InstallationID: 8})
	for i := range 80 {
		if _, err := c.CreateComment(ctx, issue, fmt.Sprintf("c%d", i)); err != nil {
			t.Fatalf("creation %d: %v", i+1, err)
		}
	}
	sent := len(f.Calls(routeNewComment))
	_, err := c.CreateComment(ctx, issue, "one too many")
	var api *core.APIError
	if !errors.As(err, &api) || !api.RateLimited || api.RetryAfter < 50*time.Second || api.RetryAfter > time.Minute ||
		api.Status != http.StatusTooManyRequests || core.WriteOutcomeUnknown(err) {
		t.Fatalf("the 81st creation of the minute: %v, want a rate limit of about a minute, known not sent", err)
	}
	if n := len(f.Calls(routeNewComment)); n != sent {
		t.Errorf("%d creations reached GitHub, want %d", n, sent)
	}
	// Edits and reads are not creations; another installation has its own
	// budget.
	if err := c.EditComment(ctx, issue, f.Comments("octo/hello", 1)[0].ID, "edited"); err != nil {
		t.Errorf("an edit: %v", err)
	}
	if _, err := other.CreateComment(ctx, issue, "another installation"); err != nil {
		t.Errorf("another installation: %v", err)
	}
}
