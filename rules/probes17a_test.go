package rules_test

import (
	"slices"
	"testing"

	"github.com/cochef/cochef/rules"
)

// The thirteenth round's probes: classes read from heldout30 (set AF)
// and heldout32 (set AH), written for products neither set holds and
// labelled by the policy before each change. Each batch's comment says
// which probes failed before it.

// TestReviewProbesSeventyFirstBatchSamePersonByItsShape: "un même" before
// a noun shaped like a person ("un même plaisancier", "un même
// exposant") finds the same person twice, as "un même usager" did: a
// cross-match, the RGPD section. The first two failed before the change;
// a thing with a person's ending ("la même imprimante") or a place stays
// none.
func TestReviewProbesSeventyFirstBatchSamePersonByItsShape(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent de la capitainerie, je veux être alerté quand un même plaisancier demande deux anneaux la même saison", true, false},
		{"ETQ placier, je veux être prévenu si un même exposant réserve deux emplacements le même dimanche", true, false},
		{"ETQ organisateur, je veux que la même imprimante serve aux deux guichets", false, false},
		{"ETQ agent, je veux voir les ventes du même quartier sur une carte", false, false},
	})
}

// TestReviewProbesSeventySecondBatchFiledByOthersDescribed: a participle
// after a noun ("les projets déposés", "the booked slots") describes what
// others filed; the citizen who looks at it files nothing. Both failed
// before the change (RGPD asked); filing, even through "soit déposée",
// and a saved card keep their reviews.
func TestReviewProbesSeventySecondBatchFiledByOthersDescribed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ habitante, je peux consulter les projets déposés pour mon quartier", false, false},
		{"As a resident, I want to see the booked slots of the sports hall", false, false},
		{"ETQ parent, je veux que la demande de bourse soit déposée en ligne", true, false},
		{"As a member, I want my season ticket to renew each year using my saved card", true, true},
	})
}

// TestReviewProbesSeventyThirdBatchRecordSentToABody: a person's record
// sent to a body named after an adjective ("to the new local
// authority", "to the receiving school") or to a council, a court or a
// trust is a new recipient: both reviews. The first three asked only
// the RGPD section before the change; a rota or a report, which lists
// nobody, asks nothing.
func TestReviewProbesSeventyThirdBatchRecordSentToABody(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a social worker, I want to transfer the case to the new local authority when the family moves", true, true},
		{"As an admissions officer, I want to forward the pupil's file to the receiving school", true, true},
		{"ETQ agent du service jeunesse, je veux transmettre le dossier de la famille au conseil départemental", true, true},
		{"As an officer, I want to send the weekly rota to the new local contractor", false, false},
		{"ETQ agent, je veux transmettre le bilan annuel au conseil municipal", false, false},
	})
}

// TestIssueProbesSeventyFourthBatchQualifiedHeadings: a section's name
// followed by whose it is or by a second name ("Retours du maire",
// "Feedback from the parks manager", "Décisions / actions") opens that
// section, and so closes the progress section before it, whose text is
// not read. Both requests failed before the change (nothing asked); a
// heading naming a thing's safety is no security notes, and the story's
// missing notes stay asked.
func TestIssueProbesSeventyFourthBatchQualifiedHeadings(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 6", "Pas terminé\n- la carte des emplacements\n\nRetours du maire\n- il faut un téléchargement de tous les exposants avec leurs téléphones pour la police municipale", true, true},
		{"Sprint 12 review", "Carried over\n- the pitch map\n\nFeedback from the parks manager\n- we need to export every club secretary's phone number for the grounds team", true, true},
		{"Pièces jointes au dossier", "ETQ forain, je veux joindre mon assurance à ma candidature\n\n## Sécurité des manèges\nLes manèges sont vérifiés par un bureau de contrôle.", true, true},
	})
}

// TestIssueProbesSeventyFifthBatchRecordsKeptForATime: records kept or
// deleted for a set time ("sont conservées 2 ans", "supprimés sous 30
// jours", "combien de temps on peut garder") set a retention rule: both
// reviews. The first three failed before the change (the second asked
// only security notes); a thing's reports kept ten years, and a listing
// kept up to date ("à jour"), ask nothing.
func TestIssueProbesSeventyFifthBatchRecordsKeptForATime(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Revue de sprint 3", "Décisions\n- les demandes refusées sont conservées 2 ans puis supprimées", true, true},
		{"Réunion avec les gardiens – 2 mai", "Décisions / actions\n- [ ] les adhérents radiés sont supprimés sous 30 jours", true, true},
		{"Durée de conservation", "ETQ agent, je veux savoir combien de temps on peut garder les dossiers des enfants", true, true},
		{"Comité de pilotage", "Décisions\n- les rapports de contrôle des manèges sont conservés 10 ans", false, false},
		{"Tarifs", "ETQ loueur, je veux modifier mes tarifs afin de garder une annonce à jour", false, false},
	})
}

