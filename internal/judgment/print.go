package judgment

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// PrintFiles writes the per-file figures: parse ratio, and F1 (with FP
// and FN) of each review trigger.
func (r *Report) PrintFiles(w io.Writer) {
	fmt.Fprintln(w, "Per corpus file                    parse         rgpd F1 (FP FN)   security F1 (FP FN)")
	for _, f := range r.Files {
		fmt.Fprintf(w, "  %-32s %5.3f (%d/%d)  %5.2f (%d %d)      %5.2f (%d %d)\n", f.File, f.Parse.Value(), f.Parse.OK, f.Parse.N,
			f.RGPD.F1(), f.RGPD.FP, f.RGPD.FN, f.Security.F1(), f.Security.FP, f.Security.FN)
	}
	fmt.Fprintln(w)
}

// Print writes the report as the README shows it; verbose adds every
// miss.
func (r *Report) Print(w io.Writer, verbose bool) {
	fmt.Fprintln(w, "Parse (persona exact, need and benefit tolerant)")
	for _, lang := range []string{"fr", "en"} {
		if t := r.Parse[lang]; t != nil {
			fmt.Fprintf(w, "  %-34s %s\n", map[string]string{"fr": "French stories", "en": "English stories"}[lang], ratio(*t))
			for _, f := range []string{"persona", "need", "benefit"} {
				if x := r.Fields[lang+" "+f]; x != nil {
					fmt.Fprintf(w, "    %-32s %s\n", f, ratio(*x))
				}
			}
		}
	}
	fmt.Fprintf(w, "  %-34s %s\n", "non-stories read as no need", ratio(r.NotStories))
	for _, part := range []string{"opener", "need", "placement"} {
		fmt.Fprintf(w, "  French, by %s\n", part)
		var keys []string
		for k := range r.Parse {
			if strings.HasPrefix(k, "fr "+part+" ") {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "    %-32s %s\n", strings.TrimPrefix(k, "fr "+part+" "), ratio(*r.Parse[k]))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Review triggers (all entries)     precision  recall    F1   (TP FP FN)")
	for _, k := range []string{"rgpd", "security"} {
		fmt.Fprintf(w, "  %-32s %s\n", k, prf(*r.Reviews[k]))
	}
	fmt.Fprintln(w)
	for _, set := range []struct {
		name string
		m    map[string]*PRF
	}{{"QUS defects, judgment corpus", r.Corpus}, {"QUS defects, Dalpiaz 2018 backlogs", r.Dalpiaz}} {
		fmt.Fprintf(w, "%-35s precision  recall    F1   (TP FP FN)  AQUSA F1\n", set.name)
		for _, q := range QUSRules {
			aq := "   —"
			if v, ok := AQUSA[q.Defect]; ok {
				aq = fmt.Sprintf("%5.2f", v)
			}
			fmt.Fprintf(w, "  %-32s %s  %s\n", q.Rule, prf(*set.m[q.Defect]), aq)
		}
		fmt.Fprintln(w)
	}
	if verbose {
		fmt.Fprintf(w, "Misses (%d)\n", len(r.Misses))
		for _, m := range r.Misses {
			fmt.Fprintln(w, "  "+m)
		}
	}
}

func ratio(r Ratio) string {
	return fmt.Sprintf("%5.3f (%d/%d)", r.Value(), r.OK, r.N)
}

func prf(c PRF) string {
	return fmt.Sprintf("  %5.2f    %5.2f   %5.2f  (%d %d %d)", c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
}
