package recette

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// Input is everything the plan reads: the pull or merge request, its
// stories as a model, the trail, and what just happened. Nothing in it
// calls a platform, so the plan is a function of its input.
type Input struct {
	// MergeRequest is the PR/MR: its reference, head commit and labels.
	MergeRequest core.MergeRequest
	Lang         rules.Lang
	Settings     core.RecetteSettings
	Model        core.RecetteModel
	// Trail is the PR/MR's validations, oldest first.
	Trail []core.Validation
	// Trigger, Actor, Command and Changes are the task's. For
	// TriggerChecklistEdited with an Actor, Changes are the boxes that
	// differ from the trail (see ShownChanges when the platform did not
	// say which).
	Trigger core.Trigger
	Actor   string
	Command *core.Command
	Changes []core.CheckChange
	// At is when the event happened: a decision recorded for a later
	// moment (events delivered out of order) stands.
	At time.Time
	// MayValidate is whether Actor may validate; it is asked of the
	// platform only when NeedsValidator says the plan depends on it.
	MayValidate bool
	// Threads: the checklist is the first note of a thread (GitLab).
	Threads bool
	// Renumbered: the checklist was made again by a newer version of
	// cochef since the person read it, so the numbers of a command may
	// name other items: it is answered, not applied.
	Renumbered bool
}

// Desired is what the platform should show and the store keep.
type Desired struct {
	// Added are the new trail entries; the run records them first.
	Added []core.Validation
	// Replies are short answers to the actor, posted after the checklist.
	Replies []string
	// Rewrite: the checklist on the platform shows something the states
	// do not (a tick that was not accepted), or "/cochef check" asked for
	// it: written whatever its stored hash says.
	Rewrite   bool
	State     core.RecetteState
	Checklist string
	// Status is the head commit's status, without what only the run
	// knows (the checklist's URL, the status to update).
	Status core.RecetteStatus
	// Labels are the recette labels wanted among Managed.
	Labels  []core.Label
	Managed []string
	// Resolved: the checklist's thread is resolved once nothing is
	// pending.
	Resolved bool
}

// tick is what becomes of one box the actor changed.
type tick int

const (
	tickUnknown tick = iota // not an item of the checklist: shown again as it is
	tickSame                // already in that state: nothing to do
	tickLate                // a later decision was recorded: it stands
	tickDecide              // a change that the actor's right decides
)

func (in Input) tick(ch core.CheckChange, states map[string]itemState) tick {
	if _, _, ok := itemByKey(in.Model, ch.Key); !ok {
		return tickUnknown
	}
	cur := states[ch.Key]
	if (cur.State == core.Validated) == ch.Checked {
		return tickSame
	}
	if in.At.Before(cur.At) {
		return tickLate
	}
	return tickDecide
}

// ticks reports whether the task carries ticks of the checklist.
func (in Input) ticks() bool {
	return in.Trigger == core.TriggerChecklistEdited && in.Actor != ""
}

// decides reports whether the task validates or refuses by command.
func (in Input) decides() bool {
	return in.Trigger == core.TriggerCommand && in.Command != nil && in.Command.Verb != core.VerbCheck
}

// NeedsValidator reports whether the plan depends on MayValidate: a
// validation command, or a tick that changes an item's state. Asking costs
// platform reads, so it is asked only then.
func (in Input) NeedsValidator() bool {
	if in.decides() {
		return true
	}
	if !in.ticks() {
		return false
	}
	states := currentStates(in.Trail)
	return slices.ContainsFunc(in.Changes, func(ch core.CheckChange) bool { return in.tick(ch, states) == tickDecide })
}

// Plan decides, from its input alone, what the task adds to the trail and
// what the checklist, the status and the labels must show.
func Plan(in Input) (Desired, error) {
	var d Desired
	var err error
	states := currentStates(in.Trail)
	switch {
	case in.decides():
		d.Added, d.Replies, err = in.command(states)
	case in.ticks():
		d.Added, d.Replies, d.Rewrite, err = in.applyTicks(states)
	case in.Trigger == core.TriggerCommand && in.Command != nil:
		// "/cochef check": the checklist is written again as it should be.
		d.Rewrite = true
	}
	if err != nil {
		return Desired{}, err
	}
	states = currentStates(append(slices.Clone(in.Trail), d.Added...))
	ref := in.MergeRequest.Ref
	d.State = stateOf(in.Model, states)
	if d.Checklist, err = renderChecklist(in.Lang, ref, in.Model, states, in.Settings, in.Threads); err != nil {
		return Desired{}, err
	}
	if d.Status, err = renderStatus(in.Lang, ref, in.Model, states); err != nil {
		return Desired{}, err
	}
	ls := in.Settings.LabelSet()
	d.Managed = []string{ls.InProgress.Name, ls.Done.Name}
	switch d.State {
	case core.RecettePending:
		d.Labels = []core.Label{ls.InProgress}
	case core.RecetteSuccess:
		d.Labels = []core.Label{ls.Done}
	}
	d.Resolved = d.State != core.RecettePending
	return d, nil
}

