package core

import "time"

// IssueQuery selects the issues a backfill lists: State is "open" (the
// default), "closed" or "all"; Since keeps those updated at or after it
// (zero: all); every one of Labels must be on the issue.
type IssueQuery struct {
	State  string
	Since  time.Time
	Labels []string
}
