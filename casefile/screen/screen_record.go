package screen

import (
	"slices"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/law"
)

// Recording is what the crime records should carry so that stalking (or
// harassment) is not lost under another crime. Since mid-May 2023 the Home
// Office Counting Rules record only the principal crime when a victim
// reports several crimes by the same offender at once; the other offences
// are logged inside that record, as included classifications, and the
// police super-complaint "The police response to stalking" (2024) asks
// forces to make them searchable.
type Recording struct {
	// State is present when a crime reference should carry an included
	// classification, unknown when stalking or harassment fits a victim whose
	// occasions have no crime reference, and absent when neither fits.
	State   IndicatorState `json:"state"`
	Records []CrimeRecord  `json:"records"`
	Reasons []Reason       `json:"reasons"`
}

// CrimeRecord is one crime reference in the case and the classifications it
// should include.
type CrimeRecord struct {
	Reference string `json:"reference"`
	// Incidents are the occasions recorded under the reference.
	Incidents []string         `json:"incidents"`
	Include   []Classification `json:"include,omitempty"`
}

// Classification is a Home Office Counting Rules classification a crime
// record should include.
type Classification struct {
	// Kind is "stalking", "harassment" or "aggravated-harassment" (racially
	// or religiously aggravated).
	Kind string `json:"kind"`
	// Code is the classification code, e.g. "8Q", and Status how well it has
	// been checked ("verified", "secondary" or "UNVERIFIED").
	Code   string `json:"code"`
	Status string `json:"status"`
	// Victims are the ids of the victims of the record's occasions for whom
	// the triage says the offence fits.
	Victims []string `json:"victims"`
}

// hocrClass is one classification the screening can name.
type hocrClass struct {
	kind, code string
	status     law.Status
}

// The classification codes, as the VAWG data portal's notes give them
// (stalking has been its own class, 8Q, since April 2014).
var (
	classStalking   = hocrClass{"stalking", "8Q", law.Verified}
	classHarassment = hocrClass{"harassment", "8L", law.Verified}
	classAggravated = hocrClass{"aggravated-harassment", "8M", law.Verified}
)

// recording lists, for each crime reference, the classification to include:
// stalking where a stalking offence fits one of its victims, else
// harassment where a harassment offence does (racially or religiously
// aggravated where the case charges harassment so).
func (s *screener) recording(triage []TriageLine) Recording {
	fits := map[string]hocrClass{}
	for _, v := range s.victims {
		switch {
		case lineFits(triage, v, casefile.Stalking, casefile.StalkingFear):
			fits[v] = classStalking
		case lineFits(triage, v, casefile.Harassment, casefile.FearOfViolence) && s.aggravatedHarassment():
			fits[v] = classAggravated
		case lineFits(triage, v, casefile.Harassment, casefile.FearOfViolence):
			fits[v] = classHarassment
		}
	}
	rec := Recording{State: IndicatorAbsent, Records: []CrimeRecord{}}
	covered := map[string]bool{}
	for _, ref := range s.references() {
		under := casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool { return in.CrimeReference == ref })
		cr := CrimeRecord{Reference: ref, Incidents: casefile.IncidentIDs(under)}
		for _, class := range []hocrClass{classStalking, classAggravated, classHarassment} {
			var victims []string
			for _, v := range s.victims {
				if fits[v] == class && slices.ContainsFunc(under, func(in *casefile.Incident) bool { return slices.Contains(in.Victims, v) }) {
					victims = append(victims, v)
					covered[v] = true
				}
			}
			if len(victims) == 0 {
				continue
			}
			cr.Include = append(cr.Include, Classification{Kind: class.kind, Code: class.code, Status: class.status.String(), Victims: victims})
			inc := &Inclusion{Reference: ref, Class: class.code, Status: class.status.String()}
			for _, v := range victims {
				inc.Names = append(inc.Names, s.name(v))
			}
			r := Reason{Code: "recording.include-" + class.kind, Incidents: casefile.IncidentIDs(under), Inclusion: inc}
			rec.Reasons = append(rec.Reasons, r)
			rec.State = IndicatorPresent
		}
		rec.Records = append(rec.Records, cr)
	}
	var unrecorded []string
	var unrecordedActs []*casefile.Incident
	for _, v := range s.victims {
		if _, ok := fits[v]; ok && !covered[v] {
			unrecorded = append(unrecorded, s.name(v))
			unrecordedActs = append(unrecordedActs, s.courses[v]...)
		}
	}
	if len(unrecorded) > 0 {
		r := Reason{Code: "recording.no-reference", Incidents: casefile.IncidentIDs(s.inChronology(unrecordedActs))}.count(len(unrecorded), unrecorded...)
		rec.Reasons = append(rec.Reasons, r)
		if rec.State != IndicatorPresent {
			rec.State = IndicatorUnknown
		}
	}
	if len(rec.Reasons) == 0 {
		rec.Reasons = []Reason{{Code: "recording.not-indicated"}}
	}
	return rec
}