// TestIssueProbesSeventySixthBatchResearchProposals: user-research notes
// are read for topics only in their named sections, and of them only in
// what the team proposes (the policy labels them on their proposals and
// actions). A proposal to record a person's details asks for the RGPD
// section (it asked nothing before the change); what the people met
// said, under the team's own heading or under none, asks nothing, even
// a health word.
func TestIssueProbesSeventySixthBatchResearchProposals(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Synthèse des entretiens : six plaisanciers", "Ce qu'on a appris\n- plusieurs ont une maladie chronique et craignent de ne pas pouvoir sortir le bateau\n- la liste d'attente est opaque\n\nPropositions retenues\n- enregistrer pour chaque plaisancier son numéro de permis bateau et sa date de naissance", true, false},
		{"Entretiens avec des maraîchers : synthèse", "- deux maraîchers sur cinq ont un handicap et demandent une place près de l'entrée\n- ils signent le contrat sur papier\n\nPistes\n- afficher le plan du marché en ligne", false, false},
		{"User research round 2: parents", "What we learned\n- two parents mentioned their child's diagnosis of autism when booking\n\nNext steps\n- test the new booking page with five parents", false, false},
	})
}

// TestReviewProbesSeventySeventhBatchNetworkConnection: a connection
// named with its speed or its kind ("une connexion lente", "les
// connexions faibles", "une connexion internet") is the network, not
// signing in. The second and the question asked for security notes
// before the change; signing in keeps them.
func TestReviewProbesSeventySeventhBatchNetworkConnection(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ usager, je veux des pages allégées pour les connexions faibles", false, false},
		{"ETQ usager, je veux que le site marche avec une connexion lente", false, false},
		{"ETQ agent, je veux me connecter avec ma carte agent", true, true},
	})
	issueProbes(t, []titledProbe{
		{"Question : connexion internet au stade ?", "Les tablettes des gardiens ont-elles une connexion internet au stade ?", false, false},
	})
}

// TestReviewProbesSeventyEighthBatchDocumentsSentByTheNeed: an agenda, a
// list or a register of people's records that the need itself sends or
// prints ("envoyer par courriel aux jurés l'ordre du jour et la liste
// des candidatures", "… et l'envoyer aux membres du conseil", "print the
// register of applications") is a document listing people taken out of
// the tool: both reviews. The first three asked only the RGPD section,
// or nothing, before the change; an agenda of establishments, or one
// sent to every town hall with no records named, asks for no security
// notes.
func TestReviewProbesSeventyEighthBatchDocumentsSentByTheNeed(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ secrétaire du jury, je veux envoyer par courriel aux jurés l'ordre du jour et la liste des candidatures retenues", true, true},
		{"ETQ greffière, je veux générer l'ordre du jour avec la liste des dossiers de la séance et l'envoyer aux membres du conseil", true, true},
		{"As the panel clerk, I want to print the register of applications for the hearing", true, true},
		{"ETQ secrétaire de la commission de sécurité, je veux envoyer l'ordre du jour de la commission avec la liste des établissements visités", false, false},
		{"ETQ secrétaire, je veux envoyer l'ordre du jour à chaque mairie du canton", false, false},
	})
}

// TestReviewProbesSeventyNinthBatchKnownNameInAnOutsideRole: a persona
// name within a longer role ("conseillère de la mission locale", "school
// business manager") may be someone outside the service; seeing the
// people of their own perimeter ("que j'accompagne", "at my school") is
// a new kind of user given access: both reviews, as for a role the
// template does not know. The first three asked only the RGPD section
// before the change. The template's own persona ("ETQ agent … de mon
// secteur"), a phone one works on and "que je suis en train de" ask for
// no security review (their RGPD section is another matter: these staff
// views are browsing by the policy, and cochef still asks for it).
func TestReviewProbesSeventyNinthBatchKnownNameInAnOutsideRole(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ conseillère de la mission locale, je veux voir les dossiers des jeunes que j'accompagne", true, true},
		{"As a school business manager, I want to see which children at my school have a place at the holiday club", true, true},
		{"ETQ conseiller du service social du département, je veux consulter les aides versées aux familles que j'accompagne", true, true},
	})
	for _, text := range []string{
		"ETQ agent, je veux voir les dossiers des familles de mon secteur",
		"As a parking officer, I want to look up a resident by permit number on my phone",
		"ETQ agent d'accueil, je veux voir les dossiers que je suis en train de saisir",
	} {
		if r := check(t, "", text+criteria); r.SecurityReview {
			t.Errorf("%s: security review asked (topics %v, persona %q)", text, r.Sensitive, r.Persona)
		}
	}
}

