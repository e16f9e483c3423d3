// Command intakebench measures how fast cochef acknowledges webhooks, side
// by side with the Probot peer (a Probot app that verifies the signature
// and answers, keeping nothing), under the same load in one invocation:
// signed `issues` webhooks with distinct delivery ids over many issues,
// from a fixed number of keep-alive senders. cochef runs in dry-run (no
// credentials): its workers evaluate every story while it takes webhooks,
// as in production, but call no API.
//
//	go run ./scripts/intakebench                         # Probot, cochef on SQLite
//	go run ./scripts/intakebench -rounds 2 \
//	    -probot ../shared/bench/probot-peer \
//	    -database "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
//	go run ./scripts/intakebench -rounds 2 -only probot,sqlite -baseline 5e37413
//
// -baseline adds cochef on SQLite as built from an earlier git revision,
// so that before and after a change are measured in the same rounds.
//
// Each round runs the servers one after the other, fresh, under the same
// load; the ratios to Probot are computed within a round, because absolute
// figures move from run to run on a shared machine. The Probot peer is
// installed (npm) in the user's cache directory, never in this repository;
// without it, or without Node.js, it is skipped with a message. It is a
// measurement, not a test: it asserts nothing but that the servers answer.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/cochef/cochef/internal/pgtest"
)

const secret = "intakebench-secret"

type options struct {
	duration, warmup time.Duration
	senders, issues  int
	rounds           int
	probot, database string
	only             string
	addr             string
	baseline         string
}

func main() {
	var o options
	flag.DurationVar(&o.duration, "duration", 10*time.Second, "measured load per server")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "load sent before the measure, not counted (JIT, caches, busy workers)")
	flag.IntVar(&o.senders, "senders", 16, "webhooks in flight at once (one keep-alive connection each)")
	flag.IntVar(&o.issues, "issues", 1000, "distinct issues the load spreads over")
	flag.IntVar(&o.rounds, "rounds", 1, "rounds; each runs every server once")
	flag.StringVar(&o.probot, "probot", "../shared/bench/probot-peer", "directory of the Probot peer's sources; empty: skip it")
	flag.StringVar(&o.database, "database", os.Getenv(pgtest.Env), "postgres:// URL (a fresh schema per run); empty: skip PostgreSQL")
	flag.StringVar(&o.only, "only", "", "comma-separated subset of probot,sqlite,postgres")
	flag.StringVar(&o.addr, "addr", "", "measure only the server already listening at this address (one run under a profiler, say)")
	flag.StringVar(&o.baseline, "baseline", "", "also measure cochef on SQLite as built from this git revision, in the same rounds (before and after a change, side by side)")
	flag.Parse()
	log.SetFlags(0)
	if err := run(o); err != nil {
		log.Fatal(err)
	}
}

// target is one server of the comparison.
type target struct {
	name  string
	start func(addr string) (*process, func(), error)
}

