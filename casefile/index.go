package casefile

import "slices"

// Index looks up the objects of one case by id. Build it with NewIndex after
// the case is complete; it does not see later changes to the case.
type Index struct {
	c          *Case
	people     map[string]*Person
	incidents  map[string]*Incident
	statements map[string]*Statement
	exhibits   map[string]*Exhibit
	suspects   []*Person
}

// NewIndex indexes c. Where two objects share an id the first wins (the
// CASE-DUP-ID rule reports the clash).
func NewIndex(c *Case) *Index {
	x := &Index{
		c:          c,
		people:     make(map[string]*Person, len(c.People)),
		incidents:  make(map[string]*Incident, len(c.Incidents)),
		statements: make(map[string]*Statement, len(c.Statements)),
		exhibits:   make(map[string]*Exhibit, len(c.Exhibits)),
	}
	for i := range c.People {
		p := &c.People[i]
		if _, ok := x.people[p.ID]; !ok {
			x.people[p.ID] = p
		}
		if p.Role == RoleSuspect {
			x.suspects = append(x.suspects, p)
		}
	}
	for i := range c.Incidents {
		if _, ok := x.incidents[c.Incidents[i].ID]; !ok {
			x.incidents[c.Incidents[i].ID] = &c.Incidents[i]
		}
	}
	for i := range c.Statements {
		if _, ok := x.statements[c.Statements[i].ID]; !ok {
			x.statements[c.Statements[i].ID] = &c.Statements[i]
		}
	}
	for i := range c.Exhibits {
		if _, ok := x.exhibits[c.Exhibits[i].Ref]; !ok {
			x.exhibits[c.Exhibits[i].Ref] = &c.Exhibits[i]
		}
	}
	return x
}

// Case returns the indexed case.
func (x *Index) Case() *Case { return x.c }

// Person returns the person with the given id, or nil.
func (x *Index) Person(id string) *Person { return x.people[id] }

// Incident returns the incident with the given id, or nil.
func (x *Index) Incident(id string) *Incident { return x.incidents[id] }

// Statement returns the statement with the given id, or nil.
func (x *Index) Statement(id string) *Statement { return x.statements[id] }

// Exhibit returns the exhibit with the given ref, or nil.
func (x *Index) Exhibit(ref string) *Exhibit { return x.exhibits[ref] }

// Suspects returns the people whose role is suspect, in case order.
func (x *Index) Suspects() []*Person { return x.suspects }

// SuspectOf returns the id of the person whose conduct the incident is: its
// own suspect, else the case's only suspect, else "" (undetermined).
func (x *Index) SuspectOf(in *Incident) string {
	if in.Suspect != "" {
		return in.Suspect
	}
	if len(x.suspects) == 1 {
		return x.suspects[0].ID
	}
	return ""
}

// Chronology returns the incidents in date and time order (ties keep case
// order), the order every document prints them in.
func (x *Index) Chronology() []*Incident {
	out := make([]*Incident, len(x.c.Incidents))
	for i := range x.c.Incidents {
		out[i] = &x.c.Incidents[i]
	}
	slices.SortStableFunc(out, CompareIncidents)
	return out
}

func CompareIncidents(a, b *Incident) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	switch {
	case a.Time.Set && b.Time.Set:
		return (a.Time.Hour*60 + a.Time.Minute) - (b.Time.Hour*60 + b.Time.Minute)
	case a.Time.Set:
		return 1 // an untimed occasion sorts first on its day
	case b.Time.Set:
		return -1
	}
	return 0
}

// Course returns the course of conduct a charge relies on for one victim, in
// date order: the incidents by the charge's suspect directed at the victim
// and dated within the charge's from–to range (both optional, inclusive),
// as rules.md defines it.
//
// The v1 format has no suspect on a charge: the charge's suspect is the
// case's only suspect. Where a case has several, incidents by any of them
// count, so such cases should be split under URN suffixes.
func (x *Index) Course(ch *Charge, victim string) []*Incident {
	var course []*Incident
	for _, in := range x.Chronology() {
		if !slices.Contains(in.Victims, victim) {
			continue
		}
		if !ch.From.IsZero() && in.Date.Before(ch.From) {
			continue
		}
		if !ch.To.IsZero() && in.Date.After(ch.To) {
			continue
		}
		if len(x.suspects) == 1 && x.SuspectOf(in) != x.suspects[0].ID {
			continue
		}
		course = append(course, in)
	}
	return course
}

// Relationship returns the relationship recorded between two people, or nil.
func (x *Index) Relationship(a, b string) *Relationship {
	for i := range x.c.Relationships {
		r := &x.c.Relationships[i]
		if len(r.Between) == 2 && (r.Between[0] == a && r.Between[1] == b || r.Between[0] == b && r.Between[1] == a) {
			return r
		}
	}
	return nil
}

// ImpactOn returns the recorded impacts on a victim.
func (x *Index) ImpactOn(victim string) []*Impact {
	var out []*Impact
	for i := range x.c.Impact {
		if x.c.Impact[i].Victim == victim {
			out = append(out, &x.c.Impact[i])
		}
	}
	return out
}

// SPOActs returns the acts an SPO application relies on, in chronology
// order: the incidents its acts list names, or by default every incident
// whose suspect is the respondent.
func (x *Index) SPOActs(s *SPO) []*Incident {
	var acts []*Incident
	for _, in := range x.Chronology() {
		if len(s.Acts) > 0 && slices.Contains(s.Acts, in.ID) ||
			len(s.Acts) == 0 && x.SuspectOf(in) == s.Respondent {
			acts = append(acts, in)
		}
	}
	return acts
}

// Witness is someone the MG9 lists, with the statements they made.
type Witness struct {
	*Person
	// Victim is true for a person whose role is victim or whom an incident
	// names as a victim.
	Victim     bool
	Statements []*Statement
}

// Witnesses returns, in case order, the people the MG9 lists: victims,
// witnesses and anyone else (such as an officer) who made a statement, but
// never a suspect. With namedVictims set it adds anyone the chronology
// names as a victim, as the MG5's parties do.
func (x *Index) Witnesses(namedVictims bool) []Witness {
	named := map[string]bool{}
	for _, in := range x.c.Incidents {
		for _, v := range in.Victims {
			named[v] = true
		}
	}
	var out []Witness
	for i := range x.c.People {
		p := &x.c.People[i]
		if p.Role == RoleSuspect {
			continue
		}
		w := Witness{Person: p, Victim: p.Role == RoleVictim || named[p.ID]}
		for j := range x.c.Statements {
			if x.c.Statements[j].Person == p.ID {
				w.Statements = append(w.Statements, &x.c.Statements[j])
			}
		}
		if p.Role == RoleVictim || p.Role == RoleWitness || len(w.Statements) > 0 || namedVictims && w.Victim {
			out = append(out, w)
		}
	}
	return out
}
