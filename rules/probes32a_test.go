package rules_test

import "testing"

// The twenty-eighth round's probes: classes read from heldout60 (set BJ),
// the twenty-seventh round's yardstick, heldout61 (set BK) and the sets
// read before, written for products they do not hold and labelled by the
// policy before each change. Each batch's comment says which probes
// failed before it.

// TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays: an English
// people noun, singular, before a day, an event or a place qualifies it
// ("the next volunteer days", "the visitor centre"): a day the service
// runs, nobody's data. Volunteers' own days and a list of volunteers
// still are. The first two asked for the RGPD section before the change.
func TestReviewProbesThreeHundredAndThirteenthBatchVolunteerDays(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a volunteer, I want to see the dates of the next beach clean volunteer mornings on the park website.", false, false},
		{"As a ranger, I want to show the opening hours of the visitor centre on the country park's home page.", false, false},
		{"As a ranger, I want to export the list of volunteers with their phone numbers for the next work party.", true, true},
	})
}
