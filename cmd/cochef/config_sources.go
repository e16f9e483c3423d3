package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/internal/suggest"
	"github.com/cochef/cochef/store"
)

// Settings are read here rather than with viper: viper turns "banana" into
// a zero duration, drops unknown keys, and cannot say on which line of the
// file a value was written. Each value below is parsed once, by the type
// of its setting's default, and checked where it was given.

type sourceKind int

const (
	fromDefault sourceKind = iota
	fromFile
	fromEnv
	fromFlag
)

// source is where a value was given.
type source struct {
	kind sourceKind
	name string // file path, variable or flag
	line int    // in the file
}

// String is the "where" an error starts with, as compilers write it:
// "cochef.yaml:3", "COCHEF_DEBOUNCE", "--debounce"; empty for a default.
func (s source) String() string {
	switch s.kind {
	case fromFile:
		if s.line > 0 {
			return s.name + ":" + strconv.Itoa(s.line)
		}
		return s.name
	case fromEnv, fromFlag:
		return s.name
	}
	return ""
}

// fr and en name the source inside a sentence.
func (s source) fr() string {
	switch s.kind {
	case fromDefault:
		return "valeur par défaut"
	case fromEnv:
		return "variable " + s.name
	}
	return s.String()
}

func (s source) en() string {
	switch s.kind {
	case fromDefault:
		return "default"
	case fromEnv:
		return "variable " + s.name
	}
	return s.String()
}

// configError is one refused setting: where, which key, why, in French
// then English like every message cochef prints.
type configError struct {
	src    source
	key    string
	fr, en string
}

func (e *configError) Error() string {
	var b strings.Builder
	if w := e.src.String(); w != "" {
		b.WriteString(w)
		b.WriteString(": ")
	}
	if e.key != "" {
		b.WriteString(e.key)
		b.WriteString(": ")
	}
	b.WriteString(e.fr)
	b.WriteString(" / ")
	b.WriteString(e.en)
	return b.String()
}

// configErrors is every problem of a configuration, one per line, so that
// they are fixed in one pass.
type configErrors []*configError

