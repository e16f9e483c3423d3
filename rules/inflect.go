package rules

import "strings"

// Keywords are written once, in their dictionary form; a story writes
// them in any number and gender ("agente", "licenciées", "médicaux",
// "adresses postales") and conjugates the verbs ("exporte", "exportées").
// inflections derives those forms from a keyword's folded words, so that
// a template lists lemmas, not every form a team may write: listing the
// forms one corpus happened to use is what made the triggers miss words
// of stories written later.
//
// Forms are generated on the keyword's side only, never by reducing the
// story's words to stems: a stem shared by two words ("donne", "donnée")
// would then match both. A generated form that is no French or English
// word ("nome", "usagere") costs nothing: no story writes it.

// inflectSkip are the short grammar words of a phrase: never inflected.
// "jours" keeps its plural too: a time kept is "30 jours", and "à jour"
// means up to date.
var inflectSkip = setOf(`a à au aux d de des du en et l la le les ou par pour sur un une avec dans
	of the to for with on in by a an and or my mon ma mes son sa ses leur leurs
	jours`)

// maxInflected bounds the variants of one keyword: a phrase of many
// inflectable words would otherwise multiply them.
const maxInflected = 64

// inflections returns the keyword's folded words and every variant of
// them in number and gender; with verbs, also the conjugated forms of
// its -er infinitives (first person, third person, plural, participles).
func inflections(ws []string, verbs bool) [][]string {
	out := [][]string{append([]string(nil), ws...)}
	for i, w := range ws {
		if len([]rune(w)) < 3 || inflectSkip[w] || w == properName { // "" (a gap) too
			continue
		}
		// A phrase's verb leads it ("exporter la liste", "déposer …
		// justificatif"): only its first word is conjugated, which keeps
		// a template's compiled phrases in the thousands.
		forms := wordForms(w, verbs && i == 0)
		if len(forms) == 0 {
			continue
		}
		n := len(out)
		for _, base := range out[:n] {
			for _, f := range forms {
				if len(out) >= maxInflected {
					return out
				}
				v := append([]string(nil), base...)
				v[i] = f
				out = append(out, v)
			}
		}
	}
	return out
}

// wordForms returns the other forms of one folded word: plural,
// feminine and feminine plural; with verbs, the present and participle
// forms of an -er infinitive.
func wordForms(w string, verbs bool) []string {
	var out []string
	add := func(f string) {
		if f != "" && f != w {
			out = append(out, f)
		}
	}
	plural := func(s string) string {
		switch {
		case strings.HasSuffix(s, "ss"):
			return s + "es" // English: "address" → "addresses"
		case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "z"):
			return s
		case strings.HasSuffix(s, "al") && len(s) > 4:
			return s[:len(s)-2] + "aux"
		case strings.HasSuffix(s, "eau"), strings.HasSuffix(s, "eu"):
			return s + "x"
		case strings.HasSuffix(s, "y") && len(s) > 3 && !strings.ContainsRune("aeiou", rune(s[len(s)-2])):
			return s[:len(s)-1] + "ies" // English: "family" → "families"
		}
		return s + "s"
	}
	add(plural(w))
	// A keyword listed in the plural ("notes", "médicaux") in the
	// singular too.
	switch n := len(w); {
	case n > 5 && strings.HasSuffix(w, "aux"):
		add(w[:n-3] + "al")
	case n > 4 && (w[n-1] == 's' || w[n-1] == 'x') && w[n-2] != 's' && w[n-2] != 'u':
		add(w[:n-1])
	}
	var fem []string
	switch {
	case strings.HasSuffix(w, "teur"):
		fem = []string{w[:len(w)-4] + "trice", w[:len(w)-4] + "teuse"}
	case strings.HasSuffix(w, "eur"):
		fem = []string{w[:len(w)-3] + "euse", w + "e"}
	case strings.HasSuffix(w, "if"):
		fem = []string{w[:len(w)-2] + "ive"}
	case strings.HasSuffix(w, "ien"), strings.HasSuffix(w, "on") && len(w) > 4:
		fem = []string{w + "ne"}
	case strings.HasSuffix(w, "ier"), strings.HasSuffix(w, "er") && !verbs:
		fem = []string{w[:len(w)-2] + "ere"}
	case strings.HasSuffix(w, "el"):
		fem = []string{w + "le"}
	case strings.HasSuffix(w, "e"), strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"):
		// no written feminine
	default:
		fem = []string{w + "e"}
	}
	for _, f := range fem {
		add(f)
		add(f + "s")
	}
	if verbs && strings.HasSuffix(w, "er") && len(w) >= 6 {
		r := w[:len(w)-2]
		for _, sfx := range []string{"e", "es", "ent", "ons", "ez", "ee", "ees", "ant", "erai", "era", "eront"} {
			add(r + sfx)
		}
	}
	if verbs && len(w) >= 4 {
		// English: "export" → "exported", "exporting"; "delete" →
		// "deleted", "deleting".
		if strings.HasSuffix(w, "e") {
			add(w + "d")
			add(w[:len(w)-1] + "ing")
		} else if !strings.HasSuffix(w, "er") {
			add(w + "ed")
			add(w + "ing")
		}
	}
	return out
}
