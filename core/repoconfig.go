package core

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/cochef/cochef/rules"
	"github.com/cochef/cochef/templates"
)

// rawRepoConfig is a repository's cochef.yml as written. It is parsed
// strictly (unknown keys are errors), then validated, then turned into
// Settings over the server's defaults.
type rawRepoConfig struct {
	Lang      string               `yaml:"lang"`
	Labels    map[string]rawLabel  `yaml:"labels"`
	Reviewers rawReviewers         `yaml:"reviewers"`
	Rules     map[string]string    `yaml:"rules"`
	Debounce  string               `yaml:"debounce"`
	Personas  yaml.Node            `yaml:"personas"`
	Templates []yaml.Node          `yaml:"templates"`
	Recette   *rawRecette          `yaml:"recette"`
	Extra     map[string]yaml.Node `yaml:",inline"`
}

// rawRecette is the recette: key.
type rawRecette struct {
	Validators []string             `yaml:"validators"`
	Teams      []string             `yaml:"teams"`
	Labels     map[string]rawLabel  `yaml:"labels"`
	Extra      map[string]yaml.Node `yaml:",inline"`
}

type rawLabel struct {
	Name        string `yaml:"name"`
	Color       string `yaml:"color"`
	Description string `yaml:"description"`
}

// UnmarshalYAML accepts a plain name as well as {name, color, description}.
func (l *rawLabel) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		l.Name = n.Value
		return nil
	}
	type plain rawLabel
	return n.Decode((*plain)(l))
}

type rawReviewers struct {
	Security []string `yaml:"security"`
	Ready    []string `yaml:"ready"`
}

// configProblem collects what is wrong with a file, with line numbers.
type configProblem struct {
	source string
	msgs   []string
}

func (p *configProblem) add(line int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if line > 0 {
		msg = fmt.Sprintf("ligne/line %d: %s", line, msg)
	}
	p.msgs = append(p.msgs, msg)
}

// ParseRepoConfig turns a repository's configuration file into Settings
// over defaults. On error it returns the defaults and a ConfigError saying
// what is wrong and where, in French and English.
func ParseRepoConfig(data []byte, source string, defaults Settings) (Settings, *ConfigError) {
	s := defaults
	prob := &configProblem{source: source}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return defaults, &ConfigError{Source: source, Message: "YAML invalide / invalid YAML: " + err.Error()}
	}
	if len(root.Content) == 0 {
		return defaults, nil // an empty file keeps the defaults
	}
	var raw rawRepoConfig
	if err := root.Content[0].Decode(&raw); err != nil {
		return defaults, &ConfigError{Source: source, Message: "YAML invalide / invalid YAML: " + err.Error()}
	}
	for key, n := range raw.Extra {
		prob.add(n.Line, "clé inconnue / unknown key %q", key)
	}
	switch raw.Lang {
	case "":
	case "fr", "en":
		s.Lang = rules.Lang(raw.Lang)
	default:
		prob.add(keyLine(root.Content[0], "lang"), "lang : « %s » n'est ni fr ni en / lang: %q is neither fr nor en", raw.Lang, raw.Lang)
	}
	for key, l := range raw.Labels {
		line := keyLine(valueOf(root.Content[0], "labels"), key)
		var dst *Label
		switch key {
		case "ready":
			dst = &s.Labels.Ready
		case "needs_work":
			dst = &s.Labels.NeedsWork
		case "security_review":
			dst = &s.Labels.SecurityReview
		default:
			prob.add(line, "labels : étiquette inconnue %q (ready, needs_work, security_review) / labels: unknown label %q", key, key)
			continue
		}
		if l.Name != "" {
			dst.Name = l.Name
		}
		if l.Color != "" {
			c := strings.TrimPrefix(l.Color, "#")
			if !isHexColor(c) {
				prob.add(line, "labels.%s.color : %q n'est pas une couleur hexadécimale / is not a hex colour", key, l.Color)
			}
			dst.Color = c
		}
		if l.Description != "" {
			dst.Description = l.Description
		}
	}
	revLine := keyLine(root.Content[0], "reviewers")
	if raw.Reviewers.Security != nil {
		s.SecurityReviewers = checkMentions(prob, revLine, "reviewers.security", raw.Reviewers.Security)
	}
	if raw.Reviewers.Ready != nil {
		s.ReadyReviewers = checkMentions(prob, revLine, "reviewers.ready", raw.Reviewers.Ready)
	}
	if len(raw.Rules) > 0 {
		s.Rules = map[string]rules.RuleSetting{}
		known := map[string]bool{}
		for _, r := range rules.Rules() {
			known[r.ID] = true
		}
		for id, v := range raw.Rules {
			line := keyLine(valueOf(root.Content[0], "rules"), id)
			if !known[id] {
				prob.add(line, "rules : règle inconnue %q / unknown rule %q", id, id)
				continue
			}
			rs, ok := parseRuleSetting(v)
			if !ok {
				prob.add(line, "rules.%s : %q attendu off, on, error, warning ou info / expected off, on, error, warning or info", id, v)
				continue
			}
			s.Rules[id] = rs
		}
	}
	if raw.Debounce != "" {
		d, err := time.ParseDuration(raw.Debounce)
		if err != nil || d < 0 || d > time.Minute {
			prob.add(keyLine(root.Content[0], "debounce"), "debounce : %q attendu une durée entre 0s et 1m / expected a duration between 0s and 1m", raw.Debounce)
		} else {
			s.Debounce = d
		}
	}
	if raw.Personas.Kind != 0 {
		ps, err := parsePersonas(s.Templates, &raw.Personas, source)
		if err != nil {
			prob.add(0, "personas : %v", err)
		} else {
			s.Personas = ps
		}
	}
	if len(raw.Templates) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range raw.Templates {
			seq.Content = append(seq.Content, &raw.Templates[i])
		}
		set, err := s.Templates.LoadNode(seq, source)
		if err != nil {
			prob.add(0, "templates : %v", err)
		} else {
			s.Templates = set
		}
	}
	if raw.Recette != nil {
		parseRecetteConfig(raw.Recette, valueOf(root.Content[0], "recette"), &s.Recette, prob)
	}
	if len(prob.msgs) > 0 {
		return defaults, &ConfigError{Source: source, Message: strings.Join(prob.msgs, " ; ")}
	}
	return s, nil
}

