package recette

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// The plan as a table: the model of testModel (items 1 and 2 criteria,
// 3 a security question, a story without criteria, an unreadable one), a
// trail, what happened; what the trail gains, what the checklist, the
// status and the labels show, and what is answered. No platform.
func TestPlan(t *testing.T) {
	mr, m := testModel()
	k1, k2, k3 := m.Stories[0].Items[0].Key, m.Stories[0].Items[1].Key, m.Stories[0].Items[2].Key
	t0 := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	validated := func(key string, at time.Time) core.Validation {
		return core.Validation{MergeRequest: mr, Key: key, State: core.Validated, Actor: "marie", At: at}
	}
	tick := func(key string, checked bool) []core.CheckChange {
		return []core.CheckChange{{Key: key, Checked: checked}}
	}
	cmd := func(c core.Command) *core.Command { return &c }

	type want struct {
		added    []core.ValidationState // states of the entries added, in order
		reply    string                 // part of the one reply, "" for none
		rewrite  bool
		state    core.RecetteState
		title    string // the status's
		label    string // the one recette label, "" for none
		resolved bool
		ticked   []string // keys shown ticked
	}
	cases := []struct {
		name    string
		trail   []core.Validation
		trigger core.Trigger
		command *core.Command
		changes []core.CheckChange
		may     bool
		model   *core.RecetteModel
		want    want
	}{
		{"render: nothing validated", nil, core.TriggerChanged, nil, nil, false, nil,
			want{state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"no story: neutral, no label, nothing to resolve", nil, core.TriggerChanged, nil, nil, false, &core.RecetteModel{},
			want{state: core.RecetteNeutral, title: "Aucun récit lié", resolved: true}},
		{"a validator ticks", nil, core.TriggerChecklistEdited, nil, tick(k1, true), true, nil,
			want{added: []core.ValidationState{core.Validated}, state: core.RecettePending, title: "1/3 critères validés",
				label: "recette: en cours", ticked: []string{k1}}},
		{"a validator unticks", []core.Validation{validated(k1, t0)}, core.TriggerChecklistEdited, nil, tick(k1, false), true, nil,
			want{added: []core.ValidationState{core.Unticked}, state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"someone else's tick is reverted and answered", nil, core.TriggerChecklistEdited, nil, tick(k2, true), false, nil,
			want{reply: "Votre modification du critère 2 a été annulée", rewrite: true, state: core.RecettePending,
				title: "0/3 critères validés", label: "recette: en cours"}},
		{"an older event does not undo a newer decision", []core.Validation{validated(k1, t0.Add(time.Hour))},
			core.TriggerChecklistEdited, nil, tick(k1, false), true, nil,
			want{rewrite: true, state: core.RecettePending, title: "1/3 critères validés", label: "recette: en cours", ticked: []string{k1}}},
		{"a box cochef never wrote is shown as it should be", nil, core.TriggerChecklistEdited, nil, tick("ffffffffffff", true), true, nil,
			want{rewrite: true, state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"a tick of what is already so changes nothing", []core.Validation{validated(k1, t0)}, core.TriggerChecklistEdited, nil, tick(k1, true), false, nil,
			want{state: core.RecettePending, title: "1/3 critères validés", label: "recette: en cours", ticked: []string{k1}}},
		{"valide tout completes the recette", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbValidate, All: true}), nil, true, nil,
			want{added: []core.ValidationState{core.Validated, core.Validated, core.Validated}, state: core.RecetteSuccess,
				title: "3/3 critères validés", label: "recette: validée", resolved: true, ticked: []string{k1, k2, k3}}},
		{"a refusal keeps it pending", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbRefuse, Items: []int{2}, Reason: "arrondi"}), nil, true, nil,
			want{added: []core.ValidationState{core.Refused}, state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"valid numbers apply, unknown ones are answered", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbValidate, Items: []int{2, 9}}), nil, true, nil,
			want{added: []core.ValidationState{core.Validated}, reply: "numéro inconnu : 9", state: core.RecettePending,
				title: "1/3 critères validés", label: "recette: en cours", ticked: []string{k2}}},
		{"a refusal without reason is answered", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbRefuse, Items: []int{1}}), nil, true, nil,
			want{reply: "un refus doit dire pourquoi", state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"a command without numbers is answered", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbValidate}), nil, true, nil,
			want{reply: "critères 1 à 3", state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"a command from someone who may not validate is answered", nil, core.TriggerCommand, cmd(core.Command{Verb: core.VerbValidate, All: true}), nil, false, nil,
			want{reply: "votre commande n'a pas été prise en compte", state: core.RecettePending, title: "0/3 critères validés", label: "recette: en cours"}},
		{"check writes the checklist again", []core.Validation{validated(k3, t0)}, core.TriggerCommand, cmd(core.Command{Verb: core.VerbCheck}), nil, false, nil,
			want{rewrite: true, state: core.RecettePending, title: "1/3 critères validés", label: "recette: en cours", ticked: []string{k3}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			model := m
			if c.model != nil {
				model = *c.model
			}
			in := Input{
				MergeRequest: core.MergeRequest{Ref: mr, HeadSHA: "abc"}, Lang: rules.FR, Model: model, Trail: c.trail,
				Trigger: c.trigger, Actor: "marie", Command: c.command, Changes: c.changes, At: t0, MayValidate: c.may,
			}
			d, err := Plan(in)
			if err != nil {
				t.Fatal(err)
			}
			var added []core.ValidationState
			for _, v := range d.Added {
				added = append(added, v.State)
				if v.Actor != "marie" || !v.At.Equal(t0) || v.HeadSHA != "abc" || v.MergeRequest != mr {
					t.Errorf("entry %+v does not say who, when and on which commit", v)
				}
			}
			if len(added) != len(c.want.added) || !equalStates(added, c.want.added) {
				t.Errorf("added %v, want %v", added, c.want.added)
			}
			switch {
			case c.want.reply == "" && len(d.Replies) != 0:
				t.Errorf("replies %q, want none", d.Replies)
			case c.want.reply != "" && (len(d.Replies) != 1 || !strings.Contains(d.Replies[0], c.want.reply) ||
				!strings.HasPrefix(d.Replies[0], core.MarkerRecetteReply)):
				t.Errorf("replies %q, want one with %q", d.Replies, c.want.reply)
			}
			if d.Rewrite != c.want.rewrite || d.State != c.want.state || d.Status.State != c.want.state ||
				d.Status.Title != c.want.title || d.Resolved != c.want.resolved {
				t.Errorf("rewrite %v state %s status %q resolved %v; want %v %s %q %v",
					d.Rewrite, d.State, d.Status.Title, d.Resolved, c.want.rewrite, c.want.state, c.want.title, c.want.resolved)
			}
			if got := strings.Join(core.LabelNames(d.Labels), ","); got != c.want.label ||
				len(d.Managed) != 2 || d.Managed[0] != "recette: en cours" || d.Managed[1] != "recette: validée" {
				t.Errorf("labels %q of %v, want %q", got, d.Managed, c.want.label)
			}
			var ticked []string
			for _, k := range []string{k1, k2, k3} {
				if core.ParseChecklist(d.Checklist)[k] {
					ticked = append(ticked, k)
				}
			}
			if strings.Join(ticked, ",") != strings.Join(c.want.ticked, ",") {
				t.Errorf("checklist shows %v ticked, want %v:\n%s", ticked, c.want.ticked, d.Checklist)
			}
		})
	}
}

