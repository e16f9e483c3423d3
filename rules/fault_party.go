package rules

import "strings"

// A fault that shows or sends one party's records to another: the
// breach validation 12 makes both reviews true, whatever record it is
// ("un producteur voit les commandes d'un autre producteur", "la
// confirmation part chez un autre exposant", "referrals meant for
// another hostel", "the ticket prints the previous depositor's name").
// othersData reads a person's detail right next to its owner; a fault
// is read on the whole sentence, since its author tells what went wrong,
// not what the service keeps.

// faultWrongParty keeps the disclosure topic when an issue with no story
// sentence, or a bug report, has a sentence where something is seen,
// shown or sent (seenWords, faultSeenWords, displayPrefixes, sendWords)
// and names another, a previous or a wrong person, household or unit as
// its owner or its recipient, and the party is a person or the issue
// names personal data.
// "à un autre agent" with a verb of showing is a handover, not a breach:
// a recipient counts only after a verb of sending ("part à un autre
// parent").
func (s *story) faultWrongParty(units []unitText, raw []rawTopicHit, keep func(topic int, word string, orgOwned bool)) {
	if s.sent != nil && !s.bugReport() {
		return
	}
	disclosure := s.firstTopicOf(ContextOtherPerson)
	if disclosure < 0 {
		return
	}
	// Whether the issue names personal data, asked only when a party that
	// is not a person is found: the detail of a person read in the raw
	// hits, or people named in the plural ("il voit aussi les fiches des
	// enfants du centre des Pins").
	personal := func() bool {
		for _, r := range raw {
			if t := &s.t.Topics[r.topic]; t.Has(CategoryPersonalData) && t.Context != ContextNeed && t.Context != ContextOtherPerson {
				return true
			}
		}
		return s.namesPeople(units)
	}
	var buf [64]byte
	var ws []string
	for u := range units {
		text := units[u].text
		ws = ws[:0]
		last := 0
		for pos := 0; pos <= len(text); {
			st, e, w := wordAt(text, pos, buf[:])
			gap := text[last:]
			if st >= 0 {
				gap = text[last:st]
			}
			if st < 0 || strings.ContainsAny(gap, ".!?\n;") {
				// A question asks who may see what: security alone,
				// which its own reading gives.
				if word, person, ok := s.wrongParty(ws); ok && (person || personal()) && !strings.Contains(gap, "?") {
					keep(disclosure, word, false)
					return
				}
				ws = ws[:0]
			}
			if st < 0 {
				break
			}
			ws = append(ws, string(w))
			pos, last = e, e
		}
	}
}

// namesPeople reports whether a sentence of the title or the body names
// people in the plural ("des enfants", "client names"), as
// peopleInSentence reads them (not counted people, an audience, a part of
// the product).
func (s *story) namesPeople(units []unitText) bool {
	for u := range units {
		text := units[u].text
		if text == "" {
			continue
		}
		for si, n := 0, sentenceIndex(text, len(text)-1); si <= n; si++ {
			if s.c.peopleInSentence(text, si, s.lang) {
				return true
			}
		}
	}
	return false
}

