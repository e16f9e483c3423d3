package rules_test

import "testing"

// TestReviewProbesEighthBatchB: probes for six general classes the blind
// sets still miss, on products those sets do not hold, labelled by the
// policy (rules/testdata/corpus/ABOUT.md, "Decisions consolidated from
// the blind sets") before the change:
//   - an agent typing in a person's request received on paper, by phone
//     or at the desk records new data about the person (a registration);
//     moving such a request along stays workflow;
//   - farmers, hosts, landlords, craftsmen and sole traders are natural
//     persons unless a company form is named; a farm's parcels or herd
//     by number are nobody's;
//   - an interconnection written without a data word ("repris
//     automatiquement de", "pulled automatically from", "par l'interface
//     avec le logiciel");
//   - an import from a spreadsheet or a CSV file is an upload surface;
//   - an access rule on things with no personal data (security only);
//   - rights given by profile, or an account for each named agent.
func TestReviewProbesEighthBatchB(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// 1. A person's request typed in by an agent: a registration.
		{"En tant qu'agent de la médiathèque, je veux saisir une demande d'abonnement reçue par courrier afin que les lecteurs sans internet soient inscrits comme les autres.", true, false},
		{"ETQ agent d'accueil du conservatoire, je veux enregistrer une inscription au guichet pour les familles qui n'ont pas d'ordinateur.", true, false},
		{"ETQ secrétaire de mairie, je saisis dans l'outil une demande de jardin familial déposée au guichet.", true, false},
		{"En tant qu'agent du CCAS, je veux saisir une demande d'aide reçue par téléphone afin de l'instruire comme les autres.", true, false},
		{"As a helpline advisor, I want to register a caller over the phone so that they get the energy voucher.", true, false},
		{"As a front-desk clerk, I want to record a walk-in application for a parking permit so that residents without internet can apply.", true, false},
		{"As a council clerk, I want to enter a paper application received by post so that it joins the online queue.", true, false},
		// Moving such a request along, or typing in what is nobody's, is not.
		{"En tant qu'agent de la médiathèque, je veux passer une demande reçue par courrier au statut « complète » afin de lancer son instruction.", false, false},
		{"As a front-desk clerk, I want to mark a walk-in application as complete so that it moves to review.", false, false},
		{"ETQ agent du service culturel, je veux saisir le programme de la saison reçu par courrier afin de le publier sur le site.", false, false},
		{"As a helpline advisor, I want to see the number of calls received per day so that I can plan staffing.", false, false},

		// 2. Farmers, hosts, landlords, craftsmen: natural persons.
		{"ETQ éleveur, je peux déclarer mes pertes d'animaux dues à la sécheresse afin d'être indemnisé.", true, false},
		{"ETQ exploitant, je déclare mes pertes de fourrage après l'inondation.", true, false},
		{"ETQ agriculteur, je veux déposer ma demande d'aide à la conversion en agriculture biologique.", true, false},
		{"En tant que loueur de meublé, je déclare chaque trimestre les nuitées de mon logement.", true, false},
		{"En tant que propriétaire bailleur, je veux déclarer les loyers perçus afin de bénéficier de l'aide à la rénovation.", true, false},
		{"As a landlord, I want to submit my claim for the rent guarantee online.", true, false},
		{"ETQ artisan, je dépose ma demande d'aide à l'installation afin de la recevoir avant l'ouverture.", true, false},
		// Acting for one of them, or matching one across files.
		{"ETQ conseiller de la chambre des métiers, je dépose une demande d'aide pour le compte d'un artisan.", true, true},
		{"ETQ conseillère de la chambre d'agriculture, je saisis la déclaration de récolte pour le compte d'un agriculteur.", true, true},
		{"ETQ instructeur, je repère un éleveur qui a demandé l'aide deux fois.\n\nÉtant donné une demande déposée dans l'Orne par un éleveur\nEt une demande déposée dans la Manche par le même éleveur\nAlors un bandeau signale l'autre demande", true, false},
		// A farm by number, a company, the service's operator: not a person.
		{"ETQ inspecteur, je saisis le nombre de bovins constatés dans le cheptel n° FR-56-123 lors de la visite.", false, false},
		{"En tant que gérant de la SCEA, je déclare les surfaces en vigne de la société.", false, false},
		{"ETQ exploitant, je veux redémarrer le service de files d'attente sans coupure.", false, true},

		// 3. Interconnections without a data word.
		{"ETQ gestionnaire du parc, je n'ai plus à ressaisir le kilométrage des véhicules : il est repris automatiquement du boîtier télématique.", false, true},
		{"ETQ technicien voirie, je veux la reprise automatique des chantiers depuis l'outil de planification.", false, true},
		{"ETQ bibliothécaire, je veux que les notices des livres soient importées automatiquement du catalogue national.", false, true},
		{"ETQ régisseur, je transmets l'inventaire du matériel par l'interface avec le logiciel de gestion des stocks.", false, true},
		{"As a depot manager, I want collection rounds pulled automatically from the routing tool.", false, true},
		{"ETQ exploitant, je veux que mes parcelles soient reprises de ma déclaration PAC afin de ne pas les ressaisir.", true, true},
		{"ETQ conseiller insertion, je veux que la situation du bénéficiaire soit reprise automatiquement du logiciel du département.", true, true},
		{"As a housing officer, I want each tenant's file pulled automatically from the rent system.", true, true},
		// Resuming or copying within the tool is no interconnection.
		{"ETQ agent, je veux que le formulaire reprenne automatiquement la date du jour.", false, false},
		{"As a viewer, I want the video to resume automatically where I stopped.", false, false},

		// 4. Imports from a file: an upload surface.
		{"ETQ régisseur, j'importe l'inventaire des instruments depuis un tableur.", false, true},
		{"ETQ gestionnaire des salles, je veux importer les créneaux depuis un fichier CSV.", false, true},
		{"As a venue manager, I want to import the seating plan from a spreadsheet.", false, true},
		{"ETQ secrétaire du club, je veux importer la liste des adhérents depuis un fichier Excel.", true, true},
		{"As a school secretary, I want to import pupils from a CSV file so that I don't type them one by one.", true, true},
		{"As a venue manager, I want to sort the seating plan as in a spreadsheet.", false, false},

		// 5. Access rules on things: who may see or do what.
		{"ETQ technicien, j'ai accès uniquement aux interventions de mon secteur.", false, true},
		{"ETQ conservateur, je ne peux pas prêter une œuvre sans l'autorisation du directeur.", false, true},
		{"As a lab technician, I want only members of my team to see the draft budget.", false, true},
		{"ETQ assistante sociale, j'ai accès uniquement aux dossiers des familles de mon secteur.", true, true},
		{"ETQ usager, je ne peux pas valider le formulaire sans remplir le champ date.", false, false},
		{"ETQ agent, je consulte le planning des salles depuis mon téléphone.", false, false},

		// 6. Rights by profile, an account for each named agent.
		{"ETQ directrice du centre de loisirs, j'attribue le profil « animateur » aux nouveaux arrivants.", true, true},
		{"En tant que responsable de la crèche, je souhaite que chacune de mes auxiliaires ait son propre compte.", true, true},
		{"As a practice manager, I want each of my staff to have their own account.", true, true},
		{"As a head librarian, I want to assign the cataloguer role to new volunteers.", true, true},
		{"ETQ agent, je veux que chaque salle ait son propre planning.", false, false},
		{"As a coach, I want each team to have its own page.", false, false},
	})
}
