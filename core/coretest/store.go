package coretest

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/cochef/cochef/core"
)

// Store keeps evaluations and recettes in memory, through JSON as the
// database does, so a feature never shares memory with what it stored. It
// implements core.EvaluationStore and core.RecetteStore, and core.Enqueuer
// by recording the tasks queued.
type Store struct {
	mu       sync.Mutex
	evals    map[string][]byte
	recettes map[string][]byte
	trails   map[string][]core.Validation
	tasks    []core.Task
}

var (
	_ core.EvaluationStore = (*Store)(nil)
	_ core.RecetteStore    = (*Store)(nil)
	_ core.Enqueuer        = (*Store)(nil)
)

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{evals: map[string][]byte{}, recettes: map[string][]byte{}, trails: map[string][]core.Validation{}}
}

// roundTrip copies v through JSON into out.
func roundTrip(v, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// load reads the record of ref in table, nil when there is none.
func load[T any](s *Store, table map[string][]byte, ref core.IssueRef) (*T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := table[key(ref)]
	if !ok {
		return nil, nil
	}
	var v T
	return &v, json.Unmarshal(b, &v)
}

// save writes the record of ref in table.
func save(s *Store, table map[string][]byte, ref core.IssueRef, v any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := json.Marshal(v)
	table[key(ref)] = b
	return err
}

func (s *Store) LastEvaluation(_ context.Context, ref core.IssueRef) (*core.Evaluation, error) {
	return load[core.Evaluation](s, s.evals, ref)
}

func (s *Store) SaveEvaluation(_ context.Context, e core.Evaluation) error {
	return save(s, s.evals, e.Ref, e)
}

func (s *Store) LoadRecette(_ context.Context, ref core.IssueRef) (*core.RecetteRecord, error) {
	return load[core.RecetteRecord](s, s.recettes, ref)
}

func (s *Store) SaveRecette(_ context.Context, r core.RecetteRecord) error {
	return save(s, s.recettes, r.Ref, r)
}

func (s *Store) AddValidations(_ context.Context, vs []core.Validation) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range vs {
		var c core.Validation
		if err := roundTrip(v, &c); err != nil {
			return err
		}
		s.trails[key(v.MergeRequest)] = append(s.trails[key(v.MergeRequest)], c)
	}
	return nil
}

func (s *Store) Validations(_ context.Context, ref core.IssueRef) ([]core.Validation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.trails[key(ref)]), nil
}

// RecettesClosing are the open PRs/MRs whose checklist shows story.
func (s *Store) RecettesClosing(_ context.Context, story core.IssueRef) ([]core.RecetteLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []core.RecetteLink
	for _, b := range s.recettes {
		var r core.RecetteRecord
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, err
		}
		if r.State != "open" {
			continue
		}
		for _, st := range r.Model.Stories {
			if st.Ref.Repo.Platform == story.Repo.Platform && strings.EqualFold(st.Ref.Repo.FullName, story.Repo.FullName) && st.Ref.Number == story.Number {
				out = append(out, core.RecetteLink{MergeRequest: r.Ref, Digest: st.Digest})
			}
		}
	}
	slices.SortFunc(out, func(a, b core.RecetteLink) int {
		return cmp.Or(strings.Compare(a.MergeRequest.Repo.FullName, b.MergeRequest.Repo.FullName), a.MergeRequest.Number-b.MergeRequest.Number)
	})
	return out, nil
}

// Enqueue records t.
func (s *Store) Enqueue(_ context.Context, t core.Task) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tasks = append(s.tasks, t)
	return true, nil
}

// Queued returns the tasks queued since the last call, and forgets them.
func (s *Store) Queued() []core.Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.tasks
	s.tasks = nil
	return out
}
