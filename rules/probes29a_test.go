package rules_test

import "testing"

// The twenty-fifth round's probes: classes read from heldout54 (set BD),
// the twenty-fourth round's yardstick, heldout55 (set BE) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesTwoHundredAndSixtyFifthBatchStaffPhotographThing: a
// member of staff who photographs a thing ("photographier la cuve",
// "photograph the broken swing") sends an upload into the service but
// nobody's data: security notes, no RGPD section. Photographing people,
// a home or a vehicle, or a citizen's photo, still asks for both. The
// first three asked for the RGPD section before the change.
func TestReviewProbesTwoHundredAndSixtyFifthBatchStaffPhotographThing(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"En tant qu'agent des espaces verts, je souhaite photographier le banc abîmé afin de commander la pièce.", false, true},
		{"ETQ technicien, je veux photographier le compteur relevé et joindre la photo à l'intervention.", false, true},
		{"As a parks officer, I want to photograph the broken swing so that the repair can be ordered.", false, true},
		{"ETQ agent, je veux photographier les occupants du logement lors de la visite.", true, true},
		{"ETQ agent de police municipale, je veux photographier le véhicule en stationnement gênant.", true, true},
		{"ETQ habitant, je veux photographier le dépôt sauvage et l'envoyer à la mairie.", true, true},
	})
}

// TestReviewProbesTwoHundredAndSixtySixthBatchInvoiceFiled: an invoice or
// a written agreement added to a dossier ("ajouter ma facture au
// dossier", "joindre l'accord écrit du propriétaire") is an upload; an
// amount added to an invoice, or an invoice downloaded, is not. The
// first three asked for no security notes before the change.
func TestReviewProbesTwoHundredAndSixtySixthBatchInvoiceFiled(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitant, je souhaite ajouter ma facture d'installation à ma demande de prime.", true, true},
		{"En tant que parent, je veux ajouter la facture du centre aéré à ma demande de remboursement.", true, true},
		{"ETQ gestionnaire, je veux que le forfait soit ajouté à la facture trimestrielle.", false, false},
		{"ETQ locataire, je souhaite joindre l'accord écrit de mon bailleur à ma demande de travaux.", true, true},
		{"ETQ usager, je veux télécharger ma facture depuis mon espace.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSixtySeventhBatchShownOnlyTo: "n'est
// affiché qu'aux agents", "n'est accessible qu'aux membres du jury" say
// who may see a detail, as "visible que par" does. The first two asked
// for no security notes before the change.
func TestReviewProbesTwoHundredAndSixtySeventhBatchShownOnlyTo(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ organisateur, je veux indiquer le téléphone du responsable de la buvette.\n\n- le numéro n'est affiché qu'aux agents de permanence", true, true},
		{"ETQ candidat, je veux déposer mon dossier de bourse.\n\n- le dossier n'est accessible qu'aux membres du jury", true, true},
	})
}

// TestReviewProbesTwoHundredAndSixtyEighthBatchPeriodFirst: a purge
// written with the period first ("not finished after 30 days are
// deleted", "non validés après 15 jours sont supprimés") is a retention
// rule, as "deleted after 30 days" is. The two asked for no security
// notes before the change (the first for no review at all).
func TestReviewProbesTwoHundredAndSixtyEighthBatchPeriodFirst(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an applicant, I want to save my grant application as a draft.\n\n- drafts not submitted after 60 days are deleted", true, true},
		{"ETQ parent, je veux enregistrer ma demande d'inscription en brouillon.\n\n- les brouillons non validés après 15 jours sont supprimés", true, true},
	})
}

// TestReviewProbesTwoHundredAndSixtyNinthBatchBarredFromVoting: barring a
// member from voting on or scoring a dossier they are party to restricts
// who may decide on a person's dossier ("stop a juror from voting on an
// entry from their own school"). The first two asked for no security
// notes before the change.
func TestReviewProbesTwoHundredAndSixtyNinthBatchBarredFromVoting(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a competition organiser, I need to stop a juror from voting on an entry from their own pupils.", true, true},
		{"As a bursary manager, I want to stop a jury member from scoring a candidate they have taught.", true, true},
	})
}

