package rules_test

import (
	"slices"
	"strconv"
	"testing"
)

// The statements of the security notes and RGPD section are what the
// recette verifies; questions, template text, N/A and decisions are not.
func TestMeasures(t *testing.T) {
	head := "En tant qu'administrateur, je veux attribuer le rôle « instructeur » à un agent afin qu'il instruise.\n\n" +
		"## Critères d'acceptation\n\n- L'agent voit les demandes à instruire\n\n"
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"list items", "## Notes de sécurité\n\n- Seuls les administrateurs peuvent attribuer un rôle (moindre privilège)\n- Chaque attribution est tracée : qui, quand, quel rôle\n",
			[]string{"Seuls les administrateurs peuvent attribuer un rôle (moindre privilège)", "Chaque attribution est tracée : qui, quand, quel rôle"}},
		{"a line per statement", "## Notes de sécurité\n\nAccès réservé aux administrateurs connectés via ProConnect\nMFA exigée pour les administrateurs\n",
			[]string{"Accès réservé aux administrateurs connectés via ProConnect", "MFA exigée pour les administrateurs"}},
		{"wrapped prose is split into its sentences", "## Notes de sécurité\n\nLe retrait est tracé dans le journal\nd'administration. Les journaux sont conservés un an.\n",
			[]string{"Le retrait est tracé dans le journal d'administration.", "Les journaux sont conservés un an."}},
		{"the answer to a checklist question, not the question", "## Notes de sécurité\n\n" +
			"- [x] Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?\n  Le retrait est tracé dans le journal d'administration.\n" +
			"- [x] Journalisation : événements de sécurité centralisés, rien de sensible ni de nominatif dans les journaux ? Oui : aucun nom dans les journaux applicatifs\n" +
			"- [ ] Code sécurisé et contrôles automatiques (OWASP, analyse des dépendances) ?\n",
			[]string{"Le retrait est tracé dans le journal d'administration.", "aucun nom dans les journaux applicatifs"}},
		{"N/A, intro lines, short and unfinished statements", "## Notes de sécurité\n\nMesures :\n\n- Sans objet : aucune donnée nouvelle\n- Oui\n- Durée de conservation : à définir\n- À compléter avec le RSSI\n- Le jeton est conservé côté serveur\n",
			[]string{"Le jeton est conservé côté serveur"}},
		{"RGPD: decisions left to the design, placeholders left", "## Données personnelles / RGPD\n\n- Données traitées : nom et courriel de l'agent\n- Finalité : gérer les droits\n- Base légale : mission de service public\n- Durée de conservation : 1 an après le départ de l'agent\n- Registre des traitements : <mis à jour ?>\n",
			[]string{"Données traitées : nom et courriel de l'agent", "Durée de conservation : 1 an après le départ de l'agent"}},
		{"only those two sections", "## Contexte\n\nLes droits sont donnés par courriel aujourd'hui.\n", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, "Attribuer un rôle", head+c.body)
			var got []string
			for _, m := range r.Measures {
				got = append(got, m.Text)
				if m.Line == 0 || m.Section == "" {
					t.Errorf("measure without its line or section: %+v", m)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("measures\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

// A measure names the topics it covers, so that the recette does not add
// the template's check on the same topic.
func TestMeasureTopics(t *testing.T) {
	r := check(t, "Attribuer un rôle", "En tant qu'administrateur, je veux attribuer un rôle afin de déléguer.\n\n"+
		"## Critères d'acceptation\n\n- Le rôle est attribué\n\n## Notes de sécurité\n\n- Seuls les administrateurs peuvent attribuer un rôle (moindre privilège)\n- Flux SFTP chiffré vers la CAF\n")
	if len(r.Measures) != 2 || !slices.Contains(r.Measures[0].Topics, "access-control") || !slices.Contains(r.Measures[1].Topics, "data-flows") {
		t.Fatalf("measures %+v", r.Measures)
	}
}

// Criteria as French teams write them: plain-text Gherkin (about half of
// it outside a code block), numbered scenarios, scenario headings, bold
// titles, numbered lists and business rules: one item each.
func TestCriteriaShapes(t *testing.T) {
	story := "En tant qu'usager, je veux télécharger mon attestation afin de la joindre à mon dossier.\n\n"
	for _, c := range []struct {
		name, body string
		want       []string // criterion texts; a "G " prefix marks a scenario, "(n)" its steps
	}{
		{"plain lines under the criteria heading", "## Critères d'acceptation\n\nScénario : attestation disponible\nÉtant donné une demande acceptée\nQuand il clique sur « Télécharger »\nAlors il reçoit l'attestation\n\nScénario : demande en cours\nÉtant donné une demande en cours\nQuand il ouvre la page\nAlors le bouton est désactivé\nEt un message explique pourquoi\n",
			[]string{"G attestation disponible (3)", "G demande en cours (4)"}},
		{"one step per paragraph", "## Critères d'acceptation\n\nScénario : attestation disponible\n\nÉtant donné une demande acceptée\n\nQuand il clique sur « Télécharger »\n\nAlors il reçoit l'attestation\n",
			[]string{"G attestation disponible (3)"}},
		{"numbered scenarios in bold, steps as list items", "## Critères d'acceptation\n\n**Scénario 1 : attestation disponible**\n\n- Étant donné une demande acceptée\n- Quand il clique sur « Télécharger »\n- Alors il reçoit l'attestation\n\n**Scénario 2 – demande en cours**\n\n- Étant donné une demande en cours\n- Quand il ouvre la page\n- Alors le bouton est désactivé\n",
			[]string{"G attestation disponible (3)", "G demande en cours (3)"}},
		{"scenario headings without a criteria heading", "### Scénario : attestation disponible\n\nÉtant donné une demande acceptée  \nQuand il clique sur « Télécharger »  \nAlors il reçoit l'attestation\n\n### Scénario : demande en cours\n\n*Étant donné* une demande en cours,\n*Lorsqu'il* ouvre la page,\n*Alors* le bouton est désactivé.\n",
			[]string{"G attestation disponible (3)", "G demande en cours (3)"}},
		{"scenario headings under the story's heading", "## Critères d'acceptation\n\n- Le nom du fichier contient la date\n\n## Récit\n\nTexte.\n\n### Scénario : attestation disponible\n\nÉtant donné une demande acceptée\nQuand il clique sur « Télécharger »\nAlors il reçoit l'attestation\n",
			[]string{"Le nom du fichier contient la date", "G attestation disponible (3)"}},
		{"numbered list", "## Critères d'acceptation\n\n1. Le nom du fichier contient la date\n2. Le PDF est balisé pour les lecteurs d'écran\n",
			[]string{"Le nom du fichier contient la date", "Le PDF est balisé pour les lecteurs d'écran"}},
		{"business rules", "## Critères d'acceptation\n\n- Le PDF est balisé\n\n## Règles de gestion\n\n- RG1 : l'attestation n'est proposée qu'une fois la demande acceptée\n- RG2 : elle porte la date de la décision\n",
			[]string{"Le PDF est balisé", "RG1 : l'attestation n'est proposée qu'une fois la demande acceptée", "RG2 : elle porte la date de la décision"}},
		{"test cases heading", "## Cas de test\n\n- Une demande refusée ne propose pas d'attestation\n",
			[]string{"Une demande refusée ne propose pas d'attestation"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := check(t, "Télécharger mon attestation", story+c.body)
			var got []string
			for _, cr := range r.CriteriaItems {
				s := cr.Text
				if cr.Gherkin {
					s = "G " + s + " (" + strconv.Itoa(len(cr.Steps)) + ")"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("criteria\n got %q\nwant %q", got, c.want)
			}
			if len(fired(r, "acceptance-criteria-missing")) != 0 {
				t.Errorf("criteria reported missing: %+v", r.Findings)
			}
		})
	}
}
