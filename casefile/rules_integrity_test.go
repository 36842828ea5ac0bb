package casefile

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/internal/pdfdoc"
)

func TestRulesAreTheIntegrityAndCriminalSectionsOfRulesMD(t *testing.T) {
	want := []ruleSpec{
		{id: "CASE-REF", sev: Error},
		{id: "CASE-DUP-ID", sev: Error},
		{id: "CASE-DATE", sev: Error},
		{id: "CASE-URN", sev: Warning},
		{id: "CASE-EXHIBIT-FILE", sev: Error},
		{id: "CASE-STATEMENT-TEXT", sev: Error},
		{id: "CASE-UNUSED-REASON", sev: Error},
		{id: "CASE-EMPTY-LIST", sev: Error, cites: []string{"PHA 1997 s.7(3)"}},
		{id: "CASE-UNRECORDED-DETAIL", sev: Warning},
		{id: "CASE-REDACTED-FILE", sev: Error},
		{id: "COC-SINGLE-VICTIM", sev: Error, cites: []string{"PHA 1997 s.7(3)(a)"}},
		{id: "STALK-ACT-TYPE", sev: Warning, cites: []string{"PHA 1997 s.2A(2)(b), (3)"}},
		{id: "FEAR-OCCASIONS", sev: Error, cites: []string{"PHA 1997 s.4(1)"}},
		{id: "SERIOUS-ALARM-IMPACT", sev: Error, cites: []string{"PHA 1997 s.4A(1)(b)", "SCA 2015 s.76(4)"}},
		{id: "TIME-LIMIT-SUMMARY", sev: Error, cites: []string{"Magistrates' Courts Act 1980 s.127", "DPP v Baker [2004] EWHC 2782 (Admin)"}},
		{id: "CCB-RELATIONSHIP", sev: Error, cites: []string{"SCA 2015 s.76(2), (3), (6)", "DAA 2021 s.68"}},
		{id: "SINGLE-OCCASION", sev: Warning, cites: []string{"PHA 1997 s.7(3)"}},
		{id: "COURSE-GAP", sev: Warning, cites: []string{"Lau v DPP [2000]", "Pratt v DPP [2001]"}},
		{id: "CHARGE-INTERVIEW", sev: Warning, cites: []string{"Director's Guidance on Charging"}},
		{id: "CHARGE-ANTECEDENTS", sev: Warning, cites: []string{"National File Standard"}},
		{id: "CHARGE-BAIL", sev: Warning, cites: []string{"Director's Guidance on Charging"}},
		{id: "CHARGE-ASSESSMENT", sev: Warning, cites: []string{"Code for Crown Prosecutors"}},
		{id: "CHARGE-SUPERVISOR", sev: Warning, cites: []string{"Director's Guidance on Charging"}},
		{id: "CHARGE-VICTIM-VIEWS", sev: Warning, cites: []string{"National File Standard"}},
		{id: "CHARGE-RESTRAINING-ORDER", sev: Warning, cites: []string{"Sentencing Act 2020 ss.359-364", "PHA 1997 s.5A"}},
		{id: "WITNESS-CARE", sev: Warning, cites: []string{"MG11"}},
	}
	rules := Rules()
	require.Len(t, rules, len(want))
	for i, w := range want {
		r := rules[i]
		assert.Equal(t, w.id, r.ID)
		assert.Equal(t, w.sev, r.Severity, "severity of %s", w.id)
		assert.NotEmpty(t, r.Citation, "citation of %s", w.id)
		for _, cite := range w.cites {
			assert.Contains(t, r.Citation, cite, "citation of %s", w.id)
		}
		assert.NotNil(t, r.Check, "check of %s", w.id)
	}
}

// errorsAndWarnings returns the findings that are not info.
func errorsAndWarnings(r *Report) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity != Info {
			out = append(out, f)
		}
	}
	return out
}

