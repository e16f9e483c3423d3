package rules

import "strings"

var storyFormat = Rule{
	ID:       "story-format",
	Severity: SeverityError,
	Summary: Text{
		FR: "La phrase de récit dit pour qui et quel besoin",
		EN: "The story sentence says for whom and what need",
	},
	Message: Text{
		FR: "Phrase de récit incomplète : {detail}.",
		EN: "Incomplete story sentence: {detail}.",
	},
	Fix: Text{
		FR: "{sentence}",
		EN: "{sentence}",
	},
	check: checkStoryFormat,
}

// checkStoryFormat reports a story whose need cannot be read (an error:
// nobody can build it) and one whose need has no role (a warning: the
// need is there, but cochef cannot tell which sections its persona
// needs). An unusual but readable shape is story-uniform's business.
func checkStoryFormat(s *story) []hit {
	p := s.sent
	switch {
	case p.found() == 2 && p.Role != "":
		return nil
	case p.found() == 2:
		detail := Text{
			FR: "le profil manque : écrivez pour qui est ce besoin",
			EN: "the role is missing: write whose need this is",
		}
		if ph := p.rolePlaceholder(); ph != "" {
			detail = Text{
				FR: "le profil est encore « " + ph + " » : écrivez pour qui est ce récit",
				EN: "the role is still “" + ph + "”: write whom this story is for",
			}
		}
		var sentence Text
		if p.rolePlaceholder() != "" {
			// The role is the template's placeholder: only the author
			// can write it, and the message names it.
			sentence = Text{FR: "", EN: ""}
		} else if c, ok := p.canonical(); ok {
			sentence = same(c)
		} else {
			sentence = Text{
				FR: "En tant que <profil>, " + lowerFirst(p.Text),
				EN: "As a <role>, " + lowerFirst(p.Text),
			}
		}
		return []hit{{line: s.sentenceLine(), sev: SeverityWarning, args: map[string]Text{"detail": detail, "sentence": sentence}}}
	}
	var detail Text
	switch {
	case p == nil || p.roleForm == "" && len(p.placeholder) == 0:
		detail = Text{
			FR: "ni le titre ni la description ne disent pour qui et quel besoin (« En tant que <profil>, je veux <besoin> »)",
			EN: "neither the title nor the description says for whom and what need (“As a <role>, I want <need>”)",
		}
	case p.Role == "" && len(p.placeholder) > 0:
		q := quoteAll(p.placeholder)
		detail = Text{
			FR: "c'est encore celle du modèle ; remplacez " + q.Get(FR),
			EN: "it is still the template's; replace " + q.Get(EN),
		}
	case p.Role == "":
		detail = Text{FR: "ni le profil ni le besoin ne sont écrits", EN: "neither the role nor the need is written"}
	default:
		detail = Text{
			FR: "après « " + opening(p.Role).Get(FR) + " », le besoin manque (« je veux … »)",
			EN: "after “" + opening(p.Role).Get(EN) + "”, the need is missing (“I want …”)",
		}
	}
	sentence := s.draftSentence()
	if p != nil && len(p.placeholder) > 0 && p.Role == "" {
		// Still the template's sentence: nothing cochef can write.
		sentence = Text{FR: "", EN: ""}
	}
	return []hit{{line: s.sentenceLine(), args: map[string]Text{"detail": detail, "sentence": sentence}}}
}

// rolePlaceholder returns the role's placeholder ("<profil>") when the
// template's text was left there.
func (p *parsed) rolePlaceholder() string {
	if p == nil || p.Role != "" || p.roleForm == "" {
		return ""
	}
	for _, ph := range p.placeholder {
		if strings.HasPrefix(ph, "<") || strings.HasPrefix(ph, "[") {
			return ph
		}
	}
	return ""
}

// draftSentence writes a story sentence for a story that has none, with
// what the author wrote: the role when there is one, the need when the
// title or the first paragraph states it ("Pouvoir exporter la liste",
// "Relancer les demandeurs"), placeholders for the rest.
func (s *story) draftSentence() Text {
	role := Text{FR: "<profil>", EN: "<role>"}
	if s.sent != nil && s.sent.Role != "" {
		role = same(s.sent.Role)
	}
	need := Text{FR: "<besoin>", EN: "<need>"}
	texts := []string{stripInlineMarkers(strings.TrimSpace(s.in.Title))}
	for i := range s.d.blocks {
		if b := &s.d.blocks[i]; (b.kind == blockPara || b.kind == blockItem) && b.text != "" && !s.phBlock[i] {
			texts = append(texts, firstLine(b.text))
			break
		}
	}
	for _, t := range texts {
		if n, ok := needOf(t, s.lang); ok {
			need = same(n)
			break
		}
	}
	return Text{
		FR: opening(role.Get(FR)).Get(FR) + ", je veux " + need.Get(FR) + ".",
		EN: opening(role.Get(EN)).Get(EN) + ", I want to " + strings.TrimPrefix(need.Get(EN), "to ") + ".",
	}
}

// needOf reads a need stated without a sentence around it: a text that
// opens with an infinitive ("Pouvoir exporter la liste des dossiers",
// "Relancer les demandeurs") or, in English, a verb ("Export cases").
func needOf(t string, lang Lang) (string, bool) {
	t = strings.TrimSpace(sentenceText(t))
	for i := 0; i < len(t); i++ {
		// A stop ends the need where a space or the end follows it: "en
		// 7.2" or "v1.1" goes on.
		if t[i] == '\n' || (t[i] == '.' || t[i] == '!' || t[i] == '?') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t') {
			t = t[:i]
			break
		}
	}
	t = strings.TrimRight(t, " :;,")
	if t == "" {
		return "", false
	}
	f, idx := foldMap(t)
	r := &reader{s: t, f: f, idx: idx, toks: readTokens(f)}
	if len(r.toks) < 2 || !r.toks[0].word {
		return "", false
	}
	switch {
	case lang == EN && enVerbs[r.toks[0].w]:
	case lang != EN && r.frInfinitiveAt(0):
	default:
		return "", false
	}
	return lowerFirst(t), true
}

// quoteAll quotes each text and joins them: « a », « b » et « c » /
// “a”, “b” and “c”.
func quoteAll(texts []string) Text {
	fr := make([]string, len(texts))
	en := make([]string, len(texts))
	for i, t := range texts {
		fr[i], en[i] = "« "+t+" »", "“"+t+"”"
	}
	return Text{FR: joinAnd(fr, FR), EN: joinAnd(en, EN)}
}

// joinAnd joins a list as a sentence does: "a, b et c", "a, b and c".
func joinAnd(items []string, lang Lang) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := " et "
	if lang == EN {
		and = " and "
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}
