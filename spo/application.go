package spo

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/casefile"
)

// ErrNoApplication is returned by NewApplication for a case with no spo
// block.
var ErrNoApplication = errors.New("the case has no spo block (no Stalking Protection Order application)")

// ErrUnresolved is wrapped by NewApplication's error for each id in the spo
// block that does not name a person or incident in the case.
var ErrUnresolved = errors.New("reference does not resolve")

// Application is a Stalking Protection Order application (SPA 2019 s.1) with
// every reference resolved: what the bundle, the draft order, the service
// copy and the notice are generated from. Build it with NewApplication.
//
// Text fields are copied from the case as written; an empty one is reported
// by the rules (Rules), not here, so a draft can still be printed.
type Application struct {
	// Case is the case the application was built from, for what documents
	// print beside the application (URN, marking, officer, statements,
	// exhibits).
	Case *casefile.Case

	// Court is the magistrates' court applied to.
	Court string
	// Applicant is the chief officer of police who applies (s.1(1)), e.g.
	// "Chief Constable of Cheshire Constabulary".
	Applicant string
	// Force is the applicant's force, e.g. "Cheshire Constabulary".
	Force string
	// PoliceArea is the force's police area, e.g. "Cheshire" (s.1(3)).
	PoliceArea string
	// AreaBasis is why this chief officer may apply (s.1(3)).
	AreaBasis casefile.AreaBasis

	// Respondent is the person the order is sought against (the Act's
	// "defendant").
	Respondent *casefile.Person
	// Protected are the people the order protects, in the case's order.
	// They need not be victims of the acts (s.1(1)(c)).
	Protected []*casefile.Person

	// Acts are the incidents relied on as acts associated with stalking, in
	// date and time order: those listed in spo.acts or, when none are, every
	// incident by the respondent. Acts before 20 January 2020 or outside the
	// UK count (s.1(5)).
	Acts []*casefile.Incident
	// Risk is why the respondent poses a risk associated with stalking.
	Risk string
	// RiskKinds are the kinds of harm risked: physical, psychological (s.1(4)).
	RiskKinds []casefile.RiskKind
	// Necessity is why an order is necessary to protect the protected people.
	Necessity string
	// Terms are the prohibitions and requirements sought (s.1(2)).
	Terms []casefile.Term
	// Duration is how long the order is sought for; the zero Period when
	// spo.duration cannot be read (SPO-DURATION reports it).
	Duration casefile.Period
	// HearingDate is the date the order is expected to be made, or zero.
	HearingDate casefile.Date
	// Interim is the interim order sought pending the hearing (s.5), or nil.
	Interim *InterimApplication
	// VictimViews are the protected people's views on the order and terms.
	VictimViews string
	// ServiceDate is the date the order was served, or zero.
	ServiceDate casefile.Date
	// ReplacesInterim is set when the order replaces an interim order
	// already served, so no new notification is due (s.9(1)).
	ReplacesInterim bool

	index *casefile.Index
}

// InterimApplication is an interim order sought while the main application
// is pending (SPA 2019 s.5).
type InterimApplication struct {
	// Reason is why an interim order is appropriate.
	Reason string
	// Terms are the interim prohibitions and requirements.
	Terms []casefile.Term
	// Period is the fixed period stated in the interim order; the zero
	// Period when spo.interim.period cannot be read (SPO-INTERIM reports it).
	Period casefile.Period
}