func TestContractExampleHasNoErrorsOrWarnings(t *testing.T) {
	f, err := os.Open("testdata/case-example.json")
	require.NoError(t, err)
	defer f.Close()
	c, err := Decode(f)
	require.NoError(t, err)
	require.Equal(t, ymd("2025-02-01"), c.AsOf)

	// The contract's example predates the charging file's fields, so only
	// the rules of the contract's own sections apply.
	r := Validate(c, Options{AsOf: c.AsOf, Rules: slices.Concat(integrityRules, criminalRules)})
	assert.Empty(t, errorsAndWarnings(r))
	assert.Equal(t, "07CW0456125", r.URN)
}

func TestEmbeddedSampleHasNoErrorsOrWarnings(t *testing.T) {
	c, files := Sample()
	r := Validate(c, Options{Files: files})
	assert.Empty(t, errorsAndWarnings(r))
}

func TestCaseRefReportsReferencesThatDoNotResolveOrAreTheWrongKind(t *testing.T) {
	twoSuspects := func(c *Case) { addPerson(c, "S2", RoleSuspect, "Ross", "Tait") }
	runRuleTests(t, ruleSpec{id: "CASE-REF", sev: Error}, []ruleTest{
		{name: "sound case", want: nil},
		{
			name: "officer in case is the victim",
			edit: func(c *Case) { c.OfficerInCase = "V1" },
			want: at("officer_in_case", "V1", "Ffion Hale", "victim", "officer"),
		},
		{
			name: "officer in case is nobody",
			edit: func(c *Case) { c.OfficerInCase = "O9" },
			want: at("officer_in_case", "O9", "people"),
		},
		{
			name: "charge victim is an incident, not a person",
			edit: func(c *Case) { c.Charges[0].Victims = []string{"I1"} },
			want: at("charges[0].victims[0]", "I1", "people"),
		},
		{
			name: "dangling exhibit ref on the third incident",
			edit: func(c *Case) { c.Incidents[2].Exhibits = []string{"NC/9"} },
			want: at("incidents[2].exhibits[0]", "NC/9", "exhibit"),
		},
		{
			name: "dangling statement id on an incident",
			edit: func(c *Case) { c.Incidents[1].Statements = []string{"ST1", "ST9"} },
			want: at("incidents[1].statements[1]", "ST9", "statement"),
		},
		{
			name: "incident victim is nobody",
			edit: func(c *Case) { c.Incidents[0].Victims = []string{"V9"} },
			want: at("incidents[0].victims[0]", "V9"),
		},
		{
			name: "incident suspect is the victim",
			edit: func(c *Case) { c.Incidents[1].Suspect = "V1" },
			want: at("incidents[1].suspect", "V1", "Ffion Hale", "suspect"),
		},
		{
			name: "incident without suspect in a case with two suspects",
			edit: func(c *Case) {
				twoSuspects(c)
				c.Incidents[0].Suspect = "S1"
				c.Incidents[1].Suspect = "S2"
			},
			want: at("incidents[2].suspect", "2", "suspect"),
		},
		{
			name: "SPO respondent is not a suspect",
			edit: func(c *Case) { c.SPO = spoAgainst("V1", "V1") },
			want: at("spo.respondent", "V1", "Ffion Hale", "suspect"),
		},
		{
			name: "SPO act is not an incident",
			edit: func(c *Case) {
				c.SPO = spoAgainst("S1", "V1")
				c.SPO.Acts = []string{"I1", "I7"}
			},
			want: at("spo.acts[1]", "I7", "incident"),
		},
		{
			name: "SPO term protects nobody known",
			edit: func(c *Case) {
				c.SPO = spoAgainst("S1", "V1")
				c.SPO.Terms[0].Protects = []string{"V1", "V8"}
			},
			want: at("spo.terms[0].protects[1]", "V8"),
		},
		{
			name: "statement taken by a non-officer",
			edit: func(c *Case) { c.Statements[0].TakenBy = "S1" },
			want: at("statements[0].taken_by", "S1", "Gareth Lund", "officer"),
		},
		{
			name: "exhibit produced by nobody",
			edit: func(c *Case) { c.Exhibits[0].ProducedBy = "W4" },
			want: at("exhibits[0].produced_by", "W4"),
		},
		{
			name: "impact names an unknown statement",
			edit: func(c *Case) { c.Impact[0].Statement = "ST4" },
			want: at("impact[0].statement", "ST4", "statement"),
		},
		{
			name: "relationship names one person",
			edit: func(c *Case) { c.Relationships[0].Between = []string{"S1"} },
			want: at("relationships[0].between", "two people", "1"),
		},
		{
			name: "incident by the other of two suspects",
			edit: func(c *Case) {
				twoSuspects(c)
				for i := range c.Incidents {
					c.Incidents[i].Suspect = "S2"
				}
			},
		},
		{
			name: "SPO protecting a person who was not a victim of the acts",
			edit: func(c *Case) {
				addPerson(c, "W1", RoleWitness, "Alun", "Price")
				c.SPO = spoAgainst("S1", "V1", "W1")
			},
		},
		{
			name: "statement taken by an officer who is not the officer in case",
			edit: func(c *Case) {
				addPerson(c, "O2", RoleOfficer, "Dev", "Patel")
				c.Statements[0].TakenBy = "O2"
			},
		},
	})
}

