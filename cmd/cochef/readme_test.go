package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
)

// settingsTable is the README's configuration table, made from the one
// list of settings so the documentation cannot drift from the code.
func settingsTable() string {
	var b strings.Builder
	b.WriteString("| key (`cochef.yaml`) | environment | flag | default | what |\n|---|---|---|---|---|\n")
	for _, s := range settings {
		def := fmt.Sprint(s.def)
		switch d := s.def.(type) {
		case string:
			if d == "" {
				def = "(empty)"
			}
		case time.Duration:
			def = d.String()
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | `--%s` | `%s` | %s |\n", s.key, s.env(), s.flag(), def, s.usage)
	}
	return b.String()
}

func TestREADMEDocumentsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), settingsTable()) {
		t.Fatalf("README.md's configuration table is out of date; it must contain:\n%s", settingsTable())
	}
}

func TestREADMEListsEveryRuleWithItsSeverity(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.Rules() {
		row := fmt.Sprintf("| `%s` | %s |", r.ID, r.Severity)
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md's rule table lacks %q", row)
		}
	}
}
