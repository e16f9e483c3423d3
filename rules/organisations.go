package rules

import "strings"

// Organisations and public bodies: their records, details and names are
// no person's (the policy: organisations are not people), wherever a
// reading of ownership asks.

// organisationWords name organisations and what they file: their records
// are no personal data ("le dossier de l'association", "une demande de
// subvention", "les demandes d'agrément").
var organisationWords = map[string]bool{
	"association": true, "entreprise": true, "societe": true, "structure": true, "organisme": true,
	"organisation": true, "collectivite": true, "agrement": true, "subvention": true, "siret": true,
	"siren": true, "etablissement": true, "financeur": true, "producteur": true, "fournisseur": true,
	"company": true, "companie": true, "organization": true, "busines": true, "charity": true,
	"charitie": true, "supplier": true, "grant": true, "producer": true, "dataset": true,
	"financement": true, "funding": true,
	// Company forms: "gérant d'une SARL", "une EARL apicole".
	"sarl": true, "sasu": true, "eurl": true, "earl": true, "gaec": true, "scea": true, "scop": true,
	"sci": true, "gie": true, "ltd": true, "llc": true, "plc": true,
	// Performing companies hold the authorisations they ask for: "le
	// représentant d'un cirque", "a circus", "une troupe de théâtre"
	// (not "compagnie": an insurer, or the company one belongs to).
	"cirque": true, "circus": true, "troupe": true,
	// Public procurement answers come from companies, not people.
	"soumissionnaire": true, "attributaire": true, "tenderer": true, "bidder": true, "contractor": true,
}

// possessedByFirst reports whether the words before a keyword end with a
// first-person possessive: "notre RIB", "our bank details".
func possessedByFirst(before string) bool {
	return firstPossessives[lastWord(before)]
}

// organisationPersona reports whether the story's persona is an
// organisation ("ETQ association", "As a company").
func (s *story) organisationPersona() bool {
	if s.sent == nil {
		return false
	}
	for _, w := range words(s.sent.Role) {
		if organisationWord(w) {
			return true
		}
	}
	return false
}

// aboutOrganisation reports whether the story's persona or its sentence
// names an organisation: the records it handles are the organisation's.
func (s *story) aboutOrganisation() bool {
	if s.sent == nil {
		return false
	}
	for _, w := range words(s.sent.Role + " " + s.sent.Text) {
		if organisationWord(w) {
			return true
		}
	}
	return false
}

// organisationWord reports whether a folded word is one of
// organisationWords, singular or plural: stem drops the final "e" of
// "entreprise", "structure", "société", so the word is tried as written
// and without its plural mark too.
func organisationWord(w string) bool {
	if organisationWords[w] || organisationWords[stem(w)] {
		return true
	}
	n := len(w)
	return n > 3 && (w[n-1] == 's' || w[n-1] == 'x') && organisationWords[w[:n-1]]
}

// organisationAfter reports whether the words after offset end name an
// organisation as the owner: "le RIB de l'association", "the address of
// the company".
func (c *compiled) organisationAfter(text string, end int) bool {
	after := firstWords(text[end:], 6)
	if len(after) == 0 || !ofWords[after[0]] {
		return false
	}
	// One noun may come between: "les brouillons de déclaration des
	// entreprises" are the companies' drafts.
	hops := 0
	for i := 1; i < len(after); i++ {
		x := after[i]
		if roleArticles[x] || x == "l" || possessives[x] || compoundPrefixes[x] && i+1 < len(after) && isOrganisation(after[i+1]) {
			continue // "des auto-écoles", "la micro-crèche": the words split at the hyphen
		}
		if isOrganisation(x) {
			return true
		}
		if hops > 0 || c.isPerson(x) || i+1 >= len(after) || !ofWords[after[i+1]] {
			return false
		}
		hops++
		i++
	}
	return false
}

// organisationOwner reports whether the detail at text[start:end] is an
// organisation's: named after it ("le RIB de l'association") or, in
// English, before it with "'s" ("our organisation's bank account
// details", "the club's bank details"), which the tokenizer splits.
func (c *compiled) organisationOwner(text string, start, end int) bool {
	if c.organisationAfter(text, end) {
		return true
	}
	// Only an "'s" within the last two words can name the owner: most
	// details have none, and this runs for every topic word kept.
	if !strings.Contains(text[max(0, start-16):start], "s ") {
		return false
	}
	before := lastWords(text[:start], 3)
	for i := len(before) - 1; i >= 1 && i >= len(before)-2; i-- {
		if before[i] == "s" {
			return isOrganisation(before[i-1])
		}
	}
	return false
}

// compoundPrefixes open a compound whose last part names what it is:
// "auto-école", "micro-crèche", "multi-accueil".
var compoundPrefixes = setOf(`auto micro mini multi`)

// ownerBodies name public bodies, groups and their premises as the
// owner of a detail: "l'IBAN de la fédération", "le téléphone de la
// mairie annexe", "the address of the council". They count only in that
// owner position: an agent "de la mairie" is still a person, and a
// sentence naming "le service" still handles people's records.
var ownerBodies = map[string]bool{
	"federation": true, "club": true, "ligue": true, "comite": true, "syndicat": true, "cooperative": true,
	"fondation": true, "mairie": true, "commune": true, "prefecture": true, "ministere": true, "administration": true,
	"agence": true, "caisse": true, "service": true, "direction": true, "office": true, "institution": true,
	"ecole": true, "college": true, "lycee": true, "universite": true, "creche": true, "hopital": true,
	"entite": true, "operateur": true, "editeur": true, "prestataire": true, "cabinet": true, "groupement": true,
	"conseil": true, "metropole": true, "tribunal": true, "rectorat": true, "centre": true,
	"parquet": true, "tresorerie": true, "hospital": true,
	"academie": true, "ccas": true, "caf": true, "cpam": true, "mdph": true,
	"council": true, "authority": true, "court": true, "trust": true, "board": true, "agency": true, "department": true, "school": true,
	"foundation": true, "provider": true, "vendor": true, "firm": true,
	// Businesses and establishments named by their trade: "le RIB des
	// auto-écoles partenaires", "the bank details of the pharmacy".
	"garage": true, "pharmacie": true, "laboratoire": true, "clinique": true, "ehpad": true,
	"hotel": true, "restaurant": true, "magasin": true, "banque": true, "mutuelle": true,
	"pharmacy": true, "laboratory": true, "clinic": true, "shop": true, "bank": true,
	// A tender's documents are a company's: "un brouillon d'offre".
	"offre": true, "devis": true, "pli": true, "soumission": true, "tender": true, "bid": true, "quote": true,
}

// isOrganisation reports whether a folded word names an organisation or
// a body,
// in the singular or the plural ("structures", "entreprises": stem drops
// their final "e" too, so both forms are tried).
func isOrganisation(w string) bool {
	for _, m := range []map[string]bool{organisationWords, ownerBodies} {
		if m[w] || m[stem(w)] {
			return true
		}
		if n := len(w); n > 3 && (w[n-1] == 's' || w[n-1] == 'x') && m[w[:n-1]] {
			return true
		}
	}
	return false
}