// NewApplication builds the application recorded in c's spo block. It fails
// only when c has no spo block (ErrNoApplication) or when an id in it (the
// respondent, a protected person, an act, a person a term protects, or a
// statement in spo.hearsay) is not in the case; the error then names every such id with its JSON path
// and wraps ErrUnresolved. Everything else the law needs is judged by the
// rules, so drafts of an incomplete application can still be printed.
func NewApplication(c *casefile.Case) (*Application, error) {
	if c == nil || c.SPO == nil {
		return nil, ErrNoApplication
	}
	s, x := c.SPO, casefile.NewIndex(c)
	var errs []error
	person := func(path, id string) *casefile.Person {
		p := x.Person(id)
		if p == nil {
			errs = append(errs, fmt.Errorf("%s: %q is not the id of anyone in people: %w", path, id, ErrUnresolved))
		}
		return p
	}

	a := &Application{
		Case:            c,
		Court:           s.Court,
		Applicant:       c.Force.ChiefOfficer,
		Force:           c.Force.Name,
		PoliceArea:      c.Force.PoliceArea,
		AreaBasis:       s.AreaBasis,
		Respondent:      person("spo.respondent", s.Respondent),
		Risk:            s.Risk,
		RiskKinds:       slices.Clone(s.RiskKind),
		Necessity:       s.Necessity,
		Terms:           slices.Clone(s.Terms),
		HearingDate:     s.HearingDate,
		VictimViews:     s.VictimViews,
		ServiceDate:     s.ServiceDate,
		ReplacesInterim: s.ReplacesInterim,
		index:           x,
	}
	a.Duration, _ = casefile.ParsePeriod(s.Duration) // an unreadable duration stays zero; SPO-DURATION reports it
	for i, id := range s.Protected {
		if p := person(fmt.Sprintf("spo.protected[%d]", i), id); p != nil {
			a.Protected = append(a.Protected, p)
		}
	}
	for i, id := range s.Acts {
		if x.Incident(id) == nil {
			errs = append(errs, fmt.Errorf("spo.acts[%d]: %q is not the id of any incident: %w", i, id, ErrUnresolved))
		}
	}
	a.Acts = x.SPOActs(s)
	checkTerms := func(base string, terms []casefile.Term) {
		for i, t := range terms {
			for j, id := range t.Protects {
				person(fmt.Sprintf("%s[%d].protects[%d]", base, i, j), id)
			}
		}
	}
	checkTerms("spo.terms", s.Terms)
	for i, h := range s.Hearsay {
		if x.Statement(h.Statement) == nil {
			errs = append(errs, fmt.Errorf("spo.hearsay[%d].statement: %q is not the id of any statement: %w", i, h.Statement, ErrUnresolved))
		}
	}
	if in := s.Interim; in != nil {
		a.Interim = &InterimApplication{Reason: in.Reason, Terms: slices.Clone(in.Terms)}
		a.Interim.Period, _ = casefile.ParsePeriod(in.Period) // stays zero when unreadable; SPO-INTERIM reports it
		checkTerms("spo.interim.terms", in.Terms)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("the SPO application cannot be built: %w", errors.Join(errs...))
	}
	return a, nil
}

// OrderEnds returns the last day of a fixed-period order made on the
// hearing date: the period begins with the day the order is made (SPA 2019
// s.3), so this is the day before hearing date + period (see
// Period.LastDay for a corresponding day that does not exist). It returns
// false for an order until further order, or when the hearing date or a
// readable duration is missing.
func (a *Application) OrderEnds() (casefile.Date, bool) {
	return a.Duration.LastDay(a.HearingDate)
}

// InterimEnds returns the last day of the interim order's fixed period if
// the order is made on the given day, and false when no interim order is
// sought, its period is unreadable or made is zero. The case format has no
// date for the interim hearing, so the caller supplies it. An interim order
// also ends earlier if the main application is determined first (s.5).
func (a *Application) InterimEnds(made casefile.Date) (casefile.Date, bool) {
	if a.Interim == nil {
		return casefile.Date{}, false
	}
	return a.Interim.Period.LastDay(made)
}

// NotificationDeadline returns the last day on which the respondent must
// notify the police of their names and home address: within 3 days
// beginning with the day of service, so the second day after the service
// date (SPA 2019 s.9(1)–(2)). It returns false when no service date is
// recorded, or when the order replaces an interim order already served
// (the respondent notified under that one).
func (a *Application) NotificationDeadline() (casefile.Date, bool) {
	return notificationDeadline(a.ServiceDate, a.ReplacesInterim)
}

// NotificationDays is the number of days, beginning with the day of service,
// within which the respondent must notify the police (SPA 2019 s.9(1)).
const NotificationDays = casefile.NotificationDays

func notificationDeadline(served casefile.Date, replacesInterim bool) (casefile.Date, bool) {
	if served.IsZero() || replacesInterim {
		return casefile.Date{}, false
	}
	return casefile.NotificationDeadline(served), true
}

// ConflictChecks returns what every term must be checked against so that,
// as far as practicable, it avoids conflict with the respondent's religious
// beliefs and with the times they normally work or attend education
// (SPA 2019 s.2(3), s.5(4)): the respondent's religious_observance and
// work_or_education entries, each labelled ("Religious observance: ...",
// "Work or education: ..."), in that order; nil when neither is recorded.
func (a *Application) ConflictChecks() []string {
	return conflictChecks(a.Respondent)
}

func conflictChecks(p *casefile.Person) []string {
	if p == nil {
		return nil
	}
	var out []string
	if s := strings.TrimSpace(p.ReligiousObservance); s != "" {
		out = append(out, "Religious observance: "+s)
	}
	if s := strings.TrimSpace(p.WorkOrEducation); s != "" {
		out = append(out, "Work or education: "+s)
	}
	return out
}

// TermProtects returns the people a term protects, in the term's order: its
// own protects list or, when that is empty, everyone the order protects.
func (a *Application) TermProtects(t casefile.Term) []*casefile.Person {
	if len(t.Protects) == 0 {
		return a.Protected
	}
	var out []*casefile.Person
	for _, id := range t.Protects {
		if p := a.index.Person(id); p != nil {
			out = append(out, p)
		}
	}
	return out
}
