package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func flagsFor(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	addSettingFlags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

// inEmptyDir runs the test in a directory without cochef.yaml.
func inEmptyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func writeConfig(t *testing.T, dir, content string) string {
	t.Helper()
	file := filepath.Join(dir, "cochef.yaml")
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

// configErrorLines loads a configuration that must be refused and returns
// its error lines.
func configErrorLines(t *testing.T, fs *pflag.FlagSet, environ ...string) []string {
	t.Helper()
	_, err := loadServerConfig(fs, environ)
	var ce configErrors
	if !errors.As(err, &ce) {
		t.Fatalf("loadServerConfig = %v, want configErrors", err)
	}
	lines := make([]string, len(ce))
	for i, e := range ce {
		lines[i] = e.Error()
	}
	return lines
}

func TestConfigPrecedenceFileEnvFlag(t *testing.T) {
	dir := inEmptyDir(t)
	file := writeConfig(t, dir, "listen: \":9000\"\ndebounce: 5s\ngithub:\n  app_id: 7\n  private_key_file: /k.pem\nreviewers:\n  security: [\"@org/rssi\", \"@org/dpo\"]\n")
	cfg, err := loadServerConfig(flagsFor(t, "--config", file, "--listen", ":9200"),
		[]string{"COCHEF_DEBOUNCE=1s", "COCHEF_GITHUB_WEBHOOK_SECRET=a,b", "COCHEF_LISTEN=:9100", "COCHEF_WORKERS="})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != ":9200" {
		t.Errorf("flag must win over env and file: %q", cfg.Listen)
	}
	if cfg.Debounce != time.Second {
		t.Errorf("env must win over file: %s", cfg.Debounce)
	}
	if cfg.GitHubAppID != 7 || !cfg.githubLive() {
		t.Errorf("file value lost: app id %d", cfg.GitHubAppID)
	}
	if !slices.Equal(cfg.GitHubWebhookSecrets, []string{"a", "b"}) || !slices.Equal(cfg.SecurityReviewers, []string{"@org/rssi", "@org/dpo"}) {
		t.Errorf("lists: %v %v", cfg.GitHubWebhookSecrets, cfg.SecurityReviewers)
	}
	// An empty variable is an unset one (compose's ${VAR:-}).
	if cfg.Database != "cochef.db" || cfg.Workers != 4 || cfg.RescueAfter != 45*time.Second {
		t.Errorf("defaults: %+v", cfg)
	}
	if got := cfg.sources["listen"].String(); got != "--listen" {
		t.Errorf("source of listen = %q", got)
	}
	if got := cfg.sources["github.app_id"].String(); got != file+":4" {
		t.Errorf("source of github.app_id = %q, want %s:4", got, file)
	}
}

func TestConfigFileFoundInWorkingDirectoryOrNamedByCOCHEF_CONFIG(t *testing.T) {
	dir := inEmptyDir(t)
	writeConfig(t, dir, "workers: 9\n")
	cfg, err := loadServerConfig(flagsFor(t), nil)
	if err != nil || cfg.Workers != 9 {
		t.Fatalf("./cochef.yaml not read: %v, workers %d", err, cfg.Workers)
	}
	other := filepath.Join(dir, "autre.yaml")
	if err := os.WriteFile(other, []byte("workers: 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err = loadServerConfig(flagsFor(t), []string{"COCHEF_CONFIG=" + other})
	if err != nil || cfg.Workers != 3 {
		t.Fatalf("COCHEF_CONFIG not read: %v, workers %d", err, cfg.Workers)
	}
	lines := configErrorLines(t, flagsFor(t), "COCHEF_CONFIG=/nulle/part.yaml")
	if want := "COCHEF_CONFIG: fichier de configuration /nulle/part.yaml introuvable / configuration file /nulle/part.yaml not found"; !slices.Equal(lines, []string{want}) {
		t.Errorf("got %q, want %q", lines, want)
	}
}

// The first week of issue #10: each of these started a server.
func TestConfigRefusesWhatUsedToStartAServer(t *testing.T) {
	for name, c := range map[string]struct {
		file    string
		environ []string
		args    []string
		want    []string
	}{
		"duration in the file": {file: "debounce: banana\n", want: []string{
			"cochef.yaml:1: debounce: valeur « banana » refusée ; valeur attendue : une durée positive ou nulle, avec son unité (0, 500ms, 2s, 1m30s) / value \"banana\" refused; expected: a duration of zero or more, with its unit (0, 500ms, 2s, 1m30s)"}},
		"duration in the environment": {environ: []string{"COCHEF_DEBOUNCE=banana"}, want: []string{
			"COCHEF_DEBOUNCE: debounce: valeur « banana » refusée ; valeur attendue : une durée positive ou nulle, avec son unité (0, 500ms, 2s, 1m30s) / value \"banana\" refused; expected: a duration of zero or more, with its unit (0, 500ms, 2s, 1m30s)"}},
		"number": {file: "workers: deux\n", want: []string{
			"cochef.yaml:1: workers: valeur « deux » refusée ; valeur attendue : un nombre entier, 1 au moins / value \"deux\" refused; expected: a whole number, 1 or more"}},
		// One mistake, one message: not also "rescue_after (0s) must exceed job_timeout (0s)".
		"job timeout": {file: "job_timeout: banana\n", want: []string{
			"cochef.yaml:1: job_timeout: valeur « banana » refusée ; valeur attendue : une durée supérieure à zéro, avec son unité (500ms, 30s, 1m) / value \"banana\" refused; expected: a duration above zero, with its unit (500ms, 30s, 1m)"}},
		"unknown key": {file: "listne: \":9999\"\n", want: []string{
			"cochef.yaml:1: listne: clé inconnue ; vouliez-vous dire listen ? / unknown key; did you mean listen?"}},
		"unknown nested key": {file: "github:\n  app_id: 3\n  privatekey_file: k.pem\n", want: []string{
			"cochef.yaml:3: github.privatekey_file: clé inconnue ; vouliez-vous dire github.private_key_file ? / unknown key; did you mean github.private_key_file?",
			"cochef.yaml:2: github.app_id: il faut aussi la clé privée de l'App : github.private_key_file (COCHEF_GITHUB_PRIVATE_KEY_FILE, --github-private-key-file) / the App's private key is needed too: github.private_key_file (COCHEF_GITHUB_PRIVATE_KEY_FILE, --github-private-key-file)"}},
		"unknown variable": {environ: []string{"COCHEF_LISTNE=:9999"}, want: []string{
			"COCHEF_LISTNE: variable inconnue ; vouliez-vous dire COCHEF_LISTEN ? / unknown variable; did you mean COCHEF_LISTEN?"}},
		"another program's name for it": {environ: []string{"COCHEF_PORT=9000"}, want: []string{
			"COCHEF_PORT: variable inconnue ; vouliez-vous dire COCHEF_LISTEN ? / unknown variable; did you mean COCHEF_LISTEN?"}},
		"a word far from any key": {file: "banane: 3\n", want: []string{
			"cochef.yaml:1: banane: clé inconnue ; les clés possibles sont dans le tableau Configuration du README / unknown key; the known keys are in the README's Configuration table"}},
		"both sources named across keys": {file: "job_timeout: 1m\n", want: []string{
			"rescue_after: 45s (valeur par défaut) doit dépasser job_timeout, 1m0s (cochef.yaml:1) : sinon une évaluation lente serait lancée deux fois en même temps / 45s (default) must exceed job_timeout, 1m0s (cochef.yaml:1): otherwise a slow evaluation would run twice at once"}},
		"a flag out of its range": {args: []string{"--workers", "0"}, want: []string{
			"--workers: workers: valeur « 0 » refusée ; valeur attendue : un nombre entier, 1 au moins / value \"0\" refused; expected: a whole number, 1 or more"}},
		"a list where one value goes": {file: "listen: [a, b]\n", want: []string{
			"cochef.yaml:1: listen: une seule valeur est attendue ici, pas une liste / one value is expected here, not a list"}},
		"a value where keys go": {file: "gitlab: https://gitlab.example.org\n", want: []string{
			"cochef.yaml:1: gitlab: des clés sont attendues en dessous : url, token, token_file, webhook_secret, write_spacing, bot_username, config_project / keys are expected under it: url, token, token_file, webhook_secret, write_spacing, bot_username, config_project"}},
		"a key written twice": {file: "workers: 2\nworkers: 3\n", want: []string{
			"cochef.yaml:2: workers: déjà donnée à la ligne 1 / already given on line 1"}},
		"broken YAML": {file: "listen: \":8080\n", want: []string{
			"cochef.yaml:2: YAML invalide : found unexpected end of stream / invalid YAML: found unexpected end of stream"}},
		"every problem at once, in reading order": {
			file:    "debounce: banana\nworkers: deux\nlang: de\n",
			environ: []string{"COCHEF_GITLAB_URL=gitlab.example.org", "COCHEF_INSECURE_SKIP_VERIFY=oui"},
			want: []string{
				"cochef.yaml:1: debounce: valeur « banana » refusée",
				"cochef.yaml:2: workers: valeur « deux » refusée",
				"cochef.yaml:3: lang: valeur « de » refusée ; valeur attendue : fr, en ou vide / value \"de\" refused; expected: fr, en or empty",
				"COCHEF_INSECURE_SKIP_VERIFY: insecure_skip_verify: valeur « oui » refusée ; valeur attendue : true ou false / value \"oui\" refused; expected: true or false",
				"COCHEF_GITLAB_URL: gitlab.url: valeur « gitlab.example.org » refusée ; valeur attendue : une URL complète en http:// ou https:// / value \"gitlab.example.org\" refused; expected: a full http:// or https:// URL",
			}},
	} {
		t.Run(name, func(t *testing.T) {
			dir := inEmptyDir(t)
			if c.file != "" {
				writeConfig(t, dir, c.file)
			}
			got := configErrorLines(t, flagsFor(t, c.args...), c.environ...)
			if len(got) != len(c.want) {
				t.Fatalf("%d errors, want %d:\n%s", len(got), len(c.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("error %d:\n got %s\nwant %s", i, got[i], c.want[i])
				}
			}
		})
	}
}

// badValues are values each setting must refuse, by its type and its
// constraint. A setting that narrows its values needs one here, so that
// the narrowing is tested.
func badValues(t *testing.T, s setting) []string {
	var out []string
	switch s.def.(type) {
	case bool:
		out = append(out, "peut-être")
	case int, int64:
		out = append(out, "deux", "1.5")
	case time.Duration:
		out = append(out, "banana", "5") // a number without its unit
	}
	switch s.allow {
	case nil:
	case notNegative:
		if _, ok := s.def.(time.Duration); ok {
			out = append(out, "-1s")
		} else {
			out = append(out, "-1")
		}
	case positive:
		out = append(out, "0s")
	case atLeastOne:
		out = append(out, "0")
	case zeroOrMore:
		out = append(out, "-1")
	case hostPort:
		out = append(out, "8080", "localhost")
	case httpURL:
		out = append(out, "gitlab.example.org", "ftp://example.org")
	case databaseDSN:
		out = append(out, "mysql://root@localhost/cochef")
	case headerName:
		out = append(out, "X-Forwarded-User:", "Remote User")
	default:
		if s.key == "lang" {
			out = append(out, "de")
			break
		}
		if s.key == "dashboard.auth" {
			out = append(out, "none", "oidc")
			break
		}
		t.Errorf("setting %s has a constraint without a value it refuses in badValues", s.key)
	}
	return out
}

func TestEverySettingRefusesWrongValuesFromEverySource(t *testing.T) {
	for _, s := range settings {
		for _, bad := range badValues(t, s) {
			allowedFR, allowedEN := typeText(s.def)
			if s.allow != nil {
				allowedFR, allowedEN = s.allow.fr, s.allow.en
			}
			// The file's key, nested as people write it.
			yamlText := s.key + ": '" + bad + "'\n"
			if sec, k, ok := strings.Cut(s.key, "."); ok {
				yamlText = sec + ":\n  " + k + ": '" + bad + "'\n"
			}
			line := strings.Count(yamlText, "\n")
			for where, load := range map[string]func(t *testing.T) []string{
				"cochef.yaml:" + strconv.Itoa(line): func(t *testing.T) []string {
					writeConfig(t, inEmptyDir(t), yamlText)
					return configErrorLines(t, flagsFor(t))
				},
				s.env(): func(t *testing.T) []string {
					inEmptyDir(t)
					return configErrorLines(t, flagsFor(t), s.env()+"="+bad)
				},
			} {
				t.Run(s.key+"="+bad+"@"+where, func(t *testing.T) {
					lines := load(t)
					want := where + ": " + s.key + ": valeur « " + bad + " » refusée ; valeur attendue : " + allowedFR +
						` / value "` + bad + `" refused; expected: ` + allowedEN
					if !slices.Contains(lines, want) {
						t.Errorf("got:\n%s\nwant a line:\n%s", strings.Join(lines, "\n"), want)
					}
				})
			}
			// Flags: pflag refuses a value of the wrong type itself; the
			// constraint is ours.
			if _, err := parseValue(s.def, bad); err == nil {
				t.Run(s.key+"="+bad+"@flag", func(t *testing.T) {
					inEmptyDir(t)
					lines := configErrorLines(t, flagsFor(t, "--"+s.flag()+"="+bad))
					want := "--" + s.flag() + ": " + s.key + ": valeur « " + bad + " » refusée"
					if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, want) }) {
						t.Errorf("got:\n%s\nwant a line starting with:\n%s", strings.Join(lines, "\n"), want)
					}
				})
			}
		}
	}
}

func TestEverySettingAcceptsItsDefaultFromEverySource(t *testing.T) {
	for _, s := range settings {
		raw := settingDefaultText(s)
		if raw == "" {
			continue // empty: unset, nothing to read
		}
		inEmptyDir(t)
		cfg, err := loadServerConfig(flagsFor(t), []string{s.env() + "=" + raw})
		if err != nil {
			t.Errorf("%s=%s: %v", s.env(), raw, err)
		}
		if src := cfg.sources[s.key]; src.kind != fromEnv {
			t.Errorf("%s: source %v, want the variable", s.key, src)
		}
		yamlText := s.key + ": '" + raw + "'\n"
		if sec, k, ok := strings.Cut(s.key, "."); ok {
			yamlText = sec + ":\n  " + k + ": '" + raw + "'\n"
		}
		writeConfig(t, inEmptyDir(t), yamlText)
		if cfg, err = loadServerConfig(flagsFor(t), nil); err != nil {
			t.Errorf("cochef.yaml %q: %v", yamlText, err)
		}
		if src := cfg.sources[s.key]; src.kind != fromFile {
			t.Errorf("%s: source %v, want the file", s.key, src)
		}
		if cfg, err = loadServerConfig(flagsFor(t, "--"+s.flag()+"="+raw), nil); err != nil {
			t.Errorf("--%s=%s: %v", s.flag(), raw, err)
		}
		if src := cfg.sources[s.key]; src.kind != fromFlag {
			t.Errorf("%s: source %v, want the flag", s.key, src)
		}
	}
}

func settingDefaultText(s setting) string {
	if d, ok := s.def.(time.Duration); ok {
		return d.String()
	}
	return fmt.Sprint(s.def)
}

func TestKubernetesServiceLinksAreNotSettings(t *testing.T) {
	inEmptyDir(t)
	// What Kubernetes adds to a pod for a Service named cochef.
	_, err := loadServerConfig(flagsFor(t), []string{
		"COCHEF_SERVICE_HOST=10.0.0.11", "COCHEF_SERVICE_PORT=80", "COCHEF_SERVICE_PORT_HTTP=80",
		"COCHEF_PORT=tcp://10.0.0.11:80", "COCHEF_PORT_80_TCP=tcp://10.0.0.11:80", "COCHEF_PORT_80_TCP_PROTO=tcp",
		"COCHEF_PORT_80_TCP_PORT=80", "COCHEF_PORT_80_TCP_ADDR=10.0.0.11",
		"COCHEF_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
	})
	if err != nil {
		t.Fatal(err)
	}
}

// refusedOnPurpose are the files that write misspelt variables, to see
// them refused or corrected.
var refusedOnPurpose = map[string]bool{
	"cmd/cochef/config_test.go":               true,
	"cmd/cochef/testdata/script/config.txtar": true,
	"internal/suggest/suggest_test.go":        true,
}

// TestEveryCOCHEFVariableIsKnown reads the repository for COCHEF_*
// variables: each must be a setting, COCHEF_CONFIG, or one of
// otherVariables, so that cochef serve never refuses a variable the
// project itself sets, and a new one is declared on purpose.
func TestEveryCOCHEFVariableIsKnown(t *testing.T) {
	known := map[string]bool{configEnv: true}
	for _, s := range settings {
		known[s.env()] = true
	}
	for v := range otherVariables {
		known[v] = true
	}
	re := regexp.MustCompile(`COCHEF_[A-Z0-9_]*[A-Z0-9]`)
	found := map[string][]string{}
	root := "../.."
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(filepath.ToSlash(path), "../../")
		if refusedOnPurpose[rel] {
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".yml", ".yaml", ".txtar", ".sh", ".example":
		default:
			if name := d.Name(); name != "Dockerfile" && name != "run" {
				return nil
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, v := range re.FindAllString(string(data), -1) {
			if !known[v] && !isServiceLink(v, "tcp://") {
				found[v] = append(found[v], rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for v, files := range found {
		t.Errorf("%s (in %s) is neither a setting nor in otherVariables: cochef serve would refuse it", v, strings.Join(slices.Compact(files), ", "))
	}
}

func TestServeRefusesBadConfigWithExitTwo(t *testing.T) {
	inEmptyDir(t)
	t.Setenv("COCHEF_LANG", "de")
	code, _, errOut := runCochef(t, "", "serve")
	if code != 2 || !strings.Contains(errOut, "COCHEF_LANG: lang: valeur « de » refusée") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}

func TestServeChecksTheAddressBeforeTheDatabase(t *testing.T) {
	dir := inEmptyDir(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	db := filepath.Join(dir, "neuve.db")
	code, _, errOut := runCochef(t, "", "serve", "--listen", addr, "--database", db)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := "cochef: --listen: listen: l'adresse " + addr + " est déjà prise par un autre programme (un autre cochef ?)"
	if !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, " / "+addr+" is already taken by another program") {
		t.Errorf("stderr = %q, want it to start with %q", errOut, want)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("the database was created before the address was checked (stat: %v)", err)
	}
}

func TestServeRefusesAnotherDatabaseByName(t *testing.T) {
	inEmptyDir(t)
	code, _, errOut := runCochef(t, "", "serve", "--database", "mysql://root@localhost/cochef")
	want := "--database: database: valeur « mysql://root@localhost/cochef » refusée ; valeur attendue : un fichier SQLite (cochef.db, sqlite:///chemin/absolu.db) ou une URL postgres://"
	if code != 2 || !strings.Contains(errOut, want) {
		t.Fatalf("exit %d, stderr %q; want 2 and %q", code, errOut, want)
	}
}

func TestZeroDebounceMeansAtOnce(t *testing.T) {
	// The store reads zero as "its default (2 s)": the setting's zero must
	// reach it as "no wait".
	if got := queueDebounce(0); got >= 0 {
		t.Errorf("debounce 0 reaches the queue as %s, want a negative (no wait)", got)
	}
	if got := queueDebounce(3 * time.Second); got != 3*time.Second {
		t.Errorf("debounce 3s reaches the queue as %s", got)
	}
}