func run(o options) error {
	tmp, err := os.MkdirTemp("", "cochef-intakebench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bodies, err := issueBodies(o.issues)
	if err != nil {
		return err
	}
	ld := newLoad(bodies, secret)
	var ids deliveries
	var seed [12]byte
	if _, err := rand.Read(seed[:]); err != nil {
		return err
	}
	hex.Encode(ids.prefix[:], seed[:])

	if o.addr != "" {
		return measureRunning(o, ld, &ids)
	}
	want := func(name string) bool {
		return o.only == "" || strings.Contains(","+o.only+",", ","+name+",")
	}
	var targets []target
	if want("probot") {
		dir, err := preparePeer(o.probot)
		switch {
		case errors.Is(err, errNoPeer):
			fmt.Printf("Probot peer skipped: %v\n\n", err)
		case err != nil:
			return err
		default:
			targets = append(targets, target{name: "Probot 14.3.2 (verify + ack, no persistence)", start: func(addr string) (*process, func(), error) {
				cmd, err := peerCmd(dir, addr)
				if err != nil {
					return nil, nil, err
				}
				p, err := start("probot", cmd, addr, tmp, listening)
				return p, func() {}, err
			}})
		}
	}
	var bin string
	if want("sqlite") || want("postgres") && o.database != "" {
		if bin, err = buildCochef(tmp); err != nil {
			return err
		}
	}
	if want("sqlite") {
		targets = append(targets, target{name: "cochef, SQLite (default)", start: func(addr string) (*process, func(), error) {
			dir, err := os.MkdirTemp(tmp, "sqlite-")
			if err != nil {
				return nil, nil, err
			}
			p, err := start("cochef-sqlite", cochefCmd(bin, addr, filepath.Join(dir, "cochef.db")), addr, tmp, readyz)
			return p, func() { _ = os.RemoveAll(dir) }, err
		}})
	}
	if o.baseline != "" {
		base, err := buildBaseline(tmp, o.baseline)
		if err != nil {
			return err
		}
		targets = append(targets, target{name: "cochef " + o.baseline + ", SQLite", start: func(addr string) (*process, func(), error) {
			dir, err := os.MkdirTemp(tmp, "baseline-")
			if err != nil {
				return nil, nil, err
			}
			p, err := start("cochef-baseline", cochefCmd(base, addr, filepath.Join(dir, "cochef.db")), addr, tmp, readyz)
			return p, func() { _ = os.RemoveAll(dir) }, err
		}})
	}
	if want("postgres") {
		if o.database == "" {
			fmt.Printf("PostgreSQL skipped: no -database (or %s) given\n\n", pgtest.Env)
		} else {
			targets = append(targets, target{name: "cochef, PostgreSQL", start: func(addr string) (*process, func(), error) {
				dsn, drop, err := pgtest.CreateSchema(context.Background(), o.database, "cochef_intakebench_")
				if err != nil {
					return nil, nil, err
				}
				cleanup := func() {
					if err := drop(context.Background()); err != nil {
						log.Printf("dropping the run's schema: %v", err)
					}
				}
				p, err := start("cochef-postgres", cochefCmd(bin, addr, dsn), addr, tmp, readyz)
				if err != nil {
					cleanup()
				}
				return p, cleanup, err
			}})
		}
	}
	if len(targets) == 0 {
		return errors.New("nothing to measure")
	}

	fmt.Printf("# Intake side by side: %d senders, %s measured after %s of warm-up, signed `issues` webhooks (%d-byte body) with distinct delivery ids over %d issues; %d CPUs\n\n",
		o.senders, o.duration, o.warmup, ld.bytes, o.issues, runtime.NumCPU())
	for round := 1; round <= o.rounds; round++ {
		var rows []row
		loadAvg := loadAverage()
		for _, t := range targets {
			r, err := measure(t, ld, o, &ids)
			if err != nil {
				return err
			}
			rows = append(rows, r)
		}
		fmt.Printf("## Round %d of %d (load average before it: %s)\n\n", round, o.rounds, loadAvg)
		printTable(rows)
	}
	return nil
}

// row is one server's figures in a round.
type row struct {
	name      string
	res       result
	peakRSS   int64 // kB, VmHWM
	serverCPU time.Duration
}

func measure(t target, ld load, o options, ids *deliveries) (row, error) {
	addr, err := freeAddr()
	if err != nil {
		return row{}, err
	}
	p, cleanup, err := t.start(addr)
	if err != nil {
		return row{}, err
	}
	defer cleanup()
	defer p.stop()
	time.Sleep(time.Second) // settle after start
	if o.warmup > 0 {
		if w := ld.run(addr, o.senders, o.warmup, ids); w.acked == 0 {
			return row{}, fmt.Errorf("%s acknowledged nothing during the warm-up (%d failures, first: %s); its log: %s\n%s",
				t.name, w.failed, w.first, p.log, tail(p.log))
		}
	}
	cpu0 := p.cpu()
	res := ld.run(addr, o.senders, o.duration, ids)
	r := row{name: t.name, res: res, serverCPU: p.cpu() - cpu0, peakRSS: p.status("VmHWM")}
	if res.failed > 0 {
		fmt.Fprintf(os.Stderr, "%s: %d requests failed, first: %s\n", t.name, res.failed, res.first)
	}
	return r, nil
}

// measureRunning loads a server started by someone else: no memory or CPU
// figures, which belong to a process we do not know.
func measureRunning(o options, ld load, ids *deliveries) error {
	if o.warmup > 0 {
		ld.run(o.addr, o.senders, o.warmup, ids)
	}
	for round := 1; round <= o.rounds; round++ {
		res := ld.run(o.addr, o.senders, o.duration, ids)
		fmt.Printf("%s: %s acknowledged/s, p50 %s, p99 %s, %d failed (first: %s)\n",
			o.addr, thousands(res.rate()), ms(res.pct(50)), ms(res.pct(99)), res.failed, res.first)
	}
	return nil
}

func printTable(rows []row) {
	var peer *row
	for i := range rows {
		if strings.HasPrefix(rows[i].name, "Probot") {
			peer = &rows[i]
		}
	}
	fmt.Println("| server | acknowledged/s | p50 | p99 | peak RSS | rate ÷ Probot | p99 ÷ Probot |")
	fmt.Println("|---|---|---|---|---|---|---|")
	for _, r := range rows {
		ratio, p99 := "–", "–"
		if peer != nil && peer.res.acked > 0 {
			ratio = fmt.Sprintf("%.2f×", r.res.rate()/peer.res.rate())
			p99 = fmt.Sprintf("%.2f", r.res.pct(99).Seconds()/peer.res.pct(99).Seconds())
		}
		fmt.Printf("| %s | %s | %s | %s | %.0f MB | %s | %s |\n", r.name, thousands(r.res.rate()),
			ms(r.res.pct(50)), ms(r.res.pct(99)), float64(r.peakRSS)/1000, ratio, p99)
	}
	fmt.Println()
	for _, r := range rows {
		n := max(r.res.acked+r.res.failed, 1)
		fmt.Printf("- %s: %d acknowledged, %d failed; server CPU %.0f µs per request; load generator CPU %.0f µs per request (%.0f %% of a core)\n",
			r.name, r.res.acked, r.res.failed,
			float64(r.serverCPU.Microseconds())/float64(n),
			float64(r.res.genCPU.Microseconds())/float64(n),
			100*r.res.genCPU.Seconds()/r.res.elapsed.Seconds())
	}
	fmt.Println()
}

// loadAverage is the machine's 1, 5 and 15 minute load: the servers
// share the cores with whatever else runs.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func ms(d time.Duration) string {
	if d < 10*time.Millisecond {
		return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
	}
	return fmt.Sprintf("%.0f ms", float64(d.Microseconds())/1000)
}

