package rules

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Critères d’acceptation": "criteres d'acceptation",
		"ÉTANT DONNÉ":            "etant donne",
		"Cœur Ægis straße":       "coeur aegis strasse",
		"Sécurité\u00a0:":        "securite :",
		"plain ascii":            "plain ascii",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"Critères d'acceptation", "CRITERES D’ACCEPTATION :", "critères-d-acceptation", "2. Critères d'acceptation"},
		{"Sécurité / RGPD", "securite rgpd", "Sécurité – RGPD"},
		{"CA", "C.A.", "ca"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if key(s) != key(group[0]) {
				t.Errorf("key(%q) = %q, key(%q) = %q", s, key(s), group[0], key(group[0]))
			}
		}
	}
	if key("Contexte") == key("Contexte technique") {
		t.Error("different headings share a key")
	}
	var buf [keyHead + 8]byte
	if got := string(keyPrefix("Notes de sécurité", buf[:])); got != "notesdesecurite"[:len(got)] || len(got) < keyHead {
		t.Errorf("keyPrefix = %q", got)
	}
}

func TestTokenize(t *testing.T) {
	text := "L'adresse IP de l’agent : NIR, définir & INSérer"
	ts := tokenize(text, nil)
	var ws []string
	for _, tk := range ts {
		ws = append(ws, tk.w)
		if tk.orig(text) == "" {
			t.Errorf("token %q has no original text", tk.w)
		}
	}
	want := []string{"l", "adresse", "ip", "de", "l", "agent", "nir", "definir", "inserer"}
	if !slices.Equal(ws, want) {
		t.Errorf("words %q, want %q", ws, want)
	}
	upper := map[string]bool{}
	for _, tk := range ts {
		upper[tk.orig(text)] = tk.upper
	}
	if !upper["NIR"] || !upper["IP"] || upper["INSérer"] || upper["L"] {
		t.Errorf("upper flags %v", upper)
	}
	if got := span(text, ts, 1, 2); got != "adresse IP" {
		t.Errorf("span = %q", got)
	}
}

func TestWordAt(t *testing.T) {
	text := "  Élément, n°2"
	var buf [64]byte
	s, e, f := wordAt(text, 0, buf[:])
	if text[s:e] != "Élément" || string(f) != "element" {
		t.Errorf("first word %q folded %q", text[s:e], f)
	}
	s, e, _ = wordAt(text, e, buf[:])
	if text[s:e] != "n" {
		t.Errorf("second word %q", text[s:e])
	}
	if s, _, _ := wordAt(" ,; ", 0, buf[:]); s >= 0 {
		t.Error("found a word in punctuation")
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"administrateur", "administratrice", "administrateurs", "administratrices"},
		{"usager", "usagère", "usagers"},
		{"habilité", "habilitée", "habilités"},
		{"citoyen", "citoyenne"},
		{"développeur", "développeuse"},
	} {
		for _, w := range group[1:] {
			if stem(fold(w)) != stem(fold(group[0])) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q", w, stem(fold(w)), group[0], stem(fold(group[0])))
			}
		}
	}
	if stem("agent") == stem("agenda") {
		t.Error("agent and agenda share a stem")
	}
}

func TestCollapseAndCount(t *testing.T) {
	if got := collapse("  a\n b\t\tc  "); got != "a b c" {
		t.Errorf("collapse = %q", got)
	}
	if got := countWords("N/A — sans objet."); got != 4 {
		t.Errorf("countWords = %d", got)
	}
	if got := countWordsUpTo("un deux trois quatre", 2); got != 2 {
		t.Errorf("countWordsUpTo = %d", got)
	}
}

// What template validation accepts is what the matcher can find.
func TestAcronymCanMatch(t *testing.T) {
	for a, want := range map[string]bool{
		"NIR": true, "2FA": true, "K8S": true, "ÉTAT": true, "HDS": true,
		"": false, "A": false, "X1": false, "Nir": false, "COVID-19": false, "NIR INS": false, "2024": false,
	} {
		if got := AcronymCanMatch(a); got != want {
			t.Errorf("AcronymCanMatch(%q) = %v, want %v", a, got, want)
		}
		if !want {
			continue
		}
		m := phraseMatcher{}
		text := "le " + a + " du dossier"
		found := false
		m.scanWords(text, func(*phrase, int, int) {}, func(s, e int) { found = found || text[s:e] == a })
		if !found {
			t.Errorf("%q accepted but the matcher does not offer it", a)
		}
	}
}
