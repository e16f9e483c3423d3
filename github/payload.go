package github

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// The fields of a webhook payload that cochef reads, for every event it
// handles. A GitHub payload carries about a hundred fields, most of them
// URLs; reading only these into plain values, rather than the whole event
// into go-github's types, is most of what verifying and reading a delivery
// costs. The payload is checked to be JSON as a whole, then walked once
// with gjson, which skips what is not read without decoding it (two passes
// of encoding/json, its check and its decode, cost four times more). The
// fields read must have their JSON type, as encoding/json would require.
// The tags name the fields read.
type payload struct {
	Action string `json:"action"`
	// Number is a pull_request event's.
	Number       int             `json:"number"`
	Issue        *payloadIssue   `json:"issue"`
	Comment      *payloadComment `json:"comment"`
	PullRequest  *payloadPull    `json:"pull_request"`
	MergeGroup   *payloadGroup   `json:"merge_group"`
	Repository   *payloadRepo    `json:"repository"`
	Installation *payloadInstall `json:"installation"`
	Sender       *payloadUser    `json:"sender"`
	Changes      *payloadChanges `json:"changes"`
	// An installation's repositories, counted for the log.
	Repositories int `json:"repositories"`
	Added        int `json:"repositories_added"`
	Removed      int `json:"repositories_removed"`
}

type payloadIssue struct {
	Number    int          `json:"number"`
	Title     string       `json:"title"`
	Body      string       `json:"body"`
	State     string       `json:"state"`
	HTMLURL   string       `json:"html_url"`
	UpdatedAt time.Time    `json:"updated_at"`
	User      *payloadUser `json:"user"`
	Labels    []string     `json:"labels"` // their names
	// PullRequest is set on an issue that is a pull request.
	PullRequest *struct{} `json:"pull_request"`
}

type payloadUser struct {
	Login string `json:"login"`
	Type  string `json:"type"`
}

type payloadComment struct {
	Body string       `json:"body"`
	User *payloadUser `json:"user"`
}

type payloadPull struct {
	Number int `json:"number"`
}

type payloadGroup struct {
	HeadRef string `json:"head_ref"`
	HeadSHA string `json:"head_sha"`
}

type payloadRepo struct {
	FullName string `json:"full_name"`
}

type payloadInstall struct {
	ID      int64        `json:"id"`
	Account *payloadUser `json:"account"`
}

type payloadChanges struct {
	Body *struct {
		From *string `json:"from"`
	} `json:"body"`
	// An issue transferred: where it is now.
	NewIssue      *payloadIssue `json:"new_issue"`
	NewRepository *payloadRepo  `json:"new_repository"`
}

// The getters are nil-safe, as go-github's are: a payload may lack any of
// these objects.

func (r *payloadRepo) fullName() string {
	if r == nil {
		return ""
	}
	return r.FullName
}

func (i *payloadInstall) id() int64 {
	if i == nil {
		return 0
	}
	return i.ID
}

func (i *payloadInstall) account() string {
	if i == nil {
		return ""
	}
	return i.Account.login()
}

func (u *payloadUser) login() string {
	if u == nil {
		return ""
	}
	return u.Login
}

func (u *payloadUser) kind() string {
	if u == nil {
		return ""
	}
	return u.Type
}

func (i *payloadIssue) number() int {
	if i == nil {
		return 0
	}
	return i.Number
}

func (c *payloadComment) body() string {
	if c == nil {
		return ""
	}
	return c.Body
}

func (c *payloadComment) user() *payloadUser {
	if c == nil {
		return nil
	}
	return c.User
}

// errSyntax marks a body that is not JSON.
var errSyntax = errors.New("JSON invalide / malformed JSON")

// decodePayload reads raw. Its errors wrap errSyntax for a body that is
// not JSON; the others name the field whose type is wrong.
func decodePayload(raw []byte) (payload, error) {
	var p payload
	if !gjson.ValidBytes(raw) {
		return p, errSyntax
	}
	root := gjson.ParseBytes(raw)
	if !root.IsObject() {
		if root.Type == gjson.Null {
			return p, nil // as encoding/json reads null into a struct
		}
		return p, errors.New("the payload is not an object")
	}
	d := decoder{}
	root.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "action":
			p.Action = d.str(k.Str, v)
		case "number":
			p.Number = d.int(k.Str, v)
		case "issue":
			p.Issue = d.issue(k.Str, v)
		case "comment":
			if d.object(k.Str, v) {
				p.Comment = &payloadComment{Body: d.str("comment.body", v.Get("body")), User: d.user("comment.user", v.Get("user"))}
			}
		case "pull_request":
			if d.object(k.Str, v) {
				p.PullRequest = &payloadPull{Number: d.int("pull_request.number", v.Get("number"))}
			}
		case "merge_group":
			if d.object(k.Str, v) {
				p.MergeGroup = &payloadGroup{HeadRef: d.str("merge_group.head_ref", v.Get("head_ref")), HeadSHA: d.str("merge_group.head_sha", v.Get("head_sha"))}
			}
		case "repository":
			p.Repository = d.repo(k.Str, v)
		case "installation":
			if d.object(k.Str, v) {
				p.Installation = &payloadInstall{ID: d.int64("installation.id", v.Get("id")), Account: d.user("installation.account", v.Get("account"))}
			}
		case "sender":
			p.Sender = d.user(k.Str, v)
		case "changes":
			if d.object(k.Str, v) {
				p.Changes = &payloadChanges{NewIssue: d.issue("changes.new_issue", v.Get("new_issue")), NewRepository: d.repo("changes.new_repository", v.Get("new_repository"))}
				if b := v.Get("body"); d.object("changes.body", b) {
					p.Changes.Body = &struct {
						From *string `json:"from"`
					}{}
					if f := b.Get("from"); f.Exists() && f.Type != gjson.Null {
						from := d.str("changes.body.from", f)
						p.Changes.Body.From = &from
					}
				}
			}
		case "repositories":
			p.Repositories = d.count(k.Str, v)
		case "repositories_added":
			p.Added = d.count(k.Str, v)
		case "repositories_removed":
			p.Removed = d.count(k.Str, v)
		}
		return d.err == nil
	})
	return p, d.err
}

