package screen

import (
	"fmt"
	"maps"

	"github.com/spokit/spokit/casefile"
)

// Reason is one fact behind a statement of the screening, with the
// incidents and other records it rests on. Code names the wording unit
// "screen.reason.<code>" that puts it into words; the codes are stable.
//
// The facts a reason states depend on its kind: at most one of the kind
// fields (Span to Move) is set, the one its code's kind names (Kind), and a
// code of kind NoFacts sets none. This is a union in the manner of
// Kubernetes' VolumeSource: a Go reader switches on Kind or tests the
// field it expects; a JSON reader finds the facts under the key that names
// their kind.
type Reason struct {
	Code string `json:"code"`
	// Text is the reason in words; set only by Screening.Explained (what
	// "spokit screen --json" prints), empty in a bare Screening.
	Text string `json:"text,omitempty"`
	// Test is what the law (or the recognition aid) needs shown, and
	// Citation where it is from. A legal element and a course gap carry
	// them from the screening; Explained gives every other reason its
	// code's.
	Test     string `json:"test,omitempty"`
	Citation string `json:"citation,omitempty"`
	// Incidents are the ids of the incidents the reason rests on, in date
	// order.
	Incidents []string `json:"incidents"`
	// Evidence names the records other than incidents the reason rests on,
	// as JSON paths into the case: "relationships[0]", "impact[1]",
	// "warnings_and_orders[0]", "orders[0]".
	Evidence []string `json:"evidence,omitempty"`
	// Victim is the id of the person the reason is about, and Name their
	// name.
	Victim string `json:"victim,omitempty"`
	Name   string `json:"name,omitempty"`

	Span          *Span          `json:"span,omitempty"`
	Gap           *Gap           `json:"gap,omitempty"`
	Halves        *Halves        `json:"halves,omitempty"`
	After         *After         `json:"after,omitempty"`
	Tally         *Tally         `json:"tally,omitempty"`
	Occasion      *Occasion      `json:"occasion,omitempty"`
	Element       *Element       `json:"element,omitempty"`
	Inclusion     *Inclusion     `json:"inclusion,omitempty"`
	Consideration *Consideration `json:"consideration,omitempty"`
	Application   *Application   `json:"application,omitempty"`
	Breach        *OrderBreach   `json:"breach,omitempty"`
	Deadline      *Deadline      `json:"deadline,omitempty"`
	Move          *Move          `json:"move,omitempty"`
}

// Span is a number of occasions and the period they cover: from the first
// one's day to the last day of the last one, Days apart (0 for one day).
// With no occasions only Count (0) is set.
type Span struct {
	Count int           `json:"count"`
	From  casefile.Date `json:"from,omitzero"`
	To    casefile.Date `json:"to,omitzero"`
	Days  int           `json:"days"`
}

// Gap is the time between two consecutive occasions of a course: the last
// day of the earlier (From), the day of the later (To) and the days
// between.
type Gap struct {
	From casefile.Date `json:"from"`
	To   casefile.Date `json:"to"`
	Days int           `json:"days"`
}

// Halves is the frequency trend's count: the period from the first
// occasion to the last cut in half, and the occasions in each half (an
// occasion on the middle day counts in neither).
type Halves struct {
	From    casefile.Date `json:"from"`
	To      casefile.Date `json:"to"`
	Earlier int           `json:"earlier"`
	Later   int           `json:"later"`
}

// After is conduct that went on after an event: a warning or order that
// bound the suspect (Warning, with what it Says), a request to stop found
// in a description (Phrase), or an occasion recorded as a crime
// (Reference). Date is the event's day and Following the number of
// occasions after it.
type After struct {
	Date      casefile.Date        `json:"date"`
	Following int                  `json:"following"`
	Warning   casefile.WarningKind `json:"warning,omitempty"`
	Says      string               `json:"says,omitempty"`
	Phrase    string               `json:"phrase,omitempty"`
	Reference string               `json:"reference,omitempty"`
}

// Tally is a count and the things it names. Count is the number of
// occasions (of months for "escalation.per-month", of orders for
// "escalation.no-order-breach", of behaviours for "obsessive.variety", of
// offences for "triage.also-stalking");
// Of is the whole it is part of ("online.acts": of all occasions); Online
// is how many of them were online ("online.tagged"); Items names what was
// counted or found: behaviours, offences, platforms, victims' names.
type Tally struct {
	Count  int      `json:"count"`
	Of     int      `json:"of,omitempty"`
	Online int      `json:"online,omitempty"`
	Items  []string `json:"items,omitempty"`
}

