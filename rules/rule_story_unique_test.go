package rules_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/rules"
)

// A duplicate is the same need for the same role, possibly reworded,
// later in the backlog: the later story is reported, naming the earlier.
func TestRuleStoryUnique(t *testing.T) {
	res := backlog(t, rules.FR,
		"En tant qu'allocataire, je veux voir l'étape de ma demande afin de savoir quand j'aurai une réponse.",
		"En tant qu'allocataire, je veux consulter l'étape de ma demande pour ne plus appeler la caisse.",
		"En tant qu'agent instructeur, je veux filtrer les dossiers par statut afin de traiter d'abord les plus anciens.",
		"En tant qu'agent instructeur, je veux filtrer les dossiers par date afin de traiter d'abord les plus anciens.",
		"En tant qu'usager, je veux payer ma facture en ligne.",
		"En tant qu'usager, je veux payer ma facture en ligne.",
		"En tant qu'agent instructeur, je veux payer ma facture en ligne.",
		"En tant qu'agent instructeur, je veux trier et filtrer les dossiers par statut.",
	)
	// 2 rewords 1 (another verb, another benefit); 4 differs from 3 in
	// what it filters by; 6 copies 5; 7 is another role's need; 8 says
	// 3's need and more.
	want := []int{0, 1, 0, 0, 0, 1, 0, 1}
	for i, r := range res {
		if got := fired(r, "story-unique"); len(got) != want[i] {
			t.Errorf("story %d: %d story-unique findings, want %d: %+v", i+1, len(got), want[i], got)
		}
	}
	f := fired(res[1], "story-unique")[0]
	if !strings.Contains(f.Message, "le récit n° 1") || !strings.Contains(f.Message, "voir l'étape") || f.Fix != "" {
		t.Errorf("finding %+v", f)
	}
	if f := fired(res[5], "story-unique")[0]; !strings.Contains(f.Message, "similarité 100 %") {
		t.Errorf("copy: %q", f.Message)
	}
}

// Phrases that say a verb of a family ("n'afficher que", "afficher
// uniquement", "see only" filter, "prendre rendez-vous" books, "look up"
// searches, "stop receiving" unsubscribes), "order" as a verb of
// sorting, a place, a session, a calendar or an event named otherwise,
// "libres" as "disponibles", "flag" as "mark", "aujourd'hui" as "du
// jour", a timetable named "planning", the public as "grand public", a
// picture as a photo, the following week as the next, "près de chez
// moi" as a location, filler words ("la présence de"), a card as "CB",
// a month as monthly, "enregistrer" as "déclarer", "combien" as "le
// nombre", buying as purchasing and a flat as a home find reworded
// needs; a need about another thing does not.
func TestRuleStoryUniquePhrases(t *testing.T) {
	fr := backlog(t, rules.FR,
		"ETQ agent, je veux filtrer les demandes par quartier.",
		"ETQ agent, je veux n'afficher que les demandes d'un quartier.",
		"ETQ agent d'accueil, je veux voir les arrivées du jour.",
		"ETQ agent d'accueil, je veux consulter les arrivées d'aujourd'hui.",
		"ETQ agent d'accueil, je veux consulter les horaires d'ouverture.",
		"ETQ exposant, je veux réserver un emplacement en ligne pour la brocante.",
		"ETQ exposant, je veux réserver ma place en ligne pour la brocante.",
		"ETQ plaisancier, je veux consulter les places disponibles pour une escale.",
		"ETQ plaisancier, je veux voir les places libres pour une escale.",
		"ETQ visiteur, je veux voir l'agenda des prochaines manifestations du club.",
		"ETQ visiteur, je veux consulter le calendrier des prochains événements du club.",
		"ETQ usager, je veux prendre rendez-vous en ligne pour un dépistage.",
		"ETQ usager, je veux réserver en ligne un créneau de dépistage.",
		"ETQ gestionnaire, je veux filtrer les inscrits par centre d'examen.",
		"ETQ gestionnaire, je veux afficher uniquement les inscrits d'un centre d'examen.",
		"ETQ nageur, je veux consulter les horaires des bassins publics de la semaine.",
		"ETQ nageur, je veux voir le planning des bassins grand public de la semaine.",
		"ETQ habitant, je veux signaler un dépôt sauvage avec une photo et sa localisation.",
		"ETQ habitant, je veux déclarer la présence d'un dépôt sauvage près de chez moi en envoyant une photo.",
		"ETQ habitant, je veux payer ma redevance en ligne.",
		"ETQ adhérent, je veux payer ma cotisation mensuelle par carte bancaire.",
		"ETQ adhérent, je veux régler ma cotisation du mois avec ma CB.",
		"ETQ propriétaire, je veux déclarer mon gîte en ligne.",
		"ETQ propriétaire, je veux enregistrer mon gîte sur le site.",
		"ETQ élu, je veux voir le nombre de participants par commune.",
		"ETQ élu, je veux afficher combien de participants par commune.",
		"ETQ choriste, je veux indiquer mes disponibilités pour les concerts du trimestre.",
		"ETQ choriste, je veux renseigner mes disponibilités pour les concerts du trimestre.",
		"ETQ campeur, je veux réserver un emplacement pour le mois d'août.",
		"ETQ campeur, je veux bloquer un emplacement pour le mois d'août.",
		"ETQ lecteur, je veux m'inscrire à l'atelier d'écriture du samedi.",
		"ETQ lecteur, je veux réserver ma place à l'atelier d'écriture du samedi.",
		"ETQ visiteur, je veux acheter mon entrée en ligne.",
		"ETQ visiteur, je veux payer mon entrée sur internet.",
	)
	en := backlog(t, rules.EN,
		"As a duty officer, I want to search notifications by the child's surname.",
		"As a duty officer, I want to look up a notification using the child's surname.",
		"As a resident, I want to unsubscribe from the street works alerts.",
		"As a resident, I want to stop receiving the street works alerts.",
		"As an officer, I want to sort new applications by start date.",
		"As an officer, I want to order the new applications by start date.",
		"As an operator, I want to mark a camera as out of service.",
		"As an operator, I want to flag a camera as out of service.",
		"As a suspensions officer, I want to filter the pending applications by ward.",
		"As a suspensions officer, I want to see only the pending applications of one ward.",
		"As a resident, I want to add a picture of the broken streetlight to my report.",
		"As a resident, I want to add a photo of the broken streetlight to my report.",
		"As a parent, I want to book the sessions of the next week.",
		"As a parent, I want to book the sessions of the following week.",
		"As a parent, I want to cancel a session.",
		"As a visitor, I want to buy tickets for the planetarium online.",
		"As a visitor, I want to purchase tickets for the planetarium on the website.",
		"As a host, I want to put my home on the register.",
		"As a host, I want to put my flat on the register.",
	)
	for _, c := range []struct {
		res  []rules.Result
		want []int
	}{
		{fr, []int{0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}},
		{en, []int{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1}},
	} {
		for i, r := range c.res {
			if got := fired(r, "story-unique"); len(got) != c.want[i] {
				t.Errorf("story %d (%s): %d story-unique findings, want %d", i+1, r.Story.Action, len(got), c.want[i])
			}
		}
	}
}

