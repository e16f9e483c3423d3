package rules

import "strings"

var acceptanceCriteriaVague = Rule{
	ID:       "acceptance-criteria-vague",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Chaque critère d'acceptation se vérifie",
		EN: "Each acceptance criterion can be checked",
	},
	Message: Text{
		FR: "Critère difficile à vérifier : « {criterion} » ({why}).",
		EN: "Criterion hard to check: “{criterion}” ({why}).",
	},
	// The fix is the criterion to paste in its place, with a placeholder
	// where only the author can say what is checked.
	Fix: Text{
		FR: "{criterion fix}",
		EN: "{criterion fix}",
	},
	check: checkAcceptanceCriteriaVague,
}

func checkAcceptanceCriteriaVague(s *story) []hit {
	var out []hit
	for i, c := range s.criteria {
		if len(placeholderSpans(c.Text)) > 0 {
			continue // template-placeholder names what is left
		}
		// The body was scanned once for vague terms; a criterion owns
		// those on its lines.
		var terms []string
		for _, h := range s.vagueHits {
			if h.line >= c.Line && h.line <= s.critEnd[i] {
				terms = addTerm(terms, h.word)
			}
		}
		var why, fix Text
		if len(terms) > 0 {
			q := quoteAll(terms)
			why = Text{FR: "termes vagues : " + q.Get(FR), EN: "vague terms: " + q.Get(EN)}
			fix = Text{FR: c.Text, EN: c.Text}
			for _, term := range terms {
				fix[FR] = replaceWord(fix[FR], term, "<précisez « "+term+" »>")
				fix[EN] = replaceWord(fix[EN], term, "<specify “"+term+"”>")
			}
		} else if !c.Gherkin && countWordsUpTo(c.Text, 3) < 3 {
			why = Text{FR: "trop court pour dire le résultat attendu", EN: "too short to state the expected result"}
			fix = Text{FR: c.Text + " : <quel résultat observable ?>", EN: c.Text + ": <which observable result?>"}
		} else {
			continue
		}
		if c.Gherkin {
			fix = Text{FR: "", EN: ""} // a scenario's vague step: the message names it
		}
		out = append(out, hit{line: c.Line, args: map[string]Text{"criterion": same(shorten(c.Text, 80)), "why": why, "criterion fix": fix}})
	}
	return out
}

// shorten cuts s to about n bytes on a word boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xc0 == 0x80 {
			cut--
		}
	}
	return s[:cut] + "…"
}

// replaceWord replaces the first occurrence of word, whatever its case,
// on word boundaries.
func replaceWord(text, word, with string) string {
	f, idx := foldMap(text)
	w := fold(word)
	for from := 0; ; {
		i := strings.Index(f[from:], w)
		if i < 0 {
			return text
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isWordByte(f[i-1])) && (end == len(f) || !isWordByte(f[end])) {
			return text[:idx[i]] + with + text[idx[end]:]
		}
		from = i + 1
	}
}
