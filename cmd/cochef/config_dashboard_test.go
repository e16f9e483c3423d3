package main

import (
	"slices"
	"strings"
	"testing"
)

func TestDashboardSettings(t *testing.T) {
	const token = "0123456789abcdef-token"
	for _, tc := range []struct {
		name    string
		file    string
		environ []string
		want    []string // error lines; none: accepted
	}{
		{name: "off by default"},
		{name: "bearer from the environment", file: "dashboard:\n  enabled: true\n  auth: bearer\n", environ: []string{"COCHEF_DASHBOARD_TOKEN=" + token}},
		{name: "header with its default name", file: "dashboard:\n  enabled: true\n  auth: header\n"},
		{name: "basic", file: "dashboard:\n  enabled: true\n  auth: basic\n  user: copil\n", environ: []string{"COCHEF_DASHBOARD_PASSWORD=correct horse battery"}},
		{name: "an authentication without enabled stays off", file: "dashboard:\n  auth: bearer\n"},
		{name: "enabled without authentication", file: "dashboard:\n  enabled: true\n", want: []string{
			"cochef.yaml:2: dashboard.enabled: le tableau montre des dépôts privés et ne s'ouvre jamais sans authentification : donnez dashboard.auth (COCHEF_DASHBOARD_AUTH, --dashboard-auth) : header, bearer ou basic / the dashboard shows private repositories and never opens without authentication: give dashboard.auth (COCHEF_DASHBOARD_AUTH, --dashboard-auth): header, bearer or basic",
		}},
		{name: "an unknown authentication", file: "dashboard:\n  enabled: true\n  auth: none\n", want: []string{
			"cochef.yaml:3: dashboard.auth: valeur « none » refusée ; valeur attendue : header, bearer, basic ou vide / value \"none\" refused; expected: header, bearer, basic or empty",
		}},
		{name: "bearer without a token", file: "dashboard:\n  enabled: true\n  auth: bearer\n", want: []string{
			"cochef.yaml:3: dashboard.auth: l'authentification bearer a besoin d'un jeton : donnez dashboard.token (COCHEF_DASHBOARD_TOKEN, --dashboard-token) / bearer authentication needs a token: give dashboard.token (COCHEF_DASHBOARD_TOKEN, --dashboard-token)",
		}},
		{name: "a short token, its value not shown", file: "dashboard:\n  enabled: true\n  auth: bearer\n", environ: []string{"COCHEF_DASHBOARD_TOKEN=short-secret"}, want: []string{
			"COCHEF_DASHBOARD_TOKEN: dashboard.token: trop court : 16 caractères au moins / too short: 16 characters or more",
		}},
		{name: "basic without a password", file: "dashboard:\n  enabled: true\n  auth: basic\n  user: copil\n", want: []string{
			"cochef.yaml:3: dashboard.auth: l'authentification basic a besoin d'un mot de passe : donnez dashboard.password (COCHEF_DASHBOARD_PASSWORD, --dashboard-password) / basic authentication needs a password: give dashboard.password (COCHEF_DASHBOARD_PASSWORD, --dashboard-password)",
		}},
		{name: "header with an empty name", file: "dashboard:\n  enabled: true\n  auth: header\n  header: \"\"\n", want: []string{
			"cochef.yaml:4: dashboard.header: valeur vide refusée ; valeur attendue : un nom d'en-tête HTTP, sans deux-points ni espace (X-Forwarded-User, Remote-User) / empty value refused; expected: an HTTP header name, without colon or space (X-Forwarded-User, Remote-User)",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := inEmptyDir(t)
			if tc.file != "" {
				writeConfig(t, dir, tc.file)
			}
			if tc.want != nil {
				got := configErrorLines(t, flagsFor(t), tc.environ...)
				if !slices.Equal(got, tc.want) {
					t.Errorf("errors:\n got %q\nwant %q", got, tc.want)
				}
				for _, l := range got {
					if strings.Contains(l, "short-secret") {
						t.Errorf("a secret is shown: %s", l)
					}
				}
				return
			}
			cfg, err := loadServerConfig(flagsFor(t), tc.environ)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.DashboardEnabled != strings.Contains(tc.file, "enabled: true") {
				t.Errorf("enabled = %v", cfg.DashboardEnabled)
			}
			if cfg.DashboardEnabled && cfg.DashboardAuth == "header" && cfg.DashboardHeader != "X-Forwarded-User" {
				t.Errorf("header = %q", cfg.DashboardHeader)
			}
		})
	}
}
