package realclient

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// python is the interpreter Debian's python3-openpyxl installs for: a
// python3 earlier on PATH may not see openpyxl.
const python = "/usr/bin/python3"

// openpyxlPrelude opens the workbook named by the first argument as wb.
const openpyxlPrelude = "import sys, json, datetime, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n"

// OpenpyxlJSON opens the workbook with openpyxl and runs script, which finds
// it loaded as wb and prints one JSON document (json is imported); the
// document is decoded into v.
func OpenpyxlJSON(t testing.TB, xlsx []byte, script string, v any) {
	t.Helper()
	out := runOpenpyxl(t, xlsx, script)
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("realclient: decode openpyxl output: %v\n%s", err, out)
	}
}

// OpenpyxlEdit opens the workbook with openpyxl, runs script on it (loaded
// as wb), saves it with openpyxl and returns the saved bytes: the workbook
// as a reviewer's openpyxl would hand it back.
func OpenpyxlEdit(t testing.TB, xlsx []byte, script string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "edited.xlsx")
	runOpenpyxl(t, xlsx, script+"\nwb.save(sys.argv[2])\n", out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("realclient: read the workbook openpyxl saved: %v", err)
	}
	return b
}

func runOpenpyxl(t testing.TB, xlsx []byte, script string, args ...string) []byte {
	t.Helper()
	tool := Require(t, python)
	if err := exec.Command(tool, "-c", "import openpyxl").Run(); err != nil {
		missing(t, "python3 module openpyxl (Debian package python3-openpyxl)", err)
	}
	// openpyxl goes by the file name's extension, so the file is
	// workbook.xlsx rather than a generic temporary name.
	path := filepath.Join(t.TempDir(), "workbook.xlsx")
	if err := os.WriteFile(path, xlsx, 0o600); err != nil {
		t.Fatalf("realclient: write the workbook: %v", err)
	}
	return run(t, tool, append([]string{"-c", openpyxlPrelude + script, path}, args...)...)
}

// LibreOfficeResave opens the workbook in LibreOffice Calc (headless) and
// saves it again as XLSX, returning the bytes LibreOffice wrote: the
// workbook as a reviewer using LibreOffice would hand it back.
func LibreOfficeResave(t testing.TB, xlsx []byte) []byte {
	t.Helper()
	tool := Require(t, "soffice")
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatalf("realclient: %v", err)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "workbook.xlsx"), xlsx, 0o600); err != nil {
		t.Fatalf("realclient: write the workbook: %v", err)
	}
	// A profile of its own, so the run neither reads nor changes the user's
	// LibreOffice settings and can run beside another instance.
	profile := "-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	run(t, tool, profile, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, filepath.Join(in, "workbook.xlsx"))
	b, err := os.ReadFile(filepath.Join(out, "workbook.xlsx"))
	if err != nil {
		t.Fatalf("realclient: LibreOffice wrote no workbook: %v", err)
	}
	return b
}
