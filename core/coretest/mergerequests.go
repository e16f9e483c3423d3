package coretest

import (
	"context"
	"slices"

	"github.com/cochef/cochef/core"
)

// --- pull and merge requests ---

// SetMergeRequest creates or replaces a PR/MR (State "open" unless said)
// and the issues the platform says it closes.
func (p *Platform) SetMergeRequest(mr core.MergeRequest, closes ...core.IssueRef) {
	p.mu.Lock()
	defer p.mu.Unlock()
	mr.Ref.MergeRequest = true
	if mr.State == "" {
		mr.State = "open"
	}
	p.mrs[key(mr.Ref)] = &mr
	p.closing[key(mr.Ref)] = closes
}

// EditMergeRequest changes a PR/MR in place.
func (p *Platform) EditMergeRequest(ref core.IssueRef, edit func(*core.MergeRequest)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	edit(p.mrs[key(ref)])
}

// Statuses are the statuses set on ref's head commits, oldest first.
func (p *Platform) Statuses(ref core.IssueRef) []Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.statuses[key(ref)])
}

func (p *Platform) GetMergeRequest(_ context.Context, ref core.IssueRef) (core.MergeRequest, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("GetMergeRequest", ref); err != nil {
		return core.MergeRequest{}, err
	}
	mr := p.mrs[key(ref)]
	if mr == nil {
		return core.MergeRequest{}, notFound(ref.String())
	}
	out := *mr
	out.Labels = slices.Clone(mr.Labels)
	return out, nil
}

func (p *Platform) ClosingIssues(_ context.Context, mr core.MergeRequest) ([]core.IssueRef, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("ClosingIssues", mr.Ref); err != nil {
		return nil, err
	}
	return slices.Clone(p.closing[key(mr.Ref)]), nil
}

// SetRecetteStatus keeps every status set; an id updates a pending one.
func (p *Platform) SetRecetteStatus(_ context.Context, mr core.MergeRequest, s core.RecetteStatus) (int64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.call("SetRecetteStatus", mr.Ref); err != nil {
		return 0, err
	}
	k := key(mr.Ref)
	if s.ID != 0 {
		for i := range p.statuses[k] {
			if p.statuses[k][i].ID == s.ID {
				p.statuses[k][i] = Status{SHA: mr.HeadSHA, RecetteStatus: s}
				return s.ID, nil
			}
		}
	}
	p.nextID++
	s.ID = p.nextID
	p.statuses[k] = append(p.statuses[k], Status{SHA: mr.HeadSHA, RecetteStatus: s})
	return s.ID, nil
}
