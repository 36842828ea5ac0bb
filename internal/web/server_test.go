package web

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/casefile/screen"
)

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	return w
}

func TestEveryAnswerCarriesTheSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, Config{})
	doc, _ := sampleFiles(t, nil)
	answers := map[string]*httptest.ResponseRecorder{
		"page":     get(t, ts, "/"),
		"script":   get(t, ts, "/static/app.js"),
		"openapi":  get(t, ts, "/api/v1/openapi.json"),
		"validate": ts.post(t, "/api/v1/validate", "application/json", doc),
		"problem":  ts.post(t, "/api/v1/validate", "text/plain", doc),
	}
	for name, w := range answers {
		t.Run(name, func(t *testing.T) {
			h := w.Header()
			csp := h.Get("Content-Security-Policy")
			assert.Contains(t, csp, "default-src 'none'")
			assert.Contains(t, csp, "script-src 'self'")
			assert.Contains(t, csp, "frame-ancestors 'none'")
			assert.NotContains(t, csp, "unsafe-inline")
			assert.NotContains(t, csp, "unsafe-eval")
			assert.Equal(t, "DENY", h.Get("X-Frame-Options"))
			assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"))
			assert.Equal(t, "no-store", h.Get("Cache-Control"))
		})
	}
}

func TestThePageHasNoInlineScriptAndNothingFromElsewhere(t *testing.T) {
	ts := newTestServer(t, Config{})
	w := get(t, ts, "/")
	require.Equal(t, http.StatusOK, w.Code)
	page := w.Body.String()
	scripts := regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	require.NotEmpty(t, scripts)
	for _, s := range scripts {
		assert.Contains(t, s[1], `src="/static/`)
		assert.Empty(t, strings.TrimSpace(s[2]), "inline script")
	}
	assert.NotRegexp(t, `(?i)\son[a-z]+\s*=`, page, "inline event handler")
	assert.NotRegexp(t, `(?i)(src|href)="(https?:)?//`, page, "a resource from another site")
	assert.Contains(t, page, `name="csrf-token" content="`+ts.csrf+`"`)
	for _, asset := range []string{"/static/app.js", "/static/app.css"} {
		w := get(t, ts, asset)
		require.Equal(t, http.StatusOK, w.Code, asset)
		assert.NotRegexp(t, `https?://`, w.Body.String(), "%s fetches nothing from elsewhere", asset)
	}
}

func TestBrowserRequestsNeedTheSameOriginAndThePagesToken(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	ts := newTestServer(t, Config{})
	tests := []struct {
		name   string
		hdr    []string
		status int
	}{
		{"a force system's client (no browser headers)", nil, http.StatusOK},
		{"the page, with its token", []string{"Origin", "http://example.com", "Sec-Fetch-Site", "same-origin", "X-CSRF-Token", ts.csrf}, http.StatusOK},
		{"the page's origin without the token", []string{"Origin", "http://example.com", "Sec-Fetch-Site", "same-origin"}, http.StatusForbidden},
		{"a stale token", []string{"Origin", "http://example.com", "X-CSRF-Token", "0123"}, http.StatusForbidden},
		{"another site", []string{"Origin", "http://evil.example", "X-CSRF-Token", ts.csrf}, http.StatusForbidden},
		{"a cross-site fetch", []string{"Sec-Fetch-Site", "cross-site", "X-CSRF-Token", ts.csrf}, http.StatusForbidden},
		{"a same-site but other-origin fetch", []string{"Sec-Fetch-Site", "same-site", "X-CSRF-Token", ts.csrf}, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := ts.post(t, "/api/v1/validate", "application/json", doc, tt.hdr...)
			assert.Equal(t, tt.status, w.Code, w.Body.String())
			ts.requireNoTemp(t)
		})
	}
}

func TestWithATokenEveryAPIRequestMustCarryIt(t *testing.T) {
	doc, _ := sampleFiles(t, nil)
	token := "a-token-of-at-least-16-chars"
	ts := newTestServer(t, Config{Token: token})
	for _, tt := range []struct {
		name   string
		hdr    []string
		status int
	}{
		{"none", nil, http.StatusUnauthorized},
		{"a wrong one", []string{"Authorization", "Bearer wrong-token-wrong-token"}, http.StatusUnauthorized},
		{"not a bearer token", []string{"Authorization", "Basic " + token}, http.StatusUnauthorized},
		{"the token", []string{"Authorization", "Bearer " + token}, http.StatusOK},
		{"the token from a browser tool on another origin (no CSRF check: no site can make a browser send it)", []string{"Authorization", "Bearer " + token, "Origin", "http://tool.example"}, http.StatusOK},
		{"another origin without the token", []string{"Origin", "http://tool.example"}, http.StatusUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := ts.post(t, "/api/v1/validate", "application/json", doc, tt.hdr...)
			assert.Equal(t, tt.status, w.Code)
		})
	}
	assert.Contains(t, get(t, ts, "/").Body.String(), `id="token"`, "the page asks for the token")
}

