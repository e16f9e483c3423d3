package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// process is one server under test, a child process listening on addr.
type process struct {
	name string
	addr string
	cmd  *exec.Cmd
	log  string // its output, in a file
	done chan struct{}
}

// start runs cmd with its output in logDir and waits until ready says the
// server answers.
func start(name string, cmd *exec.Cmd, addr, logDir string, ready func(addr string) bool) (*process, error) {
	logPath := filepath.Join(logDir, strings.NewReplacer(" ", "-", ",", "").Replace(name)+".log")
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer f.Close() // the child has its own descriptor
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &process{name: name, addr: addr, cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(p.done) }() // the exit is seen through done
	deadline := time.Now().Add(60 * time.Second)
	for !ready(addr) {
		select {
		case <-p.done:
			return nil, fmt.Errorf("%s exited before answering; its log: %s\n%s", name, logPath, tail(logPath))
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("%s did not answer within 60 s; its log: %s\n%s", name, logPath, tail(logPath))
		}
	}
	return p, nil
}

// stop asks the server to stop and kills it after 30 s.
func (p *process) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM) // it may have exited already
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// status reads a figure (kB) of /proc/<pid>/status: VmRSS, VmHWM.
func (p *process) status(field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				v, _ := strconv.ParseInt(f[0], 10, 64) // 0 when unreadable
				return v
			}
		}
	}
	return 0
}

// cpu is the server's user and system CPU time so far.
func (p *process) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// The fields after the command name (which may hold spaces) start at
	// the last ')'; utime and stime are the 14th and 15th of the line.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(ut+st) * time.Second / ticks
}

func tail(path string) string {
	b, _ := os.ReadFile(path) // a report only
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// listening reports that something accepts connections at addr.
func listening(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	_ = c.Close()
	return true
}

// readyz reports that cochef's /readyz answers 200.
func readyz(addr string) bool {
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil {
		return false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// buildCochef builds the binary as the Dockerfile and the README do.
func buildCochef(dir string) (string, error) {
	bin := filepath.Join(dir, "cochef")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/cochef")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("build cochef: %w", err)
	}
	return bin, nil
}

// buildBaseline builds cochef as it was at the git revision rev, from an
// export of that revision (git archive) in dir: the working tree is left
// alone.
func buildBaseline(dir, rev string) (string, error) {
	src, err := os.MkdirTemp(dir, "baseline-src-")
	if err != nil {
		return "", err
	}
	archive := exec.Command("git", "archive", "--format=tar", rev)
	untar := exec.Command("tar", "-x", "-C", src)
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return "", err
	}
	untar.Stdin = pipe
	archive.Stderr, untar.Stderr = os.Stderr, os.Stderr
	if err := untar.Start(); err != nil {
		return "", err
	}
	if err := archive.Run(); err != nil {
		return "", errors.Join(fmt.Errorf("git archive %s: %w", rev, err), untar.Wait())
	}
	if err := untar.Wait(); err != nil {
		return "", fmt.Errorf("unpack %s: %w", rev, err)
	}
	bin := filepath.Join(dir, "cochef-baseline")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/cochef")
	build.Dir = src
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return "", fmt.Errorf("build cochef at %s: %w", rev, err)
	}
	return bin, nil
}

// cochefCmd runs cochef serve in dry-run (no credentials) on database.
func cochefCmd(bin, addr, database string) *exec.Cmd {
	cmd := exec.Command(bin, "serve")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "COCHEF_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env,
		"COCHEF_LISTEN="+addr,
		"COCHEF_DATABASE="+database,
		"COCHEF_GITHUB_WEBHOOK_SECRET="+secret,
	)
	return cmd
}

// errNoPeer says why the Probot peer is left out of the comparison.
var errNoPeer = errors.New("the Probot peer is unavailable")

// preparePeer copies the Probot peer's sources (outside this repository)
// into a cache directory and installs its dependencies there once; the
// peer's code and node_modules never enter the repository.
func preparePeer(src string) (dir string, err error) {
	if src == "" {
		return "", fmt.Errorf("%w: no -probot directory given", errNoPeer)
	}
	pkg, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return "", fmt.Errorf("%w: %v (pass -probot with the peer's directory, e.g. ../shared/bench/probot-peer)", errNoPeer, err)
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return "", fmt.Errorf("%w: %s is not installed", errNoPeer, tool)
		}
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	sum := sha256.Sum256(pkg)
	dir = filepath.Join(cache, "cochef-intakebench", "probot-peer-"+hex.EncodeToString(sum[:6]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, f := range []string{"package.json", "server.js", "app.js"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return "", fmt.Errorf("%w: %v", errNoPeer, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			return "", err
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "probot")); err != nil {
		fmt.Fprintf(os.Stderr, "installing the Probot peer's dependencies in %s (once)\n", dir)
		npm := exec.Command("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
		npm.Dir = dir
		npm.Stdout, npm.Stderr = os.Stderr, os.Stderr
		if err := npm.Run(); err != nil {
			return "", fmt.Errorf("%w: npm install: %v", errNoPeer, err)
		}
	}
	return dir, nil
}

// peerCmd runs the Probot peer with a fresh App key (it signs nothing: the
// peer makes no API call, but Probot requires one).
func peerCmd(dir, addr string) (*exec.Cmd, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("node", "server.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"PRIVATE_KEY="+string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"WEBHOOK_SECRET="+secret,
		"PORT="+port,
		"NODE_ENV=production",
	)
	return cmd, nil
}
