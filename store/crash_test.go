package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/cochef/cochef/core"
)

// The crash tests run the store in a child process (this test binary,
// re-run on TestCrashHelper) and kill it with SIGKILL at the worst moment,
// then open the same database in the test process and check the work is
// done.

const (
	helperModeEnv = "COCHEF_STORE_CRASH_HELPER"
	helperDSNEnv  = "COCHEF_STORE_CRASH_DSN"
	// slowEnv enables the crash test with production timings (about a
	// minute).
	slowEnv = "COCHEF_STORE_SLOW"
)

// TestCrashHelper is the child process; it does nothing in a normal run.
func TestCrashHelper(t *testing.T) {
	mode := os.Getenv(helperModeEnv)
	if mode == "" {
		t.Skip("child process of the crash tests only")
	}
	ctx := context.Background()
	o := Options{DSN: os.Getenv(helperDSNEnv), Debounce: 100 * time.Millisecond, PollInterval: 50 * time.Millisecond, Logger: testLogger(t)}
	s, err := Open(ctx, o)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	if mode == "intake" {
		// Acknowledged, and killed before the mover gives it its job:
		// the task is only an intake row.
		s.stopMover()
	}
	tk := task(21)
	tk.Delivery = "crash-" + mode
	if _, err := s.Enqueue(ctx, tk); err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	switch mode {
	case "enqueue":
		// The webhook would answer 2xx now.
		fmt.Println("ENQUEUED")
	case "intake":
		if n, err := s.IntakeBacklog(ctx); err != nil || n != 1 {
			fmt.Println("ERROR intake backlog", n, err)
			os.Exit(1)
		}
		fmt.Println("ENQUEUED")
	case "work":
		err := s.Start(ctx, workerFunc(func(context.Context, core.Task) error {
			fmt.Println("WORKING")
			select {} // in the middle of the job's API calls, until killed
		}))
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(1)
		}
	}
	time.Sleep(time.Minute)
	fmt.Println("ERROR not killed")
	os.Exit(1)
}

type workerFunc func(context.Context, core.Task) error

func (f workerFunc) Work(ctx context.Context, t core.Task) error { return f(ctx, t) }

// runAndKill starts the child in mode, waits for it to print want, and
// kills it with SIGKILL at once.
func runAndKill(t *testing.T, mode, dsn, want string) time.Time {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperModeEnv+"="+mode, helperDSNEnv+"="+dsn)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("child exited before printing %s: %v", want, cmd.Wait())
			}
			if strings.HasPrefix(line, "ERROR") {
				t.Fatalf("child: %s", line)
			}
			if line != want {
				continue
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed := time.Now()
			// Wait reports the SIGKILL; what matters is that it is gone.
			if err := cmd.Wait(); err == nil {
				t.Fatal("child exited normally, want killed")
			}
			return killed
		case <-timeout:
			if err := cmd.Process.Kill(); err != nil {
				t.Error(err)
			}
			t.Fatalf("child did not print %s", want)
		}
	}
}

// Killed after the acknowledgement, with the task's job inserted (enqueue)
// or with the task still in the intake table (intake): after the restart
// the task is worked, once.
func TestCrashAfterAcknowledgeLosesNothing(t *testing.T) {
	for _, b := range backends(t) {
		for _, mode := range []string{"enqueue", "intake"} {
			t.Run(b.name+"/"+mode, func(t *testing.T) {
				t.Parallel()
				dsn := b.dsn(t)
				runAndKill(t, mode, dsn, "ENQUEUED")
				s := openStore(t, testOptions(t, dsn))
				w := &fakeWorker{}
				start(t, s, w)
				calls := w.waitCalls(t, 1, 5*time.Second)
				if calls[0].task.Issue != issue(21) || calls[0].task.Delivery != "crash-"+mode {
					t.Errorf("ran %+v, want the acknowledged task", calls[0].task)
				}
				waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
				if n, err := s.IntakeBacklog(context.Background()); err != nil || n != 0 {
					t.Errorf("intake backlog %d (%v) after the restart, want 0", n, err)
				}
				if ok, err := s.Enqueue(context.Background(), core.Task{Issue: issue(21), Delivery: "crash-" + mode}); err != nil || ok {
					t.Errorf("redelivery after the restart: Enqueue = %v, %v; want a redelivery", ok, err)
				}
			})
		}
	}
}

func TestCrashMidJobResumes(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			dsn := b.dsn(t)
			killed := runAndKill(t, "work", dsn, "WORKING")
			o := testOptions(t, dsn)
			o.JobTimeout, o.RescueAfter = time.Second, 2*time.Second
			s := openStore(t, o)
			w := &fakeWorker{}
			start(t, s, w)
			restarted := time.Now()
			// The job's attempt began just before the kill: it is due at
			// RescueAfter after that, found within rescueInterval.
			bound := o.RescueAfter + rescueInterval(o.RescueAfter) + time.Second
			calls := w.waitCalls(t, 1, bound+2*time.Second)
			resumed := calls[0].at
			t.Logf("resumed %s after the kill, %s after the restart (RescueAfter %s)",
				resumed.Sub(killed).Round(time.Millisecond), resumed.Sub(restarted).Round(time.Millisecond), o.RescueAfter)
			if resumed.Sub(killed) > bound {
				t.Errorf("resumed %s after the kill, want within %s", resumed.Sub(killed), bound)
			}
			waitStats(t, s, map[string]int{"completed": 1}, 5*time.Second)
			if a := jobAttempt(t, s); a != 2 {
				t.Errorf("attempt = %d, want 2 (the killed one and the resumed one)", a)
			}
		})
	}
}

// TestCrashMidJobResumesWithinAMinute uses the production timings
// (JobTimeout 30 s, RescueAfter 45 s), so it is opt-in.
func TestCrashMidJobResumesWithinAMinute(t *testing.T) {
	if os.Getenv(slowEnv) == "" {
		t.Skip("set " + slowEnv + "=1 to run the crash test with production timings (about a minute)")
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			dsn := b.dsn(t)
			killed := runAndKill(t, "work", dsn, "WORKING")
			s := openStore(t, Options{DSN: dsn, Logger: testLogger(t)})
			w := &fakeWorker{}
			start(t, s, w)
			restarted := time.Now()
			calls := w.waitCalls(t, 1, 90*time.Second)
			resumed := calls[0].at
			t.Logf("resumed %s after the kill, %s after the restart",
				resumed.Sub(killed).Round(time.Millisecond), resumed.Sub(restarted).Round(time.Millisecond))
			if resumed.Sub(restarted) > time.Minute {
				t.Errorf("resumed %s after the restart, want within a minute", resumed.Sub(restarted))
			}
		})
	}
}