func (in Input) validation(s core.RecetteStory, it core.RecetteItem, state core.ValidationState, source, reason string) core.Validation {
	return core.Validation{
		MergeRequest: in.MergeRequest.Ref, Story: s.Ref, Key: it.Key, Text: it.Text, State: state,
		Actor: in.Actor, At: in.At, HeadSHA: in.MergeRequest.HeadSHA, Reason: reason, Source: source,
	}
}

func (in Input) reply(name string, numbers []int, max int) (string, error) {
	return renderReply(in.Lang, name, in.Actor, in.Settings, numbers, max)
}

// applyTicks accepts the boxes a validator ticked or unticked; the others
// are shown again as the states say, with one reply to a non-validator.
func (in Input) applyTicks(states map[string]itemState) (added []core.Validation, replies []string, rewrite bool, err error) {
	var reverted []int
	for _, ch := range in.Changes {
		switch in.tick(ch, states) {
		case tickSame:
			continue
		case tickUnknown, tickLate:
			rewrite = true
			continue
		}
		s, it, _ := itemByKey(in.Model, ch.Key)
		if !in.MayValidate {
			reverted = append(reverted, it.Number)
			rewrite = true
			continue
		}
		state := core.Validated
		if !ch.Checked {
			state = core.Unticked
		}
		added = append(added, in.validation(s, it, state, core.SourceTick, ""))
	}
	if len(reverted) > 0 {
		slices.Sort(reverted)
		r, err := in.reply("reply-reverted", reverted, 0)
		if err != nil {
			return nil, nil, false, err
		}
		replies = append(replies, r)
	}
	return added, replies, rewrite, nil
}

// command records a validator's "valide"/"refuse" command, and answers
// one it cannot apply.
func (in Input) command(states map[string]itemState) ([]core.Validation, []string, error) {
	cmd := in.Command
	answer := func(name string, numbers []int, max int) ([]core.Validation, []string, error) {
		r, err := in.reply(name, numbers, max)
		if err != nil {
			return nil, nil, err
		}
		return nil, []string{r}, nil
	}
	if !in.MayValidate {
		return answer("reply-not-validator", nil, 0)
	}
	_, total, _ := counts(in.Model, states)
	if in.Renumbered && !cmd.All {
		return answer("reply-renumbered", nil, total)
	}
	numbers := cmd.Items
	if cmd.All {
		numbers = nil
		for n := 1; n <= total; n++ {
			numbers = append(numbers, n)
		}
	}
	if len(numbers) == 0 {
		return answer("reply-bad-items", nil, total)
	}
	if cmd.Verb == core.VerbRefuse && cmd.Reason == "" {
		return answer("reply-missing-reason", nil, 0)
	}
	var added []core.Validation
	var bad []int
	for _, n := range numbers {
		s, it, ok := itemAt(in.Model, n)
		if !ok {
			if len(bad) < maxBadItems {
				bad = append(bad, n)
			}
			continue
		}
		cur := states[it.Key]
		switch cmd.Verb {
		case core.VerbValidate:
			if cur.State != core.Validated {
				added = append(added, in.validation(s, it, core.Validated, core.SourceCommand, ""))
			}
		case core.VerbRefuse:
			if cur.State != core.Refused || cur.Reason != cmd.Reason {
				added = append(added, in.validation(s, it, core.Refused, core.SourceCommand, cmd.Reason))
			}
		}
	}
	var replies []string
	if len(bad) > 0 {
		r, err := in.reply("reply-bad-items", bad, total)
		if err != nil {
			return nil, nil, err
		}
		replies = append(replies, r)
	}
	return added, replies, nil
}

// ShownChanges are the boxes a checklist body shows in another state than
// the trail's, in key order: what a person changed, when the platform did
// not say (GitLab sends no body before an edit).
func ShownChanges(body string, trail []core.Validation) []core.CheckChange {
	states := currentStates(trail)
	var changes []core.CheckChange
	for k, checked := range core.ParseChecklist(body) {
		if checked != (states[k].State == core.Validated) {
			changes = append(changes, core.CheckChange{Key: k, Checked: checked})
		}
	}
	slices.SortFunc(changes, func(a, b core.CheckChange) int { return strings.Compare(a.Key, b.Key) })
	return changes
}

// statusKey sums up a status set on sha, to set it again only when it
// changes.
func statusKey(st core.RecetteStatus, sha string) string {
	return fmt.Sprintf("%s|%s|%d|%d|%s", st.State, sha, st.Done, st.Total, core.HashBody(st.Title + st.Summary + st.Text)[:16])
}
