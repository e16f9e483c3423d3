package rules

import "strings"

var storyAmbiguous = Rule{
	ID:       "story-ambiguous",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "La phrase de récit évite les termes vagues",
		EN: "The story sentence avoids vague terms",
	},
	Message: Text{
		FR: "Termes vagues dans la phrase de récit : {terms}. Dites ce qui se vérifie : un délai, un nombre d'étapes, les données exactes.",
		EN: "Vague terms in the story sentence: {terms}. Say what can be checked: a time, a number of steps, the exact data.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	check: checkStoryAmbiguous,
}

// checkStoryAmbiguous reports the words of the story sentence (role, need
// and benefit) that allow several readings, as the Quality User Story
// framework's "unambiguous" criterion defines them: the template's vague
// terms (rapide, intuitif, user-friendly, properly, some…), and nouns of a
// superclass standing for unsaid content ("les informations", "les
// données", "information", "data", "content", "stuff"), unless a word
// says which ("données de santé", "FPDS data", "jeu de données"). The fix
// puts a placeholder on each, which the author fills: the sentence then
// asks nothing vague, and template-placeholder says what is left.
func checkStoryAmbiguous(s *story) []hit {
	p := s.sent
	if p.found() < 2 {
		return nil
	}
	text := p.Text
	spans := s.vagueSpans(text, p.Lang)
	if len(spans) == 0 {
		return nil
	}
	var terms []string
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		w := text[sp[0]:sp[1]]
		terms = addTerm(terms, w)
		b.WriteString(text[last:sp[0]])
		if p.Lang == EN {
			b.WriteString("<specify “" + w + "”>")
		} else {
			b.WriteString("<précisez « " + w + " »>")
		}
		last = sp[1]
	}
	b.WriteString(text[last:])
	return []hit{{line: s.sentenceLine(), args: map[string]Text{
		"terms":    quoteAll(terms),
		"sentence": same(p.tidy(b.String())),
	}}}
}

// vagueSpans returns the bounds of the vague words of text, in order,
// leaving out what placeholders already ask to specify.
func (s *story) vagueSpans(text string, lang Lang) [][2]int {
	blank, _ := withoutPlaceholdersKeepOffsets(text)
	var out [][2]int
	if s.c.hasVague {
		s.c.words.scan(blank, func(p *phrase, start, end int) {
			if p.vague {
				out = append(out, [2]int{start, end})
			}
		})
	}
	out = append(out, superclassSpans(blank, lang)...)
	// In text order, without overlaps.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j][0] < out[j-1][0]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	var clean [][2]int
	for _, sp := range out {
		if len(clean) > 0 && sp[0] < clean[len(clean)-1][1] {
			continue
		}
		clean = append(clean, sp)
	}
	return clean
}

// withoutPlaceholdersKeepOffsets blanks the placeholders of s with spaces.
func withoutPlaceholdersKeepOffsets(s string) (string, bool) {
	spans := placeholderSpans(s)
	if len(spans) == 0 {
		return s, false
	}
	b := []byte(s)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b), true
}

// superclassNouns stand for content a story does not name.
var superclassNouns = map[string]bool{
	"information": true, "informations": true, "info": true, "infos": true, "donnee": true, "donnees": true,
	"contenu": true, "contenus": true, "detail": true, "details": true, "element": true, "elements": true,
	"chose": true, "choses": true, "data": true, "content": true, "contents": true, "stuff": true,
	"stuffs": true, "things": true,
}

// specificAfter are the words after a superclass noun that say which:
// "données de santé", "informations fiscales".
var specificAfter = map[string]bool{
	"personnelle": true, "personnelles": true, "nominatives": true, "bancaires": true, "fiscales": true,
	"medicales": true, "sociales": true, "ouvertes": true, "statistiques": true, "geographiques": true,
	"pseudonymisees": true, "anonymisees": true, "sante": true, "identite": true, "connexion": true,
	"contact": true, "naissance": true, "paiement": true,
}