// TestReviewProbesEightiethBatchSignLanguage: "langue des signes", "sign
// language" sign nothing: a video or a meeting in sign language for
// everyone asks for no review (the first two asked both before the
// change). Someone who needs or books a sign-language interpreter is
// deaf: health, both reviews (the third asked only the RGPD section
// before the change).
func TestReviewProbesEightiethBatchSignLanguage(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ agent, je veux publier la vidéo du conseil municipal en langue des signes", false, false},
		{"As a visitor, I want the museum tour videos in British Sign Language", false, false},
		{"ETQ usagère, je veux réserver un interprète LSF pour mon rendez-vous en mairie", true, true},
		{"As a tenant, I want to book a British Sign Language interpreter for the repair visit", true, true},
		{"ETQ parent, je veux signer l'autorisation de sortie en ligne", true, true},
	})
}

// TestIssueProbesEightyFirstBatchWrongOwnerInABug: a fault that sends a
// person's record to the wrong person ("la relance envoyée au mauvais
// propriétaire", "la convocation est envoyée au mauvais candidat") or
// shows someone's detail named by its owner ("another trader's home
// address") discloses it: both reviews. The first three asked nothing,
// or only the RGPD section, before the change; another council's logo,
// or a wrong logo, shows nobody's data.
func TestIssueProbesEightyFirstBatchWrongOwnerInABug(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Bug : relance envoyée au mauvais propriétaire", "M. Rénier a reçu par courriel la relance de sa voisine, avec son adresse et le montant dû.", true, true},
		{"Bug : la convocation est envoyée au mauvais candidat", "Étapes : convoquer deux candidats le même jour.", true, true},
		{"Bug: renewal reminder email shows another trader's home address", "Reported by two traders on 4 March. The template pulls the address from the wrong record.", true, true},
		{"Bug: the page shows another council's logo", "Steps: open the page.", false, false},
		{"Bug : le mauvais logo s'affiche sur la page d'accueil", "Étapes : ouvrir la page.", false, false},
	})
}

// TestReviewProbesEightySecondBatchPublishedAndPosted: a register of
// people's records published ("publish the register of decisions on the
// website") and a poster of people made to be printed ("l'affiche des
// élus … avec leur nom et leur photo pour l'imprimer") take people's
// data out of the tool: both reviews. The first asked nothing and the
// second only the RGPD section before the change; a list of opening
// hours, published or printed, asks nothing.
func TestReviewProbesEightySecondBatchPublishedAndPosted(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a planning officer, I want to publish the register of decisions on the website so that anyone can see them", true, true},
		{"ETQ animatrice, je veux générer l'affiche des élus du conseil des jeunes avec leur nom et leur photo pour l'imprimer", true, true},
		{"ETQ agent, je veux publier la liste des horaires des déchèteries", false, false},
		{"As a librarian, I want to print a poster of the opening hours", false, false},
	})
}

// TestReviewProbesEightyThirdBatchJoinedToARecord: joining whatever it
// is to a record ("joindre au dossier du jeune les bulletins scolaires",
// "attach the signed tenancy to the case") sends a file in: an upload,
// security notes. Both asked only the RGPD section before the change;
// reaching the front desk by phone ("joindre l'accueil") uploads
// nothing.
func TestReviewProbesEightyThirdBatchJoinedToARecord(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ éducatrice, je veux joindre au dossier du jeune les bulletins scolaires", true, true},
		{"As a caseworker, I want to attach the signed tenancy to the case so that it is kept with it", true, true},
		{"ETQ usager, je veux joindre l'accueil par téléphone", false, false},
	})
}

// TestIssueProbesEightyFourthBatchSupportRequests: what the front desk
// passes on (a label "support", or a title opening with "Support") is
// read with the support template: it is never told to write a story
// sentence, and it keeps its reviews (a resident asking where her phone
// number comes from asks for the RGPD section; a sign-in that fails,
// for security notes). Read with user-story before the change, each got
// a story-format error.
func TestIssueProbesEightyFourthBatchSupportRequests(t *testing.T) {
	set := builtin(t)
	for _, c := range []struct {
		in             rules.Input
		rgpd, security bool
	}{
		{rules.Input{Title: "Support – une habitante demande d'où vient son numéro", Body: "Appel au standard : elle reçoit nos SMS d'alerte sans s'être jamais inscrite. Il faudrait lui dire d'où vient son numéro de téléphone et lui proposer la désinscription."}, true, false},
		{rules.Input{Title: "Support: landlord can't log in", Body: "Tried the reset link four times yesterday, no email arrived."}, false, true},
		{rules.Input{Labels: []string{"support"}, Title: "Le club de judo ne voit plus ses créneaux", Body: "Message reçu du président : la page des réservations est vide depuis lundi."}, false, false},
	} {
		t.Run(c.in.Title, func(t *testing.T) {
			tm := set.SelectFor(c.in)
			r := rules.Analyze(c.in, tm, "")
			if tm.Name != "support" {
				t.Errorf("template %s, want support", tm.Name)
			}
			for _, f := range r.Findings {
				if f.Rule == "story-format" {
					t.Errorf("told to write a story sentence: %s", f.Message)
				}
			}
			wantReviews(t, r, c.rgpd, c.security)
		})
	}
}

