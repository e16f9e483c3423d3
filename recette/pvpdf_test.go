package recette

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// pdfText extracts the text of a PDF, page by page, with a PDF reader
// that knows nothing of how it was written.
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a PDF a reader opens: %v", err)
	}
	var sb strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		txt, err := p.GetPlainText(nil)
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		sb.WriteString(txt)
	}
	// Lines break where the layout wraps them: compare words.
	return strings.Join(strings.Fields(sb.String()), " ")
}

// pvExample is issue #15's example, recetted on GitHub: validations by
// tick and command, a refusal with its reason, a withdrawal, and an item
// an older version of the checklist had.
func pvExample(t *testing.T) PVInput {
	t.Helper()
	set, err := templates.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	repo := core.Repo{Platform: core.GitHub, FullName: "octo-org/demarches"}
	mr := core.IssueRef{Repo: repo, Number: 30, MergeRequest: true}
	var stories []Story
	for i, f := range []string{"recette-usager.md", "recette-admin.md"} {
		in := exampleStory(t, f)
		ref := core.IssueRef{Repo: repo, Number: 21 + i}
		stories = append(stories, Story{Ref: ref, Title: in.Title, URL: "https://github.com/octo-org/demarches/issues/" + string(rune('1'+i)),
			Result: rules.Analyze(in, set.Default(), ""), Template: set.Default()})
	}
	m := Model(stories, rules.FR)
	at := time.Date(2026, 11, 20, 14, 5, 0, 0, time.UTC)
	var trail []core.Validation
	add := func(n int, state core.ValidationState, who, reason, source string) {
		s, it, ok := itemAt(m, n)
		if !ok {
			t.Fatalf("no item %d", n)
		}
		at = at.Add(7 * time.Minute)
		trail = append(trail, core.Validation{MergeRequest: mr, Story: s.Ref, Key: it.Key, Text: it.Text, State: state,
			Actor: who, At: at, HeadSHA: "9f8e7d6c5b4a", Reason: reason, Source: source})
	}
	_, total, _ := counts(m, nil)
	for n := 1; n <= total; n++ {
		add(n, core.Validated, "marie-po", "", core.SourceCommand)
	}
	add(2, core.Unticked, "marie-po", "", core.SourceTick)
	add(6, core.Refused, "rssi-paul", "la trace ne dit pas quel rôle a été attribué", core.SourceCommand)
	trail = append(trail, core.Validation{MergeRequest: mr, Story: stories[1].Ref, Key: "0123456789ab", Text: "Une analyse d'impact (AIPD) est-elle nécessaire ?",
		State: core.Validated, Actor: "jean-metier", At: at.Add(-48 * time.Hour), HeadSHA: "1a2b3c4", Source: core.SourceTick})
	return PVInput{Record: core.RecetteRecord{Ref: mr, Title: "Suivi et rôles", URL: "https://github.com/octo-org/demarches/pull/30",
		HeadSHA: "9f8e7d6c5b4a39281706", State: "open", Milestone: "v1.4", Model: m}, Trail: trail}
}

// The PV's PDF holds, as text a reader extracts, the product and version,
// every story and item, every validation with who and when, the refusal
// and its reason, the security checks, the retired item and the places to
// sign; in French and English; the same trail gives the same bytes.
func TestPVPDF(t *testing.T) {
	x := pvExample(t)
	for _, c := range []struct {
		lang rules.Lang
		want []string
	}{
		{rules.FR, []string{"Procès-verbal de recette", "Produit : Démarches", "Version : 1.4.0", "Jalon : v1.4", "État arrêté au : 2026-11-20",
			"Pull request octo-org/demarches#30 : Suivi et rôles", "Verdict : RECETTE NON TERMINÉE", "1 refusé, 1 à valider",
			"Récit octo-org/demarches#21 : Suivre l'avancement de ma demande d'aide", "Récit octo-org/demarches#22 : Attribuer le rôle d'instructeur",
			"1. demande en cours d'instruction VALIDÉ par marie-po, le 2026-11-20 14:12 UTC, commit 9f8e7d6",
			"2. demande acceptée À VALIDER",
			"Vérifications de sécurité : ",
			"6. Vérifier : seuls les administrateurs peuvent attribuer un rôle (moindre privilège) REFUSÉ par rssi-paul", "Motif : la trace ne dit pas quel rôle a été attribué",
			"Vérifications de sécurité", "Refus et motifs", "Éléments retirés de la liste", "Une analyse d'impact (AIPD) est-elle nécessaire ? VALIDÉ par jean-metier",
			"Journal", "rssi-paul refuse « Seuls les administrateurs peuvent attribuer un rôle (moindre privilège) » (octo-org/demarches#22) : la trace ne dit pas quel rôle a été attribué",
			"marie-po retire sa décision sur « demande acceptée »", "Responsable métier", "Co-chef de produit", "Signature :"}},
		{rules.EN, []string{"Acceptance report", "Product : Démarches", "Verdict : ACCEPTANCE NOT COMPLETE", "REJECTED by rssi-paul",
			"Reason : la trace ne dit pas quel rôle a été attribué", "Check: seuls les administrateurs", "Business owner", "Signature :"}},
	} {
		b, err := RenderPVPDF(c.lang, PVHeader{Product: "Démarches", Release: "1.4.0"}, "v1.4", []PVInput{x})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF", c.lang)
		}
		text := pdfText(t, b)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF's text lacks %q", c.lang, w)
			}
		}
		if t.Failed() {
			t.Logf("%s: the PDF's text:\n%s", c.lang, text)
		}
		// Every validation of the trail is in it, with its author and time.
		for _, e := range x.Trail {
			if !strings.Contains(text, e.At.UTC().Format(pvTime)+" "+e.Actor) {
				t.Errorf("%s: trail entry %s %s missing", c.lang, e.At.Format(pvTime), e.Actor)
			}
		}
		again, err := RenderPVPDF(c.lang, PVHeader{Product: "Démarches", Release: "1.4.0"}, "v1.4", []PVInput{x})
		if err != nil || !bytes.Equal(b, again) {
			t.Errorf("%s: the same trail gave another PDF", c.lang)
		}
		t.Logf("%s: %d bytes", c.lang, len(b))
	}
}
