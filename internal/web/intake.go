package web

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// caseFile is the name of the case document in an uploaded zip or form.
const caseFile = "case.json"

// intake is the case a request carries and the folder its exhibit files
// were written to, inside the request's own temporary folder.
type intake struct {
	c     *casefile.Case
	raw   []byte // the case document as sent
	files fs.FS  // nil for a bare JSON body: no exhibit file can be read
	root  *os.Root
	names []string // the uploaded files, for unpack
}

// close releases the folder; the request's temporary folder is removed
// by the handler.
func (in *intake) close() {
	if in.root != nil {
		in.root.Close()
	}
}

// readCase reads a request's case: application/json (the case document
// alone), application/zip (the case folder zipped, case.json at its root)
// or multipart/form-data (a part named case, and one part named file per
// exhibit file, its filename the file's path relative to the case). Files
// are written under tmp.
func (s *Server) readCase(r *http.Request, tmp string) (*intake, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mt = ""
	}
	body := http.MaxBytesReader(nil, r.Body, s.cfg.MaxBody)
	var in *intake
	switch mt {
	case "application/json":
		raw, err := io.ReadAll(body)
		if err != nil {
			return nil, err
		}
		in = &intake{raw: raw}
	case "application/zip":
		in, err = s.readZip(body, tmp)
	case "multipart/form-data":
		in, err = s.readMultipart(r, body, tmp)
	default:
		return nil, badRequest(http.StatusUnsupportedMediaType, "Unsupported media type", "",
			"send the case as application/json, application/zip or multipart/form-data")
	}
	if err != nil {
		if in != nil {
			in.close()
		}
		return nil, err
	}
	if in.c, err = casefile.Decode(bytes.NewReader(in.raw)); err != nil {
		in.close()
		return nil, err
	}
	return in, nil
}

// files is a folder of uploaded files under construction, refusing names
// that could escape it or collide.
type files struct {
	root  *os.Root
	seen  map[string]bool
	names []string
	total int64
	s     *Server
}

func (s *Server) newFiles(tmp string) (*files, error) {
	dir := filepath.Join(tmp, "case")
	if err := os.Mkdir(dir, 0o700); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &files{root: root, seen: map[string]bool{}, s: s}, nil
}

