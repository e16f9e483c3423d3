package rules

import "testing"

func TestGherkinLine(t *testing.T) {
	tests := []struct {
		in, keyword, kind, rest string
		ok                      bool
	}{
		{"Étant donné un dossier déposé", "Étant donné", "given", "un dossier déposé", true},
		{"Etant donné que l'agent est connecté", "Etant donné que", "given", "l'agent est connecté", true},
		{"Étant données deux demandes", "Étant données", "given", "deux demandes", true},
		{"Soit un usager", "Soit", "given", "un usager", true},
		{"Sachant que la caisse est fermée", "Sachant que", "given", "la caisse est fermée", true},
		{"Lorsqu'il valide", "Lorsqu'", "when", "il valide", true},
		{"Quand l'agent clique", "Quand", "when", "l'agent clique", true},
		{"quand l'agent clique", "quand", "when", "l'agent clique", true},
		{"Alors le dossier est transmis", "Alors", "then", "le dossier est transmis", true},
		{"Donc le dossier est clos", "Donc", "then", "le dossier est clos", true},
		{"Et que la date est affichée", "Et que", "and", "la date est affichée", true},
		{"Mais pas le montant", "Mais", "but", "pas le montant", true},
		{"Given a user", "Given", "given", "a user", true},
		{"  And the file is saved", "And", "and", "the file is saved", true},
		{"- Then it works", "Then", "then", "it works", true},
		{"Scénario : export", "Scénario", gkScenario, "export", true},
		{"Scenario Outline: by age", "Scenario Outline", gkScenario, "by age", true},
		{"Plan du scénario: montant", "Plan du scénario", gkScenario, "montant", true},
		{"Exemples:", "Exemples", gkExamples, "", true},
		{"Contexte :", "Contexte", gkBackground, "", true},
		{"Fonctionnalité: calcul", "Fonctionnalité", gkFeature, "calcul", true},
		{"Scénario 1 : attestation disponible", "Scénario", gkScenario, "attestation disponible", true},
		{"Scénario n°2 – demande en cours", "Scénario", gkScenario, "demande en cours", true},
		{"Scenario #3. refused", "Scenario", gkScenario, "refused", true},
		{"Scénario 4", "Scénario", gkScenario, "", true},
		{"Scénario 12 bis : reprise", "", "", "", false},
		{"Scénario sans deux-points", "", "", "", false},
		{"Contexte de la demande", "", "", "", false},
		{"Quandary is a word", "", "", "", false},
		{"Et", "", "", "", false},
		{"Example text without colon", "", "", "", false},
		{"Le dossier est transmis", "", "", "", false},
		{"", "", "", "", false},
	}
	for _, tt := range tests {
		kw, kind, rest, ok := gherkinLine(tt.in)
		if ok != tt.ok || kw != tt.keyword || kind != tt.kind || rest != tt.rest {
			t.Errorf("gherkinLine(%q) = %q, %q, %q, %v; want %q, %q, %q, %v", tt.in, kw, kind, rest, ok, tt.keyword, tt.kind, tt.rest, tt.ok)
		}
	}
}

// The keywords come from cucumber's dialect table, not from a list of
// ours: every French given keyword it knows is recognised.
func TestGherkinKeywordsFromDialects(t *testing.T) {
	kinds := map[string]int{}
	for _, k := range gherkinKeywords() {
		kinds[k.kind]++
	}
	for _, kind := range []string{"given", "when", "then", "and", "but", gkScenario, gkExamples, gkBackground, gkFeature} {
		if kinds[kind] == 0 {
			t.Errorf("no %s keyword", kind)
		}
	}
	// Spellings only the dialect table lists (accents folded).
	have := map[string]bool{}
	for _, k := range gherkinKeywords() {
		have[k.kind+" "+k.folded] = true
	}
	for _, k := range []string{"given sachant qu'", "given etant donnees", "then donc", "when lorsqu'", "but mais qu'", "given given"} {
		if !have[k] {
			t.Errorf("keyword %q missing", k)
		}
	}
}
