package casefile

import "slices"

// EligibilityKind is why a witness is eligible for special measures.
type EligibilityKind string

// Grounds of eligibility for special measures (Youth Justice and Criminal
// Evidence Act 1999).
const (
	// EligibleUnder18 is a witness under 18 at the time of the hearing
	// (s.16(1)(a)); spokit judges the age on the case's date, or on the
	// date of the hearing when one is set.
	EligibleUnder18 EligibilityKind = "under-18"
	// EligibleVulnerable is a witness the officer records as eligible
	// under s.16(1)(b) (mental disorder, impaired intelligence or
	// physical disability).
	EligibleVulnerable EligibilityKind = "vulnerable"
	// EligibleDomesticAbuse is a complainant where the behaviour alleged
	// amounted to domestic abuse (s.17(4) and (4A)(c), inserted by the
	// Domestic Abuse Act 2021 s.62): eligible as intimidated unless they
	// tell the court they do not want to be.
	EligibleDomesticAbuse EligibilityKind = "domestic-abuse"
	// EligibleIntimidated is a witness the officer records as eligible
	// because of fear or distress about testifying (s.17(1)).
	EligibleIntimidated EligibilityKind = "intimidated"
)

// Eligibility is one ground on which a witness is eligible for special
// measures, with the section it rests on and the facts that meet it.
type Eligibility struct {
	Kind     EligibilityKind
	Citation string
	// Age is the witness's age on the date judged (EligibleUnder18).
	Age int
	// Relationship is how the complainant is connected to the suspect
	// (EligibleDomesticAbuse), e.g. "ex-partner".
	Relationship RelationshipType
}

// domesticRelationships are the relationships that make two people
// "personally connected" (Domestic Abuse Act 2021 s.2): partners,
// ex-partners and relatives. spokit cannot tell from a relationship type
// whether both were 16 or over (s.1(2)); the under-18 ground covers a
// younger complainant anyway.
var domesticRelationships = []RelationshipType{Partner, ExPartner, Family}

// SpecialMeasures returns the grounds on which p is eligible for special
// measures on date on: computed from the date of birth (or a statement
// giving an age under 18) and from the complainant's relationship with a
// suspect, plus the flags the officer records. A suspect is never
// eligible (s.16(1), s.17(1) exclude the accused).
func (x *Index) SpecialMeasures(p *Person, on Date) []Eligibility {
	if p == nil || p.Role == RoleSuspect {
		return nil
	}
	var out []Eligibility
	if age, ok := x.ageOn(p, on); ok && age < 18 {
		out = append(out, Eligibility{Kind: EligibleUnder18, Citation: "YJCEA 1999 s.16(1)(a)", Age: age})
	}
	if p.Vulnerable {
		out = append(out, Eligibility{Kind: EligibleVulnerable, Citation: "YJCEA 1999 s.16(1)(b)"})
	}
	if rel, ok := x.domesticComplainant(p.ID); ok {
		out = append(out, Eligibility{Kind: EligibleDomesticAbuse, Citation: "YJCEA 1999 s.17(4), (4A)(c)", Relationship: rel})
	}
	if p.Intimidated {
		out = append(out, Eligibility{Kind: EligibleIntimidated, Citation: "YJCEA 1999 s.17(1)"})
	}
	return out
}

// ageOn returns p's age in whole years on date on, from the date of birth,
// else from a statement of theirs that gives an age under 18 (ageing it
// from the statement's date is guesswork, so the stated age is used).
func (x *Index) ageOn(p *Person, on Date) (int, bool) {
	if dob := p.DateOfBirth; !dob.IsZero() && !on.Before(dob) {
		age := on.Year() - dob.Year()
		if on.Month() < dob.Month() || (on.Month() == dob.Month() && on.Day() < dob.Day()) {
			age--
		}
		return age, true
	}
	for i := range x.c.Statements {
		s := &x.c.Statements[i]
		if s.Person == p.ID && !s.IsOver18() && s.Age > 0 {
			return s.Age, true
		}
	}
	return 0, false
}

// domesticComplainant reports whether the person is named as a victim of an
// occasion by a suspect personally connected to them, and how.
func (x *Index) domesticComplainant(id string) (RelationshipType, bool) {
	for _, in := range x.Chronology() {
		if !slices.Contains(in.Victims, id) {
			continue
		}
		if r := x.Relationship(x.SuspectOf(in), id); r != nil {
			if slices.Contains(domesticRelationships, r.Type) {
				return r.Type, true
			}
		}
	}
	return "", false
}
