package githubfake

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// openapiJSON is GitHub's REST description trimmed to the operations cochef
// uses (see testdata/ABOUT.md). Embedded so that tests of other packages,
// which run in their own directory, get it too.
//
//go:embed testdata/openapi.json
var openapiJSON []byte

//go:generate go run ./internal/gen -in ../../../shared/fixtures/github-openapi/api.github.com.json -out testdata/openapi.json

type schema struct {
	Type       string             `json:"type"`
	Required   []string           `json:"required"`
	Properties map[string]*schema `json:"properties"`
	Items      *schema            `json:"items"`
	OneOf      []*schema          `json:"oneOf"`
	AnyOf      []*schema          `json:"anyOf"`
	AllOf      []*schema          `json:"allOf"`
	Enum       []any              `json:"enum"`
	MinItems   *int               `json:"minItems"`
	MaxItems   *int               `json:"maxItems"`
	MaxLength  *int               `json:"maxLength"`
	Nullable   bool               `json:"nullable"`
}

type parameter struct {
	Name     string  `json:"name"`
	In       string  `json:"in"`
	Required bool    `json:"required"`
	Schema   *schema `json:"schema"`
}

type operation struct {
	OperationID string      `json:"operationId"`
	Parameters  []parameter `json:"parameters"`
	RequestBody *struct {
		Required bool `json:"required"`
		Content  map[string]struct {
			Schema *schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`

	method   string
	template string
	segments []string
}

type apiSpec struct {
	ops []*operation
}

func loadSpec() (*apiSpec, error) {
	var doc struct {
		Paths map[string]map[string]*operation `json:"paths"`
	}
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		return nil, fmt.Errorf("githubfake: embedded REST description: %w", err)
	}
	s := &apiSpec{}
	for tmpl, methods := range doc.Paths {
		for m, op := range methods {
			op.method = strings.ToUpper(m)
			op.template = tmpl
			op.segments = strings.Split(strings.TrimPrefix(tmpl, "/"), "/")
			s.ops = append(s.ops, op)
		}
	}
	// Deterministic matching: more literal segments win, so
	// /issues/comments/{comment_id} beats /issues/{issue_number}/comments.
	sort.Slice(s.ops, func(i, j int) bool {
		li, lj := literalCount(s.ops[i].segments), literalCount(s.ops[j].segments)
		if li != lj {
			return li > lj
		}
		return s.ops[i].template+s.ops[i].method < s.ops[j].template+s.ops[j].method
	})
	return s, nil
}

func literalCount(segs []string) int {
	n := 0
	for _, s := range segs {
		if !strings.HasPrefix(s, "{") {
			n++
		}
	}
	return n
}

// match finds the operation for method and escaped path (without the base
// path). It returns the path parameters, unescaped. pathFound reports that
// some operation has this path with another method.
func (s *apiSpec) match(method, escapedPath string) (op *operation, params map[string]string, pathFound bool, err error) {
	segs := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	for _, o := range s.ops {
		p, ok := matchSegments(o.segments, segs)
		if !ok {
			continue
		}
		if o.method != method {
			pathFound = true
			continue
		}
		for _, prm := range o.Parameters {
			if prm.In != "path" || prm.Schema == nil {
				continue
			}
			v := p[prm.Name]
			if prm.Schema.Type == "integer" {
				if _, perr := strconv.ParseInt(v, 10, 64); perr != nil {
					return nil, nil, true, fmt.Errorf("path parameter %s=%q is not an integer", prm.Name, v)
				}
			}
		}
		return o, p, true, nil
	}
	return nil, nil, pathFound, nil
}

func matchSegments(tmpl, segs []string) (map[string]string, bool) {
	params := map[string]string{}
	for i, t := range tmpl {
		if i >= len(segs) {
			return nil, false
		}
		if strings.HasPrefix(t, "{") {
			name := strings.Trim(t, "{}")
			// A trailing {path} spans the remaining segments (file paths).
			if name == "path" && i == len(tmpl)-1 {
				var parts []string
				for _, s := range segs[i:] {
					u, err := url.PathUnescape(s)
					if err != nil {
						return nil, false
					}
					parts = append(parts, u)
				}
				p := strings.Join(parts, "/")
				if p == "" {
					return nil, false
				}
				params[name] = p
				return params, true
			}
			u, err := url.PathUnescape(segs[i])
			if err != nil || u == "" {
				return nil, false
			}
			params[name] = u
			continue
		}
		if t != segs[i] {
			return nil, false
		}
	}
	if len(segs) != len(tmpl) {
		return nil, false
	}
	return params, true
}

// checkBody validates a JSON request body against the operation's request
// schema: presence when required, JSON types, required fields, enums and
// lengths. It is the subset of JSON Schema GitHub's descriptions use for the
// operations we keep.
func (o *operation) checkBody(body []byte) error {
	if o.RequestBody == nil {
		return nil
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		if o.RequestBody.Required {
			return fmt.Errorf("a request body is required")
		}
		return nil
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return fmt.Errorf("problems parsing JSON: %v", err)
	}
	if v == nil && !o.RequestBody.Required {
		// An optional body sent as JSON null (ghinstallation does so for
		// token requests without options): GitHub takes it as no body.
		return nil
	}
	c, ok := o.RequestBody.Content["application/json"]
	if !ok || c.Schema == nil {
		return nil
	}
	return validate(c.Schema, v, "body")
}

func validate(s *schema, v any, at string) error {
	if s == nil {
		return nil
	}
	if v == nil {
		if s.Nullable || s.Type == "" {
			return nil
		}
		return fmt.Errorf("%s: null where %s expected", at, s.Type)
	}
	switch s.Type {
	case "object":
		if _, ok := v.(map[string]any); !ok {
			return fmt.Errorf("%s: expected an object", at)
		}
	case "array":
		if _, ok := v.([]any); !ok {
			return fmt.Errorf("%s: expected an array", at)
		}
	case "string":
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: expected a string", at)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: expected a boolean", at)
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return fmt.Errorf("%s: expected an integer", at)
		}
	case "number":
		if _, ok := v.(float64); !ok {
			return fmt.Errorf("%s: expected a number", at)
		}
	}
	if len(s.Enum) > 0 {
		found := false
		for _, e := range s.Enum {
			if fmt.Sprint(e) == fmt.Sprint(v) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%s: %v is not one of %v", at, v, s.Enum)
		}
	}
	if m, ok := v.(map[string]any); ok {
		for _, r := range s.Required {
			if _, present := m[r]; !present {
				return fmt.Errorf("%q wasn't supplied", strings.TrimPrefix(at+"."+r, "body."))
			}
		}
		for name, ps := range s.Properties {
			if pv, present := m[name]; present {
				if err := validate(ps, pv, at+"."+name); err != nil {
					return err
				}
			}
		}
	}
	if a, ok := v.([]any); ok {
		if s.MinItems != nil && len(a) < *s.MinItems {
			return fmt.Errorf("%s: at least %d items required", at, *s.MinItems)
		}
		if s.MaxItems != nil && len(a) > *s.MaxItems {
			return fmt.Errorf("%s: at most %d items allowed", at, *s.MaxItems)
		}
		for i, item := range a {
			if err := validate(s.Items, item, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	}
	if str, ok := v.(string); ok && s.MaxLength != nil && utf8.RuneCountInString(str) > *s.MaxLength {
		return fmt.Errorf("%s: longer than %d characters", at, *s.MaxLength)
	}
	for _, sub := range s.AllOf {
		if err := validate(sub, v, at); err != nil {
			return err
		}
	}
	// oneOf is checked as anyOf: the alternatives GitHub lists for the
	// operations we keep do not overlap, and a stricter check would only
	// add ways to be wrong about GitHub.
	for _, alts := range [][]*schema{s.OneOf, s.AnyOf} {
		if len(alts) == 0 {
			continue
		}
		var first error
		ok := false
		for _, alt := range alts {
			err := validate(alt, v, at)
			if err == nil {
				ok = true
				break
			}
			if first == nil {
				first = err
			}
		}
		if !ok {
			return first
		}
	}
	return nil
}