// wrongParty reports whether the folded words of one sentence show or
// send something to or of a party it is not meant for, the word that
// says so, and whether the party is a person (else a household's or a
// unit's people, whose data the caller checks).
func (s *story) wrongParty(ws []string) (word string, person, ok bool) {
	shown, sent := false, false
	for _, w := range ws {
		sent = sent || sendWords[w]
		shown = shown || seenWords[w] || faultSeenWords[w]
		for _, p := range displayPrefixes {
			shown = shown || strings.HasPrefix(w, p)
		}
	}
	if !shown && !sent {
		return "", false, false
	}

	party := func(i int) (person, ok bool) {
		if i < 0 || i >= len(ws) {
			return false, false
		}
		w := ws[i]
		if len(w) < 3 {
			return false, false
		}
		if s.c.personLike(w, s.lang) || pluralPerson(s.c, w, s.lang) || householdWords[w] {
			return true, true
		}
		return false, partyUnits[w]
	}
	for i, w := range ws {
		var person, ok bool
		switch {
		case w == "autre" || w == "autres":
			if i == 0 {
				continue
			}
			before := ws[i-1]
			if !otherOpeners[before] {
				continue
			}
			if before == "un" || before == "une" {
				if i < 2 || !ofWords[ws[i-2]] && !partyToWords[ws[i-2]] {
					continue
				}
				if partyToWords[ws[i-2]] && !sent {
					continue // "transféré à un autre agent": a handover
				}
			}
			person, ok = party(i + 1)
			if !ok && (before == "un" || before == "une") && ofWords[ws[i-2]] && (i+1 == len(ws) || pronounEnds[ws[i+1]]) {
				// "la convention d'un autre": the pronoun stands for a person.
				person, ok = true, true
			}
		case w == "another" || w == "other":
			person, ok = party(i + 1)
			if i+1 < len(ws) && ws[i+1] == "s" && i > 0 && (ws[i-1] == "each" || ws[i-1] == "the") {
				person, ok = true, true // "each other's bookings", "the other's email"
			}
			if i > 0 && ws[i-1] == "no" {
				continue // "no other member's data is shown": denied
			}
		case w == "precedent" || w == "precedente" || w == "precedents" || w == "precedentes":
			if person, ok = party(i - 1); !person {
				person, ok = party(i + 1)
			}
		case w == "previous" || w == "wrong" || w == "mauvais" || w == "mauvaise":
			person, ok = party(i + 1)
		case neighbourWords[w] && i > 0 && (ofWords[ws[i-1]] || i > 1 && ofWords[ws[i-2]] && neighbourOwners[ws[i-1]]):
			person, ok = true, true // "les plaques de ses voisins", not "sa voisine l'a eue"
		}
		if ok {
			return w, person, true
		}
	}
	return "", false, false
}

// sendWords send a message or a document on: in a fault, to another
// party, a breach ("part chez un autre exposant", "sent to the wrong
// complainant", "addressed to the previous applicant").
var sendWords = setOf(`part partent parti partie partis parties envoye envoyee envoyes envoyees envoie envoient arrive arrivee arrives
	arrivees adresse adressee adresses adressees sent addressed goes went emailed mailed`)

// faultSeenWords see or open more than seenWords: "a accès aux
// dossiers d'un autre service", "peut ouvrir les pièces d'un autre
// cirque", "can view another user's bookings".
var faultSeenWords = setOf(`ouvrir ouvre ouvrent telecharge telecharger telechargee acces consulter consulte view views viewed access
	accessed open opens opened download downloaded downloads meant destinees destinee destines montre montrent`)

// otherOpeners come before "autre" when it names another party: "d'un
// autre", "à une autre", "d'autres", "des autres"; "les autres
// bénéficiaires reçoivent bien les leurs" names who gets their own.
var otherOpeners = setOf(`un une d des`)

// partyToWords send to a party: "à un autre parent", "chez un autre exposant".
var partyToWords = setOf(`a chez`)

// pronounEnds follow "d'un autre" used as a pronoun: "la convention
// d'un autre après changement de formation".
var pronounEnds = setOf(`apres avant dans en sur quand lors depuis avec et ou`)

// neighbourWords name another person by where they live: "l'attestation
// liste les plaques de ses voisins".
var neighbourWords = setOf(`voisin voisins voisine voisines neighbour neighbours neighbor neighbors`)

// neighbourOwners stand between "de" and a neighbour: "de ses voisins",
// "of the neighbours".
var neighbourOwners = setOf(`ses leurs mes nos the their his her`)

// partyUnits are the groups a record belongs to, beside organisations:
// "les comptes rendus d'un autre binôme", "another account's history".
var partyUnits = setOf(`binome binomes compte comptes account accounts club clubs ecole ecoles commune communes quartier quartiers
	district districts hostel hostels group groups groupe groupes etablissement etablissements ecurie ecuries cirque cirques
	equipe equipes team teams famille familles centre centres center centers`)