// lineFits reports whether the triage says one of the offences fits victim v.
func lineFits(triage []TriageLine, v string, offences ...casefile.OffenceCode) bool {
	return slices.ContainsFunc(triage, func(l TriageLine) bool {
		return l.Victim == v && l.State == TriageFits && slices.Contains(offences, l.Offence)
	})
}

// aggravatedHarassment reports whether the case charges harassment (s.2 or
// s.4) as racially or religiously aggravated.
func (s *screener) aggravatedHarassment() bool {
	return slices.ContainsFunc(s.c.Charges, func(ch casefile.Charge) bool {
		return ch.Aggravated != casefile.NotAggravated && (ch.Offence == casefile.Harassment || ch.Offence == casefile.FearOfViolence)
	})
}

// references returns the crime references of the case in order of first
// use in the chronology.
func (s *screener) references() []string {
	var out []string
	for _, in := range s.chron {
		if in.CrimeReference != "" && !slices.Contains(out, in.CrimeReference) {
			out = append(out, in.CrimeReference)
		}
	}
	return out
}

// inChronology returns the distinct incidents of list in date order.
func (s *screener) inChronology(list []*casefile.Incident) []*casefile.Incident {
	return casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool { return slices.Contains(list, in) })
}

// spoCheck says whether a Stalking Protection Order has been applied for or
// considered, and whether the case shows stalking as the
// SPO-NOT-CONSIDERED rule reads it.
func (s *screener) spoCheck() SPOCheck {
	acts := casefile.FilterIncidents(s.chron, (*casefile.Incident).HasStalkingBehaviour)
	chk := SPOCheck{StalkingShown: s.c.ShowsStalking()}
	if o := s.c.SPO; o != nil {
		chk.State = SPOApplied
		relied := s.x.SPOActs(o)
		app := &Application{Court: o.Court, Protected: []string{}, Occasions: len(relied)}
		for _, p := range o.Protected {
			app.Protected = append(app.Protected, s.name(p))
		}
		chk.Reasons = append(chk.Reasons, Reason{Code: "spo.applied", Incidents: casefile.IncidentIDs(relied), Application: app})
	}
	if k := s.c.SPOConsideration; k != nil {
		if chk.State != SPOApplied {
			chk.State = SPOConsidered
		}
		chk.Decision, chk.Date, chk.By = k.Decision, k.Date, k.By
		con := &Consideration{Decision: k.Decision, Date: k.Date, Why: k.Reason}
		if k.By != "" {
			con.By = s.name(k.By)
		}
		chk.Reasons = append(chk.Reasons, Reason{Code: "spo.considered", Incidents: casefile.IncidentIDs(acts), Consideration: con})
	}
	if chk.State == SPONotRecorded {
		code := "spo.not-indicated"
		if chk.StalkingShown {
			code = "spo.not-recorded"
		}
		chk.Reasons = []Reason{Reason{Code: code, Incidents: casefile.IncidentIDs(acts)}.count(len(acts))}
	}
	return chk
}
