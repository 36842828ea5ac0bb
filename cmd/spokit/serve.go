package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"

	"github.com/spokit/spokit/internal/web"
)

var serveCommand = command{
	name:    "serve",
	summary: "serve a page for investigators and an HTTP API for force systems (loopback only unless TLS and a token are given)",
	usage:   "[--addr HOST:PORT] [--tls-cert FILE --tls-key FILE] [--token-file FILE] [--max-body BYTES] [--concurrency N] [--tmp DIR]",
	run:     runServe,
}

// runServe serves until SIGINT or SIGTERM, then stops taking requests and
// finishes those in flight. It refuses to listen off loopback without TLS
// and a token, saying why.
func runServe(e *env, c *command, args []string) int {
	fs := newFlags(e, c)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`; an address other than loopback needs --tls-cert, --tls-key and --token-file")
	cert := fs.String("tls-cert", "", "serve HTTPS with the certificate in `FILE` (PEM)")
	key := fs.String("tls-key", "", "the private key of --tls-cert, in `FILE` (PEM)")
	tokenFile := fs.String("token-file", "", "require the token on the first line of `FILE` (at least 16 characters) as Authorization: Bearer on every API request")
	maxBody := fs.Int64("max-body", web.DefaultMaxBody, "refuse request bodies over `BYTES`")
	concurrency := fs.Int("concurrency", web.DefaultConcurrency, "work on at most `N` cases at once; answer the rest 503 with Retry-After")
	tmp := fs.String("tmp", "", "make each request's temporary folder in `DIR` (default the system's)")
	args, status, ok := parse(e, fs, args)
	if !ok {
		return status
	}
	if len(args) != 0 {
		fs.Usage()
		return exitInput
	}
	if (*cert == "") != (*key == "") {
		fmt.Fprintln(e.stderr, "spokit: give both --tls-cert and --tls-key, or neither")
		return exitInput
	}
	if err := web.CheckAddr(*addr, *cert != "", *tokenFile != ""); err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	cfg := web.Config{MaxBody: *maxBody, Concurrency: *concurrency, TmpRoot: *tmp, Log: log.New(e.stderr, "spokit: ", log.LstdFlags)}
	if *tokenFile != "" {
		tok, err := web.ReadToken(*tokenFile)
		if err != nil {
			fmt.Fprintf(e.stderr, "spokit: --token-file: %v\n", err)
			return exitInput
		}
		cfg.Token = tok
	}
	cfg.Loopback = web.Loopback(*addr)
	srv, err := web.New(cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	scheme := "http"
	if *cert != "" {
		scheme = "https"
	}
	fmt.Fprintf(e.stderr, "spokit: serving %s://%s/ (the API at /api/v1/, described by /api/v1/openapi.json); SIGINT or SIGTERM stops it\n", scheme, ln.Addr())
	err = web.Run(e.context(), ln, srv, *cert, *key, web.DefaultShutdownGrace)
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(e.stderr, "spokit: %v\n", err)
		return exitInput
	}
	fmt.Fprintln(e.stderr, "spokit: stopped; requests in flight were finished")
	if status, ok := stopped(context.Cause(e.context())); ok {
		return status
	}
	return exitOK
}