// TestReviewProbesTwoHundredAndSeventiethBatchSignsCounted: "signes" after
// "de", "des" or a number are characters or a sign language ("le compteur
// de signes", "1 500 signes"), not the verb signer. The first asked for
// security notes before the change; signing stays signing.
func TestReviewProbesTwoHundredAndSeventiethBatchSignsCounted(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Compte rendu de l'atelier du 4 mars", "Présents : service communication, DSI.\n\nActions\n- DSI : limiter chaque tribune à 1 500 signes dans le formulaire", false, false},
		{"Signature de la convention", "ETQ président d'association, je veux signer électroniquement la convention de mise à disposition.", true, true},
	})
}

// TestReviewProbesTwoHundredAndSeventyFirstBatchTrackerAttachment: a file
// "en pièce jointe du ticket" or "attached to this issue" is the team's
// reference, not a file the service receives. The first asked for
// security notes before the change; an upload stays one.
func TestReviewProbesTwoHundredAndSeventyFirstBatchTrackerAttachment(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Saisir le relevé des compteurs d'eau du stade", "ETQ agent, je veux saisir le relevé mensuel des compteurs du stade.\n\nLe tableau papier actuel est en pièce jointe du ticket.", false, false},
		{"Record pitch maintenance", "As a sports officer, I want to record the mowing and line-marking dates of each pitch.\n\nThe current paper form is attached to this issue.", false, false},
		{"Joindre le devis", "ETQ habitant, je veux joindre le devis de l'artisan à ma demande d'aide.", true, true},
	})
}

// TestReviewProbesTwoHundredAndSeventySecondBatchFromRegistry: in an
// English story sentence, a named system after "from", "at" or "with"
// ("get the owner's address from HM Land Registry", "look up the company
// at Companies House") is where data crosses to another system. The
// first two asked for no security notes before the change; guidance
// "from DWP" in a paragraph stays a document.
func TestReviewProbesTwoHundredAndSeventySecondBatchFromRegistry(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Owner lookup", "As a housing officer, I want to get the landlord's name and address from HM Land Registry for each licensed property.", true, true},
		{"Director check", "As a licensing officer, I want to look up the directors' names and home addresses at Companies House when a new licence is applied for.", true, true},
		{"Question: smart meters", "Does the latest guidance from DWP say anything about prepayment meters for the scheme?", false, false},
	})
}

// TestReviewProbesTwoHundredAndSeventyThirdBatchPerformingCompanies: a
// circus or a troupe asks for a site, a room or a payment as an
// organisation, not as a person; a performer who signs up with their own
// name and phone is still a person. The first three asked for the RGPD
// section before the change.
func TestReviewProbesTwoHundredAndSeventyThirdBatchPerformingCompanies(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable d'une troupe de théâtre amateur, je veux déposer une demande de prêt de la salle des fêtes pour nos représentations.", false, false},
		{"En tant que représentant d'un cirque, je souhaite déposer une demande d'emplacement pour la fête foraine avec les dates souhaitées.", false, false},
		{"ETQ cirque, je veux payer le droit de place par carte bancaire.", false, true},
		{"ETQ artiste de cirque, je veux m'inscrire à l'atelier avec mon nom et mon téléphone.", true, false},
	})
}

// TestReviewProbesTwoHundredAndSeventyFourthBatchRateAsPrice: a rate
// named as a price before a card payment ("(resident rate)", "au taux
// réduit") is no count; a rate of something still is one. The first two
// asked for no security notes before the change.
func TestReviewProbesTwoHundredAndSeventyFourthBatchRateAsPrice(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an allotment holder, I want to renew my plot online.\n\nAcceptance criteria\n1. The fee (concession rate) is paid by card on the council's payment page.", true, true},
		{"As a member, I want to renew my swimming pass online.\n\n- the reduced rate is paid by card", true, true},
		{"As a finance officer, I want to see the rate of card payments per month on the dashboard.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSeventyFifthBatchNamedSoftware: the named
// software of another service ("interroge le logiciel Avenir", "depuis le
// progiciel Maelis"), with a verb of exchange, is an interconnection. The
// second asked for no security notes before the change (the first was
// already read by its birth date); a software named out of scope stays
// nothing.
func TestReviewProbesTwoHundredAndSeventyFifthBatchNamedSoftware(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ officier d'état civil, je veux vérifier l'acte de naissance.\n\n- la vérification interroge le logiciel Avenir avec le nom et la date de naissance", true, true},
		{"ETQ agent du service scolaire, je veux récupérer les inscriptions des enfants depuis le progiciel Maelis.", true, true},
		{"ETQ agent, je veux voir les demandes du jour.\n\nHors périmètre : les congés (logiciel RH).", false, false},
	})
}

