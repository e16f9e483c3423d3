//go:build !unix

package store

import "errors"

// fileLock is not available on this system: a second process on the same
// SQLite file is not detected, and a restart waits RescueAfter for the
// jobs a killed process left running.
type fileLock struct{}

var errLocked = errors.New("locked by another process")

// errNoLock says this system cannot lock.
var errNoLock = errors.New("file locks unsupported")

func lockFile(string) (*fileLock, error) { return nil, errNoLock }

func (*fileLock) unlock() error { return nil }
