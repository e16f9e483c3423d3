package core

import (
	"log/slog"
	"time"
)

// Env is what every feature's runner is given: the platforms, the
// repositories' settings, the clock, the logger and the outcome hook.
type Env struct {
	// Platforms are the configured adapters; a platform absent runs dry.
	Platforms Platforms
	// Settings returns the effective settings of a repository. Nil means
	// the Defaults for every repository.
	Settings SettingsSource
	Defaults Settings
	Logger   *slog.Logger
	Now      func() time.Time
	// WriteSettle is how long after a comment creation whose outcome is
	// unknown the platform is read again (core.CommentSync.Settle);
	// DefaultWriteSettle when zero.
	WriteSettle time.Duration
	// Observe, when set, is told each task's outcome (metrics).
	Observe func(o Outcome)
}

// Log is the Logger, slog's default when none is set.
func (e Env) Log() *slog.Logger {
	if e.Logger != nil {
		return e.Logger
	}
	return slog.Default()
}

// Time is the time by Now, the wall clock when none is set.
func (e Env) Time() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Report tells Observe of o, when it is set.
func (e Env) Report(o Outcome) {
	if e.Observe != nil {
		e.Observe(o)
	}
}