// TestReviewProbesEightyFifthBatchElectedMembers: elected members are
// people ("la liste des anciens élus avec leurs coordonnées" keeps
// their details: both reviews; it asked nothing before the change), and
// as a persona they steer the service (pilote): "ETQ élu, je veux
// connaître les associations qui réservent le plus" files nothing of
// its own.
func TestReviewProbesEightyFifthBatchElectedMembers(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du protocole, je souhaite conserver la liste des anciens élus avec leurs coordonnées pour les inviter au centenaire", true, true},
		{"ETQ élue, je veux connaître les clubs qui réservent le plus le gymnase", false, false},
	})
	if r := check(t, "", "ETQ élu, je veux voir le nombre de réservations par salle"+criteria); r.Persona != "pilote" {
		t.Errorf("persona %q, want pilote", r.Persona)
	}
}

// TestReviewProbesEightySixthBatchSecondVerbKeepsOrRemoves: a workflow
// step coordinated with a verb that archives, deletes or sends out
// people's data ("clôturer le dossier … et archiver ses justificatifs",
// "close the case and delete the family's contact details") processes
// them: both reviews. Both asked nothing before the change; a step and
// a notification through the existing channel still ask nothing.
func TestReviewProbesEightySixthBatchSecondVerbKeepsOrRemoves(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ gestionnaire, je veux clôturer le dossier de l'adhérent et archiver ses justificatifs", true, true},
		{"As a caseworker, I want to close the case and delete the family's contact details", true, true},
		{"ETQ agent, je veux valider la demande et prévenir le demandeur par courriel", false, false},
	})
}

// TestReviewProbesEightySeventhBatchPhotoTakenOnThePhone: a photo taken
// with the user's phone ("une photo facultative prise avec son
// téléphone") is a photo sent in: both reviews (it asked nothing before
// the change). The front desk's webcam photographing a found object is
// a member of staff's photo of a thing: no RGPD section.
func TestReviewProbesEightySeventhBatchPhotoTakenOnThePhone(t *testing.T) {
	wantReviews(t, check(t, "", "ETQ usager, je veux signaler un lampadaire en panne.\n\n## Critères d'acceptation\n\n- une photo facultative prise avec son téléphone\n"), true, true)
	r := check(t, "", "ETQ agent d'accueil, j'enregistre un objet trouvé.\n\n## Critères d'acceptation\n\n- photo prise avec la webcam du guichet\n")
	if slices.Contains(r.Required, "personal-data") {
		t.Errorf("a staff photo of a found object asks for the RGPD section (topics %v)", r.Sensitive)
	}
}

// TestReviewProbesEightyEighthBatchSheetsOfPeople: a sheet printed with
// people's details in the plural ("la feuille de tournée avec les
// adresses des réservations", "the round sheet with the addresses of
// the bookings") takes them out: both reviews. The second asked nothing
// before the change. Blank sheets for whom they are given to, and a
// sheet with the depot's address, hold nobody's data.
func TestReviewProbesEightyEighthBatchSheetsOfPeople(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ chef d'équipe, je veux imprimer la feuille de tournée avec les adresses et les téléphones des usagers", true, true},
		{"As a crew leader, I want to print the round sheet with the addresses of the bookings", true, true},
		{"ETQ secrétaire, je veux imprimer des feuilles d'inscription vierges pour les parents", false, false},
		{"ETQ agent, je veux imprimer la feuille de route avec l'adresse du dépôt", false, false},
	})
}

// TestIssueProbesEightyNinthBatchHowLongDoWeKeep: "combien de temps
// garde-t-on les dossiers ?" asks how long records are kept: a retention
// rule, both reviews (it asked nothing before the change); hours of
// childcare ("temps de garde") keep nothing.
func TestIssueProbesEightyNinthBatchHowLongDoWeKeep(t *testing.T) {
	issueProbes(t, []titledProbe{
		{"Question : combien de temps garde-t-on les dossiers des enfants ?", "Question pour la DPO.", true, true},
		{"Question : combien de temps de garde par semaine ?", "Les assistantes maternelles demandent le plafond.", false, false},
	})
}
