package screen

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spokit/spokit/casefile"
)

// Trend is the direction of the frequency of the conduct over time. The
// zero value is TrendUnknown.
type Trend int

const (
	// TrendUnknown: too few occasions, or too short a period, to tell.
	TrendUnknown Trend = iota
	// TrendFalling: fewer occasions in the later half of the period.
	TrendFalling
	// TrendStable: about as many occasions in each half.
	TrendStable
	// TrendRising: more occasions in the later half of the period.
	TrendRising
)

var trendNames = []string{"unknown", "falling", "stable", "rising"}

// String returns "unknown", "falling", "stable" or "rising".
func (t Trend) String() string { return enumString(t, trendNames, "Trend") }

// MarshalText implements encoding.TextMarshaler.
func (t Trend) MarshalText() ([]byte, error) { return enumMarshal(t, trendNames, "trend") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Trend) UnmarshalText(b []byte) error { return enumUnmarshal(t, b, trendNames, "trend") }

// The frequency trend rule. The period from the first occasion to the last
// is cut in half at its midpoint, and the occasions in each half are
// counted (one on the midpoint day itself counts in neither). The trend is
// rising when the later half has at least twice as many occasions as the
// earlier half and at least trendMinShift more, falling in the mirror case,
// and stable otherwise; so regular intervals, and an occasion a day early,
// give stable. With fewer than trendMinActs occasions, or a period shorter
// than trendMinDays, it is unknown.
const (
	trendMinActs  = 6
	trendMinDays  = 28
	trendMinShift = 3
)

// Night time for attendance at the home: from nightFromHour:00 to
// nightToHour:00 (exclusive), i.e. 22:00 to 05:59.
const (
	nightFromHour = 22
	nightToHour   = 6
)

// Escalation is how the conduct has changed over time: its frequency and the
// signals that it is getting worse. An occasion counts once, on the day it
// began.
type Escalation struct {
	// Months counts the occasions in each calendar month from the first
	// occasion's month to the last one's, months with none included.
	Months []MonthCount `json:"months"`
	// Rolling has, for each occasion in date order, the occasions in the 30
	// days ending on its day.
	Rolling []WindowCount `json:"rolling_30_days"`
	// Peak is the 30-day window with the most occasions (the earliest on a
	// tie); absent when there are no occasions.
	Peak  WindowCount `json:"peak_30_days,omitzero"`
	Trend Trend       `json:"trend"`
	// Frequency are the reasons for the frequency statements: the counts per
	// month, the peak and the trend.
	Frequency []Reason `json:"frequency"`
	// Signals are, in order: online to physical presence, threats or
	// violence, night-time attendance at the home, third parties, breach
	// of a stalking protection order after service.
	Signals []Indicator `json:"signals"`
}

// MonthCount is the occasions in one calendar month.
type MonthCount struct {
	// Month is YYYY-MM.
	Month     string   `json:"month"`
	Count     int      `json:"count"`
	Incidents []string `json:"incidents"`
}

// Long returns the month in words, e.g. "August 2025".
func (m MonthCount) Long() string {
	t, err := time.Parse("2006-01", m.Month)
	if err != nil {
		return m.Month
	}
	return t.Format("January 2006")
}

// WindowCount is the occasions in a window of days, From to To inclusive.
type WindowCount struct {
	From      casefile.Date `json:"from"`
	To        casefile.Date `json:"to"`
	Count     int           `json:"count"`
	Incidents []string      `json:"incidents"`
}

// IsZero reports whether the window is unset (there were no occasions).
func (w WindowCount) IsZero() bool { return w.To.IsZero() }

func (s *screener) escalation() Escalation {
	e := Escalation{Months: []MonthCount{}, Rolling: []WindowCount{}}
	if len(s.chron) == 0 {
		e.Frequency = []Reason{{Code: "escalation.no-acts"}}
	} else {
		e.Months = monthCounts(s.chron)
		for i := range s.chron {
			w, _ := window(s.chron, i)
			e.Rolling = append(e.Rolling, w)
		}
		var members []*casefile.Incident
		e.Peak, members = peakWindow(s.chron)
		perMonth := Reason{Code: "escalation.per-month", Incidents: casefile.IncidentIDs(s.chron)}.count(len(e.Months))
		peak := Reason{Code: "escalation.peak", Incidents: casefile.IncidentIDs(members)}.span(members)
		var trend Reason
		e.Trend, trend = frequencyTrend(s.chron)
		e.Frequency = []Reason{perMonth, peak, trend}
	}
	e.Signals = []Indicator{s.onlineToPhysical(), s.threats(), s.nightAtHome(), s.thirdParties(), s.orderBreached()}
	return e
}

