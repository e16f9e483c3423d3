// Command judgment measures cochef's story analysis on the labelled
// corpus: parse accuracy by shape, review-trigger precision and recall,
// and per-QUS-rule precision and recall on the corpus and on the QUS
// labels of the Dalpiaz 2018 backlogs, next to AQUSA's published F1.
//
//	go run ./scripts/judgment            # the figures of the README
//	go run ./scripts/judgment -v         # and every miss
//	go run ./scripts/judgment -files     # and the figures per corpus file
//	go run ./scripts/judgment -corpus rules/testdata/heldout14 \
//	    -agree rules/testdata/heldout14/second-labeller.tsv
//	                                     # and how far a second labeller agrees
//	go run ./scripts/judgment -real rules/testdata/dalpiaz2018/review-sample
//	                                     # and the review triggers on real one-line stories
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cochef/cochef/internal/judgment"
	"github.com/cochef/cochef/templates"
)

func main() {
	corpus := flag.String("corpus", "rules/testdata/corpus", "directory of the corpus backlogs (*.yml)")
	dalpiaz := flag.String("dalpiaz", "rules/testdata/dalpiaz2018", "directory of the Dalpiaz backlogs and qus-labels.tsv")
	verbose := flag.Bool("v", false, "list every miss")
	files := flag.Bool("files", false, "print the parse and review figures per corpus file")
	agree := flag.String("agree", "", "a second labeller's TSV (id, rgpd, security): print the agreement with the corpus labels")
	realDir := flag.String("real", "", "a directory of real one-line stories (stories.tsv) and their review labels (labels.tsv): print the review triggers on them")
	flag.Parse()
	backlogs, qus, lines, err := judgment.LoadAll(*corpus, *dalpiaz)
	if err != nil {
		fmt.Fprintln(os.Stderr, "judgment:", err)
		os.Exit(2)
	}
	set, err := templates.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, "judgment: built-in templates:", err)
		os.Exit(2)
	}
	rep := judgment.Evaluate(backlogs, qus, lines, set)
	if *files {
		rep.PrintFiles(os.Stdout)
	}
	rep.Print(os.Stdout, *verbose)
	if *realDir != "" {
		if err := printReal(*realDir, set, *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "judgment:", err)
			os.Exit(2)
		}
	}
	if *agree != "" {
		if err := printAgreement(backlogs, *agree); err != nil {
			fmt.Fprintln(os.Stderr, "judgment:", err)
			os.Exit(2)
		}
	}
}

// printAgreement prints how far a second labeller agrees with the
// corpus labels: the bound a judgment can be measured against.
func printAgreement(backlogs []judgment.Backlog, path string) error {
	second, err := judgment.SecondLabels(path)
	if err != nil {
		return err
	}
	fmt.Println()
	fmt.Println("Second labeller vs corpus labels  precision  recall    F1   (TP FP FN)  kappa")
	for i, name := range []string{"rgpd", "security"} {
		a, err := judgment.Agree(backlogs, second, i)
		if err != nil {
			return err
		}
		fmt.Printf("  %-32s %5.2f    %5.2f   %5.2f  (%d %d %d)   %.2f\n", name, a.Precision(), a.Recall(), a.F1(), a.TP, a.FP, a.FN, a.Kappa)
	}
	return nil
}

// printReal prints the review triggers on real one-line stories labelled
// from the policy.
func printReal(dir string, set *templates.Set, verbose bool) error {
	lines, err := judgment.LoadLines(filepath.Join(dir, "stories.tsv"))
	if err != nil {
		return err
	}
	labels, err := judgment.SecondLabels(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		return err
	}
	got, misses, err := judgment.ReviewLines(lines, labels, set)
	if err != nil {
		return err
	}
	fmt.Println()
	if verbose {
		for _, m := range misses {
			fmt.Println("  " + m)
		}
	}
	fmt.Printf("Review triggers, %d real stories   precision  recall    F1   (TP FP FN)\n", len(lines))
	for i, name := range []string{"rgpd", "security"} {
		c := got[i]
		fmt.Printf("  %-32s %5.2f    %5.2f   %5.2f  (%d %d %d)\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	return nil
}
