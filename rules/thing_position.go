package rules

// GPS coordinates locate whatever carries them. An inventory of things
// ("un point d'eau incendie (numéro, adresse, coordonnées GPS)", "ajouter
// une plage surveillée (nom, position GPS, horaires)", "exporter les
// coordonnées GPS des points de mesure") names no one's whereabouts; a
// person's position, a phone's, a vehicle's or a tracker's does, and so do
// the GPS data a photo carries.

// gpsCoordinates reports whether the contact-details word at
// text[start:end] is "coordonnées" read as coordinates: followed by "GPS",
// never a person's contact details (the location topic reads the GPS).
func gpsCoordinates(text string, start, end int) bool {
	var buf [16]byte
	if w := text[start:end]; len(w) != len("coordonnées") || string(appendFold(buf[:0], w)) != "coordonnees" {
		return false
	}
	_, _, next := wordAt(text, end, buf[:])
	return string(next) == "gps"
}

// thingPosition reports whether the GPS position found at text[start:end]
// is a thing's: its sentence names no person, no one's own position ("ma
// position GPS"), nothing a person carries or drives and no photo.
func (s *story) thingPosition(text string, start, end int) bool {
	if !anyWordIn(text[start:end], gpsWords) {
		return false
	}
	return !anySentenceWord(text, start, end, func(word string, _ int) bool {
		return carriedWords[word] || firstPossessives[word] || s.c.isPerson(word)
	})
}

var gpsWords = setOf(`gps`)

// carriedWords name what goes with a person (a phone, a vehicle, a
// tracker, a pendant), the staff who carry it (people words the template
// does not list) or what records where it was taken (a photo), folded.
var carriedWords = setOf(`telephone telephones smartphone smartphones mobile mobiles portable portables tablette tablettes
	appareil appareils application appli vehicule vehicules camion camions voiture voitures car cars bus minibus
	scooter scooters velo velos boitier boitiers balise balises traceur traceurs pendentif pendentifs montre montres
	chauffeur chauffeurs conducteur conducteurs agent agents equipe equipes personne personnes
	photo photos image images exif metadonnees
	phone phones device devices app vehicle vehicles van vans truck trucks bike bikes tracker trackers pendant pendants
	watch watches driver drivers staff picture pictures metadata`)

// offlineMap reports whether an offline copy found at text[start:end] is
// of a map and nothing else: "consulter hors ligne le plan des accès
// pompiers" keeps no one's records on the device, where "la liste des
// enfants hors connexion" or "the tenant's details offline" do.
func (s *story) offlineMap(text string, start, end int) bool {
	// One walk of the sentence: a map named, and no record nor person. A
	// person named after a determiner is someone's record ("les enfants
	// de mon groupe"); "le plan des accès pompiers" names a kind of
	// access.
	named, prevDet := false, false
	records := anySentenceWord(text, start, end, func(word string, _ int) bool {
		if offlineRecordWords[word] || prevDet && s.c.isPerson(word) {
			return true
		}
		named = named || mapWords[word]
		prevDet = roleArticles[word] || possessives[word] || ofWords[word]
		return false
	})
	return named && !records
}

var (
	mapWords = setOf(`plan plans map maps`) // not "carte": a card too ("les cartes actives")
	// offlineRecordWords name what holds people's data on a device.
	offlineRecordWords = setOf(`dossier dossiers fiche fiches liste listes registre registres rapport rapports compte
		tournee tournees rendez saisir saisis saisie releve releves index controle controles
		record records list lists register details file files case cases application applications report reports
		round rounds visit visits inspection inspections enter`)
)
