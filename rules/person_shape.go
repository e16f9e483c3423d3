package rules

import "strings"

// personShaped reports whether a folded word is shaped like a noun naming
// a person by what they do: "apiculteur", "plaisancier", "repreneur",
// "beekeeper", "certifier". A role names an actor, so there the suffix is
// enough in both languages; elsewhere personLike also rules out French
// things with the same endings, and English is not read this way at all
// ("folder", "number", "payment").
func personShaped(w string, lang Lang) bool {
	if len(w) < 5 || organisationWord(w) || notPersonRoles[w] {
		return false
	}
	sfx := frPersonSuffixes
	if lang == EN {
		sfx = enPersonSuffixes
	}
	for _, s := range sfx {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

var (
	frPersonSuffixes = []string{"eur", "eurs", "euse", "euses", "rice", "rices", "ier", "iers", "iere", "ieres",
		"iste", "istes", "ant", "ants", "ante", "antes", "aire", "aires", "ien", "iens", "ienne", "iennes"}
	enPersonSuffixes = []string{"er", "ers", "or", "ors", "ist", "ists", "ant", "ants", "ent", "ents", "ee", "ees"}
	// notPersonRoles end like a person but name a body or a machine.
	notPersonRoles = setOf(`service services departement department government gouvernement prestataire prestataires
		partenaire partenaires provider providers partner partners controller processor serveur server`)
)

// personLike reports whether a folded word names a person: a person word
// of the template, or, in French, a noun shaped like one ("des
// apiculteurs", "du plaisancier") that is not a common thing with the
// same ending ("du compteur", "du dossier", "la liste").
func (c *compiled) personLike(w string, lang Lang) bool {
	if c.isPerson(w) {
		return true
	}
	if lang != FR || frThings[w] || frThings[strings.TrimRight(w, "sx")] || frThings[stem(w)] || frInfinitive(w) {
		return false
	}
	return personShaped(w, FR) || frPersonNouns[w]
}

// frPersonNouns name a person by a charge, with no person's ending: "le
// téléphone du responsable de créneau", "le courriel du référent".
var frPersonNouns = setOf(`responsable responsables referent referents referente referentes chef chefs cheffe cheffes`)

// frThings are French nouns and adjectives ending like a person's noun
// that name things, qualities or times.
var frThings = setOf(`leur leurs plusieurs ailleurs capteur compteur serveur ordinateur moteur secteur indicateur conteneur ascenseur extincteur
	radiateur navigateur calculateur detecteur generateur distributeur repartiteur transformateur onduleur vecteur
	accelerateur amplificateur connecteur convertisseur processeur valeur couleur erreur largeur hauteur longueur
	profondeur epaisseur chaleur douleur humeur faveur honneur peur fleur labeur interieur exterieur superieur
	inferieur meilleur majeur anterieur posterieur ulterieur moniteur afficheur routeur pointeur curseur compresseur
	fichier dossier chantier quartier atelier calendrier courrier papier panier escalier clavier casier sentier
	palier cahier metier premier dernier janvier fevrier entier levier grenier barriere carriere riviere frontiere
	lumiere matiere maniere premiere derniere filiere priere fourriere portiere croisiere
	projecteur projecteurs disjoncteur disjoncteurs interrupteur interrupteurs ventilateur ventilateurs climatiseur climatiseurs
	aspirateur aspirateurs broyeur broyeurs bruleur bruleurs echangeur echangeurs surpresseur surpresseurs
	montant restaurant carburant courant composant volant battant battants instant diamant avant durant pendant cependant maintenant
	suivant existant important suffisant manquant restant pourtant precedent suivante existante importante
	imprimante variante constante composante detente
	formulaire dictionnaire inventaire calendaire horaire salaire commentaire questionnaire annuaire anniversaire
	itineraire vocabulaire ordinaire primaire secondaire binaire unitaire sanitaire solidaire budgetaire lampadaire luminaire
	sommaire glossaire
	necessaire temporaire prioritaire obligatoire complementaire supplementaire documentaire reglementaire
	liste piste checkliste
	lien bien rien chien mien tien sien ancien entretien soutien maintien quotidien
	financier foncier mobilier immobilier hospitalier journalier regulier singulier sortant entrant
	composteur pigeonnier poulailler cendrier pommier poirier cerisier olivier figuier prunier laurier rosier
	matrice cicatrice calculatrice generatrice tondeuse perceuse agrafeuse`)
