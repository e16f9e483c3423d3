package e2e

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// The deployment examples are read by people and by tools that fail late
// (kubectl, compose, GitHub's manifest flow): these tests parse every YAML
// file under deploy/ and check what the docs promise of them.

const deployDir = "../deploy"

// yamlDocs decodes every document of a YAML file.
func yamlDocs(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var docs []map[string]any
	for {
		var d map[string]any
		err := dec.Decode(&d)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if d != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		t.Fatalf("%s holds no YAML document", path)
	}
	return docs
}

// dig walks maps and lists: a string key for a map, an int for a list.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func TestDeployYAMLParses(t *testing.T) {
	n := 0
	err := filepath.WalkDir(deployDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(path); !d.IsDir() && (ext == ".yml" || ext == ".yaml") {
			yamlDocs(t, path)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 8 {
		t.Fatalf("only %d YAML files under deploy/", n)
	}
}

func TestGitHubAppManifest(t *testing.T) {
	m := yamlDocs(t, filepath.Join(deployDir, "app.yml"))[0]
	wantPerms := map[string]string{
		"issues": "write", "pull_requests": "write", "checks": "write",
		"contents": "read", "metadata": "read", "merge_queues": "read", "members": "read",
	}
	perms, _ := m["default_permissions"].(map[string]any)
	if len(perms) != len(wantPerms) {
		t.Errorf("default_permissions = %v, want exactly %v", perms, wantPerms)
	}
	for k, v := range wantPerms {
		if perms[k] != v {
			t.Errorf("default_permissions.%s = %v, want %s", k, perms[k], v)
		}
	}
	var events []string
	for _, e := range m["default_events"].([]any) {
		events = append(events, e.(string))
	}
	slices.Sort(events)
	if want := []string{"issue_comment", "issues", "merge_group", "pull_request"}; !slices.Equal(events, want) {
		t.Errorf("default_events = %v, want %v (installation events come without subscribing)", events, want)
	}
	if u, _ := dig(m, "hook_attributes", "url").(string); !strings.HasPrefix(u, "https://") || !strings.HasSuffix(u, "/webhooks/github") {
		t.Errorf("hook_attributes.url = %q, want https://…/webhooks/github", u)
	}
	if u, _ := m["redirect_url"].(string); !strings.HasPrefix(u, "https://") {
		t.Errorf("redirect_url = %q", u)
	}
	if m["public"] != false {
		t.Errorf("public = %v, want false", m["public"])
	}
	for _, k := range []string{"name", "url"} {
		if s, _ := m[k].(string); s == "" {
			t.Errorf("manifest lacks %s", k)
		}
	}
}

// knownEnv reads the COCHEF_* names of the README's configuration table,
// which a test of cmd/cochef keeps in step with the server's settings.
func knownEnv(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, m := range regexp.MustCompile("\\| `(COCHEF_[A-Z_]+)` \\|").FindAllStringSubmatch(string(b), -1) {
		known[m[1]] = true
	}
	if len(known) < 10 {
		t.Fatalf("found only %d settings in the README's table", len(known))
	}
	return known
}

func TestKubernetesManifests(t *testing.T) {
	known := knownEnv(t)
	byKind := map[string]map[string]any{}
	dir := filepath.Join(deployDir, "kubernetes")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		for _, d := range yamlDocs(t, filepath.Join(dir, e.Name())) {
			kind, _ := d["kind"].(string)
			if kind == "" || d["apiVersion"] == nil {
				t.Errorf("%s: a document without kind or apiVersion", e.Name())
			}
			byKind[kind] = d
		}
	}
	for _, k := range []string{"Deployment", "Service", "Secret", "PodDisruptionBudget", "Ingress", "Kustomization"} {
		if byKind[k] == nil {
			t.Fatalf("no %s under deploy/kubernetes", k)
		}
	}
	dep := byKind["Deployment"]
	if r := dig(dep, "spec", "replicas"); r != 2 {
		t.Errorf("replicas = %v, want 2", r)
	}
	pod := dig(dep, "spec", "template", "spec")
	if dig(pod, "securityContext", "runAsNonRoot") != true {
		t.Error("pod securityContext.runAsNonRoot is not true")
	}
	c := dig(pod, "containers", 0)
	if dig(c, "securityContext", "readOnlyRootFilesystem") != true {
		t.Error("container securityContext.readOnlyRootFilesystem is not true")
	}
	if dig(c, "securityContext", "allowPrivilegeEscalation") != false {
		t.Error("container may escalate privileges")
	}
	for probe, path := range map[string]string{"readinessProbe": "/readyz", "livenessProbe": "/healthz"} {
		if got := dig(c, probe, "httpGet", "path"); got != path {
			t.Errorf("%s path = %v, want %s", probe, got, path)
		}
	}
	portName := dig(c, "ports", 0, "name")
	if got := dig(byKind["Service"], "spec", "ports", 0, "targetPort"); got != portName {
		t.Errorf("Service targetPort %v does not name the container port %v", got, portName)
	}
	secretName, _ := dig(byKind["Secret"], "metadata", "name").(string)
	secretKeys, _ := dig(byKind["Secret"], "stringData").(map[string]any)
	env, _ := dig(c, "env").([]any)
	seen := map[string]bool{}
	for _, e := range env {
		name, _ := dig(e, "name").(string)
		seen[name] = true
		// GOMEMLIMIT is the Go runtime's, not a setting of cochef.
		if !known[name] && name != "GOMEMLIMIT" {
			t.Errorf("env %s is not a setting of the README's table", name)
		}
		if ref := dig(e, "valueFrom", "secretKeyRef"); ref != nil {
			if dig(ref, "name") != secretName || secretKeys[dig(ref, "key").(string)] == nil {
				t.Errorf("env %s reads %v, which the example Secret does not hold", name, ref)
			}
		}
	}
	for _, must := range []string{"COCHEF_DATABASE", "COCHEF_GITHUB_WEBHOOK_SECRET", "COCHEF_GITHUB_PRIVATE_KEY_FILE", "COCHEF_SHUTDOWN_GRACE"} {
		if !seen[must] {
			t.Errorf("the Deployment does not set %s", must)
		}
	}
	if dsn, _ := secretKeys["database-url"].(string); !strings.HasPrefix(dsn, "postgres://") {
		t.Errorf("the Secret's database-url %q is not a PostgreSQL URL: replicas need PostgreSQL", dsn)
	}
	// The pod is given time to finish what the server's grace allows.
	if g, _ := dig(pod, "terminationGracePeriodSeconds").(int); g < 30 {
		t.Errorf("terminationGracePeriodSeconds = %d, shorter than preStop + shutdown grace", g)
	}
	var resources []string
	for _, r := range dig(byKind["Kustomization"], "resources").([]any) {
		resources = append(resources, r.(string))
		if _, err := os.Stat(filepath.Join(dir, r.(string))); err != nil {
			t.Errorf("kustomization lists %s: %v", r, err)
		}
	}
	if slices.Contains(resources, "secret.example.yaml") {
		t.Error("the kustomization applies the example Secret and its placeholder values")
	}
}