func TestOnLoopbackOnlyLoopbackHostNamesAreAnswered(t *testing.T) {
	ts := newTestServer(t, Config{Loopback: true})
	for host, status := range map[string]int{
		"127.0.0.1:8080":        http.StatusOK,
		"localhost:8080":        http.StatusOK,
		"[::1]:8080":            http.StatusOK,
		"evil.example:8080":     http.StatusMisdirectedRequest,
		"rebound.example.com":   http.StatusMisdirectedRequest,
		"192.168.1.20:8080":     http.StatusMisdirectedRequest,
		"localhost.example.org": http.StatusMisdirectedRequest,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, r)
		assert.Equal(t, status, w.Code, host)
	}
}

func TestOffLoopbackTheServerRefusesToStartWithoutTLSAndAToken(t *testing.T) {
	tests := []struct {
		addr       string
		tls, token bool
		refused    []string // what the refusal must name; nil means allowed
	}{
		{"127.0.0.1:8080", false, false, nil},
		{"[::1]:8080", false, false, nil},
		{"localhost:8080", false, false, nil},
		{"0.0.0.0:8080", false, false, []string{"--tls-cert", "--tls-key", "--token-file", "in clear"}},
		{":8080", false, false, []string{"every interface", "--tls-cert", "--token-file"}},
		{"192.168.1.20:8080", true, false, []string{"--token-file"}},
		{"192.168.1.20:8080", false, true, []string{"--tls-cert"}},
		{"0.0.0.0:8443", true, true, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s tls=%v token=%v", tt.addr, tt.tls, tt.token), func(t *testing.T) {
			err := CheckAddr(tt.addr, tt.tls, tt.token)
			if tt.refused == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, s := range tt.refused {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

func TestTheOpenAPIDocumentParsesAndListsEveryRoute(t *testing.T) {
	ts := newTestServer(t, Config{})
	w := get(t, ts, "/api/v1/openapi.json")
	require.Equal(t, http.StatusOK, w.Code)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &doc))
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	var documented, served []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, r := range ts.routes() {
		if strings.HasPrefix(r.path, "/api/") {
			served = append(served, r.method+" "+r.path)
		}
	}
	slices.Sort(documented)
	slices.Sort(served)
	assert.Equal(t, served, documented)
}

// buildAll sends n builds of the sample at once, each retried after a 503
// until it succeeds, and returns how many 503s there were.
func buildAll(t *testing.T, h http.Handler, n int) (busy int64) {
	t.Helper()
	doc, files := sampleFiles(t, nil)
	body := caseZip(t, doc, files)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Go(func() {
			<-start
			for try := 0; ; try++ {
				r := httptest.NewRequest("POST", "/api/v1/build", strings.NewReader(string(body)))
				r.Header.Set("Content-Type", "application/zip")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code == http.StatusServiceUnavailable {
					atomic.AddInt64(&busy, 1)
					assert.Equal(t, "1", w.Header().Get("Retry-After"))
					assert.Equal(t, "application/problem+json", w.Header().Get("Content-Type"))
					// Retry sooner than Retry-After asks so the test stays fast.
					time.Sleep(50 * time.Millisecond)
					continue
				}
				assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
				assert.Equal(t, "application/zip", w.Header().Get("Content-Type"))
				return
			}
		})
	}
	close(start)
	wg.Wait()
	return busy
}

func TestWhenFullTheServerAnswers503WithRetryAfterAndTheRetriesSucceed(t *testing.T) {
	t.Parallel()
	n := 6
	if os.Getenv("SPOKIT_SCALE") != "" {
		n = 20
	}
	ts := newTestServer(t, Config{Concurrency: 2, RetryAfter: time.Second})
	busy := buildAll(t, ts, n)
	assert.Positive(t, busy, "with %d builds at once and room for 2, some must be told to retry", n)
	ts.requireNoTemp(t)
}

// TestTwentyConcurrentBuildsStayUnderOneGigabyte builds the sample 20
// times at once, with room for all of them, and measures the process's
// peak memory (VmHWM). SPOKIT_SCALE=1 runs it.
func TestTwentyConcurrentBuildsStayUnderOneGigabyte(t *testing.T) {
	if os.Getenv("SPOKIT_SCALE") == "" {
		t.Skip("set SPOKIT_SCALE=1 to build 20 cases at once and measure peak memory")
	}
	ts := newTestServer(t, Config{Concurrency: 20})
	var peakHeap uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peakHeap = max(peakHeap, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	busy := buildAll(t, ts, 20)
	close(stop)
	<-done
	assert.Zero(t, busy)
	hwm := vmHWM(t)
	t.Logf("20 concurrent builds in %s: peak heap in use %d MiB, peak resident set (VmHWM) %d MiB", time.Since(start).Round(time.Millisecond), peakHeap>>20, hwm>>20)
	assert.Less(t, hwm, uint64(1<<30))
	ts.requireNoTemp(t)
}

// vmHWM is the process's peak resident set size in bytes.
func vmHWM(t *testing.T) uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status to read peak memory from")
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(b)
	require.NotNil(t, m)
	var kb uint64
	fmt.Sscan(string(m[1]), &kb)
	return kb << 10
}

func TestShutdownFinishesTheRequestsInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	started, release := make(chan struct{}), make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		w.Write([]byte("finished"))
	})
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- Run(ctx, ln, h, "", "", 10*time.Second) }()

	answer := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			answer <- err.Error()
			return
		}
		defer res.Body.Close()
		b := make([]byte, 64)
		n, _ := res.Body.Read(b)
		answer <- string(b[:n])
	}()
	<-started
	cancel() // what SIGTERM does in spokit serve
	select {
	case <-ran:
		t.Fatal("Run returned with a request in flight")
	case <-time.After(100 * time.Millisecond):
	}
	_, err = net.DialTimeout("tcp", ln.Addr().String(), time.Second)
	assert.Error(t, err, "no new connections once shutdown has begun")
	close(release)
	assert.Equal(t, "finished", <-answer)
	assert.NoError(t, <-ran)
}