// vagueBefore are the words before an English superclass noun that leave
// it vague ("the data", "more information", "public information");
// another word before it names the kind ("FPDS data", "income data").
var vagueBefore = map[string]bool{
	"the": true, "my": true, "your": true, "our": true, "their": true, "his": true, "her": true, "its": true,
	"all": true, "any": true, "some": true, "more": true, "additional": true, "relevant": true, "useful": true,
	"other": true, "general": true, "public": true, "important": true, "personal": true, "this": true,
	"that": true, "these": true, "those": true, "new": true, "of": true, "to": true, "for": true,
	"with": true, "about": true, "on": true, "in": true, "and": true, "or": true, "full": true, "needed": true,
	"necessary": true, "enough": true, "much": true, "less": true, "latest": true, "most": true, "certain": true,
	"helpful": true, "detailed": true, "key": true, "up": true, "from": true, "such": true, "as": true,
}

// superclassSpans finds superclass nouns used for unsaid content.
func superclassSpans(text string, lang Lang) [][2]int {
	ts := tokenize(text, nil)
	var out [][2]int
	for i, t := range ts {
		if !superclassNouns[t.w] || quoted(text, int(t.off)) {
			continue // « Informations pratiques » names a page
		}
		prev, next := "", ""
		if i > 0 {
			prev = ts[i-1].w
		}
		if i+1 < len(ts) {
			next = ts[i+1].w
		}
		if lang == EN {
			// "FPDS data", "income data": a word before it names the
			// kind; "data package", "data set": it names another thing.
			if i > 0 && !vagueBefore[prev] && text[ts[i-1].end:t.off] == " " {
				continue
			}
			// "the data", "my data" is often a data product's own object
			// (a dataset); "all data", "more data" are vague.
			if (t.w == "data") && determiners[prev] {
				continue
			}
			if next != "" && text[t.end:ts[i+1].off] == " " && !vagueAfterEN[next] && !strings.HasSuffix(next, "ly") {
				continue
			}
		} else {
			if t.w == "data" {
				continue // "open data", "équipe data": a name in French
			}
			// "jeu de données", "base de données", "lettre d'information"
			// are things; "données de santé" is a kind.
			if i >= 2 && (prev == "de" || prev == "d") && compoundHeads[ts[i-2].w] {
				continue
			}
			if specificAfter[next] || (next == "de" || next == "d") && i+2 < len(ts) && specificAfter[ts[i+2].w] {
				continue
			}
		}
		out = append(out, [2]int{int(t.off), int(t.end)})
	}
	return out
}

// determiners point at a known thing.
var determiners = map[string]bool{
	"the": true, "my": true, "your": true, "our": true, "their": true, "his": true, "her": true, "its": true,
	"this": true, "that": true, "these": true, "those": true,
}

// compoundHeads make a superclass noun part of a thing's name: "jeu de
// données", "lettre d'information".
var compoundHeads = map[string]bool{
	"jeu": true, "jeux": true, "base": true, "bases": true, "banque": true, "lettre": true, "flux": true,
	"traitement": true, "protection": true, "producteur": true, "productrice": true, "producteurs": true,
	"fournisseur": true, "responsable": true, "gestionnaire": true, "administrateur": true, "equipe": true,
	"analyste": true, "ingenieur": true, "entrepot": true, "catalogue": true, "portail": true, "schema": true,
}

// vagueAfterEN are the words after an English superclass noun that leave
// it the head of its phrase ("data in the system", "information about").
var vagueAfterEN = map[string]bool{
	"in": true, "on": true, "of": true, "for": true, "from": true, "to": true, "about": true, "and": true,
	"or": true, "so": true, "that": true, "which": true, "is": true, "are": true, "will": true, "be": true,
	"with": true, "by": true, "related": true, "at": true, "into": true, "as": true, "i": true, "we": true,
	"across": true, "like": true, "such": true, "when": true, "before": true, "after": true, "up": true,
	"kept": true, "encrypted": true, "needed": true, "can": true,
}

// addTerm appends w to terms unless it is there, whatever its case.
func addTerm(terms []string, w string) []string {
	for _, o := range terms {
		if strings.EqualFold(o, w) {
			return terms
		}
	}
	return append(terms, w)
}

// quoted reports whether offset off of text is inside quotation marks.
func quoted(text string, off int) bool {
	open := 0
	for _, r := range text[:off] {
		switch r {
		case '«', '“':
			open++
		case '»', '”':
			open--
		}
	}
	return open > 0 || strings.Count(text[:off], "\"")%2 == 1
}