func TestCaseDupIDReportsIDsSharedAcrossTheWholeCase(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-DUP-ID", sev: Error}, []ruleTest{
		{name: "all ids distinct"},
		{
			name: "a person and an incident share an id",
			edit: func(c *Case) { c.Incidents[1].ID = "V1" },
			want: at("incidents[1].id", "V1", "people[0].id"),
		},
		{
			name: "an exhibit ref equals a statement id",
			edit: func(c *Case) { c.Exhibits[0].Ref = "ST1" },
			want: at("exhibits[0].ref", "ST1", "statements[0].id"),
		},
		{
			name: "two charges share an id",
			edit: func(c *Case) {
				c.Charges = append(c.Charges, Charge{ID: "C1", Offence: FearOfViolence, Victims: []string{"V1"}, Status: Proposed})
			},
			want: at("charges[1].id", "C1", "charges[0].id"),
		},
		{
			name: "an unused item and a risk assessment share an id",
			edit: func(c *Case) {
				c.UnusedMaterial = []UnusedItem{{ID: "X1", Description: "Call log"}}
				c.RiskAssessments = []RiskAssessment{{ID: "X1", Tool: "DASH", Date: ymd("2025-01-10")}}
			},
			want: at("risk_assessments[0].id", "X1", "unused_material[0].id"),
		},
		{
			name: "two incidents share an id",
			edit: func(c *Case) { c.Incidents[2].ID = "I1" },
			want: at("incidents[2].id", "I1", "incidents[0].id"),
		},
	})
}

