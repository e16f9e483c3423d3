package feedback

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/cochef/cochef/core"
)

// FormsTTL is how long a repository's list of issue forms (GitHub) or
// description templates (GitLab) is trusted: looking for them is one read,
// paid once per repository in that time, not at every event; a form added
// (`cochef templates export`, then a push) is linked within it.
const FormsTTL = 10 * time.Minute

// formsRetry is how soon a list that could not be read is asked again.
const formsRetry = time.Minute

// formCache remembers each repository's forms. Its zero value is ready.
type formCache struct {
	mu     sync.Mutex
	byRepo map[string]formEntry
}

type formEntry struct {
	forms []core.IssueTemplate
	until time.Time
}

// get returns repo's forms, read through p when not known or too old. A
// failed read is no link rather than a failed evaluation, except a rate
// limit, which the queue waits out like any other read's.
func (c *formCache) get(ctx context.Context, p core.Forms, repo core.Repo, now time.Time, log *slog.Logger) ([]core.IssueTemplate, error) {
	key := repo.String()
	c.mu.Lock()
	e, ok := c.byRepo[key]
	c.mu.Unlock()
	if ok && now.Before(e.until) {
		return e.forms, nil
	}
	forms, err := p.IssueTemplates(ctx, repo)
	until := now.Add(FormsTTL)
	if err != nil {
		var api *core.APIError
		if errors.As(err, &api) && api.RateLimited {
			return nil, err
		}
		log.Info("issue forms not readable: the comment links none", "repo", key, "err", err)
		forms, until = nil, now.Add(formsRetry)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byRepo == nil || len(c.byRepo) > 10000 {
		c.byRepo = map[string]formEntry{}
	}
	c.byRepo[key] = formEntry{forms: forms, until: until}
	return forms, nil
}