func TestTheOpenAPIDocumentDescribesTheCaseWithTheFormatsOwnSchema(t *testing.T) {
	ts := newTestServer(t, Config{})
	w := get(t, ts, "/api/v1/openapi.json")
	require.Equal(t, http.StatusOK, w.Code)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &doc))
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)

	for name, generated := range map[string][]byte{"Case": casefile.Schema(), "Screening": screen.Schema()} {
		var want map[string]any
		require.NoError(t, json.Unmarshal(generated, &want))
		got, ok := schemas[name].(map[string]any)
		require.True(t, ok, "components.schemas.%s", name)
		assert.Equal(t, keys(want["properties"]), keys(got["properties"]), "%s has every field of the format", name)
		assert.Equal(t, want["required"], got["required"], name)
		assert.NotContains(t, got, "$id", "%s keeps no base of its own: its references resolve in the document", name)
		for def := range want["$defs"].(map[string]any) {
			assert.Contains(t, schemas, def, "%s's definition %s is a component", name, def)
		}
	}

	// Every reference resolves inside the document.
	var refs []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "$ref" {
					refs = append(refs, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	require.NotEmpty(t, refs)
	for _, ref := range refs {
		p, ok := strings.CutPrefix(ref, "#/")
		require.True(t, ok, "%s is not a reference inside the document", ref)
		var at any = doc
		for _, k := range strings.Split(p, "/") {
			m, ok := at.(map[string]any)
			require.True(t, ok, "%s does not resolve", ref)
			at, ok = m[k]
			require.True(t, ok, "%s does not resolve", ref)
		}
	}
}

func keys(v any) []string {
	m, _ := v.(map[string]any)
	return slices.Sorted(maps.Keys(m))
}

func TestWithSchemasRefusesANameDefinedTwice(t *testing.T) {
	base := []byte(`{"openapi": "3.1.0", "components": {"schemas": {"Problem": {"type": "object"}}}}`)
	_, err := withSchemas(base, map[string][]byte{"Case": []byte(`{"type": "object", "$defs": {"Problem": {"type": "string"}}}`)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "components.schemas.Problem is defined twice")
	out, err := withSchemas(base, map[string][]byte{"Case": []byte(`{"$id": "urn:x", "type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}, "$defs": {"A": {"type": "string"}}}`)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"openapi": "3.1.0", "components": {"schemas": {"Problem": {"type": "object"},
		"Case": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}}, "A": {"type": "string"}}}}`, string(out))
}

func TestAnAPIRequestNoRouteTakesIsAProblem(t *testing.T) {
	ts := newTestServer(t, Config{})
	for _, tt := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/api/v1/build", http.StatusMethodNotAllowed, "POST"},
		{"PUT", "/api/v1/validate", http.StatusMethodNotAllowed, "POST"},
		{"POST", "/api/v1/openapi.json", http.StatusMethodNotAllowed, "GET"},
		{"POST", "/api/v2/build", http.StatusNotFound, ""},
		{"GET", "/api/", http.StatusNotFound, ""},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			w := httptest.NewRecorder()
			ts.ServeHTTP(w, httptest.NewRequest(tt.method, tt.path, nil))
			problemOf(t, w, tt.status)
			assert.Equal(t, tt.allow, w.Header().Get("Allow"))
		})
	}
}
