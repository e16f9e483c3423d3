package core

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// LabelSet is the labels cochef manages on issues.
type LabelSet struct {
	Ready          Label
	NeedsWork      Label
	SecurityReview Label
}

// Names lists the managed label names.
func (l LabelSet) Names() []string {
	return []string{l.Ready.Name, l.NeedsWork.Name, l.SecurityReview.Name}
}

// Unmanaged returns labels without the managed ones: what the team put
// on an issue, which the analysis reads ("rgpd", "sécurité"). cochef's
// own labels must not feed its next reading of the same issue, even
// when a repository names its review label "sécurité".
func (l LabelSet) Unmanaged(labels []string) []string {
	out := make([]string, 0, len(labels))
	for _, x := range labels {
		managed := false
		for _, n := range l.Names() {
			if n != "" && strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(n)) {
				managed = true
				break
			}
		}
		if !managed {
			out = append(out, x)
		}
	}
	return out
}

// All lists the managed labels.
func (l LabelSet) All() []Label { return []Label{l.Ready, l.NeedsWork, l.SecurityReview} }

// DefaultLabels are French, like the teams cochef serves; a repository
// renames them in its configuration.
func DefaultLabels() LabelSet {
	return LabelSet{
		Ready:          Label{Name: "récit: prêt", Color: "0e8a16", Description: "Récit prêt à construire et à recetter (cochef)"},
		NeedsWork:      Label{Name: "récit: à compléter", Color: "fbca04", Description: "Récit incomplet : voir le commentaire de cochef"},
		SecurityReview: Label{Name: "sécurité: à revoir", Color: "d93f0b", Description: "Récit à revoir avec le RSSI (cochef)"},
	}
}

// ConfigError is a broken repository configuration, reported on the issue.
type ConfigError struct {
	Source  string
	Message string
}

// SettingsSource loads a repository's settings. A broken configuration
// file is returned as a ConfigError with the defaults, so the issue can be
// told what is wrong while the defaults still apply.
type SettingsSource interface {
	Load(ctx context.Context, p Configs, repo Repo) (Settings, *ConfigError, error)
}

// Settings are the effective settings for one repository: the server's
// defaults, overridden by the repository's configuration file.
type Settings struct {
	// Lang of what cochef writes; empty means the story's own language.
	Lang   rules.Lang
	Labels LabelSet
	// SecurityReviewers are mentioned once when a story needs a security
	// review, e.g. "@org/rssi".
	SecurityReviewers []string
	// ReadyReviewers are mentioned once when a story becomes ready (off
	// when empty).
	ReadyReviewers []string
	Templates      *templates.Set
	// Rules overrides rule settings in every template.
	Rules map[string]rules.RuleSetting
	// Personas, when set, replace the personas of every template.
	Personas []rules.Persona
	// Debounce is the repository's wish; the queue applies the server's.
	Debounce time.Duration
	// Recette configures the checklists of pull and merge requests.
	Recette RecetteSettings
}

// RecetteSettings say who validates a recette and how PRs/MRs are labelled.
type RecetteSettings struct {
	// Validators are logins allowed to validate; Teams are GitHub teams
	// ("org/team-slug") or GitLab groups ("group/sub") whose members are.
	// When both are empty, anyone with write access validates.
	Validators []string
	Teams      []string
	Labels     RecetteLabels
}

// RecetteLabels are the labels cochef puts on a PR/MR with a checklist.
type RecetteLabels struct {
	InProgress Label
	Done       Label
}

// DefaultRecetteLabels are French, like the issue labels.
func DefaultRecetteLabels() RecetteLabels {
	return RecetteLabels{
		InProgress: Label{Name: "recette: en cours", Color: "fbca04", Description: "Critères d'acceptation à valider (cochef)"},
		Done:       Label{Name: "recette: validée", Color: "0e8a16", Description: "Tous les critères d'acceptation sont validés (cochef)"},
	}
}

// LabelSet returns the configured labels, the defaults for those not set.
func (r RecetteSettings) LabelSet() RecetteLabels {
	d := DefaultRecetteLabels()
	if r.Labels.InProgress.Name == "" {
		r.Labels.InProgress = d.InProgress
	}
	if r.Labels.Done.Name == "" {
		r.Labels.Done = d.Done
	}
	return r.Labels
}

// Template picks the template for an issue: its labels, else its title
// ("Bug : …"), else the form its body is written in
// (templates.Set.SelectFor), and applies the repository-wide overrides to
// a copy of it, made once per template and overrides.
func (s Settings) Template(in rules.Input) *rules.Template {
	base := s.Templates.SelectFor(in)
	if base == nil {
		return nil
	}
	if len(s.Rules) == 0 && s.Personas == nil {
		// The template itself, not a copy: rules compiles a template once
		// per pointer, and a fresh copy per issue recompiled every keyword
		// of it (about a third of a second a story on this machine).
		return base
	}
	// The same overrides of the same template give the same copy, for the
	// same reason; a repository's settings change seldom, so the copies
	// kept stay few.
	key := derivedKey{base: base, over: s.overridesKey()}
	derived.mu.Lock()
	defer derived.mu.Unlock()
	if t, ok := derived.m[key]; ok {
		return t
	}
	t := *base
	if len(s.Rules) > 0 {
		merged := make(map[string]rules.RuleSetting, len(base.Rules)+len(s.Rules))
		for k, v := range base.Rules {
			merged[k] = v
		}
		for k, v := range s.Rules {
			merged[k] = v
		}
		t.Rules = merged
	}
	if s.Personas != nil {
		t.Personas = s.Personas
	}
	if len(derived.m) >= maxDerived {
		// Bounded as RepoSettings' cache of parsed files is: a new
		// settings file makes new templates, and the old ones would stay.
		clear(derived.m)
	}
	derived.m[key] = &t
	return &t
}

// derived holds the templates with a repository's overrides applied,
// by template and overrides.
var derived = struct {
	mu sync.Mutex
	m  map[derivedKey]*rules.Template
}{m: map[derivedKey]*rules.Template{}}

const maxDerived = 1000

type derivedKey struct {
	base *rules.Template
	over string
}

// overridesKey writes the repository-wide overrides in a stable form.
func (s Settings) overridesKey() string {
	ids := make([]string, 0, len(s.Rules))
	for id := range s.Rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var b strings.Builder
	for _, id := range ids {
		r := s.Rules[id]
		enabled := "default"
		if r.Enabled != nil {
			enabled = fmt.Sprint(*r.Enabled) // the value, not the pointer
		}
		fmt.Fprintf(&b, "%q=%s/%q;", id, enabled, r.Severity)
	}
	fmt.Fprintf(&b, "|%t|%#v", s.Personas != nil, s.Personas) // Persona holds no pointer
	return b.String()
}
