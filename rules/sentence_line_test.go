package rules_test

import "testing"

// A label line before the sentence does not shift the sentence's line.
func TestSentenceLineAfterLabel(t *testing.T) {
	for _, c := range []struct {
		name, body string
		line       int
	}{
		{"Récit label", "Récit :\nEn tant qu'agent, je veux filtrer les dossiers.\n", 2},
		{"US label", "\nUS 12 :\nEn tant qu'agent, je veux filtrer les dossiers.\n", 3},
		{"on one line", "US 12 : En tant qu'agent, je veux filtrer les dossiers.\n", 1},
		{"bold label", "**Récit**\nEn tant qu'agent, je veux filtrer les dossiers.\n", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, "", c.body)
			if r.Story.Action == "" || r.Story.Line != c.line {
				t.Errorf("story %+v, want line %d", r.Story, c.line)
			}
		})
	}
}

// A role-less wish in a later paragraph, after a context paragraph and
// with no sentence anywhere else, is the story sentence: "I want to …"
// after "From the user research …". A context paragraph that only
// mentions a wish further on is not, and neither is a fault.
func TestRolelessWishAfterContext(t *testing.T) {
	for _, c := range []struct {
		name, title, body, action string
		line                      int
	}{
		{"en want", "Filter the pool timetable", "From the survey of May: people scroll through the whole month.\n\nI want to filter the timetable by activity so that I only see the sessions I can join.\n",
			"filter the timetable by activity", 3},
		{"fr souhaite", "Filtrer le planning", "Retour des usagers : le planning du mois est trop long.\n\nJe souhaite filtrer le planning par activité afin de ne voir que les séances qui me concernent.\n",
			"filtrer le planning par activité", 3},
		{"fr besoin, elided", "Exporter le planning", "Retour des usagers : le planning du mois est trop long.\n\nJ'ai besoin d'exporter le planning du mois en PDF afin de l'afficher au club.\n",
			"exporter le planning du mois en PDF", 3},
		{"en would like, elided", "Export the timetable", "From the survey of May: the club prints the timetable.\n\nI'd like to export the month's timetable as a PDF so that the club can print it.\n",
			"export the month's timetable as a PDF", 3},
		{"fault", "La page ne charge plus", "Depuis lundi, la page du planning reste blanche.\n\nIl faut vider le cache pour la voir.\n", "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, c.title, c.body)
			if r.Story.Action != c.action || r.Story.Line != c.line {
				t.Errorf("story %+v, want action %q on line %d", r.Story, c.action, c.line)
			}
		})
	}
}
