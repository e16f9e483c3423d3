// Command gen trims GitHub's REST description (the OpenAPI file of the npm
// package @octokit/openapi) down to the operations cochef calls, so that the
// fake can refuse anything GitHub would not accept without shipping 13 MB of
// JSON. Descriptions and examples are dropped and every $ref is resolved, so
// the fake reads the result without an OpenAPI library.
//
//	go run ./github/githubfake/internal/gen -in ../shared/fixtures/github-openapi/api.github.com.json -out github/githubfake/testdata/openapi.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"sort"
	"strings"
)

// operations are the ones cochef uses: issues, comments, labels,
// permissions, contents, check runs, pull requests and team membership
// (recette validators). GraphQL is not a REST operation: the fake
// allows POST /graphql on its own.
var operations = []struct{ method, path string }{
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"},
	{"post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"},
	{"get", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
	{"patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
	{"delete", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
	{"get", "/repos/{owner}/{repo}/labels/{name}"},
	{"post", "/repos/{owner}/{repo}/labels"},
	{"get", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"},
	{"delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"},
	{"get", "/repos/{owner}/{repo}/collaborators/{username}/permission"},
	{"get", "/repos/{owner}/{repo}/contents/{path}"},
	{"post", "/repos/{owner}/{repo}/check-runs"},
	{"patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"},
	{"get", "/repos/{owner}/{repo}/pulls/{pull_number}"},
	{"get", "/orgs/{org}/teams/{team_slug}/memberships/{username}"},
	{"post", "/app/installations/{installation_id}/access_tokens"},
	{"get", "/user"},
	// cochef backfill: listing, and where the App is installed.
	{"get", "/repos/{owner}/{repo}/issues"},
	{"get", "/repos/{owner}/{repo}/installation"},
	{"get", "/orgs/{org}/installation"},
	{"get", "/installation/repositories"},
	{"get", "/orgs/{org}/repos"},
}

// keptSchemaKeys are what a request-body check needs.
var keptSchemaKeys = map[string]bool{
	"type": true, "required": true, "properties": true, "items": true,
	"oneOf": true, "anyOf": true, "allOf": true, "enum": true,
	"minItems": true, "maxItems": true, "maxLength": true, "nullable": true,
}

func main() {
	in := flag.String("in", "../../../shared/fixtures/github-openapi/api.github.com.json", "GitHub's REST description (@octokit/openapi api.github.com.json)")
	out := flag.String("out", "testdata/openapi.json", "trimmed description to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		slog.Error("gen failed", "err", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read the REST description (it lives in the team's shared fixtures, not in the repository): %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	r := resolver{doc: doc}
	info, _ := doc["info"].(map[string]any)
	paths, _ := doc["paths"].(map[string]any)
	trimmed := map[string]any{}
	for _, op := range operations {
		item, ok := paths[op.path].(map[string]any)
		if !ok {
			return fmt.Errorf("path %s is not in the description", op.path)
		}
		o, ok := item[op.method].(map[string]any)
		if !ok {
			return fmt.Errorf("%s %s is not in the description", op.method, op.path)
		}
		t, err := r.operation(item, o)
		if err != nil {
			return fmt.Errorf("%s %s: %w", op.method, op.path, err)
		}
		pm, _ := trimmed[op.path].(map[string]any)
		if pm == nil {
			pm = map[string]any{}
			trimmed[op.path] = pm
		}
		pm[op.method] = t
	}
	result := map[string]any{
		"openapi": doc["openapi"],
		"info": map[string]any{
			"title":   info["title"],
			"version": info["version"],
			"license": info["license"],
			"x-cochef-source": "npm package @octokit/openapi " + fmt.Sprint(info["version"]) +
				", file api.github.com.json (MIT licence). Trimmed by github/githubfake/internal/gen: " +
				"only the operations cochef uses, descriptions and examples dropped, $ref resolved.",
		},
		"paths": trimmed,
	}
	b, err := json.MarshalIndent(result, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}

type resolver struct{ doc map[string]any }

func (r resolver) ref(v any) (any, error) {
	for depth := 0; depth < 32; depth++ {
		m, ok := v.(map[string]any)
		if !ok {
			return v, nil
		}
		ref, ok := m["$ref"].(string)
		if !ok {
			return v, nil
		}
		if !strings.HasPrefix(ref, "#/") {
			return nil, fmt.Errorf("external $ref %s", ref)
		}
		var cur any = r.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cm, ok := cur.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("bad $ref %s", ref)
			}
			cur = cm[strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")]
		}
		if cur == nil {
			return nil, fmt.Errorf("dangling $ref %s", ref)
		}
		v = cur
	}
	return nil, fmt.Errorf("$ref chain too deep")
}

func (r resolver) operation(item, op map[string]any) (map[string]any, error) {
	out := map[string]any{"operationId": op["operationId"]}
	var params []any
	add := func(list any) error {
		l, _ := list.([]any)
		for _, p := range l {
			rp, err := r.ref(p)
			if err != nil {
				return err
			}
			pm, _ := rp.(map[string]any)
			param := map[string]any{"name": pm["name"], "in": pm["in"]}
			if req, ok := pm["required"].(bool); ok && req {
				param["required"] = true
			}
			if s, ok := pm["schema"]; ok {
				rs, err := r.schema(s, 0)
				if err != nil {
					return err
				}
				param["schema"] = rs
			}
			params = append(params, param)
		}
		return nil
	}
	if err := add(item["parameters"]); err != nil {
		return nil, err
	}
	if err := add(op["parameters"]); err != nil {
		return nil, err
	}
	if params != nil {
		out["parameters"] = params
	}
	if rb, ok := op["requestBody"]; ok {
		rrb, err := r.ref(rb)
		if err != nil {
			return nil, err
		}
		rbm, _ := rrb.(map[string]any)
		content, _ := rbm["content"].(map[string]any)
		js, _ := content["application/json"].(map[string]any)
		body := map[string]any{"required": rbm["required"] == true}
		if js != nil {
			s, err := r.schema(js["schema"], 0)
			if err != nil {
				return nil, err
			}
			body["content"] = map[string]any{"application/json": map[string]any{"schema": s}}
		}
		out["requestBody"] = body
	}
	responses, _ := op["responses"].(map[string]any)
	codes := make([]string, 0, len(responses))
	for code := range responses {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	rs := map[string]any{}
	for _, c := range codes {
		rs[c] = map[string]any{}
	}
	out["responses"] = rs
	return out, nil
}

func (r resolver) schema(v any, depth int) (any, error) {
	if depth > 24 {
		// Recursive schemas are not part of any request body we check;
		// stop rather than loop.
		return map[string]any{}, nil
	}
	rv, err := r.ref(v)
	if err != nil {
		return nil, err
	}
	m, ok := rv.(map[string]any)
	if !ok {
		return rv, nil
	}
	out := map[string]any{}
	for k, val := range m {
		if !keptSchemaKeys[k] {
			continue
		}
		switch k {
		case "properties":
			props, _ := val.(map[string]any)
			np := map[string]any{}
			for name, ps := range props {
				s, err := r.schema(ps, depth+1)
				if err != nil {
					return nil, err
				}
				np[name] = s
			}
			out[k] = np
		case "items":
			s, err := r.schema(val, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = s
		case "oneOf", "anyOf", "allOf":
			l, _ := val.([]any)
			var nl []any
			for _, alt := range l {
				s, err := r.schema(alt, depth+1)
				if err != nil {
					return nil, err
				}
				nl = append(nl, s)
			}
			out[k] = nl
		default:
			out[k] = val
		}
	}
	return out, nil
}
