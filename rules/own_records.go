package rules

import "strings"

// Whether a need handles the persona's own records, or names a
// person's details.

// ownRecords reports whether the need names the persona's own records:
// "déclarer mes ruchers", "change my vehicle".
func (s *story) ownRecords() bool {
	for _, w := range words(s.sent.Action) {
		if firstPossessives[w] {
			return true
		}
	}
	return false
}

// ownRecordOnly reports whether a need handles one's own record ("ma
// demande", "mon rendez-vous") and names no person's detail.
func (s *story) ownRecordOnly(ws []string) bool {
	own := false
	for i, w := range ws {
		if !firstPossessives[w] {
			continue
		}
		// "mon rendez-vous", and "mon solde de congés", "mes droits à
		// congé": the record a possessive's phrase names. An English
		// record may come later, after the words naming its kind ("my
		// council tax reduction application"), with no preposition
		// between: "my bank details for the next refunds" is no refund
		// of one's own.
		for j := i + 1; j < len(ws) && (j <= i+3 || s.lang == EN && j <= i+5 && !enLinkWords[ws[j-1]]); j++ {
			if s.c.records[stem(ws[j])] {
				own = true
			}
		}
	}
	return own && !s.namesPeopleOrDetails(ws)
}

// enLinkWords join a noun phrase to another: a record after them is not
// the one the possessive names.
var enLinkWords = setOf(`for of on to with from in at by about and or`)

// namesPeopleOrDetails reports whether a need names people or a
// person's detail (a name, an address, a photo).
func (s *story) namesPeopleOrDetails(ws []string) bool {
	for i, w := range ws {
		if s.lang == EN && i+1 < len(ws) && s.c.people[stem(w)] && s.c.records[stem(ws[i+1])] {
			continue // "the volunteer shifts", "interpreter bookings": which records, not whose detail
		}
		if st := stem(w); s.c.people[st] || s.c.attributes[st] {
			return true
		}
	}
	return false
}

// changesDetail reports whether a need names a person's detail in
// several words ("change the registration number on my licence",
// "modifier le numéro de téléphone de mon compte"): changing it is a
// change of personal details, whatever record holds it.
func (s *story) changesDetail(ws []string) bool {
	found := false
	s.c.words.scan(strings.Join(ws, " "), func(p *phrase, _, _ int) {
		t := &s.t.Topics[p.id]
		// A detail, not a special category nor a record; a detail of
		// both categories ("bank details", topics marked detail) too.
		found = found || !p.vague && len(p.words) > 1 && t.Has(CategoryPersonalData) && (!t.Has(CategorySecurity) || t.Detail) &&
			(t.Context == ContextPerson || t.Context == ContextAny || t.Detail)
	})
	return found
}

// changesInNeed reports whether the need only changes the detail word
// names: "modifier mon RIB", "changer le RIB sur lequel l'aide est
// versée", "update my bank details", "mettre à jour mes coordonnées
// bancaires".
func (s *story) changesInNeed(word string) bool {
	if s.sent == nil || s.sent.Action == "" {
		return false
	}
	verb, next := needVerb(s.sent, words(s.sent.Action))
	if !(editVerbs[verb] && verb != "completer" || verb == "mettre" && (next == "a" || next == "jour")) {
		return false
	}
	if s.inNeed(word) {
		return true
	}
	// The title says the same change: "Changer de compte bancaire",
	// "Modification du RIB".
	t := words(s.in.Title)
	return len(t) > 0 && (editVerbs[t[0]] || changeNouns[t[0]]) && strings.Contains(" "+strings.Join(t, " ")+" ", " "+strings.Join(words(word), " ")+" ")
}

// changeNouns open a title that names a change.
var changeNouns = setOf(`modification changement mise update change`)

// onePersonsRecord reports whether a need's object is one person's
// record as a whole ("la fiche d'un bénéficiaire", "le dossier de
// l'usager", "the information about the claimant"): a record named by
// its person, not a detail of theirs nor a list of people.
func (s *story) onePersonsRecord(ws []string) bool {
	for i := 1; i < len(ws) && i <= 4; i++ {
		if !wholeRecordWords[ws[i]] {
			continue
		}
		j := i + 1
		for j < len(ws) && (ofWords[ws[j]] || ws[j] == "about" || ws[j] == "on" || roleArticles[ws[j]] || ws[j] == "l") {
			j++
		}
		if j == i+1 || j >= len(ws) {
			return false
		}
		w := ws[j]
		for _, x := range ws[j+1:] {
			if moreWords[x] || historyWords[x] {
				return false // "avec l'historique de ses paiements": more than the record
			}
		}
		return (s.c.isPerson(w) || s.c.personLike(w, s.lang)) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "x")
	}
	return false
}

// moreWords add something to what a need shows.
var moreWords = setOf(`avec et including with and plus`)

// wholeRecordWords name a person's record as a whole.
var wholeRecordWords = setOf(`fiche dossier livret record file information informations profil profile`)
