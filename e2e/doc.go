// Package e2e holds cochef's process-level proofs: the real binary, built
// once, run as child processes (killed with SIGKILL, restarted, several
// replicas on one PostgreSQL) against the GitHub fake in the test process.
// It has no code of its own outside its tests.
//
// The PostgreSQL tests read COCHEF_TEST_DATABASE_URL and skip without it;
// every test skips under -short.
package e2e