func (es configErrors) Error() string {
	lines := make([]string, 0, len(es)+1)
	lines = append(lines, "configuration refusée / configuration refused:")
	for _, e := range es {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// constraint narrows the values of a setting's type. Its text says what is
// allowed, type included, as the person reads it in an error.
type constraint struct {
	ok     func(v any) bool
	fr, en string
}

var (
	notNegative = &constraint{
		ok: func(v any) bool {
			switch x := v.(type) {
			case time.Duration:
				return x >= 0
			case int64:
				return x >= 0
			}
			return false
		},
		fr: "une durée positive ou nulle, avec son unité (0, 500ms, 2s, 1m30s)",
		en: "a duration of zero or more, with its unit (0, 500ms, 2s, 1m30s)",
	}
	positive = &constraint{
		ok: func(v any) bool { d, _ := v.(time.Duration); return d > 0 },
		fr: "une durée supérieure à zéro, avec son unité (500ms, 30s, 1m)",
		en: "a duration above zero, with its unit (500ms, 30s, 1m)",
	}
	atLeastOne = &constraint{
		ok: func(v any) bool { n, _ := v.(int); return n >= 1 },
		fr: "un nombre entier, 1 au moins",
		en: "a whole number, 1 or more",
	}
	hostPort = &constraint{
		ok: func(v any) bool {
			_, port, err := net.SplitHostPort(v.(string))
			return err == nil && port != ""
		},
		fr: "une adresse hôte:port (:8080, 127.0.0.1:8080)",
		en: "a host:port address (:8080, 127.0.0.1:8080)",
	}
	httpURL = &constraint{
		ok: func(v any) bool {
			u, err := url.Parse(v.(string))
			return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
		},
		fr: "une URL complète en http:// ou https://",
		en: "a full http:// or https:// URL",
	}
	databaseDSN = &constraint{
		ok: func(v any) bool { return store.CheckDSN(v.(string)) == nil },
		fr: "un fichier SQLite (cochef.db, sqlite:///chemin/absolu.db) ou une URL postgres://",
		en: "a SQLite file (cochef.db, sqlite:///absolute/path.db) or a postgres:// URL",
	}
)

func oneOf(values ...string) *constraint {
	var shown []string
	empty := false
	for _, v := range values {
		if v == "" {
			empty = true
			continue
		}
		shown = append(shown, v)
	}
	c := &constraint{
		ok: func(v any) bool { return slices.Contains(values, v.(string)) },
		fr: strings.Join(shown, ", "),
		en: strings.Join(shown, ", "),
	}
	if empty {
		c.fr += " ou vide"
		c.en += " or empty"
	}
	return c
}

// typeText says what a type accepts, for settings without a constraint.
func typeText(def any) (fr, en string) {
	switch def.(type) {
	case bool:
		return "true ou false", "true or false"
	case int, int64:
		return "un nombre entier", "a whole number"
	case time.Duration:
		return "une durée avec son unité (500ms, 2s, 1m30s ; négative : aucune)", "a duration with its unit (500ms, 2s, 1m30s; negative: none)"
	}
	return "un texte", "a text"
}

// parseValue reads raw as a value of def's type.
func parseValue(def any, raw string) (any, error) {
	switch def.(type) {
	case string:
		return raw, nil
	case bool:
		return strconv.ParseBool(raw)
	case int:
		return strconv.Atoi(raw)
	case int64:
		return strconv.ParseInt(raw, 10, 64)
	case time.Duration:
		return time.ParseDuration(raw)
	}
	return nil, fmt.Errorf("setting of type %T", def)
}

// resolver holds the values resolved so far and the problems met.
type resolver struct {
	vals   map[string]any
	srcs   map[string]source
	failed map[string]bool // keys whose last value given was refused
	errs   configErrors
}

func newResolver() *resolver {
	r := &resolver{vals: map[string]any{}, srcs: map[string]source{}, failed: map[string]bool{}}
	for _, s := range settings {
		r.vals[s.key], r.srcs[s.key] = s.def, source{kind: fromDefault}
	}
	return r
}

func (r *resolver) add(src source, key, fr, en string) {
	r.errs = append(r.errs, &configError{src: src, key: key, fr: fr, en: en})
}

// set checks raw as the value of s given at src, and keeps it when valid.
// A refused value is reported even when a stronger source overrides it:
// the file or variable that holds it is still wrong.
func (r *resolver) set(s setting, raw string, src source) {
	v, err := parseValue(s.def, raw)
	if err == nil && s.allow != nil && !s.allow.ok(v) {
		err = errors.New("not allowed")
	}
	if err != nil {
		fr, en := typeText(s.def)
		if s.allow != nil {
			fr, en = s.allow.fr, s.allow.en
		}
		shownFR, shownEN := fmt.Sprintf("valeur « %s » refusée", raw), fmt.Sprintf("value %q refused", raw)
		if raw == "" {
			shownFR, shownEN = "valeur vide refusée", "empty value refused"
		}
		r.add(src, s.key, shownFR+" ; valeur attendue : "+fr, shownEN+"; expected: "+en)
		r.failed[s.key] = true
		return
	}
	r.vals[s.key], r.srcs[s.key], r.failed[s.key] = v, src, false
}

// readFile reads the configuration file: the one named, else ./cochef.yaml
// when it exists.
func (r *resolver) readFile(path string, named source) {
	if path == "" {
		if _, err := os.Stat("cochef.yaml"); err != nil {
			return
		}
		path = "cochef.yaml"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		src := named
		if src.kind == fromDefault {
			src = source{kind: fromFile, name: path}
		}
		if errors.Is(err, fs.ErrNotExist) {
			r.add(src, "", fmt.Sprintf("fichier de configuration %s introuvable", path), fmt.Sprintf("configuration file %s not found", path))
		} else {
			r.add(src, "", fmt.Sprintf("lecture de %s impossible : %v", path, err), fmt.Sprintf("cannot read %s: %v", path, err))
		}
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		r.add(source{kind: fromFile, name: path, line: line}, "", "YAML invalide : "+msg, "invalid YAML: "+msg)
		return
	}
	if len(doc.Content) == 0 {
		return // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.add(source{kind: fromFile, name: path, line: root.Line}, "",
			"le fichier doit être une liste de clés « clé: valeur »", "the file must be a list of \"key: value\" keys")
		return
	}
	r.readMapping(path, root, "", map[string]int{})
}

// sections are the keys that hold other keys (github, gitlab, reviewers).
func sections() []string {
	var out []string
	for _, s := range settings {
		if sec, _, ok := strings.Cut(s.key, "."); ok && !slices.Contains(out, sec) {
			out = append(out, sec)
		}
	}
	return out
}

func (r *resolver) readMapping(path string, n *yaml.Node, prefix string, seen map[string]int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := prefix + k.Value
		src := source{kind: fromFile, name: path, line: k.Line}
		if line, dup := seen[key]; dup {
			r.add(src, key, fmt.Sprintf("déjà donnée ligne %d", line), fmt.Sprintf("already given on line %d", line))
			continue
		}
		seen[key] = k.Line
		if slices.Contains(sections(), key) {
			if v.Kind != yaml.MappingNode {
				r.add(src, key, "des clés sont attendues en dessous : "+subKeys(key), "keys are expected under it: "+subKeys(key))
				continue
			}
			r.readMapping(path, v, key+".", seen)
			continue
		}
		s, ok := lookupSetting(key)
		if !ok {
			r.unknownKey(src, key)
			continue
		}
		raw, ok := scalarValue(v, s.list)
		if !ok {
			r.add(src, key, "une seule valeur est attendue ici, pas "+describeNode(v, "fr"), "one value is expected here, not "+describeNode(v, "en"))
			r.failed[key] = true
			continue
		}
		r.set(s, raw, src)
	}
}