// monthCounts counts the occasions of a non-empty chronology per month.
func monthCounts(chron []*casefile.Incident) []MonthCount {
	var out []MonthCount
	first, last := chron[0].Date, chron[len(chron)-1].Date
	for m := casefile.NewDate(first.Year(), first.Month(), 1); !m.After(last); m = m.AddMonths(1) {
		in := casefile.FilterIncidents(chron, func(in *casefile.Incident) bool { return in.Date.Year() == m.Year() && in.Date.Month() == m.Month() })
		out = append(out, MonthCount{Month: m.Time().Format("2006-01"), Count: len(in), Incidents: casefile.IncidentIDs(in)})
	}
	return out
}

// frequencyTrend applies the trend rule to a chronology.
func frequencyTrend(chron []*casefile.Incident) (Trend, Reason) {
	r := Reason{Incidents: casefile.IncidentIDs(chron)}
	var from, to casefile.Date
	days := 0
	if len(chron) > 0 {
		from, to = chron[0].Date, chron[len(chron)-1].Date
		days = from.DaysUntil(to)
	}
	if len(chron) < trendMinActs || days < trendMinDays {
		r.Code = "escalation.trend-unknown"
		r.Span = &Span{Count: len(chron), From: from, To: to, Days: days}
		return TrendUnknown, r
	}
	h := &Halves{From: from, To: to}
	for _, in := range chron {
		switch half := 2 * from.DaysUntil(in.Date); {
		case half < days:
			h.Earlier++
		case half > days:
			h.Later++
		}
	}
	r.Halves = h
	switch {
	case h.Later >= 2*h.Earlier && h.Later-h.Earlier >= trendMinShift:
		r.Code = "escalation.rising"
		return TrendRising, r
	case h.Earlier >= 2*h.Later && h.Earlier-h.Later >= trendMinShift:
		r.Code = "escalation.falling"
		return TrendFalling, r
	}
	r.Code = "escalation.stable"
	return TrendStable, r
}

// onlineToPhysical: the conduct began online (the first occasion is
// online) and physical (offline) occasions followed. Conduct that began in
// person is no move from online to physical presence.
func (s *screener) onlineToPhysical() Indicator {
	online := casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool { return in.Online })
	absent := func(r Reason) Indicator {
		return Indicator{Kind: OnlineToPhysical, State: IndicatorAbsent, Reasons: []Reason{r}}
	}
	switch {
	case len(online) == 0:
		return absent(Reason{Code: "escalation.no-online"})
	case !s.chron[0].Online:
		return absent(Reason{Code: "escalation.began-in-person", Incidents: casefile.IncidentIDs(s.chron[:1]), Occasion: &Occasion{Date: s.chron[0].Date}})
	}
	first := slices.IndexFunc(s.chron, func(in *casefile.Incident) bool { return !in.Online })
	if first < 0 {
		return absent(Reason{Code: "escalation.online-only", Incidents: casefile.IncidentIDs(online)}.count(len(online)))
	}
	before := s.chron[:first]
	physical := casefile.FilterIncidents(s.chron[first:], func(in *casefile.Incident) bool { return !in.Online })
	r := Reason{Code: "escalation.online-to-physical", Incidents: casefile.IncidentIDs(append(slices.Clone(before), physical...)),
		Move: &Move{OnlineBefore: len(before), Physical: len(physical), FirstOnline: before[0].Date, FirstPhysical: physical[0].Date}}
	return Indicator{Kind: OnlineToPhysical, State: IndicatorPresent, Reasons: []Reason{r}}
}

// threats: occasions recorded as threats or violence.
func (s *screener) threats() Indicator {
	acts := casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool {
		return slices.Contains(in.Behaviours, casefile.Threats) || slices.Contains(in.Behaviours, casefile.Violence)
	})
	if len(acts) == 0 {
		return Indicator{Kind: ThreatsOrViolence, State: IndicatorAbsent, Reasons: []Reason{{Code: "escalation.no-threats", Incidents: casefile.IncidentIDs(s.chron)}}}
	}
	var kinds []string
	for _, b := range []casefile.Behaviour{casefile.Threats, casefile.Violence} {
		if len(withBehaviour(acts, b)) > 0 {
			kinds = append(kinds, string(b))
		}
	}
	r := Reason{Code: "escalation.threats", Incidents: casefile.IncidentIDs(acts)}.count(len(acts), kinds...)
	return Indicator{Kind: ThreatsOrViolence, State: IndicatorPresent, Reasons: []Reason{r}}
}

