package webhook

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime/debug"
	"sync"
	"time"
)

// A body is read under three bounds, because anyone can open a
// connection and the GitHub signature can only be checked on the whole
// body:
//
//   - time: it must arrive at MinBodyRate after a grace (BodyGrace), and
//     within BodyTimeout in all. GitHub gives up on a delivery after 10 s,
//     so a body slower than that is not one GitHub waits for; a sender
//     trickling bytes is cut (408) instead of holding the intake for the
//     server's 30 s read timeout.
//   - size: MaxBody (413).
//   - memory: the bytes held by bodies whose request is not proven yet
//     share one budget (MaxUnverified). A buffer grows as bytes arrive, so
//     a sender holds what it has sent, not what it announced; a request
//     that would take the budget over is answered 503 at once, and a real
//     delivery never waits behind slow ones.
const (
	// DefaultMaxUnverified is the budget when Options.MaxUnverified is 0:
	// one body of the platforms' largest size with the buffers it grew
	// through (about 2.3 times its size), or a thousand ordinary ones, well
	// under the 256 MiB the shipped Kubernetes manifest allows the process.
	DefaultMaxUnverified int64 = 64 << 20

	// BodyGrace is how long a body may take before the rate counts:
	// connection set-up and TCP slow start on a long path.
	BodyGrace = 2 * time.Second
	// MinBodyRate is the slowest a body may arrive after the grace, in
	// bytes a second: a 100 KB delivery gets 2.4 s.
	MinBodyRate = 256 << 10
	// BodyTimeout bounds any body: GitHub waits 10 s for its answer.
	BodyTimeout = 10 * time.Second

	// firstChunk is what a body's buffer starts with before it grows.
	firstChunk = 16 << 10
	// freeAfter: once a burst that held at least this much has been let
	// go, the memory is handed back to the system at once, rather than
	// over minutes by the runtime's scavenger.
	freeAfter = 16 << 20
	// freeEvery bounds how often a burst hands memory back.
	freeEvery = 5 * time.Second
)

// budget counts the bytes held by bodies read before their request is
// proven.
type budget struct {
	max int64

	mu       sync.Mutex
	used     int64
	peak     int64 // highest use since memory was last handed back
	lastFree time.Time
}

func newBudget(max int64) *budget { return &budget{max: max} }

// take reserves n bytes; false when that would go over the budget.
func (b *budget) take(n int64) bool {
	if b == nil || n <= 0 {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used+n > b.max {
		return false
	}
	b.used += n
	b.peak = max(b.peak, b.used)
	return true
}

// give returns n bytes; when a burst is over, its memory goes back to
// the system.
func (b *budget) give(n int64) {
	if b == nil || n <= 0 {
		return
	}
	b.mu.Lock()
	b.used -= n
	free := b.used == 0 && b.peak >= freeAfter && time.Since(b.lastFree) >= freeEvery
	if free {
		b.peak, b.lastFree = 0, time.Now()
	}
	b.mu.Unlock()
	if free {
		// A forced collection costs a few milliseconds on cochef's small
		// heap; without it the burst's pages stay resident for minutes.
		go debug.FreeOSMemory()
	}
}

// body is a request body read, and what it holds of the budget until
// release.
type body struct {
	data   []byte
	held   int64
	budget *budget
	// pooled is the buffer's slot in bodyPool, nil when it was made for
	// this body.
	pooled *[]byte
}

func (b *body) release() {
	b.budget.give(b.held)
	b.held = 0
}

// pooledBody is the size of the buffers a body of known length reuses
// (bodyPool): every ordinary webhook fits (GitHub's issue payloads are
// 5 to 20 KB), and under load the intake then allocates no buffer per
// request, which was a fifth of its garbage.
const pooledBody = 64 << 10

var bodyPool = sync.Pool{New: func() any {
	b := make([]byte, 0, pooledBody)
	return &b
}}

// recycle hands the buffer back once nothing reads the body any more:
// after Source.Parse, which copies what it keeps.
func (b *body) recycle() {
	if b == nil || b.pooled == nil {
		return
	}
	bodyPool.Put(b.pooled) // its length is 0: reads went to its spare capacity
	b.pooled, b.data = nil, nil
}

// readBody reads r's body under the bounds above; bud is nil when the
// request is proven already (its bytes are not counted). On failure it
// returns the answer to send, with nothing held.
func (e *endpoint) readBody(w http.ResponseWriter, r *http.Request, bud *budget) (*body, *Result) {
	limit := e.o.MaxBody
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	b := &body{budget: bud}
	known := r.ContentLength >= 0
	// With a known length the body ends there (net/http enforces it);
	// otherwise one byte past the limit tells a body too large.
	end := limit + 1
	if known {
		end = r.ContentLength
	}
	rc := http.NewResponseController(w)
	start := time.Now()
	deadline := func(expected int64) {
		d := BodyGrace + time.Duration(float64(expected)/MinBodyRate*float64(time.Second))
		// Not supported by every ResponseWriter (a test's recorder): such
		// a writer has no connection to hold.
		_ = rc.SetReadDeadline(start.Add(min(d, BodyTimeout)))
	}
	if known {
		deadline(r.ContentLength)
	}
	fail := func(res *Result) (*body, *Result) {
		b.release()
		b.recycle()
		return nil, res
	}
	busy := func() (*body, *Result) {
		w.Header().Set("Connection", "close")
		w.Header().Set("Retry-After", "1")
		return fail(Refuse(http.StatusServiceUnavailable, OutcomeBusy,
			"serveur occupé, réessayez / server busy, retry",
			fmt.Errorf("unverified bodies over their budget of %d bytes", bud.max)))
	}
	buf := []byte(nil)
	// room is how far buf may fill before it grows. A pooled buffer never
	// grows, but the budget counts it as if it did: a sender holds what
	// it has sent, not what it announced.
	room := 0
	if known && end <= pooledBody {
		b.pooled = bodyPool.Get().(*[]byte) //nolint:forcetypeassert // the pool holds nothing else
		buf = (*b.pooled)[:0]
	}
	for int64(len(buf)) < end {
		if len(buf) == room {
			// The old buffer stays in memory until the next collection:
			// every allocation counts, not the growth alone.
			grown := min(max(2*int64(room), firstChunk), end)
			if !bud.take(grown) {
				return busy()
			}
			b.held += grown
			if b.pooled == nil {
				next := make([]byte, len(buf), grown)
				copy(next, buf)
				buf = next
			}
			room = int(grown)
		}
		if !known {
			deadline(int64(len(buf)) + firstChunk)
		}
		n, err := r.Body.Read(buf[len(buf):room])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if errors.Is(err, os.ErrDeadlineExceeded) {
				w.Header().Set("Connection", "close")
				return fail(Refuse(http.StatusRequestTimeout, OutcomeSlowBody,
					"corps reçu trop lentement / body received too slowly",
					fmt.Errorf("%d bytes in %s", len(buf), time.Since(start).Round(time.Millisecond))))
			}
			res := BadRequest("corps illisible / unreadable body", err)
			return fail(&res)
		}
	}
	if int64(len(buf)) > limit {
		return fail(tooLarge(limit))
	}
	// The connection's next request gets the server's own deadlines.
	_ = rc.SetReadDeadline(time.Time{})
	b.data = buf
	return b, nil
}

func tooLarge(limit int64) *Result {
	return Refuse(http.StatusRequestEntityTooLarge, OutcomeTooLarge,
		fmt.Sprintf("corps trop volumineux (max %d octets) / body too large (max %d bytes)", limit, limit), nil)
}
