package rules

// photoConsent reports whether the photos named at text[start:] are the
// object of a consent given or refused earlier in the sentence ("si
// j'autorise ou non la prise de photos de mon enfant", "autoriser ou
// refuser les photos de mon enfant", "consent to photos of my child"): a
// choice about the person is recorded, which their own words already
// make personal data; no photo is taken, sent or published.
func photoConsent(text string, start int) bool {
	return anyWordIn(text[sentenceStart(text, start):start], consentVerbs)
}

// consentVerbs give or refuse a consent.
var consentVerbs = setOf(`autorise autoriser autorisation autorisations autorises consentement consent consents
	consenting permission`)

// consentedPhotos are the topics of photos taken of people, which a
// consent names without taking any.
var consentedPhotos = setOf(`event-photos photo-taken`)

// dragGesture reports whether the keyword at text[start:end] is the
// drag-and-drop gesture ("placer les métiers sur le plan par
// glisser-déposer", "déplacer une table par glisser-déposer") in a
// sentence that names no file: moving something on a screen uploads
// nothing. "déposer les pièces par glisser-déposer" still uploads.
func dragGesture(text string, start, end int) bool {
	if end-start != len("glisser-déposer") || fold(text[start:end]) != "glisser-deposer" {
		return false
	}
	return !anyWordIn(text[sentenceStart(text, start):sentenceStop(text, end)], uploadedThings)
}

// uploadedThings name what an upload sends.
var uploadedThings = setOf(`fichier fichiers piece pieces document documents photo photos image images releve releves
	justificatif justificatifs pdf jpg jpeg png mo shapefile geojson csv scan scans file files`)
