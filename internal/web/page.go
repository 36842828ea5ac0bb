package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
)

//go:embed assets/index.html
var pageFS embed.FS

//go:embed assets/static
var staticFS embed.FS

var pageTemplate = template.Must(template.ParseFS(pageFS, "assets/index.html"))

// page serves the page with this process's CSRF token, which the page's
// script sends back on every request that changes or reads a case, and
// whether it must ask for the server's token.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pageTemplate.Execute(w, struct {
		CSRF      string
		NeedToken bool
	}{s.csrf, s.cfg.Token != ""})
}

// staticHandler serves the page's script and styles from the binary.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "assets/static")
	if err != nil {
		panic(err) // the embedded folder is part of the build
	}
	return http.StripPrefix("/static/", http.FileServerFS(sub))
}
