package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/spf13/cobra"

	"github.com/cochef/cochef/github"
)

// replayTimeout bounds the whole exchange: a server that takes longer than
// the platforms' 10 s would be failing real deliveries anyway.
const replayTimeout = 30 * time.Second

type replayOptions struct {
	url      string
	secret   string
	event    string
	platform string
	delivery string
}

func newReplayCmd() *cobra.Command {
	var o replayOptions
	cmd := &cobra.Command{
		Use:   "replay FILE",
		Short: "Signe et envoie un webhook enregistré à un serveur cochef / Sign and post a saved webhook to a cochef server",
		Long: `Lit une charge utile JSON (FILE, ou - pour l'entrée standard), la signe comme GitHub
(X-Hub-Signature-256) ou GitLab (X-Gitlab-Token) et l'envoie à un serveur cochef. Affiche
le statut et la réponse. Code de sortie : 0 si 2xx, 1 pour tout autre statut, 2 en cas
d'erreur d'utilisation ou d'entrée.

Reads a JSON payload (FILE, or - for standard input), signs it like GitHub
(X-Hub-Signature-256) or GitLab (X-Gitlab-Token) and posts it to a cochef server. Prints
the status and the answer. Exit code: 0 on 2xx, 1 on any other status, 2 on a usage or
input error.

Server: --url, else the cochef of this shell's settings: 127.0.0.1 on the port of
COCHEF_LISTEN (8080 without it).
Secret: --secret, else COCHEF_GITHUB_WEBHOOK_SECRET or COCHEF_GITLAB_WEBHOOK_SECRET.
Platform: --platform, else gitlab when the payload has "object_kind", github otherwise.
Event: --event, else guessed from the payload. Delivery: --delivery, else a new UUID
(reuse one to test redelivery).`,
		Example: `  cochef replay examples/webhooks/github-issue-opened.json
  cochef replay --delivery 1234 examples/webhooks/github-issue-opened.json   # twice: the second is a duplicate
  cochef replay --secret s - < examples/webhooks/gitlab-issue-open.json     # GitLab, from standard input`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReplay(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], o, cmd.Flags().Changed("secret"))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.url, "url", "", "adresse du serveur / server URL (défaut/default http://127.0.0.1:<port de/of $COCHEF_LISTEN, 8080>/webhooks/<platform>)")
	f.StringVar(&o.secret, "secret", "", "secret du webhook / webhook secret (défaut/default $COCHEF_GITHUB_WEBHOOK_SECRET, $COCHEF_GITLAB_WEBHOOK_SECRET)")
	f.StringVar(&o.event, "event", "", "nom de l'événement / event name (X-GitHub-Event, X-Gitlab-Event); deviné sinon / guessed otherwise")
	f.StringVar(&o.platform, "platform", "", "github ou/or gitlab; deviné sinon / guessed otherwise")
	f.StringVar(&o.delivery, "delivery", "", "identifiant de livraison / delivery id (défaut/default: nouvel UUID / new UUID)")
	return cmd
}

