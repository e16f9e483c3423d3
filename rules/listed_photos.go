package rules

// listedPhotos keeps the topics of the words "avec des photos" ("with
// photos") when the need files something with a list of what it holds,
// a photo last among them: "déposer ma candidature avec la description
// de mes produits et des photos de mon stand", "record a suspected
// misuse with the badge number, the vehicle registration and a photo of
// the dashboard". The template's keywords say what a photo sent in is;
// this pass only reads the list, which its "…" cannot span. A need that
// names no verb first ("une présentation de chaque résidence avec ses
// tarifs et des photos des logements") shows content, it files nothing.
func (s *story) listedPhotos(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Action == "" || s.act != actProcess {
		return
	}
	action := s.sent.Action
	ws := words(action)
	if len(ws) == 0 || roleArticles[ws[0]] || possessives[ws[0]] {
		return
	}
	with := -1
	for i, w := range ws {
		switch {
		case w == "avec" || w == "with":
			with = i
		case with >= 0 && i > with+2 && (w == "photo" || w == "photos") && listJoin(ws[i-1], ws[i-2]):
			canonical := "avec des photos"
			if s.lang == EN {
				canonical = "with photos"
			}
			s.c.words.scan(canonical, func(p *phrase, start, end int) {
				if !p.vague && s.t.Topics[p.id].Context == ContextExchange {
					keep(p.id, w, false)
				}
			})
			return
		}
	}
}

// listJoin reports whether the words before "photo" close a list: "et
// des photos", "and a photo", "et photos".
func listJoin(prev, before string) bool {
	switch prev {
	case "et", "and":
		return true
	case "des", "une", "un", "a", "the", "mes", "my", "ses", "its", "leurs", "their":
		return before == "et" || before == "and"
	}
	return false
}