func TestCaseDateReportsDatesOutOfOrderOrAfterAsOf(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-DATE", sev: Error}, []ruleTest{
		{name: "all dates in order and on or before as_of"},
		{
			name: "incident after as_of",
			edit: func(c *Case) { c.Incidents[2].Date = ymd("2025-02-02") },
			want: at("incidents[2].date", "2 February 2025", "1 February 2025"),
		},
		{
			name: "incident on as_of",
			edit: func(c *Case) { c.Incidents[2].Date = ymd("2025-02-01") },
		},
		{
			name: "incident after the case's as_of but not after the override",
			edit: func(c *Case) { c.Incidents[2].Date = ymd("2025-02-02") },
			asOf: ymd("2025-02-02"),
		},
		{
			name: "incident after the override though not after the case's as_of",
			edit: func(c *Case) { c.Incidents[2].Date = ymd("2025-01-20") },
			asOf: ymd("2025-01-19"),
			want: at("incidents[2].date", "20 January 2025", "19 January 2025"),
		},
		{
			name: "incident end date before its date",
			edit: func(c *Case) { c.Incidents[1].EndDate = ymd("2024-11-01") },
			want: at("incidents[1].end_date", "1 November 2024", "2 November 2024"),
		},
		{
			name: "incident end date equal to its date",
			edit: func(c *Case) { c.Incidents[1].EndDate = ymd("2024-11-02") },
		},
		{
			name: "incident end date after as_of",
			edit: func(c *Case) { c.Incidents[2].EndDate = ymd("2025-02-03") },
			want: at("incidents[2].end_date", "3 February 2025"),
		},
		{
			name: "statement after as_of",
			edit: func(c *Case) { c.Statements[0].Date = ymd("2025-03-01") },
			want: at("statements[0].date", "statement", "1 March 2025"),
		},
		{
			name: "exhibit seized after as_of",
			edit: func(c *Case) { c.Exhibits[0].SeizedDate = ymd("2025-02-14") },
			want: at("exhibits[0].seized_date", "seizure", "14 February 2025"),
		},
		{
			name: "charged status without charged_on",
			edit: func(c *Case) { c.Charges[0].Status = Charged },
			want: at("charges[0].charged_on", "C1", "charged_on"),
		},
		{
			name: "charged status with charged_on",
			edit: func(c *Case) {
				c.Charges[0].Status = Charged
				c.Charges[0].ChargedOn = ymd("2025-01-15")
			},
		},
		{
			name: "charge to before from",
			edit: func(c *Case) { c.Charges[0].To = ymd("2024-10-04") },
			want: at("charges[0].to", "4 October 2024", "5 October 2024"),
		},
		{
			name: "relationship to before from",
			edit: func(c *Case) {
				c.Relationships[0].From = ymd("2021-06-01")
				c.Relationships[0].To = ymd("2020-06-01")
			},
			want: at("relationships[0].to", "1 June 2020", "1 June 2021"),
		},
	})
}

func TestCaseURNWarnsWhenNotElevenCapitalsAndDigitsOrNotTheForceCode(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-URN", sev: Warning}, []ruleTest{
		{name: "force code prefix and eleven characters"},
		{
			name: "lower case letters",
			edit: func(c *Case) { c.URN = "07cw0456125" },
			want: at("urn", "07cw0456125", "11"),
		},
		{
			name: "ten characters",
			edit: func(c *Case) { c.URN = "07CW045612" },
			want: at("urn", "07CW045612", "11"),
		},
		{
			name: "punctuation",
			edit: func(c *Case) { c.URN = "07CW-456125" },
			want: at("urn", "07CW-456125"),
		},
		{
			name: "another force's code",
			edit: func(c *Case) { c.URN = "08CW0456125" },
			want: at("urn", "08CW0456125", `"07"`, "Cheshire Constabulary"),
		},
		{
			name: "another force's code and too long",
			edit: func(c *Case) { c.URN = "60CW04561250" },
			want: []wantFinding{{path: "urn", mentions: []string{"11"}}, {path: "urn", mentions: []string{`"07"`}}},
		},
	})
}

// Small but whole exhibit files of each type, and a text file.
var (
	pngData, jpegData = pictureFiles()
	pdfData           = pdfFile()
	textData          = []byte("This is a note, not a photograph.\n")
)

func pictureFiles() (pngData, jpegData []byte) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	var p, j bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		panic(err)
	}
	if err := jpeg.Encode(&j, img, nil); err != nil {
		panic(err)
	}
	return p.Bytes(), j.Bytes()
}

