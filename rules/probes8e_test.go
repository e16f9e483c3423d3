package rules_test

import "testing"

// TestReviewProbesNinthBatchDAuthorship: showing which named staff
// member or which person did what, in any verb form ("qui a restitué",
// "quel agent a validé", "which officer approved"), names them: rgpd
// true; security too when the act is an access to or a release of a
// person's data (a copy of a civil-status act, a patient's file), not
// for a fleet or public pages. Products the sets do not hold, labelled
// by the policy before the change.
func TestReviewProbesNinthBatchDAuthorship(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ responsable du gymnase, je vois qui a réservé chaque créneau", true, false},
		{"ETQ chef de service, je veux savoir quel agent a validé chaque demande d'aide", true, false},
		{"ETQ responsable de la médiathèque, je veux voir l'agent qui a traité chaque réclamation", true, false},
		{"As a team lead, I want to see which officer approved each refund", true, false},
		{"As a content lead, I want to see which editor published each page", true, false},
		{"ETQ cheffe d'équipe, je veux connaître le nom de l'agent ayant clôturé chaque intervention", true, false},
		// The act is a release of or an access to a person's data.
		{"ETQ officier d'état civil, je veux voir qui a délivré chaque copie intégrale", true, true},
		{"ETQ agent des objets trouvés, je vois qui a restitué chaque objet à son propriétaire", true, true},
		{"As a records manager, I want to see which clerk released each patient file", true, true},
		{"ETQ responsable du CCAS, je veux savoir quel agent a consulté le dossier d'un usager", true, true},
		{"As a practice manager, I want to know which staff member accessed a patient's record", true, true},
		// When, what or which organisation: nobody named.
		{"ETQ responsable du parc automobile, je veux savoir quand chaque véhicule a été restitué", false, false},
		{"ETQ gestionnaire, je veux savoir quelle commune a déposé chaque dossier de subvention", false, false},
		{"As an editor, I want to see which pages were changed last week", false, false},
		{"ETQ responsable éditorial, je veux voir quelle version de la page a été publiée", false, false},
		{"ETQ gestionnaire, je veux savoir quels documents ont été transmis à la préfecture", false, false},
		{"As an editor, I want to know which version was published", false, false},
	})
}

// TestReviewProbesNinthBatchDOutside: an outside organisation or body
// (a carrier, an employing authority, the gendarmerie, a school, a
// liberal therapist, an exam marker, a partner, a contractor) given
// access to people's lists, contact details, CVs, copies or files is a
// new kind of user given access to people's data: both true. The
// service's own agents browsing, an outside body seeing its own or
// aggregated figures, and a person seeing their own data stay false.
func TestReviewProbesNinthBatchDOutside(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ transporteur, je veux consulter la liste des élèves à prendre en charge avec leur adresse", true, true},
		{"ETQ collectivité employeur, je consulte les dossiers de retraite de mes agents", true, true},
		{"ETQ gendarme, je veux consulter la liste des personnes hébergées au camping", true, true},
		{"ETQ établissement scolaire, je vérifie l'inscription des élèves à la cantine", true, true},
		{"ETQ ergothérapeute libéral, je consulte le dossier de la personne accompagnée", true, true},
		{"ETQ correcteur, je veux voir les copies des candidats qui me sont attribuées", true, true},
		{"ETQ organisme de formation partenaire, je consulte les CV des demandeurs orientés", true, true},
		{"As a site representative, I want to view the list of workers present on site", true, true},
		{"As a partner organisation, I want to see the contact details of the people referred to us", true, true},
		{"As a contractor, I want to consult the list of tenants to visit this week", true, true},
		// The service's own agents browsing what they already handle.
		{"ETQ instructeur, je consulte les dossiers qui me sont attribués", false, false},
		{"ETQ gestionnaire, je consulte les demandes par date de dépôt", false, false},
		{"ETQ agent du service des sports, je consulte les dossiers de licence", false, false},
		{"As a caseworker, I want to view the list of claims assigned to me", false, false},
		// An outside body seeing organisation data or aggregated figures.
		{"ETQ transporteur, je consulte les horaires des circuits de ramassage", false, false},
		{"ETQ collectivité employeur, je consulte le nombre de dossiers déposés par mois", false, false},
		{"As a contractor, I want to view the list of work orders assigned to my company", false, false},
		{"As a partner organisation, I want to see the number of referrals per month", false, false},
		// A person seeing their own data.
		{"ETQ usager, je consulte mon dossier", false, false},
	})
}

// TestReviewProbesNinthBatchDNotes: an internal note hidden from
// someone decides who sees what: security true; rgpd true when the note
// is about a person.
func TestReviewProbesNinthBatchDNotes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ instructeur, j'ajoute une note interne que le demandeur ne voit pas", true, true},
		{"As a caseworker, I want to add a private note the applicant cannot see", true, true},
		{"ETQ travailleuse sociale, je rédige une note confidentielle sur la situation de la famille, invisible pour l'usager", true, true},
		{"As a housing officer, I want to write an internal comment on the tenant's file that the tenant cannot see", true, true},
		{"ETQ gestionnaire, je veux ajouter un commentaire interne non visible par l'association sur la demande de subvention", false, true},
		// Notes that hide nothing from anyone.
		{"As an editor, I want to add release notes to the page", false, false},
		{"ETQ agent, je vois les notes de version de l'application", false, false},
	})
}

// TestReviewProbesNinthBatchDBugs: a bug report where users see other
// people's or other teams' items is a disclosure: both true; other
// months, sites or pools are nobody's data.
func TestReviewProbesNinthBatchDBugs(t *testing.T) {
	titledProbes(t, []titledProbe{
		{"Tickets visibles par d'autres directions", "Certains agents voient des tickets ouverts par des collègues d'une autre direction.", true, true},
		{"Bookings visible to everyone", "Users can see bookings made by other users since the last release.", true, true},
		{"Bug : missions visibles", "Un bénévole voit les missions réservées par les autres bénévoles.", true, true},
		{"Messages leak", "Members can see the messages sent by other members in their inbox.", true, true},
		{"Demandes d'une autre commune", "Les agents de la mairie annexe voient les demandes déposées par les habitants des autres communes.", true, true},
		// Other months, sites, departments' news: nobody's data.
		{"Calendar shows other months", "Users can see the events of other months in the weekly view.", false, false},
		{"Salles d'autres sites", "Les agents voient les salles des autres sites dans la liste de réservation.", false, false},
		{"Horaires", "Les usagers voient les horaires des autres piscines sur la page de la piscine municipale.", false, false},
	})
}
