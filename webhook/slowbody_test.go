package webhook_test

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cochef/cochef/webhook"
	"github.com/cochef/cochef/webhook/webhooktest"
)

// slowServer serves the handler over real TCP, with the timeouts of
// cochef serve, so what a slow sender can hold is what it holds in
// production.
func slowServer(t *testing.T, o webhook.Options) (*httptest.Server, *webhooktest.Harness) {
	t.Helper()
	hs := webhooktest.New(t, o)
	srv := httptest.NewUnstartedServer(hs.Handler)
	srv.Config.ReadHeaderTimeout = 5 * time.Second
	srv.Config.ReadTimeout = 30 * time.Second
	srv.Config.WriteTimeout = 30 * time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, hs
}

// slowSender is the attack: headers that pass the checks made before the
// body (as a fake GitHub signature does), a Content-Length of 100,000,
// then one byte a second. Dropped, it connects again, until stop.
func slowSender(addr, path string, stop <-chan struct{}) {
	head := "POST " + path + " HTTP/1.1\r\nHost: cochef\r\nX-Key: good\r\nX-Delivery: slow\r\nContent-Length: 100000\r\n\r\n"
	for {
		select {
		case <-stop:
			return
		default:
		}
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		go func() {
			<-stop
			c.Close()
		}()
		if _, err := c.Write([]byte(head)); err == nil {
			tick := time.NewTicker(time.Second)
			for err == nil {
				select {
				case <-stop:
					err = net.ErrClosed
				case <-tick.C:
					_, err = c.Write([]byte("x"))
				}
			}
			tick.Stop()
		}
		c.Close()
	}
}

// 64 connections trickling bodies at one byte a second must not delay real
// deliveries: GitHub gives up after 10 s and does not deliver again. The
// probe of issue #14 measured 28.5 s with 16 such connections.
func TestSlowBodiesDoNotStallDeliveries(t *testing.T) {
	if testing.Short() {
		t.Skip("runs an attack for a few seconds")
	}
	srv, hs := slowServer(t, webhook.Options{Sources: []webhook.Source{source{platform: "one", enabled: true, bodyFirst: true}}})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() { slowSender(srv.Listener.Addr().String(), webhook.Path("one"), stop) })
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()
	// Let every slow sender connect and start its body.
	time.Sleep(1500 * time.Millisecond)

	// GitHub's own limit: a delivery not answered in 10 s is failed.
	client := &http.Client{Timeout: 10 * time.Second}
	var took []time.Duration
	deadline := time.Now().Add(3 * time.Second) // slow senders are cut and come back meanwhile
	for i := 0; time.Now().Before(deadline); i++ {
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+webhook.Path("one"),
			strings.NewReader(fmt.Sprintf("real delivery %d", i)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Key", "good")
		req.Header.Set("X-Delivery", fmt.Sprintf("real-%d", i))
		start := time.Now()
		resp, err := client.Do(req)
		d := time.Since(start)
		if err != nil {
			t.Fatalf("real delivery %d not answered after %s (GitHub gives up at 10 s): %v", i, d.Round(time.Millisecond), err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusAccepted {
			t.Fatalf("real delivery %d: status %d after %s, want 202", i, resp.StatusCode, d.Round(time.Millisecond))
		}
		took = append(took, d)
		time.Sleep(20 * time.Millisecond)
	}
	slices.Sort(took)
	p50, p99 := took[len(took)/2], took[len(took)*99/100]
	t.Logf("%d real deliveries beside 64 slow senders: p50 %s, p99 %s, max %s", len(took),
		p50.Round(time.Microsecond), p99.Round(time.Microsecond), took[len(took)-1].Round(time.Microsecond))
	// Generous for a loaded 2-core machine; an unbounded intake makes
	// them wait for seconds.
	if p99 > 100*time.Millisecond {
		t.Errorf("p99 %s, want under 100 ms", p99)
	}
	if n := len(hs.Queue.Tasks()); n != len(took) {
		t.Errorf("%d tasks queued for %d accepted deliveries", n, len(took))
	}
}

// A body that trickles is cut when it falls behind the minimum rate:
// answered 408 and the connection closed, so it frees what it held.
func TestSlowBodyIsCut(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for a body deadline")
	}
	srv, hs := slowServer(t, webhook.Options{Sources: []webhook.Source{source{platform: "one", enabled: true, bodyFirst: true}}})
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: cochef\r\nX-Key: good\r\nX-Delivery: slow\r\nContent-Length: 100000\r\n\r\nx", webhook.Path("one"))
	if err := c.SetReadDeadline(time.Now().Add(15 * time.Second)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to a trickling body after %s: %v", time.Since(start).Round(time.Millisecond), err)
	}
	resp.Body.Close()
	took := time.Since(start)
	if resp.StatusCode != http.StatusRequestTimeout || !resp.Close {
		t.Errorf("status %d, close %v; want 408 and the connection closed", resp.StatusCode, resp.Close)
	}
	if took > 5*time.Second {
		t.Errorf("cut after %s, want within a few seconds of its start", took.Round(time.Millisecond))
	}
	if !slices.Contains(hs.Observations(), webhooktest.Observation{Platform: "one", Event: "thing", Outcome: webhook.OutcomeSlowBody}) {
		t.Errorf("observations %v, want a %s outcome", hs.Observations(), webhook.OutcomeSlowBody)
	}
}
