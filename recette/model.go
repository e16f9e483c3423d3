package recette

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// keyLen is the length of an item key in hex digits: 48 bits, so two
// criteria of one PR/MR do not collide in practice.
const keyLen = 12

// itemKey is the stable key of a checklist item: a hash of the story, the
// item's kind and its normalised text (with a scenario's steps), so a tick
// follows the criterion's text, not its position.
func itemKey(story core.IssueRef, kind, text string, steps []string) string {
	h := sha256.New()
	h.Write([]byte(storyKey(story) + "\x00" + kind + "\x00" + normalizeCriterion(text)))
	for _, s := range steps {
		h.Write([]byte("\x00" + normalizeCriterion(s)))
	}
	return hex.EncodeToString(h.Sum(nil))[:keyLen]
}

// storyKey names a story the same way whatever the case of its repository
// in the reference that linked it.
func storyKey(r core.IssueRef) string {
	return r.Repo.Platform + ":" + strings.ToLower(r.Repo.FullName) + "#" + strconv.Itoa(r.Number)
}

// normalizeCriterion ignores what an edit that keeps the meaning changes:
// case, spacing, a final full stop.
func normalizeCriterion(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimRight(s, ".;")
}

// Story is one story a pull or merge request closes, as read: unreadable
// (another repository cochef is not installed on, a deleted issue), or
// analysed with its repository's template.
type Story struct {
	Ref        core.IssueRef
	Title, URL string
	Unreadable bool
	Result     rules.Result
	Template   *rules.Template
}

// Model turns the stories into the checklist's model, items numbered in
// order across stories, in lang.
func Model(stories []Story, lang rules.Lang) core.RecetteModel {
	m := core.RecetteModel{Version: ModelVersion}
	for _, st := range stories {
		s := core.RecetteStory{Ref: st.Ref, Title: st.Title, URL: st.URL, Unreadable: st.Unreadable}
		if !s.Unreadable {
			s.Items, s.Sensitive = Items(s.Ref, st.Result, st.Template, lang)
		}
		s.Digest = storyDigest(s.Title, s.Unreadable, s.Items)
		m.Stories = append(m.Stories, s)
	}
	numberItems(&m)
	return m
}

// ModelLang is the language of a checklist: the configured one, else the
// language the first readable story is written in, else French.
func ModelLang(configured rules.Lang, stories []Story) rules.Lang {
	lang := configured
	for _, s := range stories {
		if lang != "" {
			break
		}
		if !s.Unreadable && s.Result.Lang != "" {
			lang = s.Result.Lang
		}
	}
	if lang != rules.EN {
		lang = rules.FR
	}
	return lang
}

// storyDigest sums up what the checklist shows of a story: its title and
// its items' keys (which hash their texts).
func storyDigest(title string, unreadable bool, items []core.RecetteItem) string {
	h := sha256.New()
	h.Write([]byte(title))
	if unreadable {
		h.Write([]byte("\x00unreadable"))
	}
	for _, it := range items {
		h.Write([]byte("\x00" + it.Key))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// maxBadItems bounds the unknown numbers a reply lists.
const maxBadItems = 20

// itemState is the current state of one item, from the trail.
type itemState struct {
	State  core.ValidationState
	Actor  string
	At     time.Time
	Reason string
}

// currentStates folds the trail (oldest first) into each item's latest
// state.
func currentStates(trail []core.Validation) map[string]itemState {
	out := map[string]itemState{}
	for _, v := range trail {
		out[v.Key] = itemState{State: v.State, Actor: v.Actor, At: v.At, Reason: v.Reason}
	}
	return out
}

// numberItems gives the items their numbers, in order across stories.
func numberItems(m *core.RecetteModel) {
	n := 0
	for i := range m.Stories {
		for j := range m.Stories[i].Items {
			n++
			m.Stories[i].Items[j].Number = n
		}
	}
}

// counts returns how many items there are and how many are validated, and
// how many are refused.
func counts(m core.RecetteModel, states map[string]itemState) (done, total, refused int) {
	for _, s := range m.Stories {
		for _, it := range s.Items {
			total++
			switch states[it.Key].State {
			case core.Validated:
				done++
			case core.Refused:
				refused++
			}
		}
	}
	return done, total, refused
}

// itemAt finds an item by its number.
func itemAt(m core.RecetteModel, n int) (core.RecetteStory, core.RecetteItem, bool) {
	for _, s := range m.Stories {
		for _, it := range s.Items {
			if it.Number == n {
				return s, it, true
			}
		}
	}
	return core.RecetteStory{}, core.RecetteItem{}, false
}

// itemByKey finds an item by its key.
func itemByKey(m core.RecetteModel, k string) (core.RecetteStory, core.RecetteItem, bool) {
	for _, s := range m.Stories {
		for _, it := range s.Items {
			if it.Key == k {
				return s, it, true
			}
		}
	}
	return core.RecetteStory{}, core.RecetteItem{}, false
}

// stateOf is the status the model is in.
//
// Unreadable stories are not counted, as the docs say: a PR/MR that closes
// only stories cochef cannot read has nothing to validate and is neutral,
// not pending forever. A readable story without criteria keeps it pending:
// its criteria are to be written.
func stateOf(m core.RecetteModel, states map[string]itemState) core.RecetteState {
	if !slices.ContainsFunc(m.Stories, func(s core.RecetteStory) bool { return !s.Unreadable }) {
		return core.RecetteNeutral
	}
	done, total, _ := counts(m, states)
	if total > 0 && done == total {
		return core.RecetteSuccess
	}
	return core.RecettePending
}
