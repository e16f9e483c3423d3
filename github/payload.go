package github

import "time"

// The fields of a webhook payload that cochef reads, for every event it
// handles. A GitHub payload carries about a hundred fields, most of them
// URLs; decoding only these into plain values, rather than the whole
// event into go-github's types, is most of what verifying and reading a
// delivery costs. Fields go-github would have decoded but nobody reads
// are skipped unchecked, as they would be by any client of the API.
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
	Repositories []struct{} `json:"repositories"`
	Added        []struct{} `json:"repositories_added"`
	Removed      []struct{} `json:"repositories_removed"`
}

type payloadIssue struct {
	Number    int            `json:"number"`
	Title     string         `json:"title"`
	Body      string         `json:"body"`
	State     string         `json:"state"`
	HTMLURL   string         `json:"html_url"`
	UpdatedAt time.Time      `json:"updated_at"`
	User      *payloadUser   `json:"user"`
	Labels    []payloadLabel `json:"labels"`
	// PullRequest is set on an issue that is a pull request.
	PullRequest *struct{} `json:"pull_request"`
}

type payloadLabel struct {
	Name string `json:"name"`
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
