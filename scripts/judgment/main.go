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
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/cochef/cochef/internal/judgment"
	"github.com/cochef/cochef/templates"
)

func main() {
	corpus := flag.String("corpus", "rules/testdata/corpus", "directory of the corpus backlogs (*.yml)")
	dalpiaz := flag.String("dalpiaz", "rules/testdata/dalpiaz2018", "directory of the Dalpiaz backlogs and qus-labels.tsv")
	verbose := flag.Bool("v", false, "list every miss")
	files := flag.Bool("files", false, "print the parse and review figures per corpus file")
	agree := flag.String("agree", "", "a second labeller's TSV (id, rgpd, security): print the agreement with the corpus labels")
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
