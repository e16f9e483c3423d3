package rules_test

import "testing"

// TestReviewProbesSixteenthBatchRightsAndUploads: people made or unmade
// administrators, or taken out of a group that holds rights, change who
// may do what (security notes) and it is data about them (RGPD section),
// as the policy's rights changes say; children named "kids" are children.
// Products the sets do not hold (a sports club, an association),
// labelled by the policy before the change; each failed before it. The
// same words with nothing changed keep asking nothing. (A video added to
// a page is an editor's content, not an upload surface: the dev corpus's
// fr-site-014 says so, and a reading of "add … video" as an upload was
// dropped for it.)
func TestReviewProbesSixteenthBatchRights(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		// Rights given or withdrawn.
		{"As a team lead, I want to remove someone from the team's membership", true, true},
		{"As a club owner, I want to make a volunteer an administrator of the club's page", true, true},
		{"ETQ présidente de l'association, je veux retirer à un bénévole son rôle de trésorier", true, true},
		{"ETQ responsable, je veux nommer un agent administrateur de la démarche", true, true},
		// A role that names a private person ("owner") deleting one item
		// of their own asks nothing; taking a person out is no such item.
		{"As a club owner, I want to remove a member as a moderator of the forum", true, true},
		{"As an owner, I want to delete my saved search", false, false},
		// Children.
		{"As a coach, I want to see which kids attended each session", true, false},
		// The same words, nothing sent or changed.
		{"As a museum visitor, I want to watch a video of the exhibition", false, false},
		{"ETQ usager, je veux voir la vidéo de présentation du service", false, false},
		{"As a visitor, I want to read the club's rules on membership fees", false, false},
	})
}

// TestReviewProbesSeventeenthBatchDomainRecords: a procès-verbal of a
// meeting or an acceptance ("le procès-verbal de recette", "de
// l'assemblée générale") records no offence, and the Archives, an
// institution or a collection, are no archiving of people's data. Each
// asked for both reviews before; found on the whole issues of W (an
// archives service, a condominium's grant file) after its blind measure,
// and checked on probes of other products. An offence's procès-verbal
// and the act of archiving keep asking.
func TestReviewProbesSeventeenthBatchDomainRecords(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ chef de projet, je veux imprimer le procès-verbal de recette", false, false},
		{"ETQ syndic, je veux voir le procès-verbal de l'assemblée générale dans l'espace de la copropriété", false, false},
		{"ETQ usager, je veux demander aux Archives départementales la copie d'un plan cadastral ancien", false, false},
		{"ETQ lecteur, je veux consulter en ligne les archives de la commune", false, false},
		{"As a researcher, I want to order copies of records held at the National Archives", false, false},
		// Leaving a mailing list from the message signs nobody in.
		{"ETQ lecteur, je veux me désabonner des alertes de nouveaux registres en un clic depuis le courriel", false, false},
		// The offence, the act and a sign-in link stay.
		{"ETQ usager, je veux suivre ma demande depuis le courriel, sans créer de compte", true, true},
		{"ETQ policier municipal, je veux saisir le procès-verbal d'une infraction au stationnement", true, true},
		{"ETQ agent, je veux archiver les dossiers des usagers clos depuis cinq ans", true, true},
		{"ETQ agent, je veux transférer aux Archives les dossiers des usagers clos depuis dix ans", true, true},
		{"As a records officer, I want the system to archive closed tenancy files after six years", true, true},
	})
}

// TestReviewProbesEighteenthBatchWhatTheNeedDoes: a need is what it
// does, not when: "before my claim is processed" only says when the bank
// details change, and the change still asks for the RGPD section; a
// neighbour a report is about is a person; a sound recording sent by
// someone holds voices, as a photo holds faces (the policy's photos, and
// W's decision W-5). Found on W's whole issues after its blind measure,
// checked on probes of other products.
func TestReviewProbesEighteenthBatchWhatTheNeedDoes(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"As a juror, I want to change my bank details before my claim is processed", true, false},
		{"ETQ allocataire, je veux modifier mon RIB avant que ma demande soit instruite", true, false},
		{"ETQ habitant, je veux signaler un chien qui aboie toute la journée chez un voisin", true, false},
		{"ETQ habitant, je veux joindre un enregistrement audio à mon signalement de tapage", true, true},
		// A person's space on the service is their account (W's arch-023).
		{"ETQ lecteur, je souhaite supprimer mon espace lecteur et les données qui y sont rattachées", true, true},
		{"ETQ adhérent, je veux fermer mon espace adhérent", true, true},
		// Nothing changed, a place, a recording played, one's own draft.
		{"ETQ usager, je veux supprimer mon brouillon de demande", false, false},
		{"ETQ usager, je veux suivre l'état de ma demande avant le rendez-vous", false, false},
		{"As a tenant, I want to report noise from my neighbours at night", true, false},
		{"ETQ habitant, je veux connaître les horaires de la déchetterie de la commune voisine", false, false},
		{"As a visitor, I want to listen to the audio recording of the guided tour", false, false},
	})
}

// TestReviewProbesNineteenthBatchSentAttachments: a document the service
// sends as an attachment ("recevoir le règlement en pièce jointe", "les
// convocations sont envoyées en pièce jointe", "sent to me as an email
// attachment") opens no upload surface; one the person sends stays an
// upload. The first three asked for security notes before; found on W's
// whole issues after its blind measure.
func TestReviewProbesNineteenthBatchSentAttachments(t *testing.T) {
	reviewProbes(t, []reviewProbe{
		{"ETQ candidat, je veux recevoir le règlement du concours en pièce jointe", false, false},
		{"ETQ gestionnaire, je veux que les convocations soient envoyées aux candidats en pièce jointe", true, false},
		{"As a tenant, I want my rent statement sent to me as an email attachment", false, false},
		// Sent in: uploads.
		{"ETQ usager, je veux envoyer mes justificatifs en pièce jointe", true, true},
		{"As an applicant, I want to send my payslips as attachments", true, true},
		{"ETQ usager, je veux recevoir un accusé de réception et envoyer mes justificatifs en pièce jointe", true, true},
		// A quote joined to a file is a document sent in (W's reno-004).
		{"ETQ demandeur, je peux joindre les devis des entreprises qui feront les travaux", false, true},
		{"ETQ association, je veux joindre le devis du traiteur à ma demande de subvention", false, true},
	})
}
