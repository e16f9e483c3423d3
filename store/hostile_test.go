package store

import (
	"context"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cochef/cochef/core"
	"github.com/cochef/cochef/rules"
)

// hostileTexts are what issues, comments and headers can carry and what
// PostgreSQL refuses as is: NUL (22P05 in jsonb, 22021 in text), invalid
// UTF-8 and lone surrogates (22021), and sizes no real story has.
func hostileTexts() map[string]string {
	r := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 1<<20)
	for i := range noise {
		noise[i] = 'a' + byte(r.IntN(26)) // incompressible for a btree index
	}
	return map[string]string{
		"NUL":              "Critère\x00 après un NUL",
		"only NUL":         "\x00",
		"lone surrogate":   "avant \xed\xa0\x80 après",
		"invalid UTF-8":    "Latin-1 \xe9t\xe9 \xff\xfe",
		"JSON escape text": `\u0000 écrit tel quel, et \\u0000`,
		"1 MB with NUL":    string(noise[:1<<19]) + "\x00" + string(noise[1<<19:]),
	}
}

// clean is what the store keeps of s: each NUL and each byte that is not
// UTF-8 becomes U+FFFD, as encoding/json does with invalid bytes.
func clean(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Everything cochef stores can be stored, on both databases, whatever the
// text it holds; what is read back is that text with NUL and invalid bytes
// replaced, the same on SQLite and PostgreSQL. On main a NUL in a
// criterion failed every save of the evaluation on PostgreSQL (22P05), and
// one in a GitLab title failed the intake of every delivery (503).
func TestHostileTextIsStorable(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			s := openStore(t, testOptions(t, b.dsn(t)))
			ctx := context.Background()
			n := 0
			for name, txt := range hostileTexts() {
				n++
				want := clean(txt)

				// The intake: a snapshot (dry-run), an actor and a delivery
				// id the sender chose, and a recette command's reason.
				tk := task(n)
				tk.Delivery = "d-" + name + txt
				tk.Actor = txt
				tk.Snapshot = &core.Issue{Ref: tk.Issue, Title: txt, Body: txt, Labels: []string{txt}, Author: txt, URL: txt}
				if ok, err := s.Enqueue(ctx, tk); err != nil || !ok {
					t.Fatalf("%s: Enqueue = %v, %v", name, ok, err)
				}
				if ok, err := s.Enqueue(ctx, tk); err != nil || ok {
					t.Errorf("%s: the same delivery again = %v, %v; want a duplicate", name, ok, err)
				}
				mr := mrRef(n)
				rt := core.Task{Feature: core.FeatureRecette, Issue: mr, Trigger: core.TriggerCommand, Delivery: "r-" + name,
					Actor: txt, Command: &core.Command{Verb: core.VerbRefuse, Items: []int{1}, Reason: txt},
					Changes: []core.CheckChange{{Key: txt, Checked: true}}}
				if ok, err := s.Enqueue(ctx, rt); err != nil || !ok {
					t.Fatalf("%s: Enqueue of a recette command = %v, %v", name, ok, err)
				}
				act, ok, err := s.acquireIssue(ctx, tk.Issue, 1)
				if err != nil || !ok || act.snapshot == nil {
					t.Fatalf("%s: reading the snapshot back: %+v %v %v", name, act, ok, err)
				}
				if act.snapshot.Title != want || act.snapshot.Body != want || act.snapshot.Labels[0] != want {
					t.Errorf("%s: snapshot read back differs from the cleaned text", name)
				}

				// The evaluation: findings quote criteria, labels come from
				// the repository, the comment from both.
				e := core.Evaluation{Ref: tk.Issue, Template: txt, Lang: rules.Lang(txt), Ready: false,
					Findings:  []rules.Finding{{Rule: txt, Severity: rules.SeverityError, Message: txt, Fix: txt, Line: 3}},
					CommentID: 9, CommentHash: core.HashBody(txt), Labels: []string{txt}, Comment: txt, Error: txt,
					EvaluatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
				if err := s.SaveEvaluation(ctx, e); err != nil {
					t.Fatalf("%s: SaveEvaluation: %v", name, err)
				}
				got, err := s.LastEvaluation(ctx, tk.Issue)
				if err != nil || got == nil {
					t.Fatalf("%s: LastEvaluation = %v, %v", name, got, err)
				}
				e.Template, e.Lang, e.Comment, e.Error = want, rules.Lang(want), want, want
				e.Findings = []rules.Finding{{Rule: want, Severity: rules.SeverityError, Message: want, Fix: want, Line: 3}}
				e.Labels = []string{want}
				if !reflect.DeepEqual(*got, e) {
					t.Errorf("%s: the evaluation read back is not the cleaned one", name)
				}
				if err := s.recordFailure(ctx, tk.Issue, txt); err != nil {
					t.Errorf("%s: recordFailure: %v", name, err)
				}

				// The recette: titles, criteria, the trail's reasons; a
				// closing reference names a story's repository.
				story := core.IssueRef{Repo: core.Repo{Platform: core.GitLab, FullName: "g/" + txt}, Number: 4}
				rec := core.RecetteRecord{Ref: mr, Title: txt, URL: txt, Milestone: txt, HeadSHA: "abc", State: "open", Lang: "fr",
					Labels: []string{txt}, UpdatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
					Model: core.RecetteModel{Stories: []core.RecetteStory{{Ref: story, Title: txt, URL: txt, Digest: "d",
						Items: []core.RecetteItem{{Key: "aaaaaaaaaaaa", Number: 1, Kind: core.ItemCriterion, Text: txt, Steps: []string{txt}}}}}}}
				if err := s.SaveRecette(ctx, rec); err != nil {
					t.Fatalf("%s: SaveRecette: %v", name, err)
				}
				gotRec, err := s.LoadRecette(ctx, mr)
				if err != nil || gotRec == nil {
					t.Fatalf("%s: LoadRecette = %v, %v", name, gotRec, err)
				}
				if gotRec.Title != want || gotRec.Model.Stories[0].Items[0].Text != want || gotRec.Labels[0] != want {
					t.Errorf("%s: the recette read back is not the cleaned one", name)
				}
				links, err := s.RecettesClosing(ctx, story)
				if err != nil || len(links) != 1 {
					t.Errorf("%s: RecettesClosing = %v, %v; want the merge request", name, links, err)
				}
				v := core.Validation{MergeRequest: mr, Story: story, Key: "aaaaaaaaaaaa", Text: txt, State: core.Refused,
					Actor: txt, At: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC), HeadSHA: "abc", Reason: txt, Source: core.SourceCommand}
				if err := s.AddValidations(ctx, []core.Validation{v}); err != nil {
					t.Fatalf("%s: AddValidations: %v", name, err)
				}
				trail, err := s.Validations(ctx, mr)
				if err != nil || len(trail) != 1 || trail[0].Text != want || trail[0].Reason != want || trail[0].Actor != want {
					t.Errorf("%s: Validations = %d entries, %v", name, len(trail), err)
				}
				if err := s.recordRecetteFailure(ctx, mr, txt); err != nil {
					t.Errorf("%s: recordRecetteFailure: %v", name, err)
				}
			}
		})
	}
}