// A backlog read from a file names the other story by its line there,
// which is what the person can find; blank and comment lines make it
// differ from the story's rank.
func TestRuleStoryUniqueNamesFileLines(t *testing.T) {
	in := []rules.Input{
		{Title: "En tant qu'usager, je veux payer ma facture en ligne."},
		{Title: "En tant qu'agent, je veux trier les dossiers par date."},
		{Title: "En tant qu'usager, je veux payer ma facture en ligne."},
	}
	res := rules.AnalyzeBacklogAt(in, []int{4, 7, 12}, builtin(t).Default(), rules.FR)
	if f := fired(res[0], "story-unique"); len(f) != 0 {
		t.Errorf("the first one is the original: %+v", f)
	}
	if f := fired(res[2], "story-unique"); len(f) != 1 || !strings.Contains(f[0].Message, "le récit de la ligne 4") {
		t.Errorf("copy: %+v", f)
	}
	en := rules.AnalyzeBacklogAt(in, []int{4, 7, 12}, builtin(t).Default(), rules.EN)
	if f := fired(en[2], "story-unique"); len(f) != 1 || !strings.Contains(f[0].Message, "on line 4") {
		t.Errorf("English: %+v", f)
	}
}

// A story copied many times gets one finding per copy, naming the first;
// stories of one role that differ in their numbers are no copies.
func TestRuleStoryUniqueScale(t *testing.T) {
	in := make([]rules.Input, 0, 2000)
	for i := range 1000 {
		in = append(in, rules.Input{Title: "As a user, I want to log in, so that I see my cases."})
		in = append(in, rules.Input{Title: fmt.Sprintf("As a clerk, I want to close case %d, so that file %d is archived.", i, i)})
	}
	start := time.Now()
	res := rules.AnalyzeBacklog(in, builtin(t).Default(), rules.EN)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("2,000 stories took %v", d)
	}
	if got := fired(res[2], "story-unique"); len(got) != 1 || !strings.Contains(got[0].Message, "story #1") {
		t.Errorf("copied story: %+v, want one finding naming story #1", got)
	}
	if got := fired(res[1], "story-unique"); len(got) != 0 {
		t.Errorf("stories that differ in their numbers only: %+v", got)
	}
	if got := fired(res[3], "story-unique"); len(got) != 0 {
		t.Errorf("stories that differ in their numbers only: %+v", got)
	}
}
