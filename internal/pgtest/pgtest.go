// Package pgtest gives tests and measurement scripts a PostgreSQL schema
// of their own on the server named by COCHEF_TEST_DATABASE_URL, so that
// packages run in parallel never see each other's tables.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Env names the PostgreSQL server tests use; they skip without it.
const Env = "COCHEF_TEST_DATABASE_URL"

// CreateSchema creates an empty schema named prefix + random hex on base
// and returns a DSN selecting it (the store reads search_path) and a
// function dropping it.
func CreateSchema(ctx context.Context, base, prefix string) (dsn string, drop func(context.Context) error, err error) {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, err
	}
	schema := prefix + hex.EncodeToString(b[:])
	if err := exec(ctx, base, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("create schema %s: %w", schema, err)
	}
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	drop = func(ctx context.Context) error { return exec(ctx, base, "DROP SCHEMA "+schema+" CASCADE") }
	return base + sep + "search_path=" + schema, drop, nil
}

// DSN returns a fresh schema's DSN for one test, dropped when it ends; it
// skips the test when Env is not set.
func DSN(t testing.TB, prefix string) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("%s is not set: PostgreSQL test skipped", Env)
	}
	dsn, drop, err := CreateSchema(context.Background(), base, prefix)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	t.Cleanup(func() {
		if err := drop(context.Background()); err != nil {
			t.Errorf("%v", err)
		}
	})
	return dsn
}

func exec(ctx context.Context, dsn, sql string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, sql)
	return errors.Join(err, conn.Close(ctx))
}