// nightAtHome: an offline occasion between 22:00 and 05:59 at a place that
// is one of its victims' recorded homes (see atHome). Offline occasions at
// a home with no time, at night with no place, or at night at a "home"
// when no victim's address is recorded, leave it unknown.
func (s *screener) nightAtHome() Indicator {
	var found []Reason
	var unclear []*casefile.Incident
	for _, in := range s.chron {
		if in.Online {
			continue
		}
		var addresses []string
		for _, v := range in.Victims {
			if p := s.x.Person(v); p != nil && strings.TrimSpace(p.Address) != "" {
				addresses = append(addresses, p.Address)
			}
		}
		home := atHome(in.Location, addresses)
		maybeHome := len(addresses) == 0 && mentionsHome(in.Location)
		night := in.Time.Set && (in.Time.Hour >= nightFromHour || in.Time.Hour < nightToHour)
		switch {
		case home && night:
			found = append(found, Reason{Code: "escalation.night-at-home", Incidents: []string{in.ID},
				Occasion: &Occasion{Date: in.Date, Time: in.Time, Place: in.Location}})
		case home && !in.Time.Set, night && strings.TrimSpace(in.Location) == "", maybeHome && (night || !in.Time.Set):
			unclear = append(unclear, in)
		}
	}
	switch {
	case len(found) > 0:
		return Indicator{Kind: NightAtHome, State: IndicatorPresent, Reasons: found}
	case len(unclear) > 0:
		return Indicator{Kind: NightAtHome, State: IndicatorUnknown,
			Reasons: []Reason{Reason{Code: "escalation.night-at-home-unclear", Incidents: casefile.IncidentIDs(unclear)}.count(len(unclear))}}
	}
	return Indicator{Kind: NightAtHome, State: IndicatorAbsent, Reasons: []Reason{{Code: "escalation.no-night-at-home", Incidents: casefile.IncidentIDs(casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool { return !in.Online }))}}}
}

// thirdParties: contact through other people (third-party-contact), or
// people who were not victims of the first occasion becoming victims later.
func (s *screener) thirdParties() Indicator {
	var reasons []Reason
	if third := withBehaviour(s.chron, casefile.ThirdPartyContact); len(third) > 0 {
		reasons = append(reasons, Reason{Code: "escalation.third-party-contact", Incidents: casefile.IncidentIDs(third)}.count(len(third)))
	}
	if len(s.chron) > 0 {
		for _, v := range s.victims {
			if slices.Contains(s.chron[0].Victims, v) {
				continue
			}
			course := s.courses[v]
			if len(course) == 0 {
				continue // conduct by another suspect only
			}
			r := s.person("escalation.new-victim", v, course[:1])
			r.Occasion = &Occasion{Date: course[0].Date}
			reasons = append(reasons, r)
		}
	}
	return indicator(ThirdParties, reasons, IndicatorAbsent, Reason{Code: "escalation.no-third-parties", Incidents: casefile.IncidentIDs(s.chron)})
}

// orderBreached: occasions recorded as breaching an order made, on or
// after the day it was served and while it was in force, one reason per
// order. A breach named of an order not recorded as served before it
// leaves the signal unknown: whether the order had reached the
// respondent is not shown.
func (s *screener) orderBreached() Indicator {
	var found []Reason
	var unclear []*casefile.Incident
	for i := range s.c.Orders {
		o := &s.c.Orders[i]
		var after []*casefile.Incident
		for _, in := range s.chron {
			if !slices.ContainsFunc(in.Breaches, func(b casefile.Breach) bool { return b.Order == o.ID }) {
				continue
			}
			if o.Service != nil && !in.LastDate().Before(o.Service.Date) && s.c.InForceOn(o, in.Date) {
				after = append(after, in)
			} else {
				unclear = append(unclear, in)
			}
		}
		if len(after) > 0 {
			found = append(found, Reason{Code: "escalation.order-breach", Incidents: casefile.IncidentIDs(after),
				Breach: &OrderBreach{Order: o.ID, Served: o.Service.Date, Count: len(after)}, Evidence: []string{fmt.Sprintf("orders[%d]", i)}})
		}
	}
	switch {
	case len(found) > 0:
		return Indicator{Kind: OrderBreached, State: IndicatorPresent, Reasons: found}
	case len(unclear) > 0:
		return Indicator{Kind: OrderBreached, State: IndicatorUnknown,
			Reasons: []Reason{Reason{Code: "escalation.order-breach-unserved", Incidents: casefile.IncidentIDs(unclear)}.count(len(unclear))}}
	}
	return Indicator{Kind: OrderBreached, State: IndicatorAbsent, Reasons: []Reason{Reason{Code: "escalation.no-order-breach"}.count(len(s.c.Orders))}}
}

