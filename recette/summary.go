package recette

import "github.com/cochef/cochef/core"

// Progress counts the items of a recette from its model and its trail:
// validated, in all, refused. The checklist's title ("3/5 critères
// validés") and the readiness dashboard count the same way.
func Progress(m core.RecetteModel, trail []core.Validation) (done, total, refused int) {
	return counts(m, currentStates(trail))
}