func TestComposeFile(t *testing.T) {
	known := knownEnv(t)
	c := yamlDocs(t, filepath.Join(deployDir, "docker-compose.yml"))[0]
	services, _ := c["services"].(map[string]any)
	for _, s := range []string{"postgres", "cochef-a", "cochef-b", "proxy"} {
		if services[s] == nil {
			t.Fatalf("compose service %s missing", s)
		}
	}
	for _, s := range []string{"cochef-a", "cochef-b"} {
		env, _ := dig(services[s], "environment").(map[string]any)
		dsn, _ := env["COCHEF_DATABASE"].(string)
		if !strings.HasPrefix(dsn, "postgres://") || !strings.Contains(dsn, "@postgres:") {
			t.Errorf("%s: COCHEF_DATABASE = %q, want the compose PostgreSQL", s, dsn)
		}
		for k := range env {
			if !known[k] {
				t.Errorf("%s: env %s is not a setting of the README's table", s, k)
			}
		}
		if dig(services[s], "read_only") != true {
			t.Errorf("%s: root filesystem not read-only", s)
		}
	}
	caddy, err := os.ReadFile(filepath.Join(deployDir, "Caddyfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"cochef-a:8080", "cochef-b:8080", "health_uri /readyz", "@internal not path /webhooks/*\n\trespond @internal 404"} {
		if !strings.Contains(string(caddy), s) {
			t.Errorf("Caddyfile lacks %q", s)
		}
	}
}

// A GitLab-only team (common in ministries) starts the compose example
// from .env alone: nothing in it asks for GitHub's settings or files
// (issue #10: COCHEF_GITHUB_APP_ID was required, and the App's key a
// compose secret).
func TestComposeServesAGitLabOnlyTeam(t *testing.T) {
	known := knownEnv(t)
	raw, err := os.ReadFile(filepath.Join(deployDir, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\$\{([A-Z0-9_]+):\?`).FindAllStringSubmatch(string(raw), -1) {
		if m[1] != "POSTGRES_PASSWORD" {
			t.Errorf("docker-compose.yml requires %s: a team of the other platform would have to edit it", m[1])
		}
	}
	c := yamlDocs(t, filepath.Join(deployDir, "docker-compose.yml"))[0]
	if c["secrets"] != nil {
		t.Error("docker-compose.yml declares secrets files: one platform's team lacks the other's")
	}
	services, _ := c["services"].(map[string]any)
	mount := ""
	for _, s := range []string{"cochef-a", "cochef-b"} {
		if f := dig(services[s], "env_file"); f != ".env" {
			t.Errorf("%s: env_file = %v, want .env: the settings of either platform come from it", s, f)
		}
		v, _ := dig(services[s], "volumes", 0).(string)
		if !strings.HasPrefix(v, "./secrets:") || !strings.HasSuffix(v, ":ro") {
			t.Errorf("%s: first volume %q, want ./secrets mounted read-only", s, v)
		}
		mount = strings.TrimSuffix(strings.TrimPrefix(v, "./secrets:"), ":ro")
	}
	example, err := os.ReadFile(filepath.Join(deployDir, "env.example"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^#?\s*(COCHEF_[A-Z0-9_]+)=(.*)$`).FindAllStringSubmatch(string(example), -1) {
		seen[m[1]] = true
		if !known[m[1]] {
			t.Errorf("env.example sets %s, not a setting: cochef would refuse to start", m[1])
		}
		if strings.HasSuffix(m[1], "_FILE") && !strings.HasPrefix(m[2], mount+"/") {
			t.Errorf("env.example: %s=%s is not under the mounted %s", m[1], m[2], mount)
		}
	}
	for _, v := range []string{"COCHEF_GITHUB_APP_ID", "COCHEF_GITHUB_WEBHOOK_SECRET", "COCHEF_GITLAB_TOKEN_FILE", "COCHEF_GITLAB_WEBHOOK_SECRET", "COCHEF_GITLAB_URL"} {
		if !seen[v] {
			t.Errorf("env.example does not show %s", v)
		}
	}
}

// The Caddyfile's comment promised a certificate that "auto_https off"
// and a port 80 site prevented (issue #10): the site address comes from
// SITE_ADDRESS, 443 is published and certificates survive a restart.
func TestCaddyCanGetACertificate(t *testing.T) {
	caddy, err := os.ReadFile(filepath.Join(deployDir, "Caddyfile"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(caddy), "auto_https off") {
		t.Error("Caddyfile turns automatic HTTPS off")
	}
	if !regexp.MustCompile(`(?m)^\{\$SITE_ADDRESS\} \{$`).Match(caddy) {
		t.Error("Caddyfile's site address is not {$SITE_ADDRESS}")
	}
	c := yamlDocs(t, filepath.Join(deployDir, "docker-compose.yml"))[0]
	proxy := dig(c, "services", "proxy")
	if a, _ := dig(proxy, "environment", "SITE_ADDRESS").(string); a != "${SITE_ADDRESS:-:80}" {
		t.Errorf("proxy SITE_ADDRESS = %q, want a default of :80 that .env can change", a)
	}
	var ports, volumes []string
	for _, p := range dig(proxy, "ports").([]any) {
		ports = append(ports, p.(string))
	}
	for _, v := range dig(proxy, "volumes").([]any) {
		volumes = append(volumes, v.(string))
	}
	if !slices.ContainsFunc(ports, func(p string) bool { return strings.HasSuffix(p, ":443") }) ||
		!slices.ContainsFunc(ports, func(p string) bool { return strings.HasSuffix(p, ":80") }) {
		t.Errorf("proxy ports %v: an ACME certificate needs 80 and 443", ports)
	}
	if !slices.ContainsFunc(volumes, func(v string) bool { return strings.HasSuffix(v, ":/data") }) {
		t.Errorf("proxy volumes %v: Caddy's /data (certificates) is not kept", volumes)
	}
}

func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	for _, s := range []string{
		"FROM golang:1.26 AS build",
		"CGO_ENABLED=0",
		"-trimpath",
		"./cmd/cochef",
		// No .git in the build context: the version comes from build arguments.
		"-X github.com/cochef/cochef/internal/version.commit=${COMMIT}",
		"FROM gcr.io/distroless/static-debian12:nonroot",
		"USER 65532:65532",
		"EXPOSE 8080",
		`VOLUME ["/data"]`,
	} {
		if !strings.Contains(df, s) {
			t.Errorf("Dockerfile lacks %q", s)
		}
	}
	ignore, err := os.ReadFile("../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(ignore), "\n") {
		switch strings.TrimSpace(line) {
		case "go.mod", "go.sum", "cmd", "templates", "*.go", "**/*.go":
			t.Errorf(".dockerignore drops %q, which the build needs", line)
		}
	}
}
