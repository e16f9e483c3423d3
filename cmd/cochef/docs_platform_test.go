package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	gh "github.com/google/go-github/v93/github"
	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/github"
)

// What a team sets up by hand on GitHub and GitLab (App permissions and
// events, webhook triggers) is written in deploy/app.yml, in the docs and,
// implicitly, in the code. Issue #10 found them apart: docs/install.md
// without the merge request trigger (the recette never starts),
// docs/recette.md asking Pull requests read where the manifest asks
// write. These tests hold the three together.

// docsWithPlatformSetup are the pages that tell a team what to set up.
var docsWithPlatformSetup = []string{"../../README.md", "../../docs/install.md", "../../docs/recette.md"}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type appManifest struct {
	Permissions map[string]string `yaml:"default_permissions"`
	Events      []string          `yaml:"default_events"`
}

func readManifest(t *testing.T) appManifest {
	t.Helper()
	var m appManifest
	if err := yaml.Unmarshal([]byte(readDoc(t, "../../deploy/app.yml")), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Permissions) == 0 || len(m.Events) == 0 {
		t.Fatalf("deploy/app.yml: no permissions or events: %+v", m)
	}
	return m
}

// permissionNames are the names GitHub's App settings page shows.
var permissionNames = map[string]string{
	"Issues": "issues", "Pull requests": "pull_requests", "Checks": "checks", "Contents": "contents",
	"Metadata": "metadata", "Merge queues": "merge_queues", "Members": "members",
}

var accessWords = map[string]string{"read": "read", "lecture": "read", "write": "write", "écriture": "write"}

// routePermissions is the permission GitHub asks of an App for each REST
// operation cochef calls (GitHub's "Permissions required for GitHub
// Apps"). The operations are those of the GitHub fake's OpenAPI subset,
// which refuses any other: the list of what the code calls.
var routePermissions = map[string][]string{
	"POST /app/installations/{installation_id}/access_tokens": nil, // the App's JWT
	"GET /user": nil, // token mode only
	"GET /orgs/{org}/teams/{team_slug}/memberships/{username}":      {"members:read"},
	"POST /repos/{owner}/{repo}/check-runs":                         {"checks:write"},
	"PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}":         {"checks:write"},
	"GET /repos/{owner}/{repo}/collaborators/{username}/permission": {"metadata:read"},
	"GET /repos/{owner}/{repo}/contents/{path}":                     {"contents:read"},
	"GET /repos/{owner}/{repo}/pulls/{pull_number}":                 {"pull_requests:read"},
	"GET /repos/{owner}/{repo}/labels/{name}":                       {"issues:read"},
	"POST /repos/{owner}/{repo}/labels":                             {"issues:write"},
	// The issues endpoints serve pull requests too: the recette checklist
	// is a comment on the pull request, with labels. GitHub asks Pull
	// requests for a pull request's number, Issues for an issue's.
	"GET /repos/{owner}/{repo}/issues/{issue_number}":           {"issues:read", "pull_requests:read"},
	"GET /repos/{owner}/{repo}/issues/{issue_number}/comments":  {"issues:read", "pull_requests:read"},
	"POST /repos/{owner}/{repo}/issues/{issue_number}/comments": {"issues:write", "pull_requests:write"},
	"GET /repos/{owner}/{repo}/issues/comments/{comment_id}":    {"issues:read", "pull_requests:read"},
	"PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}":  {"issues:write", "pull_requests:write"},
	// A duplicate a lost write left is removed (core.SyncComment).
	"DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}":        {"issues:write", "pull_requests:write"},
	"GET /repos/{owner}/{repo}/issues/{issue_number}/labels":           {"issues:read", "pull_requests:read"},
	"POST /repos/{owner}/{repo}/issues/{issue_number}/labels":          {"issues:write", "pull_requests:write"},
	"DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}": {"issues:write", "pull_requests:write"},
	// cochef backfill: the listing (pull requests come with it and are
	// skipped), where the App is installed (its JWT), the repositories.
	"GET /repos/{owner}/{repo}/issues":       {"issues:read"},
	"GET /repos/{owner}/{repo}/installation": nil, // the App's JWT
	"GET /orgs/{org}/installation":           nil, // the App's JWT
	"GET /installation/repositories":         {"metadata:read"},
	"GET /orgs/{org}/repos":                  {"metadata:read"}, // token mode only
}