// parseRecetteConfig validates the recette: key into dst, reporting
// problems with their lines like the other keys.
func parseRecetteConfig(raw *rawRecette, node *yaml.Node, dst *RecetteSettings, prob *configProblem) {
	for key, n := range raw.Extra {
		prob.add(n.Line, "recette : clé inconnue %q (validators, teams, labels) / recette: unknown key %q", key, key)
	}
	names := func(key string, list []string) []string {
		var out []string
		for _, v := range list {
			v = strings.TrimPrefix(strings.TrimSpace(v), "@")
			if v == "" || strings.ContainsAny(v, " \t,") {
				prob.add(keyLine(node, key), "recette.%s : %q n'est pas un identifiant / is not a login or team", key, v)
				continue
			}
			out = append(out, v)
		}
		return out
	}
	if raw.Validators != nil {
		dst.Validators = names("validators", raw.Validators)
	}
	if raw.Teams != nil {
		dst.Teams = names("teams", raw.Teams)
	}
	labels := dst.LabelSet()
	for key, l := range raw.Labels {
		line := keyLine(valueOf(node, "labels"), key)
		var lb *Label
		switch key {
		case "in_progress":
			lb = &labels.InProgress
		case "done":
			lb = &labels.Done
		default:
			prob.add(line, "recette.labels : étiquette inconnue %q (in_progress, done) / unknown label %q", key, key)
			continue
		}
		if l.Name != "" {
			if strings.Contains(l.Name, ",") {
				prob.add(line, "recette.labels.%s : une étiquette ne peut contenir de virgule / a label cannot hold a comma", key)
			}
			lb.Name = l.Name
		}
		if l.Color != "" {
			c := strings.TrimPrefix(l.Color, "#")
			if !isHexColor(c) {
				prob.add(line, "recette.labels.%s.color : %q n'est pas une couleur hexadécimale / is not a hex colour", key, l.Color)
			}
			lb.Color = c
		}
		if l.Description != "" {
			lb.Description = l.Description
		}
	}
	if labels.InProgress.Name != "" && strings.EqualFold(labels.InProgress.Name, labels.Done.Name) {
		prob.add(keyLine(node, "labels"), "recette.labels : in_progress et done doivent différer / in_progress and done must differ")
	}
	dst.Labels = labels
}

