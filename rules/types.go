// Package rules is cochef's story analysis: an issue's title, Markdown body
// and labels in, a parsed Story and Findings out. It is pure: no network, no
// platform types, no package of ours.
package rules

// Lang is a message language.
type Lang string

const (
	FR Lang = "fr"
	EN Lang = "en"
)

// Text is a text in several languages.
type Text map[Lang]string

// Get returns the text in lang, else French, else English, else any.
func (t Text) Get(lang Lang) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	for _, l := range []Lang{FR, EN} {
		if s, ok := t[l]; ok && s != "" {
			return s
		}
	}
	for _, s := range t {
		return s
	}
	return ""
}

// Severity of a finding. A story is ready when it has no error.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Input is one story as a platform holds it.
type Input struct {
	Title  string
	Body   string // Markdown
	Labels []string
}

// SectionKind says how a section's content is read.
type SectionKind string

const (
	KindStory    SectionKind = "story"    // holds the story sentence
	KindCriteria SectionKind = "criteria" // list items, task items or Gherkin scenarios
	KindText     SectionKind = "text"     // free text
)

// Well-known section IDs used by the built-in templates and by code that
// needs a particular section (the recette checklist reads the criteria).
const (
	SectionStory         = "story"
	SectionCriteria      = "acceptance-criteria"
	SectionSecurityNotes = "security-notes"
	SectionPersonalData  = "personal-data"
	SectionAccessibility = "accessibility"
)

// Template says which sections a story needs and how it is judged. The
// templates package builds these from YAML; rules only reads them.
type Template struct {
	Name        string
	Title       Text
	Description Text
	// Labels select the template: an issue with any of them uses it.
	Labels []string
	// TitleWords select it for an unlabelled issue with no story sentence
	// whose title opens with one of them ("Réunion", "Revue de sprint").
	TitleWords []string
	// TitleQuestion selects it for an unlabelled issue with no story
	// sentence whose title asks a question ("Combien de temps garde-t-on
	// les dossiers ?"; YAML "title_question: true").
	TitleQuestion bool
	// ExistingFeature says the template's issues report a fault of, or
	// ask about, what the service already does (a bug report, a support
	// request; YAML "existing_feature: true"): a record, a name, a birth
	// date or a tax figure they name is the feature's, no new processing.
	ExistingFeature bool
	// NamedTopicsOnly reads topics only in the sections the template
	// names (YAML "scan_unnamed: false"): the title and text under no
	// heading, or under one the template does not know, ask for no
	// review. User-research notes report what people said wherever the
	// team writes it; only what they propose, under its heading, counts.
	NamedTopicsOnly bool
	// Default marks the template used when no label selects another.
	Default bool
	// NoStory marks a template for issues that are no story (a bug
	// report, a question, meeting notes; YAML "story: false"): what
	// cochef writes about them speaks of the ticket, not of the « récit ».
	NoStory  bool
	Sections []SectionSpec
	// Personas known to the team. When the list is not empty, a role that
	// matches none of them is reported by role-unknown.
	Personas []Persona
	// Topics whose mention makes a story sensitive.
	Topics []Topic
	// SecurityChecklist is the list of questions asked when security notes
	// are required.
	SecurityChecklist []Text
	// RecetteChecks are the checklist questions a recette verifies on the
	// delivered feature, phrased as checks, with what they apply to.
	RecetteChecks []RecetteCheck
	// RecetteSkip opens the statements of the security notes and RGPD
	// section that record a decision or a task ("Base légale",
	// "Dossier d'homologation") rather than something to verify on the
	// feature: they are no Measure. Case and accents are ignored.
	RecetteSkip []string
	// VagueTerms are words that make a story or criterion untestable.
	VagueTerms map[Lang][]string
	// Rules overrides rule severities or turns rules off, by rule ID.
	Rules map[string]RuleSetting
}

// RecetteCheck is a security checklist question as a recette verifies
// it: "Habilitations : rôles, moindre privilège… ?" asked while the story
// is written becomes "Un compte sans le rôle requis ne peut ni voir ni
// faire l'action" once it is delivered. It applies to a story that
// mentions one of Topics or meets one of When.
type RecetteCheck struct {
	// Question is the index of the question in SecurityChecklist.
	Question int
	Text     Text
	Topics   []string
	When     []Condition
}

