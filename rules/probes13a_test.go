package rules_test

import "testing"

// TestReviewProbesTwentiethBatchOwnItemsAndAccounts: an item of one's own
// work (a draft, a comment, a saved search) deleted by a member of staff
// asks nothing, as it asks nothing of a citizen (the policy's own items);
// closing one's own account ends it as deleting it does (the issue's
// deletion, an account's lifecycle: both reviews). Invented for products
// the sets do not hold, labelled by the policy before the change; the
// first five failed before it. Staff deleting people's records, and
// closing a dossier, keep what they asked.
func TestReviewProbesTwentiethBatchOwnItemsAndAccounts(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Own items of a member of staff.
		{"ETQ instructeur, je veux supprimer mon brouillon de réponse afin de repartir de zéro", false, false},
		{"ETQ gestionnaire, je veux effacer mes filtres enregistrés", false, false},
		{"As a caseworker, I want to delete my saved searches", false, false},
		{"As an officer, I want to delete my draft reply, so that I can start again", false, false},
		{"ETQ agent, je veux supprimer mon commentaire sur la demande", false, false},
		// Staff deleting people's records keeps asking.
		{"ETQ agent, je veux supprimer mes dossiers clos depuis dix ans", true, true},
		{"As a caseworker, I want to delete the claimant's file", true, true},
		{"ETQ instructeur, je veux supprimer les brouillons des demandeurs abandonnés depuis un an", true, true},
		// Closing one's account.
		{"As a member, I want to close my account, so that my data is no longer kept", true, true},
		{"As a resident, I want to close my account", true, true},
		{"As a tenant, I want to close my online account", true, true},
		{"ETQ usager, je veux clôturer mon compte", true, true},
		{"ETQ adhérente, je veux fermer mon compte", true, true},
		// Closing as a step of a dossier.
		{"As an officer, I want to close the application once the licence is issued", false, false},
		{"ETQ agent, je veux clôturer la demande une fois le titre remis", false, false},
		{"ETQ agent, je veux clôturer mon dossier de congé", false, false},
	})
}

// TestReviewProbesTwentyFirstBatchProfilesAccountsNotices: one's profile
// made private, public or hidden decides who sees data about a person
// (the policy's access changes: both reviews); signing up for an account
// opens a personal space (validation 15); a penalty notice or a notice
// of violation ties a person to an offence (criminal-justice data), but
// not when it is addressed to an organisation; an allow-list of IP
// addresses is a security control that filters machines, no personal
// data. Found on the fourth real sample after its blind measure, written
// as probes of other products; fifteen of them failed before.
func TestReviewProbesTwentyFirstBatchProfilesAccountsNotices(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// A: one's profile made private or public: who sees one's data.
		{"As a volunteer, I want to mark my profile as private, so that only coordinators see my details", true, true},
		{"As a mentor, I want to make my profile public, so that students can find me", true, true},
		{"ETQ bénévole, je veux rendre mon profil privé", true, true},
		{"ETQ assistante maternelle, je veux rendre mon profil visible des familles de la commune", true, true},
		{"As a member, I want to hide my profile from search results", true, true},
		{"ETQ agent, je veux choisir le thème de mon profil", false, false},
		{"As a student, I want to see a mentor's public profile", false, false},
		// B: signing up for an account.
		{"As a volunteer, I want to sign up for an account, so that I can apply for missions", true, true},
		{"As a resident, I want to register for an online account", true, true},
		{"ETQ usager, je veux créer mon compte avec mon adresse e-mail", true, true},
		{"ETQ usager, je veux ouvrir un compte sur le portail", true, true},
		// C: offence notices.
		{"As a warden, I want to issue a fixed penalty notice for dog fouling", true, true},
		{"As an enforcement officer, I want to issue a notice of violation to the landowner", true, true},
		{"As a parking officer, I want to issue penalty notices from my handheld device", true, true},
		// A sanction addressed to an organisation ties no person to an
		// offence (organisations are not people).
		{"As a licensing officer, I want to issue a penalty notice to a company that traded without a licence", false, false},
		{"ETQ inspecteur, je veux adresser une amende à la société de transport", false, false},
		// D: an IP allow-list is a control, no personal data.
		{"As a curator, I want to require authentication unless the request comes from a whitelisted IP address", false, true},
		{"ETQ administrateur, je veux restreindre l'accès au back-office à une liste blanche d'adresses IP", false, true},
		{"As an administrator, I want to limit access to the admin pages to an IP allowlist", false, true},
		{"ETQ DPO, je veux que les adresses IP des visiteurs soient anonymisées dans les statistiques", true, true},
	})
}

