package rules

// controlTask reads an issue with no story sentence (a technical task, a
// chore) that puts a security control in place: a Content Security
// Policy, security headers, an anti-bot check. The control protects a
// feature; the payment, the photos, the records or the contact details
// its text names are that feature's, which it processes nothing new of.
// A story says the same through its need (actControl). Identity, civil
// status, health and a person's details named in the task still count:
// a control over them handles them.
func (s *story) controlTask() {
	if s.sent != nil || s.bugReport() {
		return
	}
	control := false
	for _, h := range s.topics {
		control = control || s.t.Topics[h.topic].ID == "security-control"
	}
	if !control {
		return
	}
	for k := range s.topics {
		if protectedFeature[s.t.Topics[s.topics[k].topic].ID] {
			s.topics[k].orgOwned = true
		}
	}
}

// protectedFeature are the topics a security control protects without
// processing their data anew.
var protectedFeature = map[string]bool{
	"bank-data": true, "photo-upload": true, "person-records": true, "tracking": true,
	"account-lifecycle": true, "contact-details": true,
}
