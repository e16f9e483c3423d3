package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/backfill"
	"github.com/cochef/cochef/rules"
)

func TestBackfillProgress(t *testing.T) {
	feed := func(p *progress, total int) {
		for i := 1; i <= total; i++ {
			p.update(backfill.Progress{Repo: "octo/a", Done: i, Total: total, Evaluated: i, Elapsed: time.Duration(i) * 100 * time.Millisecond})
		}
		p.finish(backfill.Report{Listed: total, Evaluated: total, Reads: 1, Writes: 2, Elapsed: 10 * time.Second})
	}

	// Not a terminal: a plain line every 50 issues, then the summary.
	var b bytes.Buffer
	feed(newProgress(&b, rules.FR, false), 120)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "octo/a 50/120 (50 évalués, 0 à jour) — 10,0 tickets/s, reste 7s") {
		t.Errorf("log lines:\n%s", b.String())
	}
	if !strings.Contains(lines[2], "120 tickets lus, 120 évalués") || !strings.Contains(lines[2], "1 lecture et 2 écritures") {
		t.Errorf("summary: %s", lines[2])
	}

	// A terminal: one bar redrawn in place, then the summary in English.
	b.Reset()
	p := newProgress(&b, rules.EN, false)
	p.tty = true
	feed(p, 3)
	if !strings.Contains(b.String(), "\r[") || !strings.Contains(b.String(), "3/3  10.0 issues/s  0s left") || !strings.Contains(b.String(), "Done in 10s (report only") {
		t.Errorf("bar:\n%q", b.String())
	}

	// Quiet: nothing.
	b.Reset()
	feed(newProgress(&b, rules.FR, true), 120)
	if b.Len() != 0 {
		t.Errorf("quiet wrote %q", b.String())
	}
}