// eventPermissions is what GitHub asks before it sends an event.
var eventPermissions = map[string][]string{
	"issues":        {"issues:read"},
	"issue_comment": {"issues:read"},
	"pull_request":  {"pull_requests:read"},
	"merge_group":   {"merge_queues:read"},
}

// codePermissions derives, from the operations the code calls and the
// events it subscribes to, the permissions the App needs.
func codePermissions(t *testing.T, events []string) map[string]string {
	var spec struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(readDoc(t, "../../github/githubfake/testdata/openapi.json")), &spec); err != nil {
		t.Fatal(err)
	}
	need := map[string]string{"metadata": "read"} // every App has it
	grant := func(list []string) {
		for _, p := range list {
			name, access, _ := strings.Cut(p, ":")
			if need[name] != "write" {
				need[name] = access
			}
		}
	}
	for path, ops := range spec.Paths {
		for method := range ops {
			op := strings.ToUpper(method) + " " + path
			perms, ok := routePermissions[op]
			if !ok {
				t.Errorf("cochef calls %s: add the permission GitHub asks for it to routePermissions", op)
			}
			grant(perms)
		}
	}
	// GraphQL closingIssuesReferences (github/recette.go) reads the pull
	// request and the issues it closes.
	grant([]string{"pull_requests:read", "issues:read"})
	for _, e := range events {
		grant(eventPermissions[e])
	}
	return need
}

func TestGitHubPermissionsOfDocsManifestAndCodeAgree(t *testing.T) {
	m := readManifest(t)
	if got := codePermissions(t, m.Events); !maps.Equal(got, m.Permissions) {
		t.Errorf("deploy/app.yml asks %v; the code needs %v", m.Permissions, got)
	}
	canonical := regexp.MustCompile(`\*(Issues|Pull requests|Checks|Contents|Metadata|Merge queues|Members)\*\s+\((read|write|lecture|écriture)\b`)
	loose := regexp.MustCompile(`\b(Issues|Pull requests|Checks|Contents|Metadata|Merge queues|Members)\b[^.;\n(]{0,4}\*?(read|write|lecture|écriture)\b`)
	for _, doc := range docsWithPlatformSetup {
		text := readDoc(t, doc)
		for _, l := range loose.FindAllString(text, -1) {
			t.Errorf("%s: %q: write a permission as *Name* (access), as this test reads it", doc, l)
		}
		seen := map[string]int{}
		for _, mm := range canonical.FindAllStringSubmatch(text, -1) {
			key, access := permissionNames[mm[1]], accessWords[mm[2]]
			seen[key]++
			if m.Permissions[key] != access {
				t.Errorf("%s says *%s* (%s); deploy/app.yml asks %s: %s", doc, mm[1], mm[2], key, m.Permissions[key])
			}
		}
		if doc == "../../docs/recette.md" {
			continue // names only what the recette needs
		}
		// README once, install.md in French and in English.
		want := 1
		if doc == "../../docs/install.md" {
			want = 2
		}
		for key := range m.Permissions {
			if seen[key] < want {
				t.Errorf("%s names %s %d time(s), want %d", doc, key, seen[key], want)
			}
		}
	}
}

// alwaysSent are events GitHub sends to every App without subscribing.
var alwaysSent = []string{"installation", "installation_repositories", "ping"}