// subKeys lists the keys of a section, as its error shows them.
func subKeys(section string) string {
	var keys []string
	for _, s := range settings {
		if k, ok := strings.CutPrefix(s.key, section+"."); ok {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

func lookupSetting(key string) (setting, bool) {
	for _, s := range settings {
		if s.key == key {
			return s, true
		}
	}
	return setting{}, false
}

// scalarValue is the text of a value node; a list setting also takes a
// YAML list, joined as its comma-separated form.
func scalarValue(v *yaml.Node, list bool) (string, bool) {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return "", true
	case v.Kind == yaml.ScalarNode:
		return v.Value, true
	case v.Kind == yaml.SequenceNode && list:
		parts := make([]string, 0, len(v.Content))
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				return "", false
			}
			parts = append(parts, item.Value)
		}
		return strings.Join(parts, ","), true
	}
	return "", false
}

func describeNode(n *yaml.Node, lang string) string {
	switch {
	case n.Kind == yaml.SequenceNode && lang == "fr":
		return "une liste"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case lang == "fr":
		return "des clés"
	}
	return "keys"
}

// meant are names other programs use for a setting of cochef's, which no
// spelling distance would find.
var meant = map[string]string{
	"port": "listen", "addr": "listen", "address": "listen", "bind": "listen", "host": "listen",
	"db": "database", "dsn": "database", "database_url": "database", "db_url": "database",
	"language": "lang", "locale": "lang",
}

// nearestKey is the setting someone probably meant by key.
func nearestKey(key string) (string, bool) {
	if k, ok := meant[strings.ToLower(key)]; ok {
		return k, true
	}
	known := sections()
	for _, s := range settings {
		known = append(known, s.key)
	}
	return suggest.Nearest(key, known)
}

