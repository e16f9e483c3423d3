package judgment

import (
	"path/filepath"
	"strings"
)

// LoadAll reads the corpus under corpusDir and the Dalpiaz backlogs and
// labels under dalpiazDir (qus-labels.tsv and the *.txt it names).
func LoadAll(corpusDir, dalpiazDir string) ([]Backlog, []QUSRow, map[string][]string, error) {
	backlogs, err := LoadCorpus(corpusDir)
	if err != nil {
		return nil, nil, nil, err
	}
	qus, err := LoadQUS(filepath.Join(dalpiazDir, "qus-labels.tsv"))
	if err != nil {
		return nil, nil, nil, err
	}
	lines := map[string][]string{}
	for _, r := range qus {
		if _, ok := lines[r.File]; ok || !strings.HasSuffix(r.File, ".txt") {
			continue
		}
		ls, err := LoadBacklogLines(filepath.Join(dalpiazDir, r.File))
		if err != nil {
			return nil, nil, nil, err
		}
		lines[r.File] = ls
	}
	return backlogs, qus, lines, nil
}
