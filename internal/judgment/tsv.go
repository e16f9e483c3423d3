package judgment

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// readTSV calls row with the columns of each line of a tab-separated file
// after its header; blank lines are skipped. An error from row stops the read, prefixed with path and
// line.
func readTSV(path string, row func(cols []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if n == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := row(strings.Split(sc.Text(), "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}
