package forms

import (
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// The charging file's sections of the MG3 and MG5 (charging.go holds the
// case fields). The MG3 prints every part; the MG5, which the defence
// receives, prints the interview, the record, bail and the restraining
// order sought with its terms, but not the officer's assessment, the
// supervisor's review or the victims' views.

// interviewRows words the suspect's interview for a form.
func (f *mgForm) interviewRows() [][]pdfdoc.Field {
	iv := f.c.Interview
	if iv == nil {
		return [][]pdfdoc.Field{{f.field("charging.interview", f.missing("charging.interview"))}}
	}
	return [][]pdfdoc.Field{
		{f.field("charging.interviewed-on", f.orNotRecorded(iv.Date.Long()))},
		{f.field("charging.account", f.orNotRecorded(f.text("charging.account-value", mgVars{"NoComment": iv.NoComment, "Summary": iv.Summary})))},
	}
}

// antecedentRows words the suspect's previous convictions and cautions.
func (f *mgForm) antecedentRows() [][]pdfdoc.Field {
	a := f.c.Antecedents
	if a == nil {
		return [][]pdfdoc.Field{{f.field("charging.antecedents", f.missing("charging.antecedents"))}}
	}
	list := func(items []string) string {
		if len(items) == 0 {
			return f.label("charging.none-recorded")
		}
		return strings.Join(items, "\n")
	}
	return [][]pdfdoc.Field{
		{f.field("charging.checked-on", f.orNotRecorded(a.Checked.Long()))},
		{f.field("charging.convictions", list(a.Convictions))},
		{f.field("charging.cautions", list(a.Cautions))},
	}
}

// bailRows words the suspect's bail or remand.
func (f *mgForm) bailRows() [][]pdfdoc.Field {
	b := f.c.Bail
	if b == nil {
		return [][]pdfdoc.Field{{f.field("charging.bail", f.missing("charging.bail"))}}
	}
	return [][]pdfdoc.Field{
		{f.field("charging.status", f.text("charging.status-value", mgVars{"Status": string(b.Status)}))},
		{f.field("charging.until", f.orNotRecorded(b.Until.Long()))},
		{f.field("charging.conditions", f.orNone(strings.Join(b.Conditions, "\n")))},
	}
}

// restrainingRows words the restraining order sought; views adds the
// victim's views on it (MG3 only).
func (f *mgForm) restrainingRows(views bool) [][]pdfdoc.Field {
	ro := f.c.RestrainingOrder
	if ro == nil {
		return [][]pdfdoc.Field{{f.field("charging.restraining", f.missing("charging.restraining"))}}
	}
	terms := make([]string, len(ro.Terms))
	for i, t := range ro.Terms {
		terms[i] = f.text("charging.term", mgVars{"N": i + 1, "Text": t})
	}
	rows := [][]pdfdoc.Field{
		{f.field("charging.on", f.text("charging.on-value", mgVars{"Conviction": ro.OnConviction, "Acquittal": ro.OnAcquittal}))},
		{f.field("charging.protects", f.orNotRecorded(strings.Join(f.names(ro.Protected), ", "))), f.field("charging.duration", f.orNotRecorded(ro.Duration))},
		{f.field("charging.terms", f.orNotRecorded(strings.Join(terms, "\n")))},
	}
	if views {
		rows = append(rows, []pdfdoc.Field{f.field("charging.ro-views", f.orNotRecorded(ro.VictimViews))})
	}
	return rows
}

// missing words a part of the charging file the case does not give.
func (f *mgForm) missing(unit string) string {
	return f.text("charging.missing", mgVars{"Part": f.label(unit)})
}

// subForm prints a level-2 heading and a form under it.
func (f *mgForm) subForm(unit string, rows [][]pdfdoc.Field) {
	f.heading(2, unit)
	f.doc.Form(pdfdoc.Form{Rows: rows})
}

// mg3Suspect is the MG3's section on the suspect's interview, record and bail.
func (f *mgForm) mg3Suspect() {
	f.heading(1, "charging.mg3-suspect")
	f.subForm("charging.interview", f.interviewRows())
	f.subForm("charging.antecedents", f.antecedentRows())
	f.subForm("charging.bail", f.bailRows())
}

// mg3Restraining is the MG3's section on the restraining order sought.
func (f *mgForm) mg3Restraining() {
	f.heading(1, "charging.mg3-restraining")
	f.doc.Form(pdfdoc.Form{Rows: f.restrainingRows(true)})
}

// mg3Assessment is the MG3's section with the officer's assessment against
// the Full Code Test and the supervisor's review.
func (f *mgForm) mg3Assessment() {
	f.heading(1, "charging.mg3-assessment")
	var rows [][]pdfdoc.Field
	if a := f.c.OfficerAssessment; a != nil {
		rows = append(rows,
			[]pdfdoc.Field{f.field("charging.assessed-by", f.orNotRecorded(f.byOn(a.By, a.Date)))},
			[]pdfdoc.Field{f.field("charging.evidential", f.orNotRecorded(a.Evidential))},
			[]pdfdoc.Field{f.field("charging.public-interest", f.orNotRecorded(a.PublicInterest))})
	} else {
		rows = append(rows, []pdfdoc.Field{f.field("charging.evidential", f.missing("charging.evidential")), f.field("charging.public-interest", f.missing("charging.public-interest"))})
	}
	if r := f.c.SupervisorReview; r != nil {
		rows = append(rows,
			[]pdfdoc.Field{f.field("charging.reviewed-by", f.orNotRecorded(f.byOn(r.By, r.Date)))},
			[]pdfdoc.Field{f.field("charging.review", f.orNotRecorded(r.Comments))})
	} else {
		rows = append(rows, []pdfdoc.Field{f.field("charging.review", f.missing("charging.review"))})
	}
	f.doc.Form(pdfdoc.Form{Rows: rows})
}

// byOn words who did something and when.
func (f *mgForm) byOn(by string, on casefile.Date) string {
	if by != "" {
		by = f.officer(by)
	}
	return f.text("charging.by-on", mgVars{"By": by, "Date": on.Long()})
}

// victimViews words a victim's views on the prosecution.
func (f *mgForm) victimViews(id string) string {
	for _, v := range f.c.VictimViews {
		if v.Victim == id {
			return f.text("charging.views-value", mgVars{"Views": v.Views, "Date": v.Date.Long()})
		}
	}
	return f.missing("charging.victim-views")
}

// mg5Charging is the MG5's section on the interview, the record, bail and
// the restraining order sought.
func (f *mgForm) mg5Charging() {
	f.heading(1, "charging.mg5-section")
	f.subForm("charging.interview", f.interviewRows())
	f.subForm("charging.antecedents", f.antecedentRows())
	f.subForm("charging.bail", f.bailRows())
	f.subForm("charging.restraining", f.restrainingRows(false))
}

// eligibility words the grounds on which the person is eligible for
// special measures on the form's date, one a line.
func (f *mgForm) eligibility(p *casefile.Person) string {
	grounds := f.x.SpecialMeasures(p, f.asOf)
	if len(grounds) == 0 {
		return f.label("charging.not-eligible")
	}
	out := make([]string, len(grounds))
	for i, g := range grounds {
		out[i] = f.text("charging.ground", mgVars{
			"Kind": string(g.Kind), "Citation": g.Citation, "Age": g.Age,
			"Relationship": strings.ReplaceAll(string(g.Relationship), "-", " "), "On": f.asOf.Long(),
		})
	}
	return strings.Join(out, "\n")
}

// witnessCareRows are the MG11 back page's witness care boxes.
func (f *mgForm) witnessCareRows(p *casefile.Person) [][]pdfdoc.Field {
	wc := p.WitnessCare
	if wc == nil {
		wc = &casefile.WitnessCare{}
	}
	flag := func(b *bool) string {
		if b == nil {
			return f.label("charging.not-asked")
		}
		return f.yesNo(*b)
	}
	avoid := formDates(p.DatesToAvoid)
	switch {
	case avoid != "":
	case wc.NoDatesToAvoid:
		avoid = f.label("charging.no-dates")
	default:
		avoid = f.label("charging.not-asked")
	}
	return [][]pdfdoc.Field{
		{f.field("charging.attend", flag(wc.WillingToAttend)), f.field("charging.contact", f.orNotRecorded(wc.PreferredContact))},
		{f.field("mg.dates-to-avoid", avoid)},
		{f.field("charging.vps-offered", flag(wc.VPSOffered)), f.field("charging.vps-taken", flag(wc.VPSTaken))},
		{f.field("charging.eligibility", f.eligibility(p))},
		{f.field("mg.special-measures", f.orNone(strings.Join(p.SpecialMeasures, "; ")))},
		{f.field("charging.measures-reason", f.orNotRecorded(wc.MeasuresReason))},
	}
}

// occasionBehaviours words an occasion's behaviours for the MG5
// chronology: each behaviour, with its s.2A(3) paragraph unless the case
// states the paragraphs, which are then listed as stated.
func (f *mgForm) occasionBehaviours(in *casefile.Incident) []string {
	var out []string
	for _, b := range in.Behaviours {
		if len(in.Limbs) > 0 {
			out = append(out, b.Words())
		} else {
			out = append(out, f.behaviourText(b))
		}
	}
	if len(in.Limbs) > 0 {
		var paras []string
		for _, lb := range in.StalkingLimbs() {
			paras = append(paras, lb.Paragraph)
		}
		out = append(out, f.text("charging.limbs", mgVars{"Paragraphs": paras}))
	}
	return out
}
