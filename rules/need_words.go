package rules

// NeedWords returns the distinct meanings of a story's need (its
// sentence's action) as story-unique compares them: folded, stemmed,
// stop words dropped, one word per family of synonyms, stemmed by the
// sentence's language (lang). It is exported so
// that the duplicates found across a repository's stored stories (package
// similar) and those found within one backlog read a need alike.
func NeedWords(action string, lang Lang) []string {
	var out []string
	toks := tokenize(action, nil)
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		// A phrase that says a verb of a family: "n'afficher que les
		// demandes d'un quartier" filters them, "look up" searches, "stop
		// receiving" unsubscribes.
		for _, p := range needPhrases {
			if wordSeq(toks, i, p.seq) {
				w = p.word
				i += len(p.seq) - 1
				break
			}
		}
		if stopWords[w] {
			continue
		}
		if f, ok := synonymFamilies[w]; ok {
			w = f
		} else if f, ok := synonymFamilies[lemma(w, lang)]; ok {
			w = f
		} else {
			w = lemma(w, lang)
		}
		if stopWords[w] {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == w
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

// needPhrases are the phrases NeedWords reads as one word of a synonym
// family.
var needPhrases = []struct {
	seq  []string
	word string
}{
	{[]string{"n", "afficher", "que"}, "filtrer"},
	{[]string{"afficher", "uniquement"}, "filtrer"},
	{[]string{"voir", "uniquement"}, "filtrer"},
	{[]string{"see", "only"}, "filtrer"},
	{[]string{"show", "only"}, "filtrer"},
	{[]string{"view", "only"}, "filtrer"},
	{[]string{"prendre", "rendez", "vous"}, "reserver"},
	{[]string{"mettre", "de", "cote"}, "reserver"},
	{[]string{"ne", "voir", "que"}, "filtrer"},
	{[]string{"only", "show"}, "filtrer"},
	{[]string{"only", "see"}, "filtrer"},
	{[]string{"look", "up"}, "chercher"},
	{[]string{"stop", "receiving"}, "desabonner"},
	{[]string{"ne", "plus", "recevoir"}, "desabonner"},
	{[]string{"pres", "de", "chez", "moi"}, "localisation"},
	{[]string{"near", "my", "home"}, "localisation"},
	{[]string{"near", "where", "i", "live"}, "localisation"},
}

// wordSeq reports whether the words from i are seq.
func wordSeq(toks []tok, i int, seq []string) bool {
	if i+len(seq) > len(toks) {
		return false
	}
	for k, w := range seq {
		if toks[i+k].w != w {
			return false
		}
	}
	return true
}