// gitlabTriggers maps the webhook triggers of GitLab's settings page, in
// English and French, to the X-Gitlab-Event they send.
var gitlabTriggers = map[string]string{
	"Issues events": "Issue Hook", "Événements de ticket": "Issue Hook",
	"Confidential issues events": "Confidential Issue Hook", "Événements de ticket confidentiel": "Confidential Issue Hook",
	"Comments": "Note Hook", "Commentaires": "Note Hook",
	"Confidential comments": "Confidential Note Hook", "Commentaires confidentiels": "Confidential Note Hook",
	"Merge request events": "Merge Request Hook", "Événements de merge request": "Merge Request Hook",
	"Push events": "Push Hook", "Tag push events": "Tag Push Hook", "Job events": "Job Hook",
	"Pipeline events": "Pipeline Hook", "Wiki page events": "Wiki Page Hook", "Deployment events": "Deployment Hook",
	"Feature flag events": "Feature Flag Hook", "Releases events": "Release Hook", "Emoji events": "Emoji Hook",
	"Milestone events": "Milestone Hook", "Member events": "Member Hook", "Subgroup events": "Subgroup Hook",
	"Project or group access token events": "Resource Access Token Hook", "Vulnerability events": "Vulnerability Hook",
}

// gitlabEvents are every X-Gitlab-Event GitLab sends to a webhook.
var gitlabEvents = []string{
	"Push Hook", "Tag Push Hook", "Issue Hook", "Confidential Issue Hook", "Note Hook", "Confidential Note Hook",
	"Merge Request Hook", "Wiki Page Hook", "Pipeline Hook", "Job Hook", "Deployment Hook", "Feature Flag Hook",
	"Release Hook", "Emoji Hook", "Resource Access Token Hook", "Member Hook", "Subgroup Hook", "Milestone Hook",
	"Project Hook", "Vulnerability Hook", "System Hook",
}

// samples are real payloads (testdata) for the events a handler parses;
// the others are turned away before their body is read.
var githubSamples = map[string]string{
	"issues": "issues-opened.json", "issue_comment": "issue_comment-created.json",
	"pull_request": "pull_request-opened.json", "merge_group": "merge_group-checks_requested.json",
}

var gitlabSamples = map[string]string{
	"Issue Hook": "gitlab/issue.json", "Confidential Issue Hook": "gitlab/issue.json",
	"Note Hook": "gitlab/note_issue.json", "Confidential Note Hook": "gitlab/note_issue.json",
	"Merge Request Hook": "gitlab/merge_request.json", "Push Hook": "gitlab/push.json",
}

