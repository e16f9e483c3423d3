package github_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/cochef/cochef/github"
	"github.com/cochef/cochef/internal/pgtest"
	"github.com/cochef/cochef/store"
	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

// BenchmarkIntake is the whole intake of a GitHub issues webhook, up to
// its 202: the handler (signature, reading, the task) and the store's
// commit, on SQLite (synchronous=FULL, as served) and, with
// COCHEF_TEST_DATABASE_URL, PostgreSQL. No worker runs. "serial" sends one
// request at a time: each one waits for a commit of its own. "parallel"
// sends from 16 goroutines per CPU, as an HTTP server under load
// receives them: the store commits what arrives together in one
// transaction. Deliveries are distinct, over 1,000 issues.
//
//	go test ./github -run '^$' -bench Intake -benchmem
func BenchmarkIntake(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		benchIntake(b, func(b *testing.B) string { return filepath.Join(b.TempDir(), "cochef.db") })
	})
	b.Run("postgres", func(b *testing.B) {
		if os.Getenv(pgtest.Env) == "" {
			b.Skip(pgtest.Env + " is not set")
		}
		benchIntake(b, func(b *testing.B) string { return pgtest.DSN(b, "cochef_bench_") })
	})
}

func benchIntake(b *testing.B, dsn func(*testing.B) string) {
	raw := webhooktest.ReadFixture(b, "webhooks/issues-edited.json")
	const issues = 1000
	bodies := make([][]byte, issues)
	sigs := make([]string, issues)
	for i := range bodies {
		bodies[i] = webhooktest.EditJSON(b, raw, func(m map[string]any) {
			webhooktest.Obj(m, "issue")["number"] = i + 1
		})
		sigs[i] = github.SignWebhook(testSecret, bodies[i])
	}
	for _, mode := range []string{"serial", "parallel"} {
		b.Run(mode, func(b *testing.B) {
			st, err := store.Open(context.Background(), store.Options{DSN: dsn(b), Logger: slog.New(slog.DiscardHandler)})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { _ = st.Close() })
			h := webhook.NewHandler(webhook.Options{
				Sources:  []webhook.Source{github.NewWebhooks(github.WebhookConfig{Secrets: []string{testSecret}})},
				Enqueuer: st,
				// The log line every webhook writes, encoded, not kept.
				Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)),
			})
			var n atomic.Int64
			send := func() {
				i := n.Add(1)
				k := int(i % issues)
				r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(bodies[k]))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set(hdrEvent, "issues")
				r.Header.Set(hdrDelivery, fmt.Sprintf("bench-%d", i))
				r.Header.Set(hdrSignature, sigs[k])
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusAccepted {
					b.Errorf("status %d: %s", w.Code, w.Body)
				}
			}
			b.SetBytes(int64(len(bodies[0])))
			b.ReportAllocs()
			if mode == "serial" {
				for b.Loop() {
					send()
				}
				return
			}
			b.SetParallelism(16)
			b.ResetTimer() // not the store's opening
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					send()
				}
			})
		})
	}
}