// SectionSpec is one section a story may or must have.
type SectionSpec struct {
	ID    string
	Kind  SectionKind
	Title Text
	// Aliases are the headings that name this section, in any language;
	// matched case-, accent- and punctuation-insensitively.
	Aliases []string
	// Hint is the placeholder text the template puts in the section; a
	// section left with it counts as empty.
	Hint Text
	// RequiredWhen lists the conditions under which the section is required
	// (any of them); empty means optional.
	RequiredWhen []Condition
	// IgnoreTopics keeps the section's text out of topic detection: "Hors
	// périmètre : l'export de données" names what the story does not do.
	// Sections that answer a condition (security notes, RGPD,
	// accessibility) are always left out.
	IgnoreTopics bool
	// Lead lets the prose that opens the body, before any heading, list
	// or code block, stand for this section when no heading names it: a
	// bug report opening with "Depuis la mise à jour, les levées sont
	// comptées deux fois" says what was observed, a technical task
	// opening with "La 4.2 sort du support en avril" says why. One
	// section of a template at most, of kind text.
	Lead bool
}

// Persona is a role a story may be written for.
type Persona struct {
	ID string
	// Names are the forms the role takes after "En tant que" / "As a".
	Names []string
	// Privileged personas need security notes and a security review.
	Privileged bool
	// Citizen-facing personas need an accessibility note.
	Citizen bool
	// Requires lists further section IDs this persona needs.
	Requires []string
}

// Topic is a sensitive subject found in what a story does.
type Topic struct {
	ID string
	// Categories are CategorySecurity, CategoryPersonalData or both: the
	// sections the topic asks for.
	Categories []string
	// Keywords match case- and accent-insensitively on word boundaries.
	Keywords []string
	// Acronyms match only as whole upper-case tokens.
	Acronyms []string
	// Context says where a keyword counts (ContextAny when empty).
	Context TopicContext
	// Detail: the keywords name a person's detail (bank details). A need
	// that only changes it ("modifier mon RIB", "update my bank
	// details") asks for the RGPD section, not for security notes: the
	// policy's change of personal details.
	Detail bool
	// OwnData: a citizen's keyword about something of their own ("joindre
	// mon bail", "upload my certificate") also asks for the RGPD section,
	// whatever Categories say: the thing sent is about them. An upload
	// of a dwelling's certificates or of staff's own report is not.
	OwnData bool
	// Listed: the keywords also count in the section that answers the
	// RGPD review. Writing there that the story processes health or
	// identity data says it does: the special categories and identity
	// data ask for security notes, whoever wrote them down. A line that
	// negates ("données de santé : aucune") does not count.
	Listed bool
	// Labels find the topic on an issue the team labelled with one of
	// them ("rgpd", "sécurité"): the authors saying what the story
	// touches. Compared as template labels are (case, accents and
	// punctuation aside; a scoped label "type: sécurité" by its last part).
	Labels []string
}

// Has reports whether the topic is of category cat.
func (t *Topic) Has(cat string) bool {
	for _, c := range t.Categories {
		if c == cat {
			return true
		}
	}
	return false
}

// TopicContext restricts where a topic's keywords count: some words are
// sensitive only when they are about a person.
type TopicContext string

