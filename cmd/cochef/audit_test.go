package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/store"
)

func auditDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cochef.db")
	st, err := store.Open(context.Background(), store.Options{DSN: db})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	repo := core.Repo{Platform: core.GitHub, FullName: "octo/demarches"}
	for _, e := range []core.Evaluation{
		{Ref: core.IssueRef{Repo: repo, Number: 1}, Template: "user-story", Ready: false, DryRun: true,
			Comment: "<!-- cochef:feedback -->\n### Récit à compléter", Labels: []string{"récit: à compléter"},
			Findings:    []rules.Finding{{Rule: "acceptance-criteria-missing", Severity: rules.SeverityError}},
			EvaluatedAt: time.Now().Add(-time.Minute)},
		{Ref: core.IssueRef{Repo: repo, Number: 2}, Template: "user-story", Ready: true, CommentID: 555, Labels: []string{"récit: prêt"}, EvaluatedAt: time.Now()},
	} {
		if err := st.SaveEvaluation(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestAuditListsEvaluations(t *testing.T) {
	db := auditDB(t)
	code, out, errOut := runCochef(t, "", "audit", "--database", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ÉVALUÉ") {
		t.Fatalf("want a header and two rows:\n%s", out)
	}
	if !strings.Contains(lines[1], "github:octo/demarches#2") || !strings.Contains(lines[1], "prêt") || !strings.Contains(lines[1], "#555") {
		t.Errorf("newest first, ready, comment id: %q", lines[1])
	}
	if !strings.Contains(lines[2], "à compléter") || !strings.Contains(lines[2], "à blanc") {
		t.Errorf("dry-run row: %q", lines[2])
	}

	code, out, _ = runCochef(t, "", "audit", "--database", db, "--not-ready", "--format", "json", "--lang", "en")
	var e core.Evaluation
	if code != 0 || json.Unmarshal([]byte(out), &e) != nil || e.Ref.Number != 1 {
		t.Fatalf("json not-ready: exit %d %q", code, out)
	}
}

func TestAuditPrintsTheStoredComment(t *testing.T) {
	db := auditDB(t)
	code, out, _ := runCochef(t, "", "audit", "--database", db, "--comment", "octo/demarches#1")
	if code != 0 || !strings.Contains(out, "### Récit à compléter") {
		t.Fatalf("exit %d, out %q", code, out)
	}
	code, _, errOut := runCochef(t, "", "audit", "--database", db, "--comment", "octo/demarches#9")
	if code != 1 || !strings.Contains(errOut, "aucune évaluation") {
		t.Fatalf("unknown story: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCochef(t, "", "audit", "--database", db, "--comment", "nonsense")
	if code != 2 || !strings.Contains(errOut, "REPO#N") {
		t.Fatalf("bad target: exit %d, %q", code, errOut)
	}
}

func TestAuditWithoutDatabaseIsAUsageError(t *testing.T) {
	code, _, errOut := runCochef(t, "", "audit", "--database", filepath.Join(t.TempDir(), "absent.db"))
	if code != 2 || !strings.Contains(errOut, "introuvable") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}
