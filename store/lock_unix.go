//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// fileLock is an exclusive lock on a file beside the SQLite database,
// held while this process runs the queue. The kernel lets go of it when the
// process dies, kill -9 included.
type fileLock struct{ f *os.File }

// errLocked is another process holding the lock.
var errLocked = errors.New("locked by another process")

func lockFile(path string) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close() // the lock error is the one to report
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, fmt.Errorf("flock: %w", err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) unlock() error {
	if l == nil {
		return nil
	}
	// Closing the file releases the lock.
	return l.f.Close()
}
