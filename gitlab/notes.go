package gitlab

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	gl "gitlab.com/gitlab-org/api/client-go/v2"

	"github.com/cochef/cochef/core"
)

// notes are the note endpoints of an issue or of a merge request: the same
// calls with different client-go methods and routes, chosen once so the
// comment methods are written once.
type notes struct {
	list   func(page int, o ...gl.RequestOptionFunc) ([]*gl.Note, *gl.Response, error)
	create func(body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error)
	update func(id int64, body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error)
	remove func(id int64, o ...gl.RequestOptionFunc) (*gl.Response, error)
	route  string // the list and create route
	one    string // the update route
}

func (c *Client) notesOf(ref core.IssueRef) (notes, error) {
	pid, err := projectID(ref.Repo)
	if err != nil {
		return notes{}, err
	}
	iid := int64(ref.Number)
	// Oldest first: if a crash ever left two notes, the first one is the
	// one kept and edited, as on GitHub.
	order, sort := gl.Ptr("created_at"), gl.Ptr("asc")
	page := func(p int) gl.ListOptions { return gl.ListOptions{PerPage: notesPerPage, Page: int64(p)} }
	if ref.MergeRequest {
		return notes{
			list: func(p int, o ...gl.RequestOptionFunc) ([]*gl.Note, *gl.Response, error) {
				return c.api.Notes.ListMergeRequestNotes(pid, iid, &gl.ListMergeRequestNotesOptions{ListOptions: page(p), OrderBy: order, Sort: sort}, o...)
			},
			create: func(body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error) {
				return c.api.Notes.CreateMergeRequestNote(pid, iid, &gl.CreateMergeRequestNoteOptions{Body: &body}, o...)
			},
			update: func(id int64, body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error) {
				return c.api.Notes.UpdateMergeRequestNote(pid, iid, id, &gl.UpdateMergeRequestNoteOptions{Body: &body}, o...)
			},
			remove: func(id int64, o ...gl.RequestOptionFunc) (*gl.Response, error) {
				return c.api.Notes.DeleteMergeRequestNote(pid, iid, id, o...)
			},
			route: routeMRNotes, one: routeMRNote,
		}, nil
	}
	return notes{
		list: func(p int, o ...gl.RequestOptionFunc) ([]*gl.Note, *gl.Response, error) {
			return c.api.Notes.ListIssueNotes(pid, iid, &gl.ListIssueNotesOptions{ListOptions: page(p), OrderBy: order, Sort: sort}, o...)
		},
		create: func(body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error) {
			return c.api.Notes.CreateIssueNote(pid, iid, &gl.CreateIssueNoteOptions{Body: &body}, o...)
		},
		update: func(id int64, body string, o ...gl.RequestOptionFunc) (*gl.Note, *gl.Response, error) {
			return c.api.Notes.UpdateIssueNote(pid, iid, id, &gl.UpdateIssueNoteOptions{Body: &body}, o...)
		},
		remove: func(id int64, o ...gl.RequestOptionFunc) (*gl.Response, error) {
			return c.api.Notes.DeleteIssueNote(pid, iid, id, o...)
		},
		route: routeIssueNotes, one: routeIssueNote,
	}, nil
}

// FindComment returns the oldest note of cochef's containing marker,
// reading every page (oldest first, 100 a page) until it finds one.
func (c *Client) FindComment(ctx context.Context, ref core.IssueRef, marker string) (*core.Comment, error) {
	var found *core.Comment
	err := c.walkNotes(ctx, ref, marker, func(n core.Comment) bool {
		found = &n
		return false
	})
	return found, err
}

// MarkedComments returns every note of cochef's containing marker, oldest
// first. GitLab's answers are never cached by cochef: this is the same
// read as FindComment, carried to the last page.
func (c *Client) MarkedComments(ctx context.Context, ref core.IssueRef, marker string) ([]core.Comment, error) {
	var out []core.Comment
	err := c.walkNotes(ctx, ref, marker, func(n core.Comment) bool {
		out = append(out, n)
		return true
	})
	return out, err
}

// walkNotes calls each with cochef's notes holding marker, oldest first,
// until it returns false.
func (c *Client) walkNotes(ctx context.Context, ref core.IssueRef, marker string, each func(core.Comment) bool) error {
	if marker == "" {
		return errors.New("gitlab: FindComment needs a marker")
	}
	api, err := c.notesOf(ref)
	if err != nil {
		return err
	}
	var keyset gl.RequestOptionFunc
	for p := 1; p <= maxPages; {
		var ns []*gl.Note
		var resp *gl.Response
		err := c.call(ctx, http.MethodGet, api.route, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
			var err error
			if keyset != nil {
				o = append(o, keyset)
			}
			ns, resp, err = api.list(p, o...)
			return resp, err
		})
		if err != nil {
			return err
		}
		for _, n := range ns {
			if !strings.Contains(n.Body, marker) {
				continue
			}
			if mine, err := c.ours(ctx, n); err != nil {
				return err
			} else if mine && !each(core.Comment{ID: n.ID, Body: n.Body, Author: n.Author.Username}) {
				return nil
			}
		}
		switch {
		case resp.NextPage > 0:
			p = int(resp.NextPage)
		case resp.NextLink != "":
			keyset = gl.WithKeysetPaginationParameters(resp.NextLink)
			p++
		default:
			return nil
		}
	}
	return fmt.Errorf("gitlab: notes of %s: more than %d pages", ref, maxPages)
}

// RemoveComment deletes a note of cochef's (a thread's first note
// included: a thread of one note goes with it); 404 is done.
func (c *Client) RemoveComment(ctx context.Context, ref core.IssueRef, id int64) error {
	api, err := c.notesOf(ref)
	if err != nil {
		return err
	}
	err = c.call(ctx, http.MethodDelete, api.one, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		return api.remove(id, o...)
	})
	var apiErr *core.APIError
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusNotFound {
		return nil
	}
	return err
}

// CreateComment posts a note on the issue (or merge request).
func (c *Client) CreateComment(ctx context.Context, ref core.IssueRef, body string) (core.Comment, error) {
	api, err := c.notesOf(ref)
	if err != nil {
		return core.Comment{}, err
	}
	var n *gl.Note
	err = c.call(ctx, http.MethodPost, api.route, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		var resp *gl.Response
		var err error
		n, resp, err = api.create(body, o...)
		return resp, err
	})
	if err != nil {
		return core.Comment{}, err
	}
	return core.Comment{ID: n.ID, Body: n.Body, Author: n.Author.Username}, nil
}

// EditComment replaces a note's body (a merge request thread's included).
func (c *Client) EditComment(ctx context.Context, ref core.IssueRef, id int64, body string) error {
	api, err := c.notesOf(ref)
	if err != nil {
		return err
	}
	return c.call(ctx, http.MethodPut, api.one, func(o ...gl.RequestOptionFunc) (*gl.Response, error) {
		_, resp, err := api.update(id, body, o...)
		return resp, err
	})
}