// online lists the online stalking elements.
func (s *screener) online() []Indicator {
	online := casefile.FilterIncidents(s.chron, func(in *casefile.Incident) bool { return in.Online })
	none := func(kind IndicatorKind) Indicator {
		return Indicator{Kind: kind, State: IndicatorAbsent, Reasons: []Reason{{Code: "online.none"}}}
	}
	if len(online) == 0 {
		out := []Indicator{none(OnlineActs), none(Platforms)}
		out = append(out, s.tagged(OnlineMonitoring, casefile.Monitoring), s.tagged(OnlinePublishing, casefile.Publishing), s.fakeProfiles(false))
		return out
	}
	acts := Indicator{Kind: OnlineActs, State: IndicatorPresent, Reasons: []Reason{{
		Code: "online.acts", Incidents: casefile.IncidentIDs(online), Tally: &Tally{Count: len(online), Of: len(s.chron)}}}}
	return []Indicator{acts, platforms(online), s.tagged(OnlineMonitoring, casefile.Monitoring), s.tagged(OnlinePublishing, casefile.Publishing), s.fakeProfiles(true)}
}

// platforms groups the online occasions by their location (the platform),
// in order of first use; spelling and spacing of the first use are kept,
// case is ignored.
func platforms(online []*casefile.Incident) Indicator {
	var reasons []Reason
	var missing []*casefile.Incident
	keys := map[string]int{}
	for _, in := range online {
		loc := strings.Join(strings.Fields(in.Location), " ")
		if loc == "" {
			missing = append(missing, in)
			continue
		}
		k := strings.ToLower(loc)
		if i, ok := keys[k]; ok {
			reasons[i].Incidents = append(reasons[i].Incidents, in.ID)
			reasons[i].Tally.Count++
			continue
		}
		keys[k] = len(reasons)
		reasons = append(reasons, Reason{Code: "online.platform", Incidents: []string{in.ID}}.count(1, loc))
	}
	ind := Indicator{Kind: Platforms, State: IndicatorPresent, Reasons: reasons}
	if len(reasons) == 0 {
		ind.State = IndicatorUnknown
	}
	if len(missing) > 0 {
		ind.Reasons = append(ind.Reasons, Reason{Code: "online.platform-not-recorded", Incidents: casefile.IncidentIDs(missing)}.count(len(missing)))
	}
	return ind
}

// tagged is an online element shown by a behaviour tag: present with the
// occasions tagged, absent when none is.
func (s *screener) tagged(kind IndicatorKind, b casefile.Behaviour) Indicator {
	acts := withBehaviour(s.chron, b)
	if len(acts) == 0 {
		return Indicator{Kind: kind, State: IndicatorAbsent, Reasons: []Reason{Reason{Code: "online.not-tagged"}.count(0, string(b))}}
	}
	online := casefile.FilterIncidents(acts, func(in *casefile.Incident) bool { return in.Online })
	return Indicator{Kind: kind, State: IndicatorPresent, Reasons: []Reason{{
		Code: "online.tagged", Incidents: casefile.IncidentIDs(acts), Tally: &Tally{Count: len(acts), Online: len(online), Items: []string{string(b)}}}}}
}

// fakeProfiles looks for descriptions that speak of a fake profile or of
// pretending to be someone (fakeProfilePhrases). Finding none leaves it
// unknown where there is online conduct, absent where there is none.
func (s *screener) fakeProfiles(anyOnline bool) Indicator {
	var reasons []Reason
	for _, in := range s.chron {
		if p := findPhrase(in.Description, fakeProfilePhrases); p != "" {
			reasons = append(reasons, Reason{Code: "online.fake-profile", Incidents: []string{in.ID}, Occasion: &Occasion{Date: in.Date, Phrase: p}})
		}
	}
	switch {
	case len(reasons) > 0:
		return Indicator{Kind: FakeProfiles, State: IndicatorPresent, Reasons: reasons}
	case anyOnline:
		return Indicator{Kind: FakeProfiles, State: IndicatorUnknown, Reasons: []Reason{{Code: "online.fake-profile-not-shown"}}}
	}
	return Indicator{Kind: FakeProfiles, State: IndicatorAbsent, Reasons: []Reason{{Code: "online.none"}}}
}
