package coretest

import (
	"context"
	"strings"
	"sync"

	"github.com/cochef/cochef/core"
)

// LostPosts is the in-memory platform whose posts of comments carrying
// Marker time out: the platform carries them out later, when Land is
// called, as GitHub and GitLab do with a POST that hangs past the job's
// timeout. Other comments are posted at once.
type LostPosts struct {
	*Platform
	Marker string
	mu     sync.Mutex
	late   []func()
}

// Connect returns the lossy platform itself for every repository.
func (l *LostPosts) Connect(core.Repo) (core.Platform, error) { return l, nil }

// CreateComment answers a marked comment with a timeout and keeps it for
// Land; it posts any other comment.
func (l *LostPosts) CreateComment(ctx context.Context, ref core.IssueRef, body string) (core.Comment, error) {
	if !strings.Contains(body, l.Marker) {
		return l.Platform.CreateComment(ctx, ref, body)
	}
	l.mu.Lock()
	l.late = append(l.late, func() { l.AddComment(ref, Self, body) })
	l.mu.Unlock()
	return core.Comment{}, context.DeadlineExceeded
}

// Land carries out the posts that timed out.
func (l *LostPosts) Land() {
	l.mu.Lock()
	late := l.late
	l.late = nil
	l.mu.Unlock()
	for _, f := range late {
		f()
	}
}
