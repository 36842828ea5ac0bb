package realclient

import (
	"os"
	"path/filepath"
	"testing"
)

// LibreOfficeToPDF opens a word-processing document (name gives its
// extension, e.g. "order.docx") in LibreOffice Writer (headless) and
// converts it to PDF, returning the PDF: the document as the court would
// print it after opening it.
func LibreOfficeToPDF(t testing.TB, name string, doc []byte) []byte {
	t.Helper()
	tool := Require(t, "soffice")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatalf("realclient: %v", err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, name), doc, 0o600); err != nil {
		t.Fatalf("realclient: write the document: %v", err)
	}
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	run(t, tool, profile, "--headless", "--convert-to", "pdf", "--outdir", out, filepath.Join(in, name))
	base := name[:len(name)-len(filepath.Ext(name))]
	b, err := os.ReadFile(filepath.Join(out, base+".pdf"))
	if err != nil {
		t.Fatalf("realclient: LibreOffice wrote no PDF: %v", err)
	}
	return b
}
