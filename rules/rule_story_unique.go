package rules

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

var storyUnique = Rule{
	ID:       "story-unique",
	Severity: SeverityWarning,
	Summary: Text{
		FR: "Pas deux récits pour le même besoin",
		EN: "No two stories for the same need",
	},
	Message: Text{
		FR: "Ce récit semble redire {other} « {title} » : même profil, même besoin (similarité {score}). Fusionnez-les, ou dites dans la phrase ce qui les distingue.",
		EN: "This story seems to repeat {other} “{title}”: same role, same need ({score} similar). Merge them, or say in the sentence what sets them apart.",
	},
	backlog: checkStoryUnique,
}

// A duplicate, as the Quality User Story framework defines it, is the
// same need for the same role, possibly reworded, later in the backlog.
// So stories are compared only with the earlier stories of the same
// role, on their need alone (two stories may share a need and differ in
// why), and the need's words are compared as meanings: folded, stemmed,
// and mapped to one word per family of synonyms ("voir", "consulter",
// "suivre"; "télécharger", "exporter", "récupérer"). Each word weighs
// its rarity in the backlog, and the score mixes how much of the shorter
// need the longer one says with how much they share of all they say: a
// need that says an earlier one and more
// ("trier et filtrer les dossiers" after "filtrer les dossiers") repeats
// it too, while two needs that differ in a rare word ("into R", "into
// Excel") do not.

// uniqueThreshold is the similarity from which a story repeats another:
// the mean of containment and weighted Jaccard (see similarity).
const uniqueThreshold = 0.7

// shortNeed is the most content words of a short need: with so few, one
// word the synonym families miss ("le jour" / "aujourd'hui prévus")
// weighs a third of the need, so a lower similarity already says the
// same need; long needs share words by chance and keep the threshold.
const (
	shortNeed      = 4
	shortThreshold = 0.6
)

func threshold(a, b int) float64 {
	if max(a, b) <= shortNeed {
		return shortThreshold
	}
	return uniqueThreshold
}

