package store

import (
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"
)

func TestParseDSN(t *testing.T) {
	const pragmas = "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate"
	cases := []struct {
		dsn, driver, conn string
	}{
		{"", "sqlite", "cochef.db?" + pragmas},
		{"data/cochef.db", "sqlite", "data/cochef.db?" + pragmas},
		{"/var/lib/cochef/cochef.db", "sqlite", "/var/lib/cochef/cochef.db?" + pragmas},
		{"sqlite:///var/lib/cochef.db", "sqlite", "/var/lib/cochef.db?" + pragmas},
		{"sqlite://rel.db", "sqlite", "rel.db?" + pragmas},
		{"sqlite:rel.db", "sqlite", "rel.db?" + pragmas},
		// The operator's choice wins over ours, pragma by pragma.
		{"x.db?_pragma=synchronous(NORMAL)", "sqlite",
			"x.db?_pragma=synchronous(NORMAL)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_txlock=immediate"},
		{"x.db?_txlock=deferred", "sqlite",
			"x.db?_txlock=deferred&_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)"},
		{"postgres://u@h:5432/db?sslmode=disable", "postgres", "postgres://u@h:5432/db?sslmode=disable"},
		{"postgresql://u@h/db", "postgres", "postgresql://u@h/db"},
	}
	for _, c := range cases {
		driver, conn := parseDSN(c.dsn)
		if driver != c.driver || conn != c.conn {
			t.Errorf("parseDSN(%q) = %q, %q\n want %q, %q", c.dsn, driver, conn, c.driver, c.conn)
		}
	}
}

func TestRetryDelay(t *testing.T) {
	cases := []struct {
		attempt int
		want    time.Duration
	}{
		{0, time.Second}, {1, time.Second}, {2, 2 * time.Second}, {3, 4 * time.Second},
		{4, 8 * time.Second}, {5, 15 * time.Second}, {6, 30 * time.Second},
		{7, time.Minute}, {19, time.Minute},
	}
	for _, c := range cases {
		if got := retryDelay(c.attempt); got != c.want {
			t.Errorf("retryDelay(%d) = %s, want %s", c.attempt, got, c.want)
		}
		for range 20 {
			before := time.Now()
			got := retryPolicy{}.NextRetry(&rivertype.JobRow{Attempt: c.attempt}).Sub(before)
			lo, hi := c.want*9/10-time.Millisecond, c.want*11/10+50*time.Millisecond
			if got < lo || got > hi {
				t.Fatalf("NextRetry after attempt %d in %s, want %s ±10%%", c.attempt, got, c.want)
			}
		}
	}
	// An outage of under a minute is ridden out within about its length.
	var total time.Duration
	attempt := 1
	for total < 50*time.Second {
		total += retryDelay(attempt)
		attempt++
	}
	if total > 2*time.Minute || attempt > 8 {
		t.Errorf("a 50 s outage is retried until %s (attempt %d)", total, attempt)
	}
	// With the default MaxAttempts a job keeps trying for a while.
	var window time.Duration
	for a := 1; a < defaultMaxAttempts; a++ {
		window += retryDelay(a)
	}
	if window < 10*time.Minute {
		t.Errorf("retries give up after %s, want at least 10 minutes", window)
	}
}

func TestRescueIntervalBoundsResume(t *testing.T) {
	for _, rescueAfter := range []time.Duration{200 * time.Millisecond, 2 * time.Second, defaultRescueAfter, time.Hour} {
		iv := rescueInterval(rescueAfter)
		if iv <= 0 || iv > 5*time.Second {
			t.Errorf("rescueInterval(%s) = %s, want in (0, 5s]", rescueAfter, iv)
		}
	}
	if worst := defaultRescueAfter + rescueInterval(defaultRescueAfter) + defaultPollInterval; worst >= time.Minute {
		t.Errorf("with the defaults a crashed job resumes up to %s after its start, want under a minute", worst)
	}
}
