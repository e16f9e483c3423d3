package rules_test

import (
	"slices"
	"testing"
)

// TestReviewProbes holds stories written for products and words the
// labelled corpus does not use (a crèche, a library, electoral rolls,
// naturalisation, sports licences, school transport…), labelled by the
// review policy of docs/templates.md before cochef was run on them. They
// test the triggers' classes (processing verbs × people, personal
// attributes and person records; special categories; bulk transfer;
// interconnection; deletion; access; privileged personas) and their
// exclusions (browsing, workflow, own documents, organisations, counts,
// personas), not a list of the corpus's words.
func TestReviewProbes(t *testing.T) {
	for _, c := range []struct {
		text           string
		rgpd, security bool
	}{
		// Personal data, no security matter.
		{"ETQ gestionnaire de crèche, je saisis les horaires de garde de chaque enfant.", true, false},
		{"ETQ locataire, je veux mettre à jour ma situation familiale.", true, false},
		{"ETQ agent de la médiathèque, je veux enregistrer les emprunts d'un lecteur.", true, false},
		{"ETQ secrétaire de mairie, je modifie le prénom d'un électeur sur la liste électorale.", true, false},
		{"ETQ candidate, je peux joindre mon CV à ma candidature.", true, true}, // an upload (policy: file uploads)
		{"ETQ agent, je veux afficher les coordonnées des tuteurs de l'apprentie.", true, false},
		{"As a librarian, I want to record which books a borrower has on loan.", true, false},
		{"As a parent, I want to update my child's home address for school transport.", true, false},
		{"ETQ conseillère, je note les disponibilités de la bénéficiaire pour ses entretiens.", true, false},
		{"ETQ usagère, je veux changer mon numéro de portable.", true, false},
		{"ETQ gestionnaire de club, je veux ajouter la photo des licenciés sur leur carte.", true, true}, // an upload (policy: file uploads)
		{"As a caseworker, I want to add notes about a claimant's circumstances.", true, false},
		{"ETQ instructeur, je calcule le montant de l'aide à partir des revenus du foyer.", true, false},
		{"En tant qu'agent d'accueil, je veux enregistrer la date de naissance des nouveaux inscrits.", true, false},
		{"ETQ étudiante, je renseigne mon adresse de domicile pour ma demande de bourse.", true, false},
		{"ETQ agente, j'aurais besoin de corriger l'adresse courriel d'une usagère.", true, false},
		{"As a registrar, I want to change the surname of a voter after a marriage.", true, false},
		// Both: special categories, identity, bulk transfer, interconnection,
		// deletion, retention, signature, sign-in, access.
		{"ETQ instructrice, je veux consulter l'attestation de handicap jointe par le demandeur.", true, true},
		{"ETQ agent, je veux exporter les dossiers des allocataires au format tableur.", true, true},
		{"ETQ gestionnaire, j'importe un fichier des élèves inscrits au transport scolaire.", true, true},
		{"ETQ usager, je veux me connecter avec mon compte FranceConnect.", true, true},
		{"ETQ instructeur, je souhaite que le quotient familial soit récupéré via l'API Particulier.", true, true},
		{"ETQ agent, je vérifie le titre de séjour d'un candidat.", true, true},
		{"ETQ exploitant, je veux anonymiser les candidatures refusées après un an.", true, true},
		{"ETQ locataire, je veux signer mon bail en ligne.", true, true},
		{"As a social worker, I want to record a client's mental health diagnosis.", true, true},
		{"As a clerk, I want to upload a copy of the applicant's passport.", true, true},
		{"ETQ agent de préfecture, je transmets les demandes de naturalisation à l'ANTS.", true, true},
		{"ETQ gestionnaire RH, je veux archiver les dossiers des agents partis à la retraite.", true, true},
		{"ETQ éducatrice, je saisis les traitements médicaux pris par l'enfant.", true, true},
		{"ETQ agent, je veux effacer définitivement les données d'une usagère qui le demande.", true, true},
		{"As a benefits officer, I want claimant details to be sent to HMRC every night.", true, true},
		{"ETQ directrice d'EHPAD, je donne accès aux fiches des résidents à une infirmière.", true, true},
		{"ETQ agent, je scanne le passeport du voyageur.", true, true},
		{"ETQ conseiller d'insertion, je consulte les condamnations inscrites au casier du candidat.", true, true},
		{"As a school admissions officer, I want to export the list of pupils with their home addresses.", true, true},
		{"As a housing officer, I want to delete tenant records after six years.", true, true},
		{"ETQ gestionnaire, je veux que les bénéficiaires soient transmis à France Travail chaque semaine.", true, true},
		{"ETQ médecin scolaire, je renseigne les vaccinations d'un élève.", true, true},
		// Security, no personal data.
		{"ETQ administratrice, je veux changer la couleur du bandeau.", false, true},
		{"ETQ développeur, je veux ranger les clés du webservice dans un coffre-fort de secrets.", false, true},
		{"As a developer, I want to rotate the signing keys of the API.", false, true},
		{"ETQ RSSI, je veux la liste des dépendances obsolètes.", false, true},
		{"ETQ équipe technique, je veux que les fichiers déposés soient analysés par un antivirus.", false, true},
		{"ETQ trésorière, je saisis l'IBAN de la fédération sportive.", false, true},
		{"ETQ gestionnaire, je veux publier le catalogue des formations sur data.gouv.fr par son API.", false, true},
		// Neither: browsing, workflow, own documents, counts, organisations,
		// open content, personas.
		{"ETQ usager, je veux trier mes démarches par date.", false, false},
		{"ETQ élu, je consulte le nombre de demandes de logement par quartier.", false, false},
		{"ETQ visiteur du site, je veux lire les horaires d'ouverture de la piscine.", false, false},
		{"En tant que personne malentendante, je veux des sous-titres sur les vidéos du site.", false, false},
		{"ETQ instructeur, je veux filtrer les demandes de bourse par établissement.", false, false},
		{"ETQ agent, je veux refuser une demande de logement incomplète.", false, false},
		{"As a resident, I want to see the bin collection days for my street.", false, false},
		{"As a content editor, I want to preview a page before publishing it.", false, false},
		{"ETQ usager, je veux télécharger mon avis de paiement.", false, false},
		{"ETQ chargé de communication, je veux exporter les statistiques de fréquentation en CSV.", false, false},
		{"ETQ agent, je veux archiver les anciennes actualités du site.", false, false},
		{"ETQ usager en fauteuil roulant, je veux connaître l'accessibilité des gymnases.", false, false},
		{"ETQ agent, je veux modifier l'adresse de la mairie annexe.", false, false},
		{"As a council officer, I want to see how many permits were issued last month.", false, false},
		{"ETQ parent, je veux voir le menu de la cantine de la semaine.", false, false},
		{"ETQ usager, je reçois un courriel quand ma demande change de statut.", false, false},
		{"ETQ agent, je veux assigner un dossier de bourse à une collègue.", false, false},
		{"ETQ rédacteur, je veux insérer un tableau dans une actualité.", false, false},
		{"ETQ gestionnaire, je veux modifier le téléphone du club de judo.", false, false},
	} {
		t.Run(c.text, func(t *testing.T) {
			r := check(t, "", c.text+criteria)
			rgpd := slices.Contains(r.Required, "personal-data")
			if rgpd != c.rgpd || r.SecurityReview != c.security {
				t.Errorf("rgpd %v security %v, want %v %v (topics %v, persona %q)", rgpd, r.SecurityReview, c.rgpd, c.security, r.Sensitive, r.Persona)
			}
		})
	}
}