const (
	// ContextAny: a keyword counts wherever the story uses it.
	ContextAny TopicContext = "any"
	// ContextPerson: a keyword counts only when it belongs to a person:
	// after a possessive ("mon adresse", "their phone"), or followed by a
	// person ("l'adresse de l'usager", "the name of the applicant").
	// "adresse" alone is also the service's address.
	ContextPerson TopicContext = "person"
	// ContextOwn: as ContextPerson, and also in the story's need, unless
	// its sentence names an organisation: the records a public service
	// handles ("annuler une réservation", "filtrer les dossiers") are
	// people's, a "demande de subvention" of an association is not.
	ContextOwn TopicContext = "own"
	// ContextCitizen: in the need of a story whose persona is a citizen
	// and a natural person ("ETQ visiteur, je reçois un SMS la veille"):
	// messages to a person use their contact details; an agent's alert
	// in the back-office does not.
	ContextCitizen TopicContext = "citizen"
	// ContextPersonalData: a keyword counts only when the same sentence
	// also handles personal data: another personal-data keyword, or
	// people as a group ("exporter la liste des demandeurs").
	// "exporter" alone also exports statistics.
	ContextPersonalData TopicContext = "personal-data"
	// ContextNeed: the keywords name people ("allocataire", "agent",
	// "applicant"); they count in the story's need only, as whom the
	// story handles ("relancer un allocataire"), not as whom it is for
	// ("pour les usagers") nor in a count ("le nombre d'allocataires").
	// They are also the people that make a ContextPerson keyword
	// someone's.
	ContextNeed TopicContext = "need"
	// ContextExchange: as ContextAny, and it counts whatever the need
	// does: a provider or another system that receives people's data
	// ("une notification push (Firebase)") is a new recipient even in a
	// notification or a list, which otherwise process nothing new.
	ContextExchange TopicContext = "exchange"
	// ContextInterconnection: the keywords name another administration
	// or system ("la CAF", "France Travail", "HMRC"); they count when
	// their sentence exchanges data with it: a verb of sending, receiving,
	// fetching, synchronising or checking against ("transmettre à
	// l'ANTS", "récupéré auprès de la CAF", "sent to HMRC"). Naming the
	// body alone ("l'agence CAF la plus proche") is no interconnection.
	ContextInterconnection TopicContext = "interconnection"
	// ContextAct: as ContextAny, but in the story sentence a keyword
	// counts only as what the need does, not in a circumstance ("voir la
	// fiche d'une application avant de demander l'accès") nor in a
	// relative clause ("les applications auxquelles je peux demander
	// l'accès"): the story browses, it changes nobody's rights.
	ContextAct TopicContext = "act"
	// ContextSamePerson: as ContextExchange (whatever the need does, an
	// alert included), and a keyword that is only "même"/"same" counts
	// before a person ("un même chasseur", "the same applicant"): the
	// same person found twice is a cross-match.
	ContextSamePerson TopicContext = "same-person"
	// ContextProvider: the keywords name an outside provider (a
	// contractor, a subcontractor, a delegate of the public service).
	// They count as ContextPersonalData in the text ("transmettre au
	// prestataire la liste des bénéficiaires"), and, when they name the
	// story's persona ("ETQ prestataire, je reçois les coordonnées des
	// locataires"), whenever the story handles personal data or gives the
	// provider an account: a new recipient of people's data.
	ContextProvider TopicContext = "provider"
	// ContextRecords: as ContextPersonalData, and a person's record
	// named in the same sentence (a dossier, a request, an account)
	// counts whoever's it is, unless an organisation owns it: a
	// migration from an old system copies every record it names
	// ("reprendre les demandes en cours de l'ancien tableur").
	ContextRecords TopicContext = "records"
	// ContextOtherPerson: the keywords say "another" ("d'un autre",
	// "another", "someone else"); they count, whatever the need does,
	// when they name a person who owns a detail or a record of the same
	// sentence: another person's data shown to someone ("la facture
	// affiche l'adresse d'un autre abonné", "shows another tenant's
	// details"), a disclosure. So do a previous or a wrong person ("le
	// nom du propriétaire précédent", "the previous holder's address"),
	// and a public or published document that shows a person's detail.
	ContextOtherPerson TopicContext = "other-person"
	// ContextTransfer: the keywords are verbs of sending; they count in
	// the need when they send a person's record to an organisation or a
	// body ("transférer son dossier au nouvel établissement", "forward
	// the applicant's case to the council"): a new recipient. Sending it
	// to a colleague is an assignment.
	ContextTransfer TopicContext = "transfer"
	// ContextSeeing: the keywords are verbs of seeing or knowing; they
	// count when their sentence asks a question ("l'accueil doit-il voir
	// la date de naissance des électeurs ?") or says who must not see
	// ("les bénévoles ne doivent pas voir l'adresse des familles"), and a
	// person's detail follows them in the sentence: who sees what. One's
	// own detail ("can I see my booking?") and what is nobody's ("see
	// the opening hours") are not.
	ContextSeeing TopicContext = "seeing"
	// ContextOutside: the keywords name a body or a professional outside
	// the service (a carrier, an employing authority, the gendarmerie, a
	// school, a liberal therapist, an exam marker, a partner). They count
	// only as the story's persona, when its need sees, consults, checks or
	// receives a person's data ("ETQ transporteur, je consulte la liste
	// des élèves"): a new kind of user given access to people's data. Its
	// own or aggregated figures, and the text elsewhere, do not count.
	ContextOutside TopicContext = "outside"
	// ContextDoer: the keywords ask or say who did something ("quel",
	// "which", "ayant", "qui a", "who") or are an act's participle; they
	// count when a person (a staff member) and the act's participle follow
	// or precede as one phrase: "quel agent a validé", "which officer
	// approved", "le nom de l'agent ayant clôturé", "qui a délivré". Showing
	// who did what names them; an act of releasing or opening a record is
	// an access to it.
	ContextDoer TopicContext = "doer"
	// ContextInbound: the keywords create a record on their own ("créent
	// automatiquement une demande", "create a ticket automatically");
	// they count when their sentence names messages received from
	// outside ("les courriels envoyés à la mairie", "e-mails sent to the
	// helpdesk"): a mailbox connected to the tool, whose senders are
	// people. A record created inside the tool is not.
	ContextInbound TopicContext = "inbound"
	// ContextAccess: the keywords are verbs of getting at records
	// ("accéder aux", "access the"); they count in the need when it names
	// someone else's data ("accéder aux dossiers des patients", "access
	// the complainants' files"): a right to see it, whoever asks. One's
	// own records ("accéder à mon dossier") and an easier way in
	// ("accéder rapidement aux dossiers") are not.
	ContextAccess TopicContext = "access"
	// ContextOut: the keywords are verbs that take a document out of the
	// tool (print, send, download); they count in the need when what it
	// takes out names several people or their details ("imprimer le
	// planning des agents avec leurs numéros", "download the register
	// with participants' names"): a document listing people leaves the
	// tool. Recipients ("aux membres", "to the board"), a message sent
	// through the existing channel, one's own document and counts do not.
	ContextOut TopicContext = "out"
	// ContextRestricted: the keywords restrict ("seuls", "uniquement",
	// "only"); they count when what they restrict to is a group of
	// people, named right after them or, in English, right before "only"
	// ("seuls les agents de la direction", "accessible uniquement aux
	// agents", "members only", "volunteers-only"), in a sentence that
	// sees, reaches or may do something: a rule on who may see or do
	// what, written in the authors' own words. Things ("seuls les
	// dossiers complets") are not.
	ContextRestricted TopicContext = "restricted"
	// ContextOnBehalf: the keywords name one's own relative ("ma mère",
	// "my dad"); as ContextNeed they count in the story's need only, and
	// whatever the need does: seeing, cancelling or being told about a
	// parent's visit ("annuler une intervention chez mon père", "get a
	// text when my mum's alarm is raised") is acting or knowing for
	// another adult, the policy's representation, where the same act on
	// one's own data processes nothing new.
	ContextOnBehalf TopicContext = "on-behalf"
)

// TopicContexts lists the contexts a template may use.
func TopicContexts() []TopicContext {
	return []TopicContext{ContextAny, ContextPerson, ContextOwn, ContextCitizen, ContextPersonalData, ContextNeed, ContextExchange, ContextInterconnection, ContextAct, ContextProvider, ContextRecords, ContextOtherPerson, ContextTransfer, ContextSeeing, ContextSamePerson, ContextOutside, ContextDoer, ContextInbound, ContextAccess, ContextOut, ContextRestricted, ContextOnBehalf}
}

// RuleSetting overrides a rule for a template.
type RuleSetting struct {
	Enabled  *bool    // nil keeps the rule's default (enabled)
	Severity Severity // empty keeps the rule's default
}