// cleanName checks an uploaded file's name: a relative path with forward
// slashes, no "..", no absolute path or drive, no empty or dot element.
func cleanName(name string) (string, error) {
	switch {
	case name == "":
		return "", errors.New("a file has no name")
	case strings.Contains(name, `\`):
		return "", errors.New("backslashes are not allowed in a file name")
	case strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':'):
		return "", errors.New("absolute paths are not allowed")
	case strings.ContainsRune(name, 0):
		return "", errors.New("NUL in a file name")
	}
	for _, el := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if el == ".." {
			return "", errors.New(`".." is not allowed in a file name`)
		}
	}
	clean := path.Clean(name)
	if !fs.ValidPath(clean) || clean == "." {
		return "", errors.New("not a valid relative file name")
	}
	return clean, nil
}

// add writes one file from r, at most limit bytes of it, refusing a name
// given twice (also differing only in case, which would collide on some
// file systems) and a total over the zip cap.
func (f *files) add(name string, r io.Reader, limit int64) error {
	clean, err := cleanName(name)
	if err != nil {
		return badRequest(http.StatusBadRequest, "Refused file", name, err.Error())
	}
	key := strings.ToLower(clean)
	if f.seen[key] {
		return badRequest(http.StatusBadRequest, "Refused file", name, "the same file name appears twice")
	}
	f.seen[key] = true
	if dir := path.Dir(clean); dir != "." {
		if err := f.root.MkdirAll(dir, 0o700); err != nil {
			return badRequest(http.StatusBadRequest, "Refused file", name, "its folder cannot be made: a file has the same name")
		}
	}
	out, err := f.root.OpenFile(clean, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return badRequest(http.StatusBadRequest, "Refused file", name, "it cannot be written: a folder has the same name")
	}
	defer out.Close()
	// Count the bytes as they are read: a zip's declared sizes may lie.
	limit = min(limit, f.s.cfg.MaxUnzipped-f.total)
	n, err := io.Copy(out, io.LimitReader(r, limit+1))
	f.total += n
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return badRequest(http.StatusBadRequest, "Refused file", name, "it cannot be read: "+err.Error())
	}
	if n > limit {
		return badRequest(http.StatusRequestEntityTooLarge, "Upload too large", name,
			fmt.Sprintf("uncompressed, a file may hold at most %d bytes and all the files together %d", f.s.cfg.MaxEntry, f.s.cfg.MaxUnzipped))
	}
	f.names = append(f.names, clean)
	return nil
}

// intake ends the folder: the case document is read from case.json in it.
func (f *files) intake() (*intake, error) {
	in := &intake{files: f.root.FS(), root: f.root, names: f.names}
	raw, err := f.root.ReadFile(caseFile)
	if err != nil {
		return in, badRequest(http.StatusBadRequest, "No case document", caseFile, "the upload has no case.json at its root")
	}
	in.raw = raw
	return in, nil
}

// readZip writes a zipped case folder into tmp. The zip is first written
// to disk (its directory is at the end), then every entry is checked
// before any is extracted: no absolute path, "..", link or duplicate name,
// at most MaxEntries entries and MaxUnzipped bytes declared; extraction
// then counts the bytes actually inflated against the same limits.
func (s *Server) readZip(body io.Reader, tmp string) (*intake, error) {
	zpath := filepath.Join(tmp, "upload.zip")
	zf, err := os.OpenFile(zpath, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	defer zf.Close()
	size, err := io.Copy(zf, body)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(zf, size)
	if err != nil {
		return nil, badRequest(http.StatusBadRequest, "Not a zip", "", "the body is not a readable zip file: "+err.Error())
	}
	if len(zr.File) > s.cfg.MaxEntries {
		return nil, badRequest(http.StatusRequestEntityTooLarge, "Too many files", "",
			fmt.Sprintf("the zip holds %d entries; at most %d are accepted", len(zr.File), s.cfg.MaxEntries))
	}
	var declared uint64
	for _, e := range zr.File {
		if _, err := cleanName(e.Name); err != nil {
			return nil, badRequest(http.StatusBadRequest, "Refused zip entry", e.Name, err.Error())
		}
		if !e.Mode().IsRegular() && !e.Mode().IsDir() {
			return nil, badRequest(http.StatusBadRequest, "Refused zip entry", e.Name, "only plain files and folders are accepted, not links or devices")
		}
		declared += e.UncompressedSize64
		if e.UncompressedSize64 > uint64(s.cfg.MaxEntry) || declared > uint64(s.cfg.MaxUnzipped) {
			return nil, badRequest(http.StatusRequestEntityTooLarge, "Upload too large", e.Name,
				fmt.Sprintf("uncompressed, a file may hold at most %d bytes and all the files together %d", s.cfg.MaxEntry, s.cfg.MaxUnzipped))
		}
	}
	f, err := s.newFiles(tmp)
	if err != nil {
		return nil, err
	}
	for _, e := range zr.File {
		if e.Mode().IsDir() {
			continue
		}
		if err := extract(f, e); err != nil {
			f.root.Close()
			return nil, err
		}
	}
	in, err := f.intake()
	// The zip itself is no longer needed: remove it now rather than when
	// the response ends.
	zf.Close()
	os.Remove(zpath)
	return in, err
}

func extract(f *files, e *zip.File) error {
	rc, err := e.Open()
	if err != nil {
		return badRequest(http.StatusBadRequest, "Refused zip entry", e.Name, err.Error())
	}
	defer rc.Close()
	return f.add(e.Name, rc, f.s.cfg.MaxEntry)
}

// readMultipart writes a form's case part and file parts into tmp. A
// file part's filename is its path relative to the case (the exhibit's
// file field), read from the header itself: Part.FileName keeps only the
// last element.
func (s *Server) readMultipart(r *http.Request, body io.Reader, tmp string) (*intake, error) {
	_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if params["boundary"] == "" {
		return nil, badRequest(http.StatusBadRequest, "Bad form", "", "the multipart body has no boundary")
	}
	f, err := s.newFiles(tmp)
	if err != nil {
		return nil, err
	}
	mr := multipart.NewReader(body, params["boundary"])
	var raw []byte
	haveCase := false
	for parts := 0; ; parts++ {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err == nil && parts >= s.cfg.MaxEntries {
			err = badRequest(http.StatusRequestEntityTooLarge, "Too many files", "", fmt.Sprintf("at most %d files are accepted", s.cfg.MaxEntries))
		}
		if err != nil {
			f.root.Close()
			var re *requestError
			var tooBig *http.MaxBytesError
			if errors.As(err, &re) || errors.As(err, &tooBig) {
				return nil, err
			}
			return nil, badRequest(http.StatusBadRequest, "Bad form", "", "the multipart body cannot be read: "+err.Error())
		}
		_, disp, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
		switch p.FormName() {
		case "case":
			if haveCase {
				err = badRequest(http.StatusBadRequest, "Bad form", "case", "the form has two case parts")
			} else {
				haveCase = true
				// One byte over the limit, so that Decode says the case is
				// too large rather than cut short.
				raw, err = io.ReadAll(io.LimitReader(p, casefile.MaxCaseSize+1))
			}
		case "file":
			name := disp["filename"]
			if name == caseFile {
				err = badRequest(http.StatusBadRequest, "Refused file", name, "send the case document as the part named case")
			} else {
				err = f.add(name, p, s.cfg.MaxEntry)
			}
		default:
			err = badRequest(http.StatusBadRequest, "Bad form", p.FormName(), "unknown part: send one part named case and one named file per exhibit file")
		}
		p.Close()
		if err != nil {
			f.root.Close()
			return nil, err
		}
	}
	if !haveCase {
		f.root.Close()
		return nil, badRequest(http.StatusBadRequest, "No case document", "case", "the form has no part named case")
	}
	return &intake{raw: raw, files: f.root.FS(), root: f.root, names: f.names}, nil
}
