package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

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
	zeroOrMore = &constraint{
		ok: func(v any) bool { n, _ := v.(int); return n >= 0 },
		fr: "un nombre entier, 0 au moins",
		en: "a whole number, 0 or more",
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

// readFlags takes the flags set on the command line. pflag has already
// refused values of the wrong type; the constraints are checked here.
func (r *resolver) readFlags(fs *pflag.FlagSet) {
	for _, s := range settings {
		if f := fs.Lookup(s.flag()); f != nil && f.Changed {
			r.set(s, f.Value.String(), source{kind: fromFlag, name: "--" + s.flag()})
		}
	}
}