// TestReviewProbesTwoHundredAndSeventySixthBatchTheirDetails: a criterion
// opened by "leurs" or "their" points back at the people of the need
// ("reprendre les bénévoles … - leurs coordonnées sont supprimées"). The
// first two asked for no security notes before the change (the first for
// no review at all); "son adresse" of a service stays the service's.
func TestReviewProbesTwoHundredAndSeventySixthBatchTheirDetails(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du forum, je veux reprendre les exposants de l'an dernier.\n\nRègles\n- leurs coordonnées sont supprimées s'ils ne se réinscrivent pas", true, true},
		{"ETQ coordinatrice, je veux reprendre les bénévoles de la saison précédente.\n\n- leurs coordonnées sont conservées jusqu'à la saison suivante, puis effacées", true, true},
		{"ETQ agent, je veux afficher chaque service municipal.\n\n- son adresse et ses horaires sont affichés", false, false},
	})
}

// TestReviewProbesTwoHundredAndSeventySeventhBatchSignatureWithOffer: an
// electronic signature counts whatever else the need does ("offer the
// place to the next person and send the agreement to sign
// electronically"). The first two asked for no review before the change.
func TestReviewProbesTwoHundredAndSeventySeventhBatchSignatureWithOffer(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As an allotments officer, I want to offer a vacant plot to the next person on the waiting list and send them the tenancy agreement to sign electronically.", true, true},
		{"ETQ agent du port, je veux attribuer la place libérée au premier de la liste et lui envoyer le contrat à signer électroniquement.", true, true},
		{"As an allotments officer, I want to offer a vacant plot to the next person on the waiting list.", false, false},
	})
}

// TestReviewProbesTwoHundredAndSeventyEighthBatchMobileNumber: "numéro
// de mobile" is a phone number; the first asked for no RGPD section
// before the change.
func TestReviewProbesTwoHundredAndSeventyEighthBatchMobileNumber(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux être prévenu par SMS quand la déchèterie ferme plus tôt.\n\n- l'usager saisit son numéro de mobile dans son compte", true, false},
	})
}

// TestReviewProbesTwoHundredAndSeventyNinthBatchRegisteredEmail: a
// registered electronic letter goes through a provider that identifies
// the recipient. The two missed a review before the change.
func TestReviewProbesTwoHundredAndSeventyNinthBatchRegisteredEmail(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ locataire, je reçois la décision de la commission par lettre recommandée électronique.", true, true},
		{"ETQ agent, je veux envoyer la mise en demeure au propriétaire en recommandé électronique.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightiethBatchEmailThePersonConcerned:
// emailing the person concerned a date or a state change is workflow
// through the existing channel, as notifying is. The first two asked
// for the RGPD section before the change; emailing a list of people to
// a contractor still does.
func TestReviewProbesTwoHundredAndEightiethBatchEmailThePersonConcerned(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a registrar, I want to email the ceremony time to the couple once the room is booked.", false, false},
		{"As a swimming pool manager, I want to email the members whose lesson is cancelled.", false, false},
		{"As a parks officer, I want to email the list of plot holders with their phone numbers to the contractor.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightyFirstBatchLockByTime: "je ne peux
// pas modifier … une fois …", "after the deadline" state a lock by time,
// a workflow rule for everyone, not an access change. The first two
// asked for security notes before the change; barring a person from a
// dossier stays an access change.
func TestReviewProbesTwoHundredAndEightyFirstBatchLockByTime(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ exposant, je ne peux pas modifier mon stand une fois le plan validé.", false, false},
		{"ETQ trésorier, je ne peux pas modifier une cotisation après la clôture de l'exercice.", false, false},
		{"ETQ membre du jury, je ne dois pas pouvoir noter la candidature d'un parent.", true, true},
	})
}

// TestReviewProbesTwoHundredAndEightySecondBatchHiddenFromMap: a place
// "hidden from the public map" is a view, not an audience; a person's
// detail hidden "from the public" still restricts who sees it. The
// first asked for security notes before the change.
func TestReviewProbesTwoHundredAndEightySecondBatchHiddenFromMap(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a parks officer, I want to report a fallen tree.\n\n- the spot is hidden from the public map until cleared", false, false},
		{"As a caseworker, I want the victim's address hidden from the public.", true, true},
	})
}