func (r *resolver) unknownKey(src source, key string) {
	if near, ok := nearestKey(key); ok {
		r.add(src, key, fmt.Sprintf("clé inconnue ; vouliez-vous dire %s ?", near), fmt.Sprintf("unknown key; did you mean %s?", near))
		return
	}
	r.add(src, key, "clé inconnue ; les clés possibles sont dans le tableau Configuration du README",
		"unknown key; the known keys are in the README's Configuration table")
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlErrorLine(err error) (int, string) {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(err.Error(), "yaml: ")
}

// otherVariables are COCHEF_* variables that cochef serve does not read but
// that live, rightly, in the environment it may start from: refusing them
// would stop the server in the very shell where the README has a developer
// export the test database. TestEveryCOCHEFVariableIsKnown keeps this list
// complete: a new variable read anywhere in the repository must be a
// setting or be listed here.
var otherVariables = map[string]string{
	"COCHEF_TEST_DATABASE_URL":  "the PostgreSQL server of the tests (README, .ci/run)",
	"COCHEF_STORE_CRASH_HELPER": "store's crash test: marks its child process",
	"COCHEF_STORE_CRASH_DSN":    "store's crash test: the child's database",
	"COCHEF_STORE_SLOW":         "store's crash test: slows the child's jobs",
}

// kubernetesServiceLink matches the variables Kubernetes adds to every pod
// for a Service named cochef (enableServiceLinks, on by default):
// COCHEF_SERVICE_HOST, COCHEF_SERVICE_PORT[_HTTP], COCHEF_PORT_80_TCP[_…].
// COCHEF_PORT itself is matched by its value, tcp://…, so that someone who
// writes COCHEF_PORT=9000 for the listening port is told about
// COCHEF_LISTEN.
var kubernetesServiceLink = regexp.MustCompile(`^COCHEF_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)$`)

func isServiceLink(name, value string) bool {
	if name == "COCHEF_PORT" {
		return strings.HasPrefix(value, "tcp://") || strings.HasPrefix(value, "udp://") || strings.HasPrefix(value, "sctp://")
	}
	return kubernetesServiceLink.MatchString(name)
}

// readEnv returns the COCHEF_* variables cochef serve reads, set and not
// empty, and reports those it does not know.
func (r *resolver) readEnv(environ []string) map[string]string {
	known := []string{configEnv}
	for _, s := range settings {
		known = append(known, s.env())
	}
	out := map[string]string{}
	var unknown []string
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, "COCHEF_") {
			continue
		}
		switch {
		case slices.Contains(known, name):
			if value != "" {
				out[name] = value
			}
		case otherVariables[name] != "", isServiceLink(name, value):
		default:
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	for _, name := range unknown {
		src := source{kind: fromEnv, name: name}
		near, ok := suggest.Nearest(name, known)
		if k, found := meant[strings.ToLower(strings.TrimPrefix(name, "COCHEF_"))]; found {
			near, ok = settingByKey(k).env(), true
		}
		if ok {
			r.add(src, "", fmt.Sprintf("variable inconnue ; vouliez-vous dire %s ?", near), fmt.Sprintf("unknown variable; did you mean %s?", near))
			continue
		}
		r.add(src, "", "variable inconnue ; les variables possibles sont dans le tableau Configuration du README",
			"unknown variable; the known variables are in the README's Configuration table")
	}
	return out
}

func (r *resolver) applyEnv(env map[string]string) {
	for _, s := range settings {
		if v, ok := env[s.env()]; ok {
			r.set(s, v, source{kind: fromEnv, name: s.env()})
		}
	}
}

// readFlags takes the flags set on the command line. pflag has already
// refused values of the wrong type; the constraints are checked here.
func (r *resolver) readFlags(fs *pflag.FlagSet) {
	for _, s := range settings {
		if f := fs.Lookup(s.flag()); f != nil && f.Changed {
			r.set(s, f.Value.String(), source{kind: fromFlag, name: "--" + s.flag()})
		}
	}
}