func runReplay(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, file string, o replayOptions, secretSet bool) error {
	payload, err := readReplayPayload(stdin, file)
	if err != nil {
		return err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(payload, &fields); err != nil {
		return usageErr("%s : JSON invalide (un objet est attendu) / invalid JSON (an object is expected): %v", file, err)
	}

	platform := o.platform
	switch platform {
	case "github", "gitlab":
	case "":
		platform = "github"
		if _, ok := fields["object_kind"]; ok {
			platform = "gitlab"
		}
	default:
		return usageErr("--platform %q : github ou gitlab attendu / expected github or gitlab", o.platform)
	}

	event := o.event
	if event == "" {
		if platform == "github" {
			event = guessGitHubEvent(fields)
		} else {
			event = guessGitLabEvent(fields)
		}
		if event == "" {
			return usageErr("impossible de deviner l'événement de %s, précisez --event / cannot guess the event of %s, pass --event", file, file)
		}
	}

	secret := o.secret
	if !secretSet {
		env := "COCHEF_GITHUB_WEBHOOK_SECRET"
		if platform == "gitlab" {
			env = "COCHEF_GITLAB_WEBHOOK_SECRET"
		}
		secret = os.Getenv(env)
	}
	if secret == "" {
		fmt.Fprintln(stderr, "cochef: attention, aucun secret : la requête part sans signature / warning, no secret: the request is sent unsigned")
	}
	if platform == "github" && strings.Contains(secret, ",") {
		// The server takes a comma-separated list to rotate secrets; any
		// one of them signs.
		secret, _, _ = strings.Cut(secret, ",")
	}

	target, err := replayURL(o.url, platform, os.Getenv("COCHEF_LISTEN"))
	if err != nil {
		return err
	}
	delivery := o.delivery
	if delivery == "" {
		delivery = uuid.NewString()
	}

	ctx, cancel := context.WithTimeout(ctx, replayTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(payload))
	if err != nil {
		return usageErr("--url %q : %v", target, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "cochef-replay")
	if platform == "github" {
		req.Header.Set("X-GitHub-Event", event)
		req.Header.Set("X-GitHub-Delivery", delivery)
		if secret != "" {
			req.Header.Set("X-Hub-Signature-256", github.SignWebhook(secret, payload))
		}
	} else {
		req.Header.Set("X-Gitlab-Event", event)
		req.Header.Set("X-Gitlab-Event-UUID", delivery)
		req.Header.Set("Idempotency-Key", delivery)
		if secret != "" {
			req.Header.Set("X-Gitlab-Token", secret)
		}
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("envoi impossible / cannot send to %s: %w", target, err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("réponse illisible / unreadable answer from %s: %w", target, err)}
	}
	fmt.Fprintf(stdout, "%s %s %s (delivery %s)\n", resp.Proto, resp.Status, event, delivery)
	if b := bytes.TrimSpace(body); len(b) > 0 {
		fmt.Fprintf(stdout, "%s\n", b)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// The status line above says what went wrong; nothing to add.
		return &exitError{code: 1}
	}
	return nil
}

func readReplayPayload(stdin io.Reader, file string) ([]byte, error) {
	var (
		b   []byte
		err error
	)
	if file == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(file)
	}
	if err != nil {
		return nil, usageErr("lecture impossible / cannot read %s: %v", file, err)
	}
	return b, nil
}

// replayURL completes a bare server address with the platform's path, so
// --url http://host:8080 works as well as the full endpoint.
// replayURL is where to post: --url, else the local server listening on
// the address of COCHEF_LISTEN, which replay reads as it reads the
// server's secrets, so that one shell's settings serve both.
func replayURL(raw, platform, listen string) (string, error) {
	if raw == "" {
		host, port, err := net.SplitHostPort(listen)
		if err != nil || port == "" {
			host, port = "", "8080"
		}
		switch host {
		case "", "0.0.0.0", "::":
			host = "127.0.0.1"
		}
		return "http://" + net.JoinHostPort(host, port) + "/webhooks/" + platform, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usageErr("--url %q : adresse http(s) attendue / expected an http(s) URL", raw)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/webhooks/" + platform
	}
	return u.String(), nil
}

// guessGitHubEvent names the event from the payload's top-level keys, as
// far as they tell; "" when they do not.
func guessGitHubEvent(f map[string]json.RawMessage) string {
	has := func(k string) bool {
		v, ok := f[k]
		return ok && string(v) != "null"
	}
	switch {
	case has("zen") && has("hook_id"):
		return "ping"
	case has("issue") && has("comment"):
		return "issue_comment"
	case has("issue"):
		return "issues"
	case has("pull_request") && has("review"):
		return "pull_request_review"
	case has("pull_request"):
		return "pull_request"
	case has("merge_group"):
		return "merge_group"
	case has("repositories_added") || has("repositories_removed"):
		return "installation_repositories"
	case has("installation") && has("action") && !has("repository"):
		return "installation"
	}
	return ""
}

// replayGitLabEvents maps object_kind to X-Gitlab-Event.
var replayGitLabEvents = map[string]string{
	"issue":         "Issue Hook",
	"note":          "Note Hook",
	"merge_request": "Merge Request Hook",
	"push":          "Push Hook",
	"tag_push":      "Tag Push Hook",
	"pipeline":      "Pipeline Hook",
	"wiki_page":     "Wiki Page Hook",
	"release":       "Release Hook",
}

func guessGitLabEvent(f map[string]json.RawMessage) string {
	var kind string
	if err := json.Unmarshal(f["object_kind"], &kind); err != nil {
		return ""
	}
	return replayGitLabEvents[kind]
}
