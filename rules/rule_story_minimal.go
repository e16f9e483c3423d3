package rules

import (
	"strings"
	"unicode"
)

var storyMinimal = Rule{
	ID:       "story-minimal",
	Severity: SeverityInfo,
	Summary: Text{
		FR: "La phrase de récit dit le profil, le besoin et le bénéfice, rien de plus",
		EN: "The story sentence says the role, the need and the benefit, nothing more",
	},
	Message: Text{
		FR: "La phrase de récit en dit plus que le profil, le besoin et le bénéfice : {detail}. Ces précisions ont leur place dans le contexte ou les critères d'acceptation.",
		EN: "The story sentence says more than the role, the need and the benefit: {detail}. Such details belong in the context or the acceptance criteria.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	check: checkStoryMinimal,
}

// A minimal story, as the Quality User Story framework defines it, holds
// its role, its means and its ends, nothing else. checkStoryMinimal finds
// what else a sentence carries, as AQUSA does and beyond:
//   - text in parentheses, brackets or braces;
//   - examples: "e.g.", "par exemple", "such as", "comme", "etc.";
//   - solution or interface detail introduced as a means: "en cliquant
//     sur", "via", "par glisser-déposer", "by clicking", "using", "with a
//     dropdown";
//   - numeric limits: a response time, a size, a frequency, a cap ("en
//     moins de 2 secondes", "20 Mo", "toutes les 30 secondes", "the last
//     100", "99.9 %"), not a number that defines the behaviour ("après 30
//     minutes d'inactivité");
//   - more than one reason ("so that … so that"), a clause of
//     expectation ("and I expect …", "in which case …"), a ticket
//     reference ("DB-2213"), a relative clause in the role ("As a member
//     who has read …");
//   - other sentences after it in its paragraph.
// The fix is the sentence without them; the rest of the paragraph, if
// any, moves to a paragraph of its own.

// extraSpan is a part of the sentence to take out, with what it is.
type extraSpan struct {
	start, end int
	what       Text
}

func checkStoryMinimal(s *story) []hit {
	p := s.sent
	if p.found() < 2 {
		return nil
	}
	text := p.Text
	spans := minimalSpans(text, p)
	var fr, en []string
	for _, sp := range spans {
		fr = appendOnce(fr, sp.what[FR])
		en = appendOnce(en, sp.what[EN])
	}
	extra := countWordsUpTo(p.extra, 1) > 0 && !strings.HasPrefix(p.extra, "#")
	if extra {
		fr = append(fr, "d'autres phrases la suivent dans le même paragraphe")
		en = append(en, "other sentences follow it in the same paragraph")
	}
	if len(fr) == 0 {
		return nil
	}
	sentence := p.tidy(cutSpans(text, spans))
	if extra {
		sentence += "\n\n" + p.extra
	}
	return []hit{{
		line: s.sentenceLine(),
		args: map[string]Text{
			"detail":   {FR: strings.Join(fr, " ; "), EN: strings.Join(en, "; ")},
			"sentence": same(sentence),
		},
	}}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// minimalSpans finds the parts of the sentence text that are more than
// role, need and benefit.
func minimalSpans(text string, p *parsed) []extraSpan {
	var out []extraSpan
	add := func(start, end int, fr, en string) {
		out = append(out, extraSpan{start, end, Text{FR: fr, EN: en}})
	}
	// Parentheses, brackets, braces.
	for i := 0; i < len(text); i++ {
		open := text[i]
		var closer byte
		switch open {
		case '(':
			closer = ')'
		case '[':
			closer = ']'
		case '{':
			closer = '}'
		default:
			continue
		}
		if j := strings.IndexByte(text[i:], closer); j > 0 {
			inner := text[i : i+j+1]
			if open == '[' && isPlaceholderText(inner) || open == '{' && isPlaceholderText(inner) {
				continue
			}
			add(i, i+j+1, "une parenthèse « "+inner+" »", "a parenthesis “"+inner+"”")
			i += j
		}
	}
	f, idx := foldMap(text)
	toks := readTokens(f)
	at := func(k int) int { return int(idx[toks[k].s]) }
	// Means and limits are read in the role and the need: "so that I can
	// start using the data" says why, not how.
	needEnd := len(text)
	if p.Benefit != "" && p.benefitMarker != "" {
		if i := strings.LastIndex(text, p.benefitMarker); i >= 0 && !p.benefitFirst {
			needEnd = i
		}
	}
	needStart := 0
	if p.benefitFirst {
		if i := strings.Index(text, p.Benefit); i >= 0 {
			needStart = i + len(p.Benefit)
		}
	}
	inNeed := func(k int) bool { return at(k) >= needStart && at(k) < needEnd }
	// The end of a detail: the next comma, benefit marker or the end.
	detailEnd := func(k int) int {
		for j := k + 1; j < len(toks); j++ {
			t := toks[j]
			if !t.word && (t.w[0] == ',' || t.w[0] == ';' || t.w[0] == '.' || t.w[0] == '(') {
				return at(j)
			}
			if t.word && (benefitStart(toks, j) || t.w == "pour" && j+1 < len(toks) && frInfinitive(toks[j+1].w)) {
				return at(j)
			}
		}
		end := len(text)
		for end > 0 && strings.ContainsRune(".!? ", rune(text[end-1])) {
			end--
		}
		return end
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if !t.word {
			continue
		}
		w := t.w
		next := ""
		if k+1 < len(toks) && toks[k+1].word {
			next = toks[k+1].w
		}
		switch {
		case w == "e.g" || w == "eg" || w == "i.e" || w == "p.ex" || w == "notamment" || w == "including" ||
			w == "par" && next == "exemple" || w == "such" && next == "as" || w == "for" && next == "example" ||
			w == "comme" && k > 0 && !toks[k-1].word && toks[k-1].w[0] == ',' ||
			w == "like" && k > 0 && toks[k-1].word && !likeVerb[toks[k-1].w]:
			add(at(k), detailEnd(k), "des exemples (« "+text[at(k):t.e2(idx)]+" … »)", "examples (“"+text[at(k):t.e2(idx)]+" …”)")
		case w == "etc":
			end := t.e2(idx)
			if end < len(text) && text[end] == '.' {
				end++
			}
			start := at(k)
			if k > 0 && !toks[k-1].word && toks[k-1].w[0] == ',' {
				start = at(k - 1)
			}
			add(start, end, "« etc. »", "“etc.”")
		case inNeed(k) && meansAt(toks, k, text, idx):
			add(at(k), detailEnd(k), "un détail de solution ou d'écran (« "+strings.TrimSpace(text[at(k):detailEnd(k)])+" »)",
				"solution or screen detail (“"+strings.TrimSpace(text[at(k):detailEnd(k)])+"”)")
		case inNeed(k) && limitAt(toks, k, text, idx):
			add(at(k), detailEnd(k), "une limite chiffrée (« "+strings.TrimSpace(text[at(k):detailEnd(k)])+" »)",
				"a numeric limit (“"+strings.TrimSpace(text[at(k):detailEnd(k)])+"”)")
		case expectationAt(toks, k):
			start := at(k)
			if k > 0 && (toks[k-1].w == "and" || toks[k-1].w == "et") {
				start = at(k - 1)
			}
			add(start, detailEnd(k), "une attente qui relève des critères (« "+strings.TrimSpace(text[at(k):detailEnd(k)])+" »)",
				"an expectation for the criteria (“"+strings.TrimSpace(text[at(k):detailEnd(k)])+"”)")
		case ticketRef(text[at(k):t.e2(idx)]):
			add(at(k), t.e2(idx), "une référence de ticket (« "+text[at(k):t.e2(idx)]+" »)", "a ticket reference (“"+text[at(k):t.e2(idx)]+"”)")
		}
	}
	// A second reason: "so I have …, so that I can …" ("so that … in
	// order to …" is one reason and its purpose).
	if p.Benefit != "" {
		bf, _ := foldMap(p.Benefit)
		bt := readTokens(bf)
		for k := 1; k < len(bt); k++ {
			if m, _ := matchSeq(bt, k, benefitIndex, ""); m != nil && clauseBenefit[m.form] {
				out = append(out, extraSpan{-1, -1, Text{FR: "plusieurs bénéfices", EN: "more than one benefit"}})
				break
			}
		}
	}
	// A relative clause in the role: "As a site member who has read …".
	if p.Role != "" {
		for _, w := range words(p.Role) {
			if w == "who" || w == "which" || w == "whose" || w == "qui" || w == "dont" {
				out = append(out, extraSpan{-1, -1, Text{
					FR: "une proposition dans le profil (« " + p.Role + " »)",
					EN: "a clause in the role (“" + p.Role + "”)",
				}})
				break
			}
		}
	}
	return out
}

// clauseBenefit are the benefit markers that open a reason of their own.
var clauseBenefit = map[string]bool{"so that": true, "afin de": true, "afin que": true, "pour que": true, "dans le but de": true}

// e2 is the end of a token in the text as written.
func (t rtok) e2(idx []int32) int { return int(idx[t.e]) }

// likeVerb are the words after which "like" is a verb ("I would like").
var likeVerb = map[string]bool{
	"would": true, "i'd": true, "i": true, "we": true, "we'd": true, "you": true, "not": true, "don't": true,
	"look": true, "looks": true, "feel": true, "feels": true, "seem": true, "seems": true, "sound": true,
}

// benefitStart reports whether a benefit marker starts at token k.
func benefitStart(toks []rtok, k int) bool {
	m, _ := matchSeq(toks, k, benefitIndex, "")
	return m != nil || toks[k].w == "so" && k+1 < len(toks) && soSubjects[toks[k+1].w]
}

// meansWords introduce how the solution works rather than what is
// needed.
var meansSeqs = concat(
	seqs(FR, "means", false, "en cliquant", "en un clic", "en un seul clic", "via", "par glisser-deposer",
		"par le biais", "au moyen", "a l'aide d'un", "a l'aide de", "dans un menu deroulant", "avec un bouton",
		"sur un bouton", "par un bouton", "avec un menu", "en saisissant", "en selectionnant", "en cochant",
		"grace a un bouton", "par une fenetre", "dans une fenetre", "dans une modale", "avec un editeur"),
	seqs(EN, "means", false, "by clicking", "by using", "by visiting", "by pasting", "by selecting", "by typing",
		"by entering", "by dragging", "via", "using a", "using the", "using an", "with a button", "with a dropdown",
		"with a checkbox", "through a form", "in a dropdown", "in a pop-up", "in a popup", "one click", "a single click"),
)

var meansIndex = indexSeqs(meansSeqs)

// widgetNouns name interface components and input gestures: a need
// that says which one to use says how, not what ("avec une case à
// cocher", "in a modal", "from a dropdown").
var widgetNouns = setOf(`bouton boutons menu menus onglet onglets fenetre modale popup pop-up infobulle icone icones
	curseur interrupteur bandeau banniere carrousel accordeon widget champ champs
	deroulant deroulante clic clics glisser-deposer raccourci
	button buttons dropdown drop-down checkbox checkboxes tab tabs modal dialog tooltip icon icons toggle switch
	slider carousel accordion banner widget field fields textbox radio click clicks shortcut hotkey`)

// widgetPreps introduce the component a need would use.
var widgetPreps = setOf(`avec via par dans sur depuis grace using with in on from via through by`)

// widgetAt reports whether token k opens "<preposition> [article] <widget>".
func widgetAt(toks []rtok, k int) bool {
	if !widgetPreps[toks[k].w] {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		t := toks[j]
		if !t.word {
			continue
		}
		if widgetNouns[t.w] {
			return true
		}
		if !roleArticles[t.w] && !possessives[t.w] && t.w != "a" && t.w != "l" && t.w != "un" && t.w != "une" && t.w != "seul" && t.w != "single" && t.w != "simple" {
			return false
		}
	}
	return false
}

func meansAt(toks []rtok, k int, text string, idx []int32) bool {
	if widgetAt(toks, k) {
		return true
	}
	m, after := matchSeq(toks, k, meansIndex, "")
	if m == nil {
		return false
	}
	if toks[k].w == "via" && after < len(toks) && toks[after].word {
		// "via un formulaire", "via iframe" are how; "via FranceConnect",
		// "via USAspending" name the system the need goes through.
		w := text[idx[toks[after].s]:idx[toks[after].e]]
		r := []rune(w)
		return !unicode.IsUpper(r[0]) || uiWords[toks[after].w]
	}
	return true
}

// uiWords name screen or tool details even when capitalised.
var uiWords = map[string]bool{"iframe": true, "cli": true, "wysiwyg": true, "pop-up": true, "popup": true}

// expectationAt finds a clause that states what is expected rather than
// what is needed: "and I expect …", "in which case …", "auquel cas".
func expectationAt(toks []rtok, k int) bool {
	for _, seq := range expectationSeqs {
		if tokSeq(toks, k, seq) {
			return true
		}
	}
	return false
}

var expectationSeqs = [][]string{
	splitSeq("i expect"), splitSeq("in which case"), splitSeq("auquel cas"), splitSeq("je m'attends"),
	splitSeq("since i"), splitSeq("because i"), splitSeq("parce que je"),
}

// limitUnits make a number a limit whatever stands before it: a size, a
// duration of response, an availability.
var limitUnits = map[string]bool{
	"mo": true, "go": true, "ko": true, "mb": true, "gb": true, "kb": true, "octets": true, "bytes": true,
	"ms": true, "millisecondes": true, "milliseconds": true,
}

// timeUnits are limits when a limit word stands before the number ("en
// moins de 2 secondes", "within 5 seconds", "toutes les 30 secondes"),
// not after "après" ("après 30 minutes d'inactivité").
var timeUnits = map[string]bool{
	"s": true, "sec": true, "seconde": true, "secondes": true, "second": true, "seconds": true,
	"minute": true, "minutes": true, "min": true,
}

var limitWords = map[string]bool{
	"moins": true, "maximum": true, "max": true, "within": true, "under": true, "toutes": true,
	"every": true, "most": true, "up": true, "jusqu'": true, "jusqu": true, "dernier": true, "derniers": true,
	"dernieres": true, "last": true, "top": true, "en": true, "in": true,
}

// limitAt reports whether a numeric limit starts at token k.
func limitAt(toks []rtok, k int, text string, idx []int32) bool {
	w := toks[k].w
	if !isNumber(w) {
		return false
	}
	next := ""
	if k+1 < len(toks) && toks[k+1].word {
		next = toks[k+1].w
	}
	prev := ""
	if k > 0 && toks[k-1].word {
		prev = toks[k-1].w
	}
	if k > 1 && toks[k-1].word && toks[k-2].word && (toks[k-2].w == "moins" || toks[k-2].w == "less" || toks[k-2].w == "more") {
		prev = "moins"
	}
	switch {
	case limitUnits[next]:
		return true
	case timeUnits[next]:
		return limitWords[prev] || prev == "moins"
	case strings.HasPrefix(strings.TrimLeft(text[idx[toks[k].e]:], " \u00a0\u202f"), "%"):
		return strings.ContainsAny(w, ".,") // "99.9 %": an availability
	case prev == "maximum" || next == "maximum" || next == "max":
		return true
	case prev == "last" || prev == "derniers" || prev == "dernieres" || prev == "top":
		// "the last 100 errors" caps a display; "the last 4 digits" is
		// what the need is about.
		return len(w) >= 2
	case (next == "derniers" || next == "dernieres") && len(w) >= 2:
		return true
	}
	return false
}

func isNumber(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',':
		default:
			return false
		}
	}
	return digits > 0
}

// ticketRef reports whether a word is an issue reference: "DB-2213",
// "JIRA-12".
func ticketRef(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 2 || i == len(w)-1 {
		return false
	}
	return isUpperWord(w[:i]) && isNumber(w[i+1:])
}

// cutSpans takes the spans out of text and tidies the punctuation left.
func cutSpans(text string, spans []extraSpan) string {
	keep := make([]bool, len(text))
	for i := range keep {
		keep[i] = true
	}
	for _, sp := range spans {
		if sp.start < 0 {
			continue
		}
		for i := sp.start; i < sp.end && i < len(text); i++ {
			keep[i] = false
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if keep[i] {
			b.WriteByte(text[i])
		}
	}
	out := collapse(b.String())
	for _, fix := range [][2]string{{" ,", ","}, {" .", "."}, {",,", ","}, {", .", "."}, {",.", "."}, {" ;", ";"}, {"( )", ""}} {
		out = strings.ReplaceAll(out, fix[0], fix[1])
	}
	return strings.TrimSpace(out)
}
