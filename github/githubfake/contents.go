package githubfake

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	gh "github.com/google/go-github/v93/github"
)

// directory answers GET …/contents/{path} for a folder as GitHub does:
// the entries right under it, files and folders, by name, without their
// content; 404 when no file lies under it.
func (f *Fake) directory(repo *repoState, dir string) answer {
	dir = strings.Trim(dir, "/")
	prefix := dir + "/"
	if dir == "" {
		prefix = ""
	}
	entries := map[string]*gh.RepositoryContent{}
	for p, data := range repo.files {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || rest == "" {
			continue
		}
		name, _, sub := strings.Cut(rest, "/")
		if _, seen := entries[name]; seen {
			continue
		}
		full := prefix + name
		e := &gh.RepositoryContent{
			Name:    new(name),
			Path:    new(full),
			URL:     new(f.apiURL("repos/%s/contents/%s", repo.fullName, full)),
			HTMLURL: new(fmt.Sprintf("https://github.com/%s/tree/main/%s", repo.fullName, full)),
		}
		if sub {
			e.Type, e.Size = new("dir"), new(0)
		} else {
			sha := blobSHA(data)
			e.Type, e.Size, e.SHA = new("file"), new(len(data)), new(sha)
			e.HTMLURL = new(fmt.Sprintf("https://github.com/%s/blob/main/%s", repo.fullName, full))
			e.GitURL = new(f.apiURL("repos/%s/git/blobs/%s", repo.fullName, sha))
			e.DownloadURL = new(fmt.Sprintf("https://raw.githubusercontent.com/%s/main/%s", repo.fullName, full))
		}
		entries[name] = e
	}
	if len(entries) == 0 {
		return notFound()
	}
	names := make([]string, 0, len(entries))
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	list := make([]*gh.RepositoryContent, len(names))
	for i, n := range names {
		list[i] = entries[n]
	}
	return jsonAnswer(http.StatusOK, list)
}
