package recette

import (
	"context"
	"fmt"
	"strings"

	"github.com/cochef/cochef/core"
)

// Access says who may validate a recette and who may ask for a full
// re-render, for one repository.
type Access struct {
	Repo     core.Repo
	Settings core.RecetteSettings
	// Broken is set when the repository's configuration does not parse:
	// its validator list is unknown, so nobody validates until it is
	// fixed (the defaults would let every developer validate).
	Broken bool
}

// MayValidate tells whether actor may validate: never a bot nor anyone
// while the configuration is broken; the named validators and the members
// of the named teams when there are any; else anyone with write access.
// The platform is asked only what the settings leave open.
func (a Access) MayValidate(ctx context.Context, perms core.Permissions, actor string) (bool, error) {
	if actor == "" || strings.HasSuffix(actor, "[bot]") || a.Broken {
		return false, nil
	}
	rs := a.Settings
	for _, u := range rs.Validators {
		if strings.EqualFold(u, actor) {
			return true, nil
		}
	}
	for _, team := range rs.Teams {
		ok, err := perms.IsTeamMember(ctx, a.Repo, team, actor)
		if err != nil {
			return false, fmt.Errorf("team %s: %w", team, err)
		}
		if ok {
			return true, nil
		}
	}
	if len(rs.Validators) > 0 || len(rs.Teams) > 0 {
		return false, nil
	}
	return a.writes(ctx, perms, actor)
}

// MayCheck tells whether actor may ask for a full re-render ("/cochef
// check", a read per story and a write): a validator, or anyone with write
// access, like the check of an issue. mayValidate is the answer already
// known for actor, if any.
func (a Access) MayCheck(ctx context.Context, perms core.Permissions, actor string, mayValidate bool) (bool, error) {
	if mayValidate || actor == "" {
		return mayValidate, nil
	}
	return a.writes(ctx, perms, actor)
}

func (a Access) writes(ctx context.Context, perms core.Permissions, actor string) (bool, error) {
	acc, err := perms.Access(ctx, a.Repo, actor)
	if err != nil {
		return false, fmt.Errorf("access of %s: %w", actor, err)
	}
	return acc >= core.AccessWrite, nil
}
