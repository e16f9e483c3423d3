package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxFindingsPerRule is how many findings one rule gives one story: the
// first maxFindingsPerRule-1 places in full, then one finding that counts
// the others. 64 KB of "- x" lines held 16,000 placeholders, one finding
// each: 16,000 messages built, stored and rendered (half the analysis's
// memory) for a comment that GitHub would cut anyway. Twenty points of one
// kind already tell the author what to do.
const maxFindingsPerRule = 20

// more is the finding that stands for the places past the cap. It is on
// the line of the first of them, which the reader sees next to it (the
// message does not name it: "cochef check" numbers lines from the file,
// the body's first line being the file's third).
var more = Text{
	FR: "Et {count} autres endroits à reprendre pour la même règle (« {summary} »), dont le premier ici : cochef ne détaille que les {kept} premiers.",
	EN: "And {count} more places to rework for the same rule (“{summary}”), the first of them here: cochef details only the first {kept}.",
}

// appendFindings appends the findings of r's hits to out, at most
// maxFindingsPerRule of them: past that, one finding counts the rest, at
// the line of the first one left out and with the most severe of their
// severities.
func (r *Rule) appendFindings(out []Finding, hits []hit, c *compiled, lang, fixLang Lang) []Finding {
	if len(hits) <= maxFindingsPerRule {
		for _, h := range hits {
			out = append(out, r.finding(h, c, lang, fixLang))
		}
		return out
	}
	kept := maxFindingsPerRule - 1
	for _, h := range hits[:kept] {
		out = append(out, r.finding(h, c, lang, fixLang))
	}
	rest := hits[kept:]
	sev := r.severity(rest[0], c)
	for _, h := range rest[1:] {
		if s := r.severity(h, c); severityRank[s] < severityRank[sev] {
			sev = s
		}
	}
	sep := ","
	if lang != EN {
		sep = "\u202f"
	}
	args := map[string]Text{
		"count":   same(groupDigits(len(rest), sep)),
		"summary": r.Summary,
		"kept":    same(strconv.Itoa(kept)),
	}
	return append(out, Finding{Rule: r.ID, Severity: sev, Message: fill(more.Get(lang), args, lang), Line: rest[0].line})
}

// maxSentenceText is how much of a paragraph a story sentence is looked
// for in. A sentence is read word by word several times over (its
// start, each of its sentences and lines that opens with a role, the
// need of a draft), each reading allocating about eight times the text:
// a 64 KB paragraph cost 22 MiB there. No story sentence starts 4 KB into
// a paragraph.
const maxSentenceText = 4096

// sentenceText is the start of s a sentence is looked for in: at most
// maxSentenceText bytes, cut at a line's end when there is one, else
// between two characters.
func sentenceText(s string) string {
	if len(s) <= maxSentenceText {
		return s
	}
	s = s[:maxSentenceText]
	if i := strings.LastIndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	for i := len(s) - 1; i > len(s)-utf8.UTFMax && i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			if !utf8.FullRuneInString(s[i:]) {
				return s[:i]
			}
			break
		}
	}
	return s
}