// handledEvents posts every event of a platform to a running server and
// returns those it does not turn away as "event not handled".
func handledEvents(t *testing.T, base, platform string, events []string, samples map[string]string) []string {
	var handled []string
	for i, e := range events {
		body := []byte("{}")
		if f, ok := samples[e]; ok {
			body = []byte(readDoc(t, filepath.Join("testdata", f)))
		}
		req, err := http.NewRequest(http.MethodPost, base+"/webhooks/"+platform, strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if platform == "github" {
			req.Header.Set("X-GitHub-Event", e)
			req.Header.Set("X-GitHub-Delivery", fmt.Sprintf("docs-%d", i))
			req.Header.Set("X-Hub-Signature-256", github.SignWebhook("gh-secret", body))
		} else {
			req.Header.Set("X-Gitlab-Event", e)
			req.Header.Set("X-Gitlab-Token", "gl-secret")
			req.Header.Set("Idempotency-Key", fmt.Sprintf("docs-%d", i))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			t.Errorf("%s %s: %d %s", platform, e, resp.StatusCode, answer)
		}
		if !strings.Contains(string(answer), "event not handled") {
			handled = append(handled, e)
		}
	}
	slices.Sort(handled)
	return handled
}

func TestEventsOfDocsManifestAndCodeAgree(t *testing.T) {
	m := readManifest(t)
	base := startServer(t, serverConfig{
		Listen:               "127.0.0.1:0",
		Database:             filepath.Join(t.TempDir(), "cochef.db"),
		Debounce:             time.Hour, // nothing is evaluated: only the intake is asked
		Workers:              1,
		ShutdownGrace:        5 * time.Second,
		JobTimeout:           10 * time.Second,
		RescueAfter:          15 * time.Second,
		GitHubWebhookSecrets: []string{"gh-secret"},
		GitLabWebhookSecret:  "gl-secret",
	})

	t.Run("GitHub", func(t *testing.T) {
		want := slices.Sorted(slices.Values(append(slices.Clone(m.Events), alwaysSent...)))
		all := gh.MessageTypes() // ping included
		if got := handledEvents(t, base, "github", all, githubSamples); !slices.Equal(got, want) {
			t.Errorf("the intake handles %v; deploy/app.yml subscribes to %v (and %v come unasked)", got, m.Events, alwaysSent)
		}
		list := "`" + strings.Join(m.Events, "`, `") + "`"
		for _, doc := range docsWithPlatformSetup {
			text := strings.Join(strings.Fields(readDoc(t, doc)), " ")
			if !strings.Contains(text, "events "+list) && !strings.Contains(text, "événements "+list) {
				t.Errorf("%s does not list the App's events as %s", doc, list)
			}
			for _, mm := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(text, -1) {
				if slices.Contains(all, mm[1]) && !slices.Contains(want, mm[1]) {
					t.Errorf("%s names the GitHub event `%s`, which cochef does not handle", doc, mm[1])
				}
			}
		}
	})

	t.Run("GitLab", func(t *testing.T) {
		handled := handledEvents(t, base, "gitlab", gitlabEvents, gitlabSamples)
		for _, doc := range docsWithPlatformSetup {
			text := strings.Join(strings.Fields(readDoc(t, doc)), " ")
			lists := regexp.MustCompile(`(?:triggers|déclencheurs) ?:? ((?:\*\*[^*]+\*\*,? ?)+)`).FindAllStringSubmatch(text, -1)
			if len(lists) == 0 {
				t.Errorf("%s lists no GitLab webhook triggers", doc)
			}
			for _, l := range lists {
				var named []string
				for _, b := range regexp.MustCompile(`\*\*([^*]+)\*\*`).FindAllStringSubmatch(l[1], -1) {
					ev, ok := gitlabTriggers[b[1]]
					if !ok {
						t.Errorf("%s: trigger %q is not one GitLab shows", doc, b[1])
					}
					named = append(named, ev)
				}
				slices.Sort(named)
				if !slices.Equal(slices.Compact(named), handled) {
					t.Errorf("%s asks the triggers of %v; the intake handles %v", doc, named, handled)
				}
			}
		}
	})
}

// The GitLab token's role: issue #10 found Reporter in install.md and
// Developer in the README. Every sentence about the token names one role.
func TestGitLabTokenRoleIsTheSameEverywhere(t *testing.T) {
	const role = "Developer" // commit statuses and threads of the recette
	roles := regexp.MustCompile(`\b(Guest|Reporter|Developer|Maintainer|Owner)\b`)
	for _, doc := range docsWithPlatformSetup {
		n := 0
		for _, sentence := range regexp.MustCompile(`\.(\s|$)`).Split(strings.Join(strings.Fields(readDoc(t, doc)), " "), -1) {
			lower := strings.ToLower(sentence)
			if !strings.Contains(lower, "token") && !strings.Contains(lower, "jeton") {
				continue
			}
			// Why Reporter is not enough is no other role.
			sentence = strings.NewReplacer("le rôle Reporter ne permet pas", "", "the Reporter role does not allow", "").Replace(sentence)
			for _, r := range roles.FindAllString(sentence, -1) {
				n++
				if r != role {
					t.Errorf("%s: the token's role is %s in %q; elsewhere %s", doc, r, sentence, role)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s does not say the GitLab token's role", doc)
		}
	}
}