func equalStates(a, b []core.ValidationState) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Asking whether the actor may validate costs platform reads: only a
// decision that depends on it asks.
func TestNeedsValidator(t *testing.T) {
	mr, m := testModel()
	k1 := m.Stories[0].Items[0].Key
	t0 := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	trail := []core.Validation{{MergeRequest: mr, Key: k1, State: core.Validated, At: t0}}
	for _, c := range []struct {
		name string
		in   Input
		want bool
	}{
		{"a render", Input{Trigger: core.TriggerChanged}, false},
		{"check", Input{Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbCheck}}, false},
		{"a validation command", Input{Trigger: core.TriggerCommand, Command: &core.Command{Verb: core.VerbValidate}}, true},
		{"a hand edit of the text", Input{Trigger: core.TriggerChecklistEdited}, false},
		{"a tick that changes a state", Input{Trigger: core.TriggerChecklistEdited, Actor: "a",
			Changes: []core.CheckChange{{Key: k1, Checked: false}}, At: t0.Add(time.Minute)}, true},
		{"a tick of what is already so", Input{Trigger: core.TriggerChecklistEdited, Actor: "a",
			Changes: []core.CheckChange{{Key: k1, Checked: true}}, At: t0.Add(time.Minute)}, false},
		{"a late tick", Input{Trigger: core.TriggerChecklistEdited, Actor: "a",
			Changes: []core.CheckChange{{Key: k1, Checked: false}}, At: t0.Add(-time.Minute)}, false},
	} {
		c.in.Model, c.in.Trail = m, trail
		if got := c.in.NeedsValidator(); got != c.want {
			t.Errorf("%s: NeedsValidator = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestShownChanges(t *testing.T) {
	body := core.MarkerRecette + "\n- [x] **1.** a <!-- k:aaaaaaaaaaaa -->\n- [ ] **2.** b <!-- k:bbbbbbbbbbbb -->\n- [x] **3.** c <!-- k:cccccccccccc -->\n"
	trail := []core.Validation{{Key: "aaaaaaaaaaaa", State: core.Validated}, {Key: "bbbbbbbbbbbb", State: core.Validated}}
	got := ShownChanges(body, trail)
	if len(got) != 2 || got[0] != (core.CheckChange{Key: "bbbbbbbbbbbb"}) || got[1] != (core.CheckChange{Key: "cccccccccccc", Checked: true}) {
		t.Fatalf("changes %+v", got)
	}
}

// perms answers who writes and who belongs to which team, and counts the
// questions.
type perms struct {
	write map[string]bool
	teams map[string]bool // "team/user"
	asked int
	err   error
}

func (p *perms) Access(_ context.Context, _ core.Repo, user string) (core.Access, error) {
	p.asked++
	if p.write[user] {
		return core.AccessWrite, p.err
	}
	return core.AccessRead, p.err
}

func (p *perms) IsTeamMember(_ context.Context, _ core.Repo, team, user string) (bool, error) {
	p.asked++
	return p.teams[team+"/"+user], p.err
}

func TestWhoMayValidate(t *testing.T) {
	ctx := context.Background()
	p := &perms{write: map[string]bool{"dev": true, "marie": true}, teams: map[string]bool{"org/metier/jean": true}}
	for _, c := range []struct {
		name   string
		a      Access
		actor  string
		want   bool
		asking int // questions to the platform
	}{
		{"anyone with write access by default", Access{}, "dev", true, 1},
		{"not a reader", Access{}, "lecteur", false, 1},
		{"never a bot", Access{}, "renovate[bot]", false, 0},
		{"nobody under a broken configuration", Access{Broken: true}, "dev", false, 0},
		{"a named validator, without asking", Access{Settings: core.RecetteSettings{Validators: []string{"Marie"}}}, "marie", true, 0},
		{"named validators only", Access{Settings: core.RecetteSettings{Validators: []string{"marie"}}}, "dev", false, 0},
		{"a team member", Access{Settings: core.RecetteSettings{Teams: []string{"org/metier"}}}, "jean", true, 1},
		{"not a team member, whatever their rights", Access{Settings: core.RecetteSettings{Teams: []string{"org/metier"}}}, "dev", false, 1},
	} {
		p.asked = 0
		got, err := c.a.MayValidate(ctx, p, c.actor)
		if err != nil || got != c.want || p.asked != c.asking {
			t.Errorf("%s: %v, %v after %d questions; want %v after %d", c.name, got, err, p.asked, c.want, c.asking)
		}
	}
	// A reader outside the validators may not ask for a full render; a
	// writer may, validator or not.
	named := Access{Settings: core.RecetteSettings{Validators: []string{"marie"}}}
	if ok, _ := named.MayCheck(ctx, p, "lecteur", false); ok {
		t.Error("a reader may check")
	}
	if ok, _ := named.MayCheck(ctx, p, "dev", false); !ok {
		t.Error("a writer may not check")
	}
	p.err = errors.New("503")
	if _, err := (Access{}).MayValidate(ctx, p, "dev"); err == nil {
		t.Error("a platform error was taken for an answer")
	}
}
