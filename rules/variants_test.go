package rules_test

import "testing"

// TestSentenceVariants: shapes and typography no corpus story uses, read
// all the same (issue #9: a story whose need can be read is never an
// error). Each case gives the role and the need cochef must read.
func TestSentenceVariants(t *testing.T) {
	for _, c := range []struct{ in, role, need string }{
		{"ETQ agente, j'archive les dossiers clos.", "agente", "archive les dossiers clos"},
		{"En tant qu'instructeur, nous validons les pièces.", "instructeur", "validons les pièces"},
		{"En tant qu'agent, on exporte la liste.", "agent", "exporte la liste"},
		{"En tant qu'usager, je voudrais recevoir un SMS.", "usager", "recevoir un SMS"},
		{"En tant qu'usager, j'aurais besoin de voir mes paiements.", "usager", "voir mes paiements"},
		{"En tant qu'usager, il faut que je puisse modifier mon adresse.", "usager", "modifier mon adresse"},
		{"En tant qu'agent, je dois être en mesure de clôturer un dossier.", "agent", "dois être en mesure de clôturer un dossier"},
		{"En tant qu'agent, il faudrait pouvoir clôturer un dossier.", "agent", "clôturer un dossier"},
		{"En tant qu'usager, ce serait bien de pouvoir payer en ligne.", "usager", "payer en ligne"},
		{"En tant qu’usager, il m’est possible de payer en ligne.", "usager", "payer en ligne"},
		{"ETQ: usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"E.T.Q usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"En tant qu’usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"En\u00a0tant\u00a0qu'usager,\u00a0je\u00a0veux payer en ligne.", "usager", "payer en ligne"},
		{"**ETQ** usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"- En tant qu'usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"> En tant qu'usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"1. En tant qu'usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"* **En tant que** usager **je veux** payer en ligne", "usager", "payer en ligne"},
		{"En tant qu'usager,\nje veux payer\nen ligne afin de gagner du temps.", "usager", "payer en ligne"},
		{"🚀 En tant qu'usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"✅ ETQ usager, je veux payer en ligne.", "usager", "payer en ligne"},
		{"ETQ usager, j'accède à mes factures.", "usager", "accède à mes factures"},
		{"En tant qu'usager je finalise ma demande", "usager", "finalise ma demande"},
		{"ETQ agent, je mets à jour le dossier.", "agent", "mets à jour le dossier"},
		{"ETQ usagers, nous souhaitons payer en ligne.", "usagers", "payer en ligne"},
		{"As an applicant, I'd like to pay online.", "applicant", "pay online"},
		{"As the council, I should be able to send letters.", "council", "should be able to send letters"},
		{"As a user, I need to reset my password.", "user", "reset my password"},
		{"As an agent, I must be able to close a case.", "agent", "must be able to close a case"},
		{"In order to save time, as a resident, I want to pay online.", "resident", "pay online"},
	} {
		t.Run(c.in, func(t *testing.T) {
			r := check(t, "", c.in)
			if r.Story.Role != c.role || r.Story.Action != c.need {
				t.Errorf("read role %q need %q, want %q / %q", r.Story.Role, r.Story.Action, c.role, c.need)
			}
			if len(fired(r, "story-format")) > 0 {
				t.Errorf("story-format fired on a readable story: %+v", fired(r, "story-format"))
			}
		})
	}
}
