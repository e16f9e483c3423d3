package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cochef/cochef/github"
)

// The load generator shares the machine's cores with the servers it
// measures, so it does as little as it can per request: bodies are built
// and signed once per issue before the run, each sender keeps one HTTP/1.1
// connection alive and writes the request's bytes itself, and answers are
// read with a minimal parser (status line, Content-Length or chunked). Its
// own CPU time is measured and printed with the figures.

// request is one issue's pre-built webhook: the headers before the
// delivery id, and the rest (signature, length, body) after it.
type request struct {
	head, tail []byte
}

// load is what a run sends: one pre-signed request per issue.
type load struct {
	reqs  []request
	bytes int // body size
}

func newLoad(bodies [][]byte, secret string) load {
	l := load{reqs: make([]request, len(bodies))}
	for i, b := range bodies {
		l.reqs[i] = request{
			head: []byte("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: GitHub-Hookshot/intakebench\r\n" +
				"Content-Type: application/json\r\nX-GitHub-Event: issues\r\nX-GitHub-Delivery: "),
			tail: fmt.Appendf(nil, "\r\nX-Hub-Signature-256: %s\r\nContent-Length: %d\r\n\r\n%s", github.SignWebhook(secret, b), len(b), b),
		}
		l.bytes = len(b)
	}
	return l
}

// result is one target's run.
type result struct {
	acked, failed int
	first         string // the first failure, for the report
	elapsed       time.Duration
	lat           []time.Duration // sorted
	genCPU        time.Duration   // the generator's own CPU time during the run
}

func (r result) rate() float64 { return float64(r.acked) / r.elapsed.Seconds() }

func (r result) pct(p int) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := (len(r.lat)*p + 99) / 100
	return r.lat[max(i-1, 0)]
}

// deliveries makes distinct delivery ids shaped like GitHub's GUIDs,
// unique across runs (a random prefix) and cheap to make (a counter).
type deliveries struct {
	prefix [24]byte
	n      atomic.Uint64
}

func (d *deliveries) next(buf []byte) []byte {
	n := d.n.Add(1)
	buf = append(buf, d.prefix[:8]...)
	buf = append(buf, '-')
	buf = append(buf, d.prefix[8:12]...)
	buf = append(buf, '-')
	buf = append(buf, d.prefix[12:16]...)
	buf = append(buf, '-')
	buf = append(buf, d.prefix[16:20]...)
	buf = append(buf, '-')
	var hex [12]byte
	const digits = "0123456789abcdef"
	for i := len(hex) - 1; i >= 0; i-- {
		hex[i] = digits[n&0xf]
		n >>= 4
	}
	return append(buf, hex[:]...)
}

// run sends the load to addr from senders connections for d: sender w
// walks the issues from its own offset, one request at a time, and counts
// a 2xx as acknowledged.
func (l load) run(addr string, senders int, d time.Duration, ids *deliveries) result {
	var (
		mu  sync.Mutex
		res result
		wg  sync.WaitGroup
	)
	cpu0 := selfCPU()
	start := time.Now()
	stop := start.Add(d)
	for w := range senders {
		wg.Go(func() {
			lat := make([]time.Duration, 0, 1<<14)
			acked, failed, first := 0, 0, ""
			fail := func(err error) {
				failed++
				if first == "" {
					first = err.Error()
				}
			}
			var c *conn
			buf := make([]byte, 0, 64)
			for i := w * len(l.reqs) / senders; time.Now().Before(stop); i++ {
				if c == nil {
					var err error
					if c, err = dial(addr); err != nil {
						fail(err)
						time.Sleep(10 * time.Millisecond)
						continue
					}
				}
				r := l.reqs[i%len(l.reqs)]
				buf = ids.next(buf[:0])
				t0 := time.Now()
				code, err := c.do(r.head, buf, r.tail)
				took := time.Since(t0)
				switch {
				case err != nil:
					fail(err)
					c.close()
					c = nil
				case code/100 != 2:
					fail(fmt.Errorf("status %d", code))
				default:
					acked++
					lat = append(lat, took)
				}
			}
			if c != nil {
				c.close()
			}
			mu.Lock()
			res.acked += acked
			res.failed += failed
			if res.first == "" {
				res.first = first
			}
			res.lat = append(res.lat, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.genCPU = selfCPU() - cpu0
	slices.Sort(res.lat)
	return res
}

// conn is one keep-alive HTTP/1.1 connection.
type conn struct {
	nc net.Conn
	w  *bufio.Writer
	r  *bufio.Reader
}

func dial(addr string) (*conn, error) {
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &conn{nc: nc, w: bufio.NewWriterSize(nc, 16<<10), r: bufio.NewReaderSize(nc, 4<<10)}, nil
}

func (c *conn) close() { _ = c.nc.Close() } // nothing to do about a failed close

// do writes one request and reads its answer, returning the status code.
func (c *conn) do(parts ...[]byte) (int, error) {
	for _, p := range parts {
		if _, err := c.w.Write(p); err != nil {
			return 0, err
		}
	}
	if err := c.w.Flush(); err != nil {
		return 0, err
	}
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		return 0, err
	}
	// "HTTP/1.1 202 Accepted"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, fmt.Errorf("bad status line %q", line)
	}
	code, err := strconv.Atoi(string(line[9:12]))
	if err != nil {
		return 0, fmt.Errorf("bad status line %q", line)
	}
	length, chunked, closing := -1, false, false
	for {
		h, err := c.r.ReadSlice('\n')
		if err != nil {
			return 0, err
		}
		h = bytes.TrimRight(h, "\r\n")
		if len(h) == 0 {
			break
		}
		name, value, _ := bytes.Cut(h, []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return 0, fmt.Errorf("bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			closing = bytes.EqualFold(value, []byte("close"))
		}
	}
	switch {
	case chunked:
		err = c.skipChunks()
	case length >= 0:
		_, err = c.r.Discard(length)
	default:
		err = errors.New("answer without a length")
	}
	if err == nil && closing {
		err = errors.New("server closed the connection")
	}
	return code, err
}

func (c *conn) skipChunks() error {
	for {
		line, err := c.r.ReadSlice('\n')
		if err != nil {
			return err
		}
		size, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.SplitN(line, []byte(";"), 2)[0])), 16, 64)
		if err != nil {
			return fmt.Errorf("bad chunk size %q", line)
		}
		if size == 0 {
			// Trailers (none expected) end with an empty line.
			for {
				t, err := c.r.ReadSlice('\n')
				if err != nil {
					return err
				}
				if len(bytes.TrimSpace(t)) == 0 {
					return nil
				}
			}
		}
		if _, err := c.r.Discard(int(size) + 2); err != nil {
			return err
		}
	}
}

// selfCPU is this process's user and system CPU time so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
