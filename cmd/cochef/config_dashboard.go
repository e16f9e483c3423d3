package main

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// headerName is an HTTP header's name (RFC 9110's token): a name written
// with its colon, or with a space, would match no request and refuse them
// all.
var headerName = &constraint{
	ok: func(v any) bool { return headerNameRE.MatchString(v.(string)) },
	fr: "un nom d'en-tête HTTP, sans deux-points ni espace (X-Forwarded-User, Remote-User)",
	en: "an HTTP header name, without colon or space (X-Forwarded-User, Remote-User)",
}

var headerNameRE = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")

// Minimum lengths of the dashboard's secrets: a short one is guessed.
const (
	minDashboardToken    = 16
	minDashboardPassword = 12
)

// checkDashboard refuses a dashboard that would be open, or whose
// authentication lacks what it needs. Each error names the setting to
// give, and where the one that asks for it was set. A secret's value is
// never shown.
func (r *resolver) checkDashboard(c *serverConfig) {
	if !c.DashboardEnabled || r.failed["dashboard.auth"] {
		return
	}
	need := func(key string, fr, en string) {
		k := settingByKey(key)
		src, at := r.srcs["dashboard.auth"], "dashboard.auth"
		r.add(src, at, fmt.Sprintf("%s : donnez %s (%s, --%s)", fr, key, k.env(), k.flag()),
			fmt.Sprintf("%s: give %s (%s, --%s)", en, key, k.env(), k.flag()))
	}
	short := func(key, value string, min int) {
		if value != "" && utf8.RuneCountInString(value) < min {
			r.add(r.srcs[key], key, fmt.Sprintf("trop court : %d caractères au moins", min),
				fmt.Sprintf("too short: %d characters or more", min))
		}
	}
	switch c.DashboardAuth {
	case "":
		k := settingByKey("dashboard.auth")
		r.add(r.srcs["dashboard.enabled"], "dashboard.enabled",
			fmt.Sprintf("le tableau montre des dépôts privés et ne s'ouvre jamais sans authentification : donnez dashboard.auth (%s, --%s) : header, bearer ou basic", k.env(), k.flag()),
			fmt.Sprintf("the dashboard shows private repositories and never opens without authentication: give dashboard.auth (%s, --%s): header, bearer or basic", k.env(), k.flag()))
	case "header":
		// dashboard.header has a default, and its constraint refuses an
		// empty name.
	case "bearer":
		if c.DashboardToken == "" {
			need("dashboard.token", "l'authentification bearer a besoin d'un jeton", "bearer authentication needs a token")
		}
		short("dashboard.token", c.DashboardToken, minDashboardToken)
	case "basic":
		if c.DashboardUser == "" {
			need("dashboard.user", "l'authentification basic a besoin d'un nom d'utilisateur", "basic authentication needs a user name")
		}
		if c.DashboardPassword == "" {
			need("dashboard.password", "l'authentification basic a besoin d'un mot de passe", "basic authentication needs a password")
		}
		short("dashboard.password", c.DashboardPassword, minDashboardPassword)
	}
}
