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
	// when completes "Obligatoire …" / "Required …".
	when Text
}

var conditionList = []conditionInfo{
	{Always, Text{FR: "toujours", EN: "always"}},
	{WhenPrivileged, Text{
		FR: "pour un profil à privilèges (administrateur, agent habilité…)",
		EN: "for a privileged role (administrator, authorised agent…)",
	}},
	{WhenSensitive, Text{
		FR: "si le récit touche à la sécurité (authentification, habilitations, données sensibles, export en masse, interconnexion, suppression, signature…)",
		EN: "when the story touches security (authentication, access rights, sensitive data, bulk export, interconnection, deletion, signature…)",
	}},
	{WhenPersonalData, Text{
		FR: "si le récit traite des données personnelles",
		EN: "when the story processes personal data",
	}},
	{WhenCitizen, Text{
		FR: "pour un récit destiné aux usagers",
		EN: "for a citizen-facing story",
	}},
}

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
// "Required …" ("pour un profil à privilèges …"). An unknown condition
// is returned as written.
func (c Condition) When(lang Lang) string {
	for _, k := range conditionList {
		if k.cond == c {
			return k.when.Get(lang)
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