// TestReviewProbesTwentySecondBatchOwnDocuments: a person sending
// a document of their own ("joindre mon attestation d'employeur",
// "upload my first aid certificate") gives the service a file about them
// (validation 1: rgpd when the files are about a person), which the
// upload topic's own_data says; staff's own report, an organisation's
// statutes and a download stay as they were. "Notre RIB" of an
// organisation persona is the organisation's (fr-sub-003). Found on the
// whole issues of X after its blind measure, written as probes of other
// products; five of them failed before.
func TestReviewProbesTwentySecondBatchOwnDocuments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// A citizen's own document sent in.
		{"ETQ locataire, je veux joindre mon bail à ma demande d'aide", true, true},
		{"ETQ usager, je veux joindre mon attestation d'employeur", true, true},
		{"As a childminder, I want to upload my first aid certificate", true, true},
		{"As a stallholder, I want to upload my insurance certificate before the fair", true, true},
		// Staff's own report, an organisation's statutes, a download.
		{"ETQ agent instructeur, je veux joindre mon rapport de visite", false, true},
		{"ETQ association, je veux joindre mes statuts à la demande de subvention", false, true},
		{"ETQ propriétaire, je veux télécharger mon attestation de dépôt", false, false},
		// An organisation's own details.
		{"ETQ association sportive, je veux renseigner notre RIB pour recevoir les remboursements", false, true},
		{"As a charity, I want to update our bank details for the grant payments", false, false},
		{"ETQ président de club, je veux exporter la liste des adhérents avec leur téléphone", true, true},
	})
}

// TestReviewProbesTwentyThirdBatchPhotosAndRetention: a need that
// photographs on site (damage, defects, a dumped load and its plate) sends
// into the service photos that may show people, plates or homes, like a
// photo sent by the public (validation 2, and the upload surface of
// validation 1); a consent to be photographed takes no photo; a question
// on how long to keep records is a retention rule (both reviews). A son
// or a daughter named with a possessive is a person. Found on the whole
// issues of X after its blind measure, written as probes of other
// products; seven of them failed before.
func TestReviewProbesTwentyThirdBatchPhotosAndRetention(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Photos taken on site may show people, number plates or homes.
		{"ETQ agent de voirie, je veux photographier les dégâts avant l'intervention", true, true},
		{"As a building inspector, I want to photograph the defects during the visit", true, true},
		{"ETQ garde champêtre, je peux photographier le dépôt sauvage et sa plaque", true, true},
		// The same words, nothing taken: a consent recorded (a new data
		// category about the child, no upload), rules read.
		{"ETQ parent, je veux donner l'autorisation de photographier mon fils lors des sorties scolaires", true, false},
		{"As a parent, I want to refuse consent to photograph my daughter at the club's events", true, false},
		{"ETQ usager, je veux lire les règles pour photographier dans le musée", false, false},
		// A consent given for a person names the person: the son is still
		// one (the first reading of consents dropped him).
		{"ETQ parent, je veux donner l'autorisation de mon fils pour la sortie scolaire", true, false},
		// A question on how long to keep records is a retention rule.
		{"ETQ DPO, je veux savoir combien de temps conserver les candidatures refusées", true, true},
		{"As a records manager, I want to know how long we should keep the files of closed complaints", true, true},
	})
}

// TestReviewProbesTwentyFourthBatchEmailLeft: an e-mail address left to
// be kept informed is a contact detail collected (validation 5's
// registration of a new detail: the RGPD section, no security notes); a
// notification through the existing channel is not. Found on X after
// its blind measure; the first two failed before.
func TestReviewProbesTwentyFourthBatchEmailLeft(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux laisser mon courriel pour être prévenu de la réouverture du service", true, false},
		{"As a visitor, I want to leave my email so that I hear when bookings open", true, false},
		{"ETQ usager, je veux recevoir un courriel quand ma demande est traitée", false, false},
	})
}
