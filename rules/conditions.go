package rules

// rules owns the vocabulary templates are written in: the conditions under
// which a section is required, and the categories of topics that raise
// them. The templates package validates files against these lists and
// describes them with these texts, so a condition is spelled in one place.

// Condition says when a template section is required.
type Condition string

const (
	Always           Condition = "always"
	WhenPrivileged   Condition = "privileged-role" // the persona is privileged
	WhenSensitive    Condition = "sensitive-topic" // a topic of category "security" is found
	WhenPersonalData Condition = "personal-data"   // a topic of category "personal-data" is found
	WhenCitizen      Condition = "citizen-role"    // the persona is citizen-facing
)

// Topic categories. A topic of category security raises sensitive-topic
// (security notes and a security review); one of category personal-data
// raises personal-data (the RGPD section). A topic may have both.
const (
	CategorySecurity     = "security"
	CategoryPersonalData = "personal-data"
)

// conditionInfo describes one condition for people: when it holds.
type conditionInfo struct {
	cond Condition
	// when completes "Obligatoire …" / "Required …", speaking of the
	// story or of the ticket.
	when func(subject) Text
}

var conditionList = []conditionInfo{
	{Always, func(subject) Text { return Text{FR: "toujours", EN: "always"} }},
	{WhenPrivileged, func(subject) Text {
		return Text{
			FR: "pour un profil à privilèges (administrateur, agent habilité…)",
			EN: "for a privileged role (administrator, authorised agent…)",
		}
	}},
	{WhenSensitive, func(n subject) Text {
		return Text{
			FR: "si " + n.the[FR] + " touche à la sécurité (authentification, habilitations, données sensibles, export en masse, interconnexion, suppression, signature…)",
			EN: "when " + n.the[EN] + " touches security (authentication, access rights, sensitive data, bulk export, interconnection, deletion, signature…)",
		}
	}},
	{WhenPersonalData, func(n subject) Text {
		return Text{
			FR: "si " + n.the[FR] + " traite des données personnelles",
			EN: "when " + n.the[EN] + " processes personal data",
		}
	}},
	{WhenCitizen, func(n subject) Text {
		return Text{
			FR: "pour " + n.a[FR] + " destiné aux usagers",
			EN: "for a citizen-facing " + n.noun[EN],
		}
	}},
}

// subject names what a template checks: a « récit », or a ticket for the
// templates of issues that are no story (NoStory).
type subject struct{ the, a, noun Text }

var (
	storySubject  = subject{the: Text{FR: "le récit", EN: "the story"}, a: Text{FR: "un récit", EN: "a story"}, noun: Text{FR: "récit", EN: "story"}}
	ticketSubject = subject{the: Text{FR: "le ticket", EN: "the issue"}, a: Text{FR: "un ticket", EN: "an issue"}, noun: Text{FR: "ticket", EN: "issue"}}
)

// Conditions lists every condition a template may use in required_when.
func Conditions() []Condition {
	out := make([]Condition, len(conditionList))
	for i, c := range conditionList {
		out[i] = c.cond
	}
	return out
}

// Known reports whether c is one of Conditions.
func (c Condition) Known() bool {
	for _, k := range conditionList {
		if k.cond == c {
			return true
		}
	}
	return false
}

// When says in words when c holds, to complete "Obligatoire …" /
// "Required …" ("pour un profil à privilèges …", "si le récit traite des
// données personnelles"); noStory speaks of the ticket ("si le ticket
// traite …"), for the templates of bug reports, questions or notes. An
// unknown condition is returned as written.
func (c Condition) When(lang Lang, noStory bool) string {
	n := storySubject
	if noStory {
		n = ticketSubject
	}
	for _, k := range conditionList {
		if k.cond == c {
			return k.when(n).Get(lang)
		}
	}
	return string(c)
}

// Categories lists the topic categories a template may use.
func Categories() []string { return []string{CategorySecurity, CategoryPersonalData} }

// KnownCategory reports whether cat is one of Categories.
func KnownCategory(cat string) bool {
	return cat == CategorySecurity || cat == CategoryPersonalData
}
