package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
)

func TestServeOffLoopbackWithoutTLSAndATokenRefusesToStartSayingWhy(t *testing.T) {
	for _, args := range [][]string{
		{"--addr", "0.0.0.0:8080"},
		{"--addr", ":8080"},
		{"--addr", "0.0.0.0:8080", "--tls-cert", "c.pem", "--tls-key", "k.pem"},
	} {
		var out, errs bytes.Buffer
		status := run(&env{stdout: &out, stderr: &errs}, append([]string{"serve"}, args...))
		assert.Equal(t, exitInput, status, args)
		assert.Contains(t, errs.String(), "refusing to listen on", args)
		assert.Contains(t, errs.String(), "--token-file", args)
		assert.Empty(t, out.String())
	}
}

func TestServeNeedsBothTLSFiles(t *testing.T) {
	var errs bytes.Buffer
	status := run(&env{stdout: &bytes.Buffer{}, stderr: &errs}, []string{"serve", "--tls-cert", "c.pem"})
	assert.Equal(t, exitInput, status)
	assert.Contains(t, errs.String(), "both --tls-cert and --tls-key")
}

func TestServeAnswersOnLoopbackAndStopsOnSIGTERM(t *testing.T) {
	pr, pw := io.Pipe()
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(&env{stdout: io.Discard, stderr: pw, ctx: ctx}, []string{"serve", "--addr", "127.0.0.1:0", "--tmp", t.TempDir()})
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	require.True(t, lines.Scan())
	url := regexp.MustCompile(`http://[0-9.:]+/`).FindString(lines.Text())
	require.NotEmpty(t, url, lines.Text())
	go io.Copy(io.Discard, pr) // the request log

	res, err := http.Post(url+"api/v1/validate", "application/json", bytes.NewReader(casefile.SampleJSON()))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)

	cancel(interrupted{syscall.SIGTERM})
	assert.Equal(t, 128+int(syscall.SIGTERM), <-done)
}
