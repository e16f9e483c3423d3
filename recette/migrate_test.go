package recette_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/recette"
	"github.com/cochef/cochef/rules"
)

// An open recette rendered by an older cochef (model version 1: the eleven
// security questions of the template as items) is made again from its
// stories at its next event, whatever the event: the questions leave the
// checklist, the criteria keep their ticks, and the decisions taken on
// the questions stay in the trail and in the PV, outside the verdict. A
// command by numbers read on the old checklist is answered, not applied:
// its numbers may name other items now.
func TestRecetteUpgradeFromTheQuestionnaire(t *testing.T) {
	h := newRecHarness(t)
	h.p.SetConfig(recRepo, "recette:\n  validators: [marie]\n")
	setupPR(h)
	ctx := context.Background()
	rec, err := h.store.LoadRecette(ctx, prRef(7))
	if err != nil || rec == nil {
		t.Fatal(rec, err)
	}
	// What version 1 stored: no version, a question as an item.
	story := rec.Model.Stories[0]
	question := core.RecetteItem{Kind: core.ItemSecurity, Number: 3, Key: "0123456789ab",
		Text: "Habilitations : rôles, moindre privilège, comptes nominatifs, retrait des comptes, tracés ?"}
	rec.Model.Version = 0
	rec.Model.Stories[0].Items = append(story.Items, question)
	if err := h.store.SaveRecette(ctx, *rec); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	if err := h.store.AddValidations(ctx, []core.Validation{
		{MergeRequest: prRef(7), Story: story.Ref, Key: story.Items[0].Key, Text: story.Items[0].Text, State: core.Validated, Actor: "marie", At: at, HeadSHA: "sha1", Source: core.SourceTick},
		{MergeRequest: prRef(7), Story: story.Ref, Key: question.Key, Text: question.Text, State: core.Validated, Actor: "marie", At: at, HeadSHA: "sha1", Source: core.SourceCommand},
	}); err != nil {
		t.Fatal(err)
	}

	// The first event after the upgrade is a command by numbers.
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{2}}})
	if r := h.replies(7); len(r) != 1 || !strings.Contains(r[0], "numéros ont changé") {
		t.Fatalf("replies %q", r)
	}
	if tr := h.trail(7); len(tr) != 2 {
		t.Fatalf("a command by old numbers was applied: %+v", tr)
	}
	rec, _ = h.store.LoadRecette(ctx, prRef(7))
	if rec.Model.Version != recette.ModelVersion {
		t.Fatalf("model not made again: version %d", rec.Model.Version)
	}
	body := h.checklist(7).Body
	if strings.Contains(body, "Habilitations : rôles") || strings.Contains(body, question.Key) {
		t.Fatalf("the old question is still in the checklist:\n%s", body)
	}
	if !strings.Contains(body, "- [x] **1.**") {
		t.Fatalf("the criterion's tick was lost:\n%s", body)
	}
	// Now the numbers are the new ones.
	h.work(core.Task{Issue: prRef(7), Actor: "marie", Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate, Items: []int{2}}})
	if tr := h.trail(7); len(tr) != 3 {
		t.Fatalf("a command on the new checklist: %+v", tr)
	}

	pv, err := recette.RenderPV(rules.FR, "", []recette.PVInput{{Record: *rec, Trail: h.trail(7)}})
	if err != nil {
		t.Fatal(err)
	}
	retired := pv[strings.Index(pv, "### Éléments retirés"):]
	if !strings.Contains(retired, "Habilitations : rôles") || !strings.Contains(retired, "✅ validé") || !strings.Contains(retired, "| marie |") {
		t.Fatalf("the decision on the old question is not in the PV:\n%s", pv)
	}
}
