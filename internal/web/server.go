// Package web is spokit serve: a page for investigators and an HTTP API for
// force systems, both built on the library's front door. Everything the
// page needs (templates, script, styles, the OpenAPI document) is embedded;
// the server keeps no case data at rest: each request works in its own
// temporary folder, removed when the response ends, and the browser holds
// the case between requests.
package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// Limits a server applies when Config leaves them zero.
const (
	DefaultMaxBody       = 64 << 20  // a request body: a case with its exhibit files
	DefaultMaxUnzipped   = 256 << 20 // every file of an uploaded zip together, uncompressed
	DefaultMaxEntry      = 64 << 20  // one file of an uploaded zip, uncompressed
	DefaultMaxEntries    = 1000      // files and folders in an uploaded zip
	DefaultConcurrency   = 4         // requests that read a case at once
	DefaultRetryAfter    = 2 * time.Second
	DefaultShutdownGrace = 60 * time.Second // how long Run lets requests in flight finish
)

// Config is how a server behaves. The zero value is a loopback server with
// the default limits.
type Config struct {
	// Token, when set, is the bearer token every API request must carry
	// (Authorization: Bearer TOKEN); the page asks for it too.
	Token string
	// TmpRoot is the folder each request's temporary folder is made in;
	// "" means os.TempDir().
	TmpRoot string
	// MaxBody is the largest request body in bytes.
	MaxBody int64
	// MaxUnzipped is the largest total uncompressed size of an uploaded zip.
	MaxUnzipped int64
	// MaxEntry is the largest uncompressed size of one file of a zip.
	MaxEntry int64
	// MaxEntries is the most entries an uploaded zip may hold.
	MaxEntries int
	// Concurrency is how many case requests are served at once; the rest
	// are answered 503 with Retry-After.
	Concurrency int
	// RetryAfter is what a 503 tells the client to wait.
	RetryAfter time.Duration
	// Log receives one line per request: method, path, status, size and
	// duration, never case content; nil means log.Default().
	Log *log.Logger
	// Loopback makes the server accept only Host headers naming the
	// loopback interface, so that a web page on another site cannot reach
	// it through a DNS name that resolves to 127.0.0.1.
	Loopback bool
}

// Server serves the page and the API.
type Server struct {
	cfg  Config
	csrf string
	busy chan struct{}
	mux  *http.ServeMux
}

// New returns a server with cfg's settings, the defaults filling what cfg
// leaves zero.
func New(cfg Config) (*Server, error) {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxUnzipped <= 0 {
		cfg.MaxUnzipped = DefaultMaxUnzipped
	}
	if cfg.MaxEntry <= 0 {
		cfg.MaxEntry = DefaultMaxEntry
	}
	if cfg.MaxEntries <= 0 {
		cfg.MaxEntries = DefaultMaxEntries
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.RetryAfter <= 0 {
		cfg.RetryAfter = DefaultRetryAfter
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	if cfg.TmpRoot == "" {
		cfg.TmpRoot = os.TempDir()
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("web: CSRF secret: %w", err)
	}
	s := &Server{cfg: cfg, csrf: hex.EncodeToString(secret), busy: make(chan struct{}, cfg.Concurrency), mux: http.NewServeMux()}
	for _, r := range s.routes() {
		h := r.handler
		if r.api {
			h = s.guard(s.limit(h))
		}
		s.mux.Handle(r.method+" "+r.path, h)
	}
	s.mux.HandleFunc("/api/", s.noRoute)
	return s, nil
}

// noRoute answers, as a problem like every other API error, a request
// under /api/ that no route takes: 405 with Allow when the path is an
// API route's, else 404.
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	for _, rt := range s.routes() {
		if rt.path == r.URL.Path {
			w.Header().Set("Allow", rt.method)
			problem(w, http.StatusMethodNotAllowed, "Method not allowed", r.URL.Path+" answers "+rt.method+" only")
			return
		}
	}
	problem(w, http.StatusNotFound, "Not found", "no such API route: the routes are listed by /api/v1/openapi.json")
}

// route is one thing the server answers; the OpenAPI document lists every
// route marked api.
type route struct {
	method, path string
	api          bool
	handler      http.Handler
}

func (s *Server) routes() []route {
	return []route{
		{"GET", "/{$}", false, http.HandlerFunc(s.page)},
		{"GET", "/static/", false, staticHandler()},
		{"GET", "/api/v1/openapi.json", false, http.HandlerFunc(serveOpenAPI)},
		{"POST", "/api/v1/validate", true, http.HandlerFunc(s.validate)},
		{"POST", "/api/v1/screen", true, http.HandlerFunc(s.screen)},
		{"POST", "/api/v1/build", true, http.HandlerFunc(s.build)},
		{"POST", "/api/v1/unpack", true, http.HandlerFunc(s.unpack)},
	}
}

// ServeHTTP answers a request, with the security headers on every answer
// and one log line for it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	h := rec.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	// Case data must not stay in a browser's or a proxy's cache.
	h.Set("Cache-Control", "no-store")
	if s.cfg.Loopback && !loopbackHost(r.Host) {
		problem(rec, http.StatusMisdirectedRequest, "Not a loopback host", "this server answers only requests addressed to the loopback interface (localhost, 127.0.0.1 or [::1])")
	} else {
		s.mux.ServeHTTP(rec, r)
	}
	// The path and status only: the body, the query and any error detail
	// may carry case content.
	s.cfg.Log.Printf("%s %s %d %dB %s", r.Method, r.URL.Path, rec.status, rec.size, time.Since(start).Round(time.Millisecond))
}