// stopWords carry no content: articles, pronouns, modals, prepositions.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the to of and or in on for with by at as be is are i my me we our it its
		that this so can want would like need able from into all any some their they them will should
		have has do not via each every per about up one
		en tant que qu je j veux souhaite voudrais peux besoin ai afin de d du des le la les l un une et ou
		pour mon ma mes me m ce cette ces qui dans sur avec par au aux pouvoir etre est sont plus ne pas se s
		etq a y n nous on vous il elle leur leurs son sa ses tous toutes tout toute depuis selon lorsque quand
		dois pourrai aimerais souhaiterais presence quelques encore
		liste listes list lists ensemble totalite`) {
		m[w] = true
	}
	return m
}()

// synonymFamilies map the words of a family to its first word. Verbs of
// seeing, changing, removing, adding, getting, sending, finding, booking;
// and the nouns stories name the same things with.
var synonymFamilies = func() map[string]string {
	m := map[string]string{}
	for _, family := range []string{
		"voir consulter afficher visualiser acceder suivre suis vois consulte affiche regarder lister see view display show browse look track follow",
		"modifier editer changer corriger modifie mets maj update edit change modify correct amend",
		"supprimer effacer retirer enlever supprime delete remove erase",
		"creer ajouter saisir remplir renseigner indiquer joindre cree ajoute saisis remplis indique create add enter fill attach",
		"telecharger recuperer exporter extraire obtenir telecharge recupere exporte download export get retrieve obtain fetch",
		"envoyer transmettre adresser envoie transmets send transmit",
		"chercher rechercher trouver retrouver cherche recherche trouve search find",
		"reserver reserve bloquer inscrire book reserve schedule",
		"signaler declarer signale declare enregistrer report log register",
		"previsualiser apercu preview",
		"creneau rendez seance session slot appointment",
		"grille tableau table grid",
		"historique passe anterieur history past previous",
		"avancement etat statut etape progress status stage",
		"horaire heure ouverture planning hour opening time timetable",
		"ligne internet site plateforme online website web platform",
		"dossier demande case application request",
		"tableur csv xlsx excel spreadsheet",
		"qf quotient",
		"cle key",
		"test sandbox bac",
		"publier publie publication publish",
		"date moment time",
		// General verbs and nouns of public services, both languages.
		"valider accepter approuver confirmer approve accept validate confirm",
		"refuser rejeter decliner refuse reject decline",
		"deposer soumettre poser candidater postuler submit apply lodge",
		"annuler cancel",
		"payer regler acheter pay buy purchase",
		"imprimer print",
		"partager share",
		"notifier alerter prevenir informer rappeler relancer notification alerte notify alert remind inform",
		"courriel mail email message",
		"trier classer ordonner trie triee classee sort order rank",
		"filtrer filter narrow",
		"carte plan map",
		"jour aujourd quotidien journee today day daily",
		"compte profil account profile",
		"equipe agent collaborateur team staff",
		"enfant fils fille child son daughter kid",
		"permis autorisation permit licence license",
		"emplacement place pitch spot",
		"disponible libre available free",
		"planifier programmer prevoir prevu programme",
		"agenda calendrier calendar",
		"manifestation evenement event",
		"marquer mark flag",
		"type nature categorie category kind",
		"desabonner desinscrire unsubscribe",
		"public publique publiques",
		"photo picture image",
		"suivant prochain next following",
		"localisation position location",
		"bancaire cb card",
		"mensuel mois mensuelle month monthly",
		"logement appartement maison flat home house",
		"billet ticket",
		"nombre combien number count",
	} {
		ws := strings.Fields(family)
		for _, w := range ws {
			for _, k := range []string{w, lemma(w, FR), lemma(w, EN)} {
				if _, dup := m[k]; !dup {
					m[k] = ws[0]
				}
			}
		}
	}
	return m
}()

// lemma reduces a folded word to what its forms share: plural, the
// French -er infinitive and its present ("déposer", "dépose",
// "déposent"), English -ing and -ed ("filtering", "filtered"), then
// stem's gender endings. Two forms of one verb then compare equal
// without a table of conjugations. The language decides the endings:
// an English "-er" is an agent ("publisher"), not an infinitive.
func lemma(w string, lang Lang) string {
	w = stem(w)
	switch n := len(w); {
	case lang == FR && n > 6 && strings.HasSuffix(w, "ent"):
		w = w[:n-3]
	case lang == FR && n > 5 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ez")):
		w = w[:n-2]
	case lang == EN && n > 6 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case lang == EN && n > 5 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	}
	return w
}

// needWords returns the distinct meanings of a story's need.
func (s *story) needWords() []string {
	if s.sent.found() < 2 {
		return nil
	}
	return NeedWords(s.sent.Action, s.sent.Lang)
}

// roleKey is the role compared for duplicates: folded and stemmed.
func (s *story) roleKey() string {
	if s.sent == nil || s.sent.Role == "" {
		return ""
	}
	return PersonaKey(s.sent.Role)
}

// checkStoryUnique reports each story whose need repeats an earlier
// story's for the same role, naming the earliest one.
func checkStoryUnique(ss []*story) [][]hit {
	out := make([][]hit, len(ss))
	ids := map[string]int{}
	needs := make([][]int, len(ss)) // word ids, sorted
	var df []int
	for i, s := range ss {
		for _, w := range s.needWords() {
			id, ok := ids[w]
			if !ok {
				id = len(df)
				ids[w] = id
				df = append(df, 0)
			}
			df[id]++
			needs[i] = append(needs[i], id)
		}
		slices.Sort(needs[i])
	}
	weight := make([]float64, len(df))
	for id, n := range df {
		weight[id] = math.Log(1 + float64(len(ss))/float64(n))
	}
	total := make([]float64, len(ss))
	for i, n := range needs {
		for _, id := range n {
			total[i] += weight[id]
		}
	}
	byRole := map[string][]int{}
	for i, s := range ss {
		key := s.roleKey()
		if key == "" || len(needs[i]) == 0 {
			continue
		}
		for _, j := range byRole[key] {
			if sim := similarity(needs[i], needs[j], weight, total[i], total[j]); sim >= threshold(len(needs[i]), len(needs[j])) {
				out[i] = append(out[i], uniqueHit(ss, i, j, sim))
				break
			}
		}
		byRole[key] = append(byRole[key], i)
	}
	return out
}

// similarity mixes how much of the shorter need the longer one says
// (containment) with how much the two share of all they say (Jaccard):
// a need that adds a word to an earlier one repeats it; two needs that
// differ in a rare word ("into R", "into Excel") do not.
func similarity(a, b []int, weight []float64, ta, tb float64) float64 {
	short := min(ta, tb)
	if short <= 0 {
		return 0
	}
	common := overlap(a, b, weight)
	return (common/short + common/(ta+tb-common)) / 2
}

// overlap is the weight two sorted needs share.
func overlap(a, b []int, weight []float64) float64 {
	common := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			common += weight[a[i]]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return common
}

func uniqueHit(ss []*story, i, j int, sim float64) hit {
	other := ss[j]
	title := other.in.Title
	if title == "" && other.sent != nil {
		title = other.sent.Text
	}
	return hit{line: ss[i].sentenceLine(), args: map[string]Text{
		"other": other.ref(),
		"title": same(shorten(title, 80)),
		"score": same(fmt.Sprintf("%d %%", int(sim*100+0.5))),
	}}
}
