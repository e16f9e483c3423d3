package gitlabfake

import (
	"net/http"
	"sort"
	"strings"
)

// templateDirs are where a project keeps its description templates, by
// the type GET /projects/:id/templates/:type names.
var templateDirs = map[string]string{
	"issues":         ".gitlab/issue_templates/",
	"merge_requests": ".gitlab/merge_request_templates/",
}

// templateTypes are the other types GitLab accepts, answered empty here.
var templateTypes = map[string]bool{"dockerfiles": true, "gitignores": true, "gitlab_ci_ymls": true, "licenses": true}

type templateJSON struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// listTemplates answers GET /projects/:id/templates/:type as GitLab does
// for a project's own description templates: the *.md files of
// .gitlab/issue_templates (or merge_request_templates) on the default
// branch, key and name the file name without .md, by name, paginated;
// an unknown type is a 400.
func (f *Fake) listTemplates(c *call) {
	p := c.project()
	if p == nil {
		return
	}
	typ := c.vars["type"]
	dir, ok := templateDirs[typ]
	if !ok && !templateTypes[typ] {
		c.fail(http.StatusBadRequest, "error", "type does not have a valid value")
		return
	}
	out := []templateJSON{}
	if ok {
		for path := range p.files[p.defaultBranch] {
			name, found := strings.CutPrefix(path, dir)
			if !found || strings.Contains(name, "/") || !strings.HasSuffix(name, ".md") {
				continue
			}
			key := strings.TrimSuffix(name, ".md")
			out = append(out, templateJSON{Key: key, Name: key})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	paginate(c, out)
}