// recorder remembers a response's status and size for the log line.
type recorder struct {
	http.ResponseWriter
	status int
	size   int64
	wrote  bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.size += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Loopback reports whether addr (HOST:PORT) listens on the loopback
// interface only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && host != "" && loopbackHost(host)
}

// loopbackHost reports whether a Host header names the loopback interface.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// guard admits an API request: with a token configured, only one that
// carries it; without, a request from a browser only when it comes from
// this server's own page (same origin, with the page's CSRF token), so
// that another site open in the same browser cannot post to the server.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		bearer, hasBearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if s.cfg.Token != "" {
			if !hasBearer || subtle.ConstantTimeCompare([]byte(bearer), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="spokit"`)
				problem(w, http.StatusUnauthorized, "Token required", "send the server's token as Authorization: Bearer TOKEN")
				return
			}
			// Another site cannot make a browser send this header, so a
			// request that carries the token needs no CSRF check.
			next.ServeHTTP(w, r)
			return
		}
		if why := s.crossSite(r); why != "" {
			problem(w, http.StatusForbidden, "Cross-site request refused", why)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// crossSite says why a browser's request is refused, or "" when it is not
// a browser's or comes from the server's own page. A browser always sends
// Origin or Sec-Fetch-Site on a cross-origin POST; a force system's client
// sends neither and needs no CSRF token (it has the bearer token, or the
// server listens on loopback only).
func (s *Server) crossSite(r *http.Request) string {
	origin := r.Header.Get("Origin")
	site := r.Header.Get("Sec-Fetch-Site")
	if origin == "" && site == "" {
		return ""
	}
	if site != "" && site != "same-origin" {
		return "Sec-Fetch-Site is " + site + ": only this server's own page may post here"
	}
	if origin != "" && !sameOrigin(origin, r) {
		return "the request comes from another origin"
	}
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(s.csrf)) != 1 {
		return "the page's CSRF token is missing or stale: reload the page"
	}
	return ""
}

// sameOrigin reports whether origin names the host the request was sent to.
func sameOrigin(origin string, r *http.Request) bool {
	host, ok := strings.CutPrefix(origin, "http://")
	if !ok {
		host, ok = strings.CutPrefix(origin, "https://")
	}
	return ok && strings.EqualFold(host, r.Host)
}

// limit serves at most Concurrency requests at once and answers the rest
// 503 at once with Retry-After, rather than queueing work the machine
// cannot do.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.busy <- struct{}{}:
			defer func() { <-s.busy }()
			next.ServeHTTP(w, r)
		default:
			secs := int((s.cfg.RetryAfter + time.Second - 1) / time.Second)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			problem(w, http.StatusServiceUnavailable, "Busy", fmt.Sprintf("the server is already working on %d cases; try again in %d s", s.cfg.Concurrency, secs))
		}
	})
}

// CheckAddr says why the server must not listen on addr with the settings
// given, or nil: loopback is always allowed; any other address only with
// TLS and a token, because the case data would otherwise cross the network
// in clear to anyone who can reach the port.
func CheckAddr(addr string, tls, token bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %s: %v", addr, err)
	}
	if Loopback(addr) {
		return nil
	}
	var missing []string
	if !tls {
		missing = append(missing, "--tls-cert and --tls-key")
	}
	if !token {
		missing = append(missing, "--token-file")
	}
	if len(missing) == 0 {
		return nil
	}
	where := host
	if where == "" {
		where = "every interface"
	}
	return fmt.Errorf("refusing to listen on %s (%s): an address other than loopback needs %s; without them case data would cross the network in clear and anyone who can reach the port could use it",
		addr, where, strings.Join(missing, " and "))
}

// ReadToken reads a token file: its first line, which must be at least 16
// characters so that it cannot be guessed.
func ReadToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	tok, _, _ := strings.Cut(string(b), "\n")
	tok = strings.TrimSpace(tok)
	if len(tok) < 16 {
		return "", errors.New("the token is shorter than 16 characters")
	}
	return tok, nil
}

// Run serves h on ln until ctx is done, then shuts down gracefully:
// it stops accepting connections and waits up to grace for the requests
// in flight to finish. With certFile and keyFile it serves TLS.
func Run(ctx context.Context, ln net.Listener, h http.Handler, certFile, keyFile string, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		// A client that sends or reads a case too slowly would hold one of
		// the few places the concurrency limit allows.
		ReadTimeout:  5 * time.Minute,
		WriteTimeout: 10 * time.Minute,
		IdleTimeout:  2 * time.Minute,
	}
	done := make(chan error, 1)
	go func() {
		if certFile != "" {
			done <- srv.ServeTLS(ln, certFile, keyFile)
		} else {
			done <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	<-done
	return err
}
