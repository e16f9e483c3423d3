package rules_test

import "testing"

// Criteria written without a Markdown heading: a label paragraph before a
// list, and Gherkin as plain lines (issue 2 asks for plain lines too).
func TestCriteriaWithoutHeading(t *testing.T) {
	story := "En tant qu'agent, je veux filtrer les dossiers par date afin de traiter les plus anciens.\n\n"
	for _, c := range []struct {
		name, body string
		count      int
		gherkin    int
	}{
		{"label paragraph, list right under", story + "Critères d'acceptation :\n- Le filtre garde la date choisie\n- Le filtre se vide d'un clic\n", 2, 0},
		{"label paragraph, blank line, list", story + "Critères d'acceptation :\n\n- Le filtre garde la date choisie\n", 1, 0},
		{"label without colon", story + "CA\n\n- [ ] Le filtre garde la date choisie\n", 1, 0},
		{"English label, task list", "As a caseworker, I want to filter cases so that I see the oldest.\n\nAcceptance criteria:\n- [ ] The filter keeps the chosen date\n", 1, 0},
		{"label line opening the criteria paragraph", story + "Critères d'acceptation :\nÉtant donné un dossier du 3 mai\nQuand je filtre sur mai\nAlors le dossier s'affiche\n", 1, 1},
		{"plain Gherkin lines with a scenario", story + "Scénario : filtre par date\nÉtant donné un dossier du 3 mai\nQuand je filtre sur mai\nAlors le dossier s'affiche\n", 1, 1},
		{"plain Gherkin steps, no scenario line", story + "Étant donné un dossier du 3 mai\nQuand je filtre sur mai\nAlors le dossier s'affiche\n", 1, 1},
		{"plain Gherkin in English", "As a caseworker, I want to filter cases so that I see the oldest.\n\nScenario: filter by date\nGiven a case of May 3\nWhen I filter on May\nThen the case is shown\n", 1, 1},
		{"scenario line, steps in their own paragraphs", story + "Scénario : filtre par date\n\nÉtant donné un dossier du 3 mai\n\nQuand je filtre sur mai\n\nAlors le dossier s'affiche\n", 1, 1},
		// Prose that happens to open with a keyword is no criterion.
		{"context sentence opening with Quand", story + "Quand l'usager se connecte, il voit sa page d'accueil.\n", 0, 0},
		{"Gherkin lines in the out-of-scope section", story + "## Hors périmètre\n\nScénario : export\nQuand j'exporte\nAlors un fichier est créé\n", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, "", c.body)
			if r.Criteria.Count != c.count || r.Criteria.Gherkin != c.gherkin {
				t.Errorf("criteria %+v, want %d (%d Gherkin): %+v", r.Criteria, c.count, c.gherkin, r.CriteriaItems)
			}
			if missing := len(fired(r, "acceptance-criteria-missing")) > 0; missing != (c.count == 0) {
				t.Errorf("acceptance-criteria-missing fired %v with %d criteria", missing, c.count)
			}
		})
	}
}
