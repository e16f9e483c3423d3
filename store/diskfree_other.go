//go:build !unix

package store

import "errors"

// freeBytes cannot be read on this system: readiness relies on the write
// probe alone.
func freeBytes(string) (uint64, error) { return 0, errors.New("free space unknown on this system") }
