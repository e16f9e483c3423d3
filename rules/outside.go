package rules

// outsidePersona keeps the topics of context outside that the story's
// role names ("ETQ transporteur", "As a partner organisation") when the
// need sees, consults, checks or receives what the story found of a
// person's data: a body outside the service given access to people's
// data is a new kind of user (who may see what). The service's own
// agents browsing, and an outside body seeing figures or its own
// organisation's data, do not count.
func (s *story) outsidePersona(keep func(topic int, word string, orgOwned bool)) {
	if s.sent == nil || s.sent.Role == "" || s.sent.Action == "" {
		return
	}
	personal := false
	for _, h := range s.topics {
		personal = personal || s.has(h, CategoryPersonalData)
	}
	if !personal {
		return
	}
	verb, next := needVerb(s.sent, words(s.sent.Action))
	if !accessVerbs[verb] && !(verb == "avoir" && next == "acces") {
		return
	}
	s.c.words.scan(s.sent.Role, func(p *phrase, start, end int) {
		if !p.vague && s.t.Topics[p.id].Context == ContextOutside {
			keep(p.id, s.sent.Role[start:end], false)
		}
	})
}

// accessVerbs see, consult, check or receive what is held.
var accessVerbs = setOf(`voir consulter afficher savoir connaitre lister acceder verifier controler recevoir recois
	see view display know list show access consult check verify receive get look`)