// Occasion is one occasion: its day, time of day and place where the
// reason turns on them, or the phrase its description holds.
type Occasion struct {
	Date   casefile.Date  `json:"date"`
	Time   casefile.Clock `json:"time,omitzero"`
	Place  string         `json:"place,omitempty"`
	Phrase string         `json:"phrase,omitempty"`
}

// Element is a legal element of an offence as the validation rules judge
// it (casefile.Element): Shows is what the record shows, and Deadline the
// last day to charge for a time limit. The reason's Test and Citation are
// the element's.
type Element struct {
	Shows    string        `json:"shows,omitempty"`
	Deadline casefile.Date `json:"deadline,omitzero"`
}

// Inclusion is a classification a crime record should include: the crime
// Reference, the Home Office Counting Rules Class code and its Status
// ("verified", "secondary" or "UNVERIFIED"), and the names of the victims
// for whom the offence fits.
type Inclusion struct {
	Reference string   `json:"reference"`
	Class     string   `json:"class"`
	Status    string   `json:"status"`
	Names     []string `json:"names"`
}

// Consideration is a recorded decision about applying for a Stalking
// Protection Order: the decision (empty when none is recorded), its day,
// the name of who made it and why.
type Consideration struct {
	Decision casefile.Decision `json:"decision,omitempty"`
	Date     casefile.Date     `json:"date,omitzero"`
	By       string            `json:"by,omitempty"`
	Why      string            `json:"why,omitempty"`
}

// Application is a recorded application for a Stalking Protection Order:
// the court, the names of the people it would protect and the number of
// occasions it relies on.
type Application struct {
	Court     string   `json:"court"`
	Protected []string `json:"protected"`
	Occasions int      `json:"occasions"`
}

// OrderBreach is conduct recorded as breaching an order made after it was
// served: the order's id, the day it was served and the occasions.
type OrderBreach struct {
	Order  string        `json:"order"`
	Served casefile.Date `json:"served"`
	Count  int           `json:"count"`
}

// Deadline is a time limit that has passed: the last day to charge, and the
// titles of the offences with no time limit to consider instead.
type Deadline struct {
	LastDay      casefile.Date `json:"last_day"`
	Alternatives []string      `json:"alternatives"`
}

// Move is conduct that began online and moved to physical presence: the
// online occasions before the first physical one, the physical occasions
// from it on, and the days of the first of each.
type Move struct {
	OnlineBefore  int           `json:"online_before"`
	Physical      int           `json:"physical"`
	FirstOnline   casefile.Date `json:"first_online"`
	FirstPhysical casefile.Date `json:"first_physical"`
}

// ReasonKind names the kind of facts a reason carries: the JSON key they
// sit under.
type ReasonKind string

// The kinds of reason.
const (
	NoFacts            ReasonKind = ""
	SpanFacts          ReasonKind = "span"
	GapFacts           ReasonKind = "gap"
	HalvesFacts        ReasonKind = "halves"
	AfterFacts         ReasonKind = "after"
	TallyFacts         ReasonKind = "tally"
	OccasionFacts      ReasonKind = "occasion"
	ElementFacts       ReasonKind = "element"
	InclusionFacts     ReasonKind = "inclusion"
	ConsiderationFacts ReasonKind = "consideration"
	ApplicationFacts   ReasonKind = "application"
	BreachFacts        ReasonKind = "breach"
	DeadlineFacts      ReasonKind = "deadline"
	MoveFacts          ReasonKind = "move"
)

// Kind returns the kind of the facts r carries: the first kind field set,
// or NoFacts.
func (r Reason) Kind() ReasonKind {
	for _, f := range r.kinds() {
		if f.set {
			return f.kind
		}
	}
	return NoFacts
}

type kindField struct {
	kind ReasonKind
	set  bool
}

// kinds lists the kind fields of r in declaration order, and whether each
// is set.
func (r Reason) kinds() []kindField {
	return []kindField{
		{SpanFacts, r.Span != nil}, {GapFacts, r.Gap != nil}, {HalvesFacts, r.Halves != nil},
		{AfterFacts, r.After != nil}, {TallyFacts, r.Tally != nil}, {OccasionFacts, r.Occasion != nil},
		{ElementFacts, r.Element != nil}, {InclusionFacts, r.Inclusion != nil},
		{ConsiderationFacts, r.Consideration != nil}, {ApplicationFacts, r.Application != nil},
		{BreachFacts, r.Breach != nil}, {DeadlineFacts, r.Deadline != nil}, {MoveFacts, r.Move != nil},
	}
}

