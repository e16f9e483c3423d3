package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// On SQLite one process owns the file's queue: a lock beside the database
// (FILE-lock) is taken when the queue starts. A second process started on
// the same file is refused with a message naming it, and the owner that
// restarts after a kill -9 knows every job left "running" is its dead
// predecessor's: it runs them again at once instead of after RescueAfter.
// Processes that only read or enqueue (cochef audit, replay) take no lock.

// sqliteFile is the database file of a modernc.org/sqlite DSN, or "" for
// an in-memory database.
func sqliteFile(conn string) string {
	base, query, _ := strings.Cut(conn, "?")
	base = strings.TrimPrefix(base, "file:")
	if base == "" || base == ":memory:" || strings.Contains(query, "mode=memory") {
		return ""
	}
	if abs, err := filepath.Abs(base); err == nil {
		return abs
	}
	return base
}

// lockPath is the lock file of a SQLite database.
func lockPath(file string) string { return file + "-lock" }

// ownSQLite takes the file's lock, then hands the jobs a killed owner left
// running back to the queue.
func (s *Store) ownSQLite(ctx context.Context) error {
	if s.file == "" {
		return nil
	}
	l, err := lockFile(lockPath(s.file))
	switch {
	case errors.Is(err, errLocked):
		return fmt.Errorf("store: la base SQLite %s sert déjà un autre processus cochef (verrou %s) ; "+
			"un seul processus peut servir un fichier SQLite : arrêtez l'autre, ou passez à PostgreSQL pour plusieurs réplicas "+
			"/ the SQLite database %s is already served by another cochef process (lock %s); "+
			"one process only may serve a SQLite file: stop the other one, or move to PostgreSQL for several replicas",
			s.file, lockPath(s.file), s.file, lockPath(s.file))
	case err != nil:
		// A system without file locks still runs, as before: jobs a
		// crash left running wait RescueAfter.
		s.log.WarnContext(ctx, "cannot lock the SQLite database: a second process on it would not be detected",
			"file", s.file, "error", err)
		return nil
	}
	s.lock = l
	// Nothing of ours runs yet and nobody else may: every running job is
	// a dead process's. The horizon is a little ahead of now so a job
	// attempted within the last instant counts too.
	if n := s.rescue(ctx, time.Now().Add(time.Second), nil,
		"left running by a process that stopped; taken again at once by the file's new owner"); n > 0 {
		s.log.InfoContext(ctx, "jobs of the previous owner resumed at once", "count", n, "file", s.file)
	}
	// Its queue leadership too: this process leads from its start.
	s.resignDeadLeader(ctx, func(string) bool { return true })
	return nil
}

// releaseSQLite lets go of the file's lock.
func (s *Store) releaseSQLite() error {
	l := s.lock
	s.lock = nil
	return l.unlock()
}
