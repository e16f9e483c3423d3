package judgment

import (
	"slices"
	"testing"
)

func TestFeatures(t *testing.T) {
	got := Features("Exporter la liste, exporter !")
	want := []string{"exporter", "exporter la", "la", "la liste", "liste", "liste exporter"}
	if !slices.Equal(got, want) {
		t.Errorf("Features = %q, want %q", got, want)
	}
}

// The learner must separate what its examples separate, and score an
// unseen story by the words it shares with them.
func TestTrainSeparates(t *testing.T) {
	var ex []Example
	for range 5 {
		ex = append(ex,
			Example{Features("exporter la liste des usagers"), true},
			Example{Features("consulter mon NIR"), true},
			Example{Features("changer la couleur du bouton"), false},
			Example{Features("afficher le logo du site"), false})
	}
	m := Train(ex, 10)
	if s := m.Score(Features("exporter les usagers")); s < 0.5 {
		t.Errorf("score of a positive story = %.2f, want ≥ 0.5", s)
	}
	if s := m.Score(Features("changer le logo")); s >= 0.5 {
		t.Errorf("score of a negative story = %.2f, want < 0.5", s)
	}
}