func pdfFile() []byte {
	d := pdfdoc.New(pdfdoc.Options{Title: "Letter", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	d.Paragraph("A letter.")
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func TestCaseExhibitFileReportsMissingWrongTypeAndEscapingFiles(t *testing.T) {
	files := fstest.MapFS{
		"exhibits/photo.png":  {Data: pngData},
		"exhibits/still.jpg":  {Data: jpegData},
		"exhibits/letter.pdf": {Data: pdfData},
		"exhibits/notes.png":  {Data: textData},
		"exhibits/empty.pdf":  {Data: nil},
		"exhibits/cut.pdf":    {Data: pdfData[:len(pdfData)/2]},
		"exhibits/cut.jpg":    {Data: jpegData[:len(jpegData)*2/3]},
		"exhibits/photo.heic": {Data: []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")},
		"photo.png":           {Data: pngData},
	}
	file := func(name string) func(c *Case) {
		return func(c *Case) { c.Exhibits[0].File = name }
	}
	runRuleTests(t, ruleSpec{id: "CASE-EXHIBIT-FILE", sev: Error}, []ruleTest{
		{name: "no file named", files: files},
		{name: "PNG by content", edit: file("exhibits/photo.png"), files: files},
		{name: "JPEG by content", edit: file("exhibits/still.jpg"), files: files},
		{name: "PDF by content", edit: file("exhibits/letter.pdf"), files: files},
		{name: "dot-slash path inside the folder", edit: file("./exhibits/photo.png"), files: files},
		{name: "backslash separators inside the folder", edit: file(`exhibits\photo.png`), files: files},
		{name: "dot-dot that stays inside the folder", edit: file("exhibits/../photo.png"), files: files},
		{
			name: "missing file", edit: file("exhibits/missing.png"), files: files,
			want: at("exhibits[0].file", "NC/1", "exhibits/missing.png", "cannot be opened"),
		},
		{
			name: "text file named .png is judged by its content", edit: file("exhibits/notes.png"), files: files,
			want: at("exhibits[0].file", "NC/1", "exhibits/notes.png", "not a PDF, PNG, JPEG or TIFF"),
		},
		{name: "without a file checker only the signature is judged", edit: file("exhibits/cut.pdf"), files: files},
		{
			name: "a PDF cut short is damaged", edit: file("exhibits/cut.pdf"), files: files, checkFile: pdfdoc.CheckExhibit,
			want: at("exhibits[0].file", "NC/1", "exhibits/cut.pdf", "damaged"),
		},
		{
			name: "a JPEG cut short is damaged", edit: file("exhibits/cut.jpg"), files: files, checkFile: pdfdoc.CheckExhibit,
			want: at("exhibits[0].file", "NC/1", "exhibits/cut.jpg", "damaged"),
		},
		{
			name: "a HEIC photo is refused with how to convert it", edit: file("exhibits/photo.heic"), files: files,
			want: at("exhibits[0].file", "NC/1", "exhibits/photo.heic", "HEIC", "convert it to JPEG"),
		},
		{
			name: "empty file", edit: file("exhibits/empty.pdf"), files: files,
			want: at("exhibits[0].file", "NC/1", "exhibits/empty.pdf", "not a PDF, PNG, JPEG or TIFF"),
		},
		{
			name: "a folder, not a file", edit: file("exhibits"), files: files,
			want: at("exhibits[0].file", "NC/1", "exhibits", "folder"),
		},
		{
			name: "climbs out with dot-dot", edit: file("../../etc/passwd"), files: files,
			want: at("exhibits[0].file", "NC/1", "../../etc/passwd", "outside"),
		},
		{
			name: "absolute path", edit: file("/etc/passwd"), files: files,
			want: at("exhibits[0].file", "NC/1", "/etc/passwd", "absolute"),
		},
		{
			name: "climbs out after a folder", edit: file("a/../../x"), files: files,
			want: at("exhibits[0].file", "NC/1", "a/../../x", "outside"),
		},
		{
			name: "drive letter", edit: file(`C:\x`), files: files,
			want: at("exhibits[0].file", "NC/1", "absolute"),
		},
		{
			name: "without files a missing file is not judged", edit: file("exhibits/missing.png"),
		},
		{
			name: "without files a text file is not judged", edit: file("exhibits/notes.png"),
		},
		{
			name: "without files dot-dot still fires", edit: file("../../etc/passwd"),
			want: at("exhibits[0].file", "NC/1", "outside"),
		},
		{
			name: "without files an absolute path still fires", edit: file("/etc/passwd"),
			want: at("exhibits[0].file", "NC/1", "absolute"),
		},
		{
			name: "without files a folder then dot-dot still fires", edit: file("a/../../x"),
			want: at("exhibits[0].file", "NC/1", "outside"),
		},
		{
			name: "without files a drive letter still fires", edit: file(`C:\x`),
			want: at("exhibits[0].file", "NC/1", "absolute"),
		},
		{
			name: "every bad exhibit is reported at its own path",
			edit: func(c *Case) {
				c.Exhibits[0].File = "exhibits/photo.png"
				c.Exhibits = append(c.Exhibits,
					Exhibit{Ref: "NC/2", Description: "Card", ProducedBy: "O1", File: "exhibits/notes.png"},
					Exhibit{Ref: "NC/3", Description: "Letter", ProducedBy: "O1", File: "exhibits/letter.pdf"},
					Exhibit{Ref: "NC/4", Description: "Log", ProducedBy: "O1", File: "/etc/passwd"},
				)
			},
			files: files,
			want: []wantFinding{
				{path: "exhibits[1].file", mentions: []string{"NC/2"}},
				{path: "exhibits[3].file", mentions: []string{"NC/4"}},
			},
		},
	})
}

func TestCaseStatementTextReportsWrittenStatementsWithoutText(t *testing.T) {
	runRuleTests(t, ruleSpec{id: "CASE-STATEMENT-TEXT", sev: Error}, []ruleTest{
		{name: "statement with text"},
		{
			name: "no text",
			edit: func(c *Case) { c.Statements[0].Text = "" },
			want: at("statements[0].text", "ST1", "Ffion Hale", "video_recorded"),
		},
		{
			name: "only white space",
			edit: func(c *Case) { c.Statements[0].Text = " \n\n\t" },
			want: at("statements[0].text", "ST1"),
		},
		{
			name: "video recorded interview without text",
			edit: func(c *Case) {
				c.Statements[0].Text = ""
				c.Statements[0].VideoRecorded = true
			},
		},
	})
}

func TestCaseUnusedReasonReportsSensitiveItemsWithoutReason(t *testing.T) {
	items := func(u ...UnusedItem) func(c *Case) {
		return func(c *Case) { c.UnusedMaterial = u }
	}
	runRuleTests(t, ruleSpec{id: "CASE-UNUSED-REASON", sev: Error}, []ruleTest{
		{
			name: "non-sensitive item needs no reason",
			edit: items(UnusedItem{ID: "U1", Description: "Call log"}),
		},
		{
			name: "sensitive item with a reason",
			edit: items(UnusedItem{ID: "U1", Description: "Intelligence report", Sensitive: true, Reason: "Would reveal a source"}),
		},
		{
			name: "sensitive item without a reason",
			edit: items(
				UnusedItem{ID: "U1", Description: "Call log"},
				UnusedItem{ID: "U2", Description: "Intelligence report", Sensitive: true},
			),
			want: at("unused_material[1].reason", "U2", "sensitive"),
		},
		{
			name: "sensitive item with a blank reason",
			edit: items(UnusedItem{ID: "U1", Description: "Intelligence report", Sensitive: true, Reason: "  "}),
			want: at("unused_material[0].reason", "U1"),
		},
	})
}

func TestCaseEmptyListReportsIncidentsAndChargesThatRestOnNothing(t *testing.T) {
	spec := ruleSpec{id: "CASE-EMPTY-LIST", sev: Error, cites: []string{"PHA 1997 s.7(3)"}}
	runRuleTests(t, spec, []ruleTest{
		{name: "every incident has a victim and the charge has a course"},
		{
			name: "incident with an empty victims list",
			edit: func(c *Case) { c.Incidents[1].Victims = []string{} },
			want: at("incidents[1].victims", "I2", "no victim"),
		},
		{
			name: "charge with an empty victims list",
			edit: func(c *Case) { c.Charges[0].Victims = nil },
			want: at("charges[0].victims", "C1", "no victim"),
		},
		{
			name: "non-course charge with no incident in its dates",
			edit: edits(offence(ControllingCoercive), chargeSpan("2025-01-01", "")),
			want: at("charges[0]", "C1", "no incident", "from 1 January 2025"),
		},
		{
			name: "non-course charge with one incident is not this rule's concern",
			edit: edits(offence(MaliciousComms), chargeSpan("2024-12-01", "")),
		},
		{
			name: "course-of-conduct charge with no incident is left to COC-SINGLE-VICTIM",
			edit: chargeSpan("2025-01-01", ""),
		},
	})
}