// parsePersonas reads a personas list with the template parser, as the
// personas of a template extending the default one, so both files share
// one format and one validation.
func parsePersonas(set *templates.Set, n *yaml.Node, source string) ([]rules.Persona, error) {
	base := set.Default()
	str := func(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		str("name"), str(base.Name), str("extends"), str(base.Name), str("personas"), n,
	}}
	out, err := set.LoadNode(m, source)
	if err != nil {
		return nil, err
	}
	t, _ := out.Get(base.Name)
	return t.Personas, nil
}

// mentionForm is what a reviewer must look like: a user or a team
// (GitHub "@org/team", GitLab "@group/subgroup").
var mentionForm = regexp.MustCompile(`^@[A-Za-z0-9_.][A-Za-z0-9_.\-]*(/[A-Za-z0-9_.\-]+)*$`)

func checkMentions(prob *configProblem, line int, field string, who []string) []string {
	for _, w := range who {
		if !mentionForm.MatchString(w) {
			prob.add(line, "%s : %q n'est pas une mention (@utilisateur ou @org/équipe) / is not a mention (@user or @org/team)", field, w)
		}
	}
	return who
}

func parseRuleSetting(v string) (rules.RuleSetting, bool) {
	on, off := true, false
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "off", "false", "no", "non":
		return rules.RuleSetting{Enabled: &off}, true
	case "on", "true", "yes", "oui":
		return rules.RuleSetting{Enabled: &on}, true
	case "error":
		return rules.RuleSetting{Enabled: &on, Severity: rules.SeverityError}, true
	case "warning":
		return rules.RuleSetting{Enabled: &on, Severity: rules.SeverityWarning}, true
	case "info":
		return rules.RuleSetting{Enabled: &on, Severity: rules.SeverityInfo}, true
	}
	return rules.RuleSetting{}, false
}

func isHexColor(s string) bool {
	if len(s) != 6 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

// valueOf returns the value node of key in a mapping node.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keyLine(m *yaml.Node, key string) int {
	if m == nil || m.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i].Line
		}
	}
	return 0
}

// MissingConfigTTL is how long a repository found without a configuration
// file is taken to still have none. Platforms answer a missing file with a
// 404 that cannot be made conditional, and looking for the repository's
// file and then the organisation's costs two reads per evaluation; a new
// file takes effect within this delay.
const MissingConfigTTL = time.Minute

// RepoSettings loads repositories' configuration files through their
// platform and caches what it parsed by content, so an unchanged file
// (answered from the adapter's ETag cache) is not parsed again.
type RepoSettings struct {
	defaults Settings
	now      func() time.Time
	mu       sync.Mutex
	cache    map[[32]byte]parsedConfig
	missing  map[string]time.Time // repo → until when it has no file
}

type parsedConfig struct {
	s   Settings
	err *ConfigError
}

// NewRepoSettings returns a SettingsSource over defaults.
func NewRepoSettings(defaults Settings) *RepoSettings {
	return &RepoSettings{defaults: defaults, now: time.Now, cache: map[[32]byte]parsedConfig{}, missing: map[string]time.Time{}}
}

// Load implements SettingsSource.
func (r *RepoSettings) Load(ctx context.Context, p Configs, repo Repo) (Settings, *ConfigError, error) {
	key := repo.String()
	r.mu.Lock()
	until, known := r.missing[key]
	r.mu.Unlock()
	if known && r.now().Before(until) {
		return r.defaults, nil, nil
	}
	data, source, found, err := p.ReadConfig(ctx, repo)
	if err != nil {
		var api *APIError
		if errors.As(err, &api) && api.Status == 403 && !api.RateLimited {
			// Contents permission not granted: run with the defaults
			// rather than failing every evaluation.
			return r.defaults, nil, nil
		}
		return r.defaults, nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !found {
		if len(r.missing) > 10000 {
			clear(r.missing)
		}
		r.missing[key] = r.now().Add(MissingConfigTTL)
		return r.defaults, nil, nil
	}
	delete(r.missing, key)
	sum := sha256.Sum256(append([]byte(source+"\x00"), data...))
	if c, ok := r.cache[sum]; ok {
		return c.s, c.err, nil
	}
	s, cerr := ParseRepoConfig(data, source, r.defaults)
	if len(r.cache) > 1000 {
		clear(r.cache)
	}
	r.cache[sum] = parsedConfig{s, cerr}
	return s, cerr, nil
}
