package similar

import (
	"context"

	"github.com/cochef/cochef/core"
)

// Keys gives the stored story keys of a repository's open issues
// (store.Store implements it).
type Keys interface {
	StoryKeys(ctx context.Context, repo core.Repo) (map[int]string, error)
}

// Finder finds a story's possible duplicate among its repository's stored
// stories: feedback.SimilarStories, from the store alone.
type Finder struct{ Keys Keys }

// SimilarStory returns the open story of ref's repository closest to key
// when it is at least Threshold close, nil otherwise. The story's own
// stored key is replaced by key: it is the one just read.
func (f Finder) SimilarStory(ctx context.Context, ref core.IssueRef, key string) (*core.IssueRef, error) {
	keys, err := f.Keys.StoryKeys(ctx, ref.Repo)
	if err != nil {
		return nil, err
	}
	if keys == nil {
		keys = map[int]string{}
	}
	keys[ref.Number] = key
	stories := make([]Story, 0, len(keys))
	for n, k := range keys {
		stories = append(stories, Story{Number: n, Key: k})
	}
	other, _, ok := NewIndex(stories).Closest(Story{Number: ref.Number, Key: key})
	if !ok {
		return nil, nil
	}
	return &core.IssueRef{Repo: ref.Repo, Number: other.Number}, nil
}
