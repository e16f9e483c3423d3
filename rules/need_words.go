package rules

// NeedWords returns the distinct meanings of a story's need (its
// sentence's action) as story-unique compares them: folded, stemmed,
// stop words dropped, one word per family of synonyms, stemmed by the
// sentence's language (lang). It is exported so
// that the duplicates found across a repository's stored stories (package
// similar) and those found within one backlog read a need alike.
func NeedWords(action string, lang Lang) []string {
	var out []string
	for _, t := range tokenize(action, nil) {
		w := t.w
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
