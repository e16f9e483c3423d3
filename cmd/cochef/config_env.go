package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/cochef/cochef/internal/suggest"
)

// The COCHEF_* environment variables: each setting's, COCHEF_CONFIG, and
// those cochef serve lets through without reading them.

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
	"COCHEF_BROWSER_TESTS":      "the dashboard's browser test runs when it is 1 (.ci/run)",
	"COCHEF_SCREENSHOT_DIR":     "where the dashboard's browser test saves its screenshots",
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