func thousands(v float64) string {
	n := int64(v + 0.5)
	if n < 1000 {
		return fmt.Sprint(n)
	}
	return fmt.Sprintf("%d,%03d", n/1000, n%1000)
}

// issueBodies are GitHub's example `issues` `edited` payload (from
// e2e/testdata) pointed at one test repository and at issue n, with the
// project's ready example story as its body: the same bytes for every
// server.
func issueBodies(n int) ([][]byte, error) {
	raw, err := os.ReadFile(filepath.Join("e2e", "testdata", "issues-edited.json"))
	if err != nil {
		return nil, fmt.Errorf("run from the repository's root: %w", err)
	}
	story, err := os.ReadFile(filepath.Join("examples", "pret.md"))
	if err != nil {
		return nil, fmt.Errorf("run from the repository's root: %w", err)
	}
	title, body, _ := strings.Cut(string(story), "\n")
	out := make([][]byte, n)
	for i := range out {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		repo := m["repository"].(map[string]any) //nolint:forcetypeassert // the example's shape
		repo["full_name"], repo["name"] = "octo-org/charge", "charge"
		m["installation"] = map[string]any{"id": 7, "node_id": "MDIz"}
		is := m["issue"].(map[string]any) //nolint:forcetypeassert // the example's shape
		is["number"] = i + 1
		is["title"] = strings.TrimPrefix(title, "# ")
		is["body"] = strings.TrimLeft(body, "\n")
		if out[i], err = json.Marshal(m); err != nil {
			return nil, err
		}
	}
	return out, nil
}
