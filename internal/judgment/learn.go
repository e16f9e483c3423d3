package judgment

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// A learned baseline for the review triggers: a logistic regression over
// the words and word pairs of a story, trained on labelled sets. It is no
// part of cochef's judgment; it measures how far a learner fed the same
// labels generalises to a set it never saw, next to the rules, to decide
// where the judgment should go.

// Features returns the distinct lower-cased words and adjacent word
// pairs of text.
func Features(text string) []string {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, 2*len(ws))
	for i, w := range ws {
		out = append(out, w)
		if i > 0 {
			out = append(out, ws[i-1]+" "+w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Example is one labelled story as features.
type Example struct {
	Features []string
	Label    bool
}

// Model is a trained logistic regression.
type Model struct {
	weights map[string]float64
	bias    float64
}

// Train fits a model by stochastic gradient descent: epochs passes in
// the examples' order, a learning rate decaying from 0.1, a small L2
// penalty. The order is fixed, so the model is the same on every run.
func Train(examples []Example, epochs int) *Model {
	m := &Model{weights: map[string]float64{}}
	for ep := range epochs {
		lr := 0.1 / float64(1+ep)
		for _, e := range examples {
			g := -m.Score(e.Features)
			if e.Label {
				g++
			}
			m.bias += lr * g
			for _, f := range e.Features {
				m.weights[f] += lr*g - lr*0.001*m.weights[f]
			}
		}
	}
	return m
}

// Score is the model's probability that a story with these features has
// the label.
func (m *Model) Score(features []string) float64 {
	z := m.bias
	for _, f := range features {
		z += m.weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}
