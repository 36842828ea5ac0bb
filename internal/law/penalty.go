package law

import (
	"fmt"
	"time"
)

// GeneralLimitPeriod is one period of the magistrates' court "general limit":
// the most imprisonment a magistrates' court may impose on summary conviction
// for one either-way offence.
type GeneralLimitPeriod struct {
	// From is the first conviction date the limit applies to; zero for the
	// earliest period.
	From time.Time
	// Months is the limit.
	Months int
	// Citation names the provision or instrument that set the limit.
	Citation string
	// Status is how well the limit and its start date have been checked.
	Status Status
}

// generalLimitHistory is in date order. The conviction date, not the offence
// date, selects the period (Sentencing Act 2020 Sch. 23 para 14A(2)).
var generalLimitHistory = []GeneralLimitPeriod{
	{Months: 6, Citation: "Sentencing Act 2020 s.224", Status: Secondary},
	{From: GeneralLimitIntroduced.Date, Months: 12, Citation: "Sentencing Act 2020 s.224(1A)(b), inserted by Judicial Review and Courts Act 2022 s.13", Status: Secondary},
	{From: civil(2023, time.March, 30), Months: 6, Citation: "Sentencing Act 2020 s.224(1A)(b), as amended by S.I. 2023/298", Status: Secondary},
	{From: civil(2024, time.November, 18), Months: 12, Citation: "Sentencing Act 2020 s.224(1A)(b), as amended by S.I. 2024/1067", Status: Verified},
}

// GeneralLimitHistory returns every period of the general limit in date order.
func GeneralLimitHistory() []GeneralLimitPeriod {
	return append([]GeneralLimitPeriod(nil), generalLimitHistory...)
}

// GeneralLimit returns the general limit for a conviction on the given date.
// The conviction date governs because each change applies only to
// convictions on or after the day it came into force.
func GeneralLimit(convictionDate time.Time) GeneralLimitPeriod {
	p := generalLimitHistory[0]
	for _, h := range generalLimitHistory[1:] {
		if !convictionDate.Before(h.From) {
			p = h
		}
	}
	return p
}

// summaryOnlyLimitMonths is the summary maximum for summary-only offences; the
// general-limit changes never touched it.
const summaryOnlyLimitMonths = 6

// Maximum is the maximum sentence for an offence in one kind of court.
type Maximum struct {
	// Available is false when the offence cannot be tried that way (a
	// summary-only offence on indictment); Citation and Status then support
	// the mode of trial.
	Available bool
	// Months is the maximum term of imprisonment. A fine, or both, is always
	// available as well for the offences in this package.
	Months int
	// Citation names the provision that sets the maximum, and the general
	// limit period where one applied.
	Citation string
	// Status is the weakest status of the facts that decided the maximum,
	// including any date that chose between an old and a new maximum.
	Status Status
}

// String describes the maximum in words, e.g. "10 years' imprisonment, a fine,
// or both".
func (m Maximum) String() string {
	if !m.Available {
		return "not triable this way"
	}
	term := fmt.Sprintf("%d months'", m.Months)
	if m.Months >= 24 && m.Months%12 == 0 {
		term = fmt.Sprintf("%d years'", m.Months/12)
	}
	return term + " imprisonment, a fine, or both"
}

// Penalty is the maximum sentence for an offence on summary conviction and on
// indictment.
type Penalty struct {
	Summary    Maximum
	Indictment Maximum
}

// Status is the weakest status of the available maxima.
func (p Penalty) Status() Status {
	s := Verified
	for _, m := range []Maximum{p.Summary, p.Indictment} {
		if m.Available {
			s = weakest(s, m.Status)
		}
	}
	return s
}

// maxRule works out one maximum from the two dates that can govern it.
type maxRule func(offenceDate, convictionDate time.Time) Maximum

// penaltyRules pairs the rules for the two modes of trial.
type penaltyRules struct {
	summary, indictment maxRule
}

// notTriable is the rule for a mode of trial the offence does not have;
// the citation and status are those of its mode of trial.
func notTriable(citation string, status Status) maxRule {
	return func(time.Time, time.Time) Maximum {
		return Maximum{Citation: citation, Status: status}
	}
}

// fixedMax is a maximum that has not changed over the offence's life.
func fixedMax(months int, citation string, status Status) maxRule {
	return func(time.Time, time.Time) Maximum {
		return Maximum{Available: true, Months: months, Citation: citation, Status: status}
	}
}

// raisedByPCA2017 is an indictment maximum raised by PCA 2017 s.175 for
// offences committed on or after its commencement. For a course of conduct
// over two or more days the offence counts as committed on the last of them
// (s.175(4)), so callers pass the last day. The result is never more certain
// than the commencement date.
func raisedByPCA2017(before, after int, citation string, status Status) maxRule {
	return func(offenceDate, _ time.Time) Maximum {
		months := after
		if offenceDate.Before(PCA2017MaximaRaised.Date) {
			months = before
		}
		return Maximum{
			Available: true,
			Months:    months,
			Citation:  citation + "; " + PCA2017MaximaRaised.Citation,
			Status:    weakest(status, PCA2017MaximaRaised.Status),
		}
	}
}

// generalLimitMax is the summary maximum of an either-way offence whose
// statute sets it as "the general limit in a magistrates' court". applies is
// how well it is established that this offence's text reads that way.
// Offences committed before the general limit was introduced keep 6 months
// under the transitional readings; what those say exactly is unverified.
func generalLimitMax(citation string, applies Status) maxRule {
	return func(offenceDate, convictionDate time.Time) Maximum {
		if offenceDate.Before(GeneralLimitIntroduced.Date) {
			return Maximum{
				Available: true,
				Months:    summaryOnlyLimitMonths,
				Citation:  citation + " (transitional reading for offences before " + GeneralLimitIntroduced.Date.Format(time.DateOnly) + ")",
				Status:    Unverified,
			}
		}
		gl := GeneralLimit(convictionDate)
		return Maximum{
			Available: true,
			Months:    gl.Months,
			Citation:  citation + "; general limit: " + gl.Citation,
			Status:    weakest(applies, gl.Status),
		}
	}
}

// MaxPenalty returns the maximum sentences for the offence.
//
// Two dates govern different things:
//   - offenceDate decides which statutory maximum applies (e.g. the PCA 2017
//     s.175 increase for PHA s.4/s.4A, and the transitional summary maximum
//     for offences before the general limit). For a course of conduct over
//     several days, pass the last day (PCA 2017 s.175(4)).
//   - convictionDate decides the magistrates' general limit for either-way
//     offences. Before conviction, pass the date the sentence would be
//     assessed on (e.g. the case's as-of date).
//
// For a racially or religiously aggravated charge, call Aggravated first.
// An Offence not obtained from this package has no penalty data and yields a
// Penalty with neither maximum available.
func (o Offence) MaxPenalty(offenceDate, convictionDate time.Time) Penalty {
	if o.penalties == nil {
		return Penalty{}
	}
	return Penalty{
		Summary:    o.penalties.summary(offenceDate, convictionDate),
		Indictment: o.penalties.indictment(offenceDate, convictionDate),
	}
}
