package rules

// photoConsent reports whether the photos named at text[start:] are the
// object of a consent given or refused earlier in the sentence ("si
// j'autorise ou non la prise de photos de mon enfant", "autoriser ou
// refuser les photos de mon enfant", "consent to photos of my child"): a
// choice about the person is recorded, which their own words already
// make personal data; no photo is taken, sent or published.
func photoConsent(text string, start int) bool {
	for _, w := range words(text[sentenceStart(text, start):start]) {
		if consentVerbs[w] {
			return true
		}
	}
	return false
}

// consentVerbs give or refuse a consent.
var consentVerbs = setOf(`autorise autoriser autorisation autorisations autorises consentement consent consents
	consenting permission`)

// consentedPhotos are the topics of photos taken of people, which a
// consent names without taking any.
var consentedPhotos = setOf(`event-photos photo-taken`)