// Check reports whether r is well formed: its code is one the screening
// uses and it carries exactly the facts of that code's kind.
func (r Reason) Check() error {
	want, ok := reasonCodes[r.Code]
	if !ok {
		return fmt.Errorf("screen: unknown reason code %q", r.Code)
	}
	n := 0
	for _, f := range r.kinds() {
		if f.set {
			n++
		}
	}
	if got := r.Kind(); got != want || n > 1 {
		return fmt.Errorf("screen: reason %q carries %d kinds of facts, first %q; its kind is %q", r.Code, n, got, want)
	}
	return nil
}

// ReasonCodes returns every reason code the screening uses, with the kind
// of facts each carries.
func ReasonCodes() map[string]ReasonKind {
	return maps.Clone(reasonCodes)
}

// reasonCodes is every reason code and its kind. A new reason is one entry
// here and one wording unit, "screen.reason.<code>".
var reasonCodes = map[string]ReasonKind{
	"repeated.occasions":    SpanFacts,
	"repeated.once":         SpanFacts,
	"repeated.none":         NoFacts,
	"unwanted.order":        AfterFacts,
	"unwanted.request":      AfterFacts,
	"unwanted.report":       AfterFacts,
	"unwanted.not-shown":    NoFacts,
	"fixated.persistence":   SpanFacts,
	"fixated.intensity":     SpanFacts,
	"fixated.after-order":   AfterFacts,
	"fixated.after-request": AfterFacts,
	"fixated.after-report":  AfterFacts,
	"fixated.third-party":   TallyFacts,
	"fixated.not-shown":     NoFacts,
	"obsessive.frequency":   SpanFacts,
	"obsessive.variety":     TallyFacts,
	"obsessive.monitoring":  TallyFacts,
	"obsessive.not-shown":   NoFacts,

	"element.met":     ElementFacts,
	"element.open":    ElementFacts,
	"element.not-met": ElementFacts,

	"triage.single-occasion":         NoFacts,
	"triage.course-gap":              GapFacts,
	"triage.other-acts":              TallyFacts,
	"triage.harassment-and-stalking": TallyFacts,
	"triage.harassment-not-stalking": NoFacts,
	"triage.out-of-time":             DeadlineFacts,
	"triage.ccb-occasions":           SpanFacts,
	"triage.ccb-character":           NoFacts,
	"triage.also-stalking":           TallyFacts,
	"triage.messages-out-of-time":    TallyFacts,
	"triage.no-messages":             TallyFacts,
	"triage.messages":                SpanFacts,
	"triage.message-content":         NoFacts,
	"triage.messages-in-course":      NoFacts,

	"escalation.no-acts":               NoFacts,
	"escalation.per-month":             TallyFacts,
	"escalation.peak":                  SpanFacts,
	"escalation.trend-unknown":         SpanFacts,
	"escalation.rising":                HalvesFacts,
	"escalation.falling":               HalvesFacts,
	"escalation.stable":                HalvesFacts,
	"escalation.no-online":             NoFacts,
	"escalation.began-in-person":       OccasionFacts,
	"escalation.online-only":           TallyFacts,
	"escalation.online-to-physical":    MoveFacts,
	"escalation.threats":               TallyFacts,
	"escalation.no-threats":            NoFacts,
	"escalation.night-at-home":         OccasionFacts,
	"escalation.night-at-home-unclear": TallyFacts,
	"escalation.no-night-at-home":      NoFacts,
	"escalation.third-party-contact":   TallyFacts,
	"escalation.new-victim":            OccasionFacts,
	"escalation.no-third-parties":      NoFacts,
	"escalation.order-breach":          BreachFacts,
	"escalation.order-breach-unserved": TallyFacts,
	"escalation.no-order-breach":       TallyFacts,

	"online.none":                   NoFacts,
	"online.acts":                   TallyFacts,
	"online.platform":               TallyFacts,
	"online.platform-not-recorded":  TallyFacts,
	"online.not-tagged":             TallyFacts,
	"online.tagged":                 TallyFacts,
	"online.fake-profile":           OccasionFacts,
	"online.fake-profile-not-shown": NoFacts,

	"recording.include-stalking":              InclusionFacts,
	"recording.include-harassment":            InclusionFacts,
	"recording.include-aggravated-harassment": InclusionFacts,
	"recording.no-reference":                  TallyFacts,
	"recording.not-indicated":                 NoFacts,

	"spo.applied":       ApplicationFacts,
	"spo.considered":    ConsiderationFacts,
	"spo.not-recorded":  TallyFacts,
	"spo.not-indicated": TallyFacts,
}

// count returns a reason with a tally of n occasions.
func (r Reason) count(n int, items ...string) Reason {
	r.Tally = &Tally{Count: n, Items: items}
	return r
}