// decoder keeps the first type error met.
type decoder struct{ err error }

func (d *decoder) fail(field, want string, v gjson.Result) {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %s expected, found %s", field, want, v.Type)
	}
}

// object reports whether v is an object; absent and null are no object
// and no error.
func (d *decoder) object(field string, v gjson.Result) bool {
	switch {
	case !v.Exists(), v.Type == gjson.Null:
		return false
	case v.IsObject():
		return true
	}
	d.fail(field, "object", v)
	return false
}

func (d *decoder) str(field string, v gjson.Result) string {
	switch v.Type {
	case gjson.String:
		s := v.Str
		if !utf8.ValidString(s) {
			// encoding/json's replacement of what is not UTF-8.
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return s
	case gjson.Null:
		return ""
	}
	if v.Exists() {
		d.fail(field, "string", v)
	}
	return ""
}

func (d *decoder) int64(field string, v gjson.Result) int64 {
	switch v.Type {
	case gjson.Number:
		if n, err := strconv.ParseInt(v.Raw, 10, 64); err == nil {
			return n
		}
		d.fail(field, "integer", v)
	case gjson.Null:
	default:
		if v.Exists() {
			d.fail(field, "number", v)
		}
	}
	return 0
}

func (d *decoder) int(field string, v gjson.Result) int {
	n := d.int64(field, v)
	if n > math.MaxInt32 || n < math.MinInt32 {
		d.fail(field, "issue or pull request number", v)
		return 0
	}
	return int(n)
}

func (d *decoder) count(field string, v gjson.Result) int {
	switch {
	case !v.Exists(), v.Type == gjson.Null:
		return 0
	case v.IsArray():
		n := 0
		v.ForEach(func(_, _ gjson.Result) bool { n++; return true })
		return n
	}
	d.fail(field, "array", v)
	return 0
}

func (d *decoder) user(field string, v gjson.Result) *payloadUser {
	if !d.object(field, v) {
		return nil
	}
	return &payloadUser{Login: d.str(field+".login", v.Get("login")), Type: d.str(field+".type", v.Get("type"))}
}

func (d *decoder) repo(field string, v gjson.Result) *payloadRepo {
	if !d.object(field, v) {
		return nil
	}
	return &payloadRepo{FullName: d.str(field+".full_name", v.Get("full_name"))}
}

func (d *decoder) issue(field string, v gjson.Result) *payloadIssue {
	if !d.object(field, v) {
		return nil
	}
	is := &payloadIssue{}
	v.ForEach(func(k, f gjson.Result) bool {
		switch k.Str {
		case "number":
			is.Number = d.int(field+".number", f)
		case "title":
			is.Title = d.str(field+".title", f)
		case "body":
			is.Body = d.str(field+".body", f)
		case "state":
			is.State = d.str(field+".state", f)
		case "html_url":
			is.HTMLURL = d.str(field+".html_url", f)
		case "updated_at":
			if at := d.str(field+".updated_at", f); at != "" {
				t, err := time.Parse(time.RFC3339, at)
				if err != nil && d.err == nil {
					d.err = fmt.Errorf("%s.updated_at: %w", field, err)
				}
				is.UpdatedAt = t
			}
		case "user":
			is.User = d.user(field+".user", f)
		case "labels":
			if f.Type == gjson.Null || !f.Exists() {
				break
			}
			if !f.IsArray() {
				d.fail(field+".labels", "array", f)
				break
			}
			f.ForEach(func(_, l gjson.Result) bool {
				if d.object(field+".labels[]", l) {
					is.Labels = append(is.Labels, d.str(field+".labels[].name", l.Get("name")))
				}
				return d.err == nil
			})
		case "pull_request":
			if d.object(field+".pull_request", f) {
				is.PullRequest = &struct{}{}
			}
		}
		return d.err == nil
	})
	return is
}
