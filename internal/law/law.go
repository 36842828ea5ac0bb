// Package law holds the offences table and the dated legal facts that spokit's
// rules and forms rely on: modes of trial, time limits, maximum penalties and
// the dates they changed, key commencement dates and the PHA 1997 s.2A(3)
// examples of stalking behaviour.
//
// It knows nothing of cases. Dates are civil dates held as time.Time at UTC
// midnight. Every fact carries its citation and a verification Status, because
// a fact that has not been checked against a primary or secondary source must
// never drive a hard (error-level) rule.
//
// Not legal advice: every fact here should be checked against the current
// revised text on legislation.gov.uk before it is relied on.
package law

import "time"

// Status says how well a legal fact has been checked.
//
// The zero value is Unverified, so a fact nobody has classified is treated
// with the most caution.
type Status int

const (
	// Unverified facts are inferred or remembered, not confirmed by any source.
	// They may inform warnings and notes but never a hard rule.
	Unverified Status = iota
	// Secondary facts are confirmed only by a secondary source (commentary,
	// practitioner texts, police or CPS summaries).
	Secondary
	// Verified facts were read in the primary text (legislation, judgment,
	// official guidance).
	Verified
)

// String returns "verified", "secondary" or "UNVERIFIED" (in capitals, as the
// fact sheet marks it, so it stands out wherever it is printed).
func (s Status) String() string {
	switch s {
	case Verified:
		return "verified"
	case Secondary:
		return "secondary"
	default:
		return "UNVERIFIED"
	}
}

// HardRule reports whether a fact with this status may decide an
// error-level finding. Only unverified facts may not.
func (s Status) HardRule() bool { return s == Verified || s == Secondary }

// weakest returns the least certain of the statuses: a conclusion is only as
// reliable as the weakest fact it was drawn from.
func weakest(statuses ...Status) Status {
	w := Verified
	for _, s := range statuses {
		if s < w {
			w = s
		}
	}
	return w
}

// KeyDate is a dated legal event, such as a commencement, with its source.
type KeyDate struct {
	// Name says what happened on the date, in our own words.
	Name string
	// Date is the first day the change had effect (UTC midnight).
	Date time.Time
	// Citation names the provision or instrument.
	Citation string
	// Status is how well the date (not only the provision) has been checked.
	Status Status
}

// civil returns the civil date y-m-d at UTC midnight.
func civil(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var (
	// SPACommencement is the day the Stalking Protection Act 2019 order
	// provisions came into force. Acts before it still count towards an
	// application (SPA 2019 s.1(5), s.2(5)).
	SPACommencement = KeyDate{
		Name:     "Stalking Protection Act 2019 orders in force",
		Date:     civil(2020, time.January, 20),
		Citation: "S.I. 2020/26, reg. 2",
		Status:   Verified,
	}

	// CCBLivingTogetherRemoved is the day the "living together" requirement
	// for ex-partners and family members was removed from the controlling or
	// coercive behaviour offence. It covers behaviour on or after this day
	// only; the date itself is confirmed only by secondary sources.
	CCBLivingTogetherRemoved = KeyDate{
		Name:     "SCA 2015 s.76 living-together requirement removed",
		Date:     civil(2023, time.April, 5),
		Citation: "Domestic Abuse Act 2021 s.68",
		Status:   Secondary,
	}

	// PCA2017MaximaRaised is the commencement of Policing and Crime Act 2017
	// s.175, which raised the indictment maxima for PHA 1997 s.4 and s.4A
	// (5 to 10 years) and their aggravated forms (7 to 14 years) for offences
	// committed on or after it. The date is believed, not confirmed.
	PCA2017MaximaRaised = KeyDate{
		Name:     "PCA 2017 s.175 raises PHA s.4/s.4A maxima",
		Date:     civil(2017, time.April, 3),
		Citation: "Policing and Crime Act 2017 s.175(3)-(4)",
		Status:   Unverified,
	}

	// GeneralLimitIntroduced is the day the magistrates' "general limit" for
	// either-way offences took effect. Offences committed before it keep a
	// summary maximum of 6 months (SPA 2019 s.8(3) says so for breach of an
	// SPO; what the transitional text says exactly is unverified).
	GeneralLimitIntroduced = KeyDate{
		Name:     "magistrates' general limit for either-way offences introduced",
		Date:     civil(2022, time.May, 2),
		Citation: "Judicial Review and Courts Act 2022 s.13; SPA 2019 s.8(3)",
		Status:   Verified,
	}
)

// CourseGap is how far apart two consecutive occasions may be before the
// link between them must be evidenced for them to form one course of
// conduct. It is case law on facts (Lau v DPP: 4 months not enough; Pratt v
// DPP: about 3 months close to the line; R v Hills: 6 months with a
// reconciliation not enough), not a statutory limit, so it may only ever
// warn or leave a judgment open.
var CourseGap = struct {
	Months   int
	Citation string
	Status   Status
}{
	Months:   3,
	Citation: "Lau v DPP [2000] 1 FLR 799; Pratt v DPP [2001] EWHC Admin 483",
	Status:   Secondary,
}

// CCBChildExclusion is SCA 2015 s.76(3): no offence where the defendant has
// responsibility for a victim under 16 at the time of the behaviour.
var CCBChildExclusion = struct {
	Age      int
	Citation string
	Status   Status
}{Age: 16, Citation: "SCA 2015 s.76(3)", Status: Verified}

// KeyDates returns the key dates in date order.
func KeyDates() []KeyDate {
	return []KeyDate{PCA2017MaximaRaised, SPACommencement, GeneralLimitIntroduced, CCBLivingTogetherRemoved}
}

// AddMonths adds n calendar months to t (n may be negative). A day that does
// not exist in the target month becomes that month's last day, so 31 August
// plus 6 months is the last day of February. The clock time and location of
// t are kept.
//
// time.Time.AddDate would instead roll over into the next month (31 August
// plus 6 months would be 3 March), which is not how statutory months run.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	// Work from the first of the target month so AddDate cannot overflow.
	first := time.Date(y, m, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location()).AddDate(0, n, 0)
	if last := daysIn(first.Year(), first.Month()); d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
