package casefile

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The baseline course: I1 2024-10-05, I2 2024-11-02, I3 2024-12-14, all
// against V1 (Ffion Hale) by S1 (Gareth Lund), with fear of violence on I1
// and I3, charged as C1 from 2024-10-05 to 2024-12-14.

// offence sets the baseline charge's offence.
func offence(o OffenceCode) func(c *Case) {
	return func(c *Case) { c.Charges[0].Offence = o }
}

// edits applies several edits in turn.
func edits(fns ...func(c *Case)) func(c *Case) {
	return func(c *Case) {
		for _, fn := range fns {
			fn(c)
		}
	}
}

// chargeSpan sets the baseline charge's from and to ("" leaves one open).
func chargeSpan(from, to string) func(c *Case) {
	return func(c *Case) {
		c.Charges[0].From, c.Charges[0].To = Date{}, Date{}
		if from != "" {
			c.Charges[0].From = ymd(from)
		}
		if to != "" {
			c.Charges[0].To = ymd(to)
		}
	}
}

// incidentDates sets the baseline incidents' dates, in case order.
func incidentDates(dates ...string) func(c *Case) {
	return func(c *Case) {
		for i, d := range dates {
			c.Incidents[i].Date = ymd(d)
		}
	}
}

// secondVictim adds V2 (Cerys Hale) and directs the given incidents at her
// instead of V1.
func secondVictim(incidents ...int) func(c *Case) {
	return func(c *Case) {
		addPerson(c, "V2", RoleVictim, "Cerys", "Hale")
		for _, i := range incidents {
			c.Incidents[i].Victims = []string{"V2"}
		}
	}
}

// noFear clears victim_feared_violence on every incident.
func noFear(c *Case) {
	for i := range c.Incidents {
		c.Incidents[i].VictimFearedViolence = false
	}
}

// fearOn marks fear of violence on exactly the given incidents.
func fearOn(incidents ...int) func(c *Case) {
	return func(c *Case) {
		noFear(c)
		for _, i := range incidents {
			c.Incidents[i].VictimFearedViolence = true
		}
	}
}

// behaviours sets every incident's behaviours.
func behaviours(b ...Behaviour) func(c *Case) {
	return func(c *Case) {
		for i := range c.Incidents {
			c.Incidents[i].Behaviours = b
		}
	}
}

func TestCourseOfConductNeedsTwoOccasionsAgainstEachVictim(t *testing.T) {
	spec := ruleSpec{id: "COC-SINGLE-VICTIM", sev: Error, cites: []string{"PHA 1997 s.7(3)(a)"}}
	tests := []ruleTest{
		{name: "three occasions in the course"},
		{name: "occasions exactly on from and exactly on to count", edit: chargeSpan("2024-10-05", "2024-11-02")},
		{name: "open charge dates take the whole chronology", edit: chargeSpan("", "")},
		{
			name: "one occasion between from and to",
			edit: chargeSpan("2024-10-06", "2024-12-13"),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1", "6 October 2024", "13 December 2024"),
		},
		{
			name: "occasion the day before from does not count",
			edit: chargeSpan("2024-11-03", "2024-12-14"),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1"),
		},
		{
			name: "occasion the day after to does not count",
			edit: chargeSpan("2024-10-05", "2024-11-01"),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1"),
		},
		{
			name: "occasions against another victim do not count",
			edit: secondVictim(1, 2),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1"),
		},
		{
			name: "only the victim short of occasions is reported",
			edit: edits(secondVictim(2), func(c *Case) { c.Charges[0].Victims = []string{"V1", "V2"} }),
			want: at("charges[0].victims[1]", "C1", "Cerys Hale", "1"),
		},
		{
			name: "occasion directed at both victims counts for each",
			edit: edits(secondVictim(), func(c *Case) {
				c.Incidents[1].Victims = []string{"V1", "V2"}
				c.Incidents[2].Victims = []string{"V2", "V1"}
				c.Charges[0].Victims = []string{"V1", "V2"}
			}),
		},
		{
			name: "no occasion at all",
			edit: chargeSpan("2025-01-01", ""),
			want: at("charges[0].victims[0]", "C1", "0", "from 1 January 2025"),
		},
	}
	for _, o := range []OffenceCode{Harassment, Stalking, FearOfViolence, StalkingFear} {
		tests = append(tests, ruleTest{
			name: "single occasion on a " + string(o) + " charge",
			edit: edits(offence(o), chargeSpan("2024-12-01", "")),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale"),
		})
	}
	for _, o := range []OffenceCode{ControllingCoercive, MaliciousComms, ImproperNetworkUse, SPOBreach, RestrainingOrderBreach} {
		tests = append(tests, ruleTest{
			name: "single occasion is not judged on a " + string(o) + " charge",
			edit: edits(offence(o), chargeSpan("2024-12-01", "")),
		})
	}
	runRuleTests(t, spec, tests)
}

func TestStalkingChargeWarnsWithoutAnActAssociatedWithStalking(t *testing.T) {
	spec := ruleSpec{id: "STALK-ACT-TYPE", sev: Warning, cites: []string{"PHA 1997 s.2A(2)(b), (3)"}}
	tests := []ruleTest{
		{name: "s.4A course with stalking acts"},
		{
			name: "s.4A course of threats and gifts only",
			edit: behaviours(Threats, Gifts),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "following"),
		},
		{
			name: "s.2A course of damage only",
			edit: edits(offence(Stalking), behaviours(Damage)),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale"),
		},
		{
			name: "stalking act outside the charge dates does not count",
			edit: edits(behaviours(Threats), func(c *Case) { c.Incidents[0].Behaviours = []Behaviour{Contacting} },
				chargeSpan("2024-10-06", "")),
			want: at("charges[0].victims[0]", "C1"),
		},
		{
			name: "stalking act against another victim does not count",
			edit: edits(behaviours(Threats), secondVictim(0), func(c *Case) { c.Incidents[0].Behaviours = []Behaviour{Watching} }),
			want: at("charges[0].victims[0]", "C1"),
		},
		{
			name: "one stalking act among others is enough",
			edit: edits(behaviours(Threats), func(c *Case) { c.Incidents[1].Behaviours = []Behaviour{Gifts, Interfering} }),
		},
		{
			name: "harassment charge needs no stalking act",
			edit: edits(offence(Harassment), behaviours(Threats)),
		},
		{
			name: "s.4 charge needs no stalking act",
			edit: edits(offence(FearOfViolence), behaviours(Threats)),
		},
	}
	for _, b := range []Behaviour{Following, Contacting, Publishing, Monitoring, Loitering, Interfering, Watching} {
		tests = append(tests, ruleTest{
			name: string(b) + " on one occasion is an act associated with stalking",
			edit: edits(offence(Stalking), behaviours(Threats), func(c *Case) { c.Incidents[2].Behaviours = []Behaviour{b} }),
		})
	}
	for _, b := range []Behaviour{Threats, Violence, Damage, Gifts, ThirdPartyContact, OtherBehaviour} {
		tests = append(tests, ruleTest{
			name: string(b) + " alone is not an act associated with stalking",
			edit: edits(offence(Stalking), behaviours(b)),
			want: at("charges[0].victims[0]", "C1"),
		})
	}
	runRuleTests(t, spec, tests)
}

func TestFearOfViolenceChargeNeedsFearOnTwoOccasions(t *testing.T) {
	spec := ruleSpec{id: "FEAR-OCCASIONS", sev: Error, cites: []string{"PHA 1997 s.4(1)"}}
	s4 := offence(FearOfViolence)
	runRuleTests(t, spec, []ruleTest{
		{name: "fear on two occasions", edit: s4},
		{
			name: "fear on one occasion",
			edit: edits(s4, fearOn(2)),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1 occasion is", "victim_feared_violence"),
		},
		{
			name: "no fear at all",
			edit: edits(s4, noFear),
			want: at("charges[0].victims[0]", "C1", "0 occasions are"),
		},
		{
			name: "fear outside the charge dates does not count",
			edit: edits(s4, chargeSpan("2024-10-06", "")),
			want: at("charges[0].victims[0]", "C1", "1 occasion is"),
		},
		{
			name: "fear of another victim does not count",
			edit: edits(s4, secondVictim(0)),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "1 occasion is"),
		},
		{
			name: "s.4A charge is not judged by this rule",
			edit: noFear,
		},
	})
}

func TestSeriousAlarmChargeNeedsFearTwiceOrImpactWithEffect(t *testing.T) {
	spec := ruleSpec{id: "SERIOUS-ALARM-IMPACT", sev: Error, cites: []string{"PHA 1997 s.4A(1)(b)", "SCA 2015 s.76(4)"}}
	noImpact := func(c *Case) { c.Impact = nil }
	runRuleTests(t, spec, []ruleTest{
		{name: "fear twice and impact with effect"},
		{name: "two fear occasions suffice without impact", edit: noImpact},
		{name: "impact with serious alarm and an effect suffices without fear", edit: noFear},
		{
			name: "neither fear nor impact",
			edit: edits(noFear, noImpact),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale", "0 fear occasions", "serious_alarm_or_distress"),
		},
		{
			name: "one fear occasion and no impact",
			edit: edits(fearOn(1), noImpact),
			want: at("charges[0].victims[0]", "C1", "1 fear occasions"),
		},
		{
			name: "impact with serious alarm but no effects",
			edit: edits(noFear, func(c *Case) { c.Impact[0].Effects = nil }),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale"),
		},
		{
			name: "impact with effects but no serious alarm",
			edit: edits(noFear, func(c *Case) { c.Impact[0].SeriousAlarmOrDistress = false }),
			want: at("charges[0].victims[0]", "C1"),
		},
		{
			name: "impact on another victim does not count",
			edit: edits(noFear, secondVictim(), func(c *Case) { c.Impact[0].Victim = "V2" }),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale"),
		},
		{
			name: "fear outside the charge dates does not count",
			edit: edits(noImpact, chargeSpan("2024-10-06", "")),
			want: at("charges[0].victims[0]", "C1", "1 fear occasions"),
		},
		{
			name: "controlling or coercive behaviour without fear or impact",
			edit: edits(offence(ControllingCoercive), noFear, noImpact),
			want: at("charges[0].victims[0]", "C1", "Ffion Hale"),
		},
		{
			name: "controlling or coercive behaviour with impact",
			edit: edits(offence(ControllingCoercive), noFear),
		},
		{
			name: "s.2A charge is not judged by this rule",
			edit: edits(offence(Stalking), noFear, noImpact),
		},
	})
}

// summaryCourse makes the baseline charge an open-dated charge for offence
// whose course ends on last (the occasions fall 20 and 10 days before it),
// with the case judged on asOf.
func summaryCourse(o OffenceCode, last, asOf string) func(c *Case) {
	return func(c *Case) {
		l := ymd(last)
		c.Incidents[0].Date = l.AddDays(-20)
		c.Incidents[1].Date = l.AddDays(-10)
		c.Incidents[2].Date = l
		c.AsOf = ymd(asOf)
		c.Charges[0].Offence = o
		c.Charges[0].From, c.Charges[0].To = Date{}, Date{}
	}
}

// chargedOn marks the baseline charge as charged on the given date.
func chargedOn(d string) func(c *Case) {
	return func(c *Case) {
		c.Charges[0].Status = Charged
		c.Charges[0].ChargedOn = ymd(d)
	}
}

func TestSummaryOnlyChargeMustBeLaidWithinSixMonthsOfTheLastOccasion(t *testing.T) {
	spec := ruleSpec{id: "TIME-LIMIT-SUMMARY", sev: Error, cites: []string{"Magistrates' Courts Act 1980 s.127", "DPP v Baker [2004] EWHC 2782 (Admin)"}}
	tests := []ruleTest{
		{
			name: "31 August plus six months is 28 February: proposed on 28 February is in time",
			edit: summaryCourse(Stalking, "2024-08-31", "2025-02-28"),
		},
		{
			name: "31 August plus six months is 28 February: proposed on 1 March is late",
			edit: summaryCourse(Stalking, "2024-08-31", "2025-03-01"),
			want: at("charges[0]", "C1", "Ffion Hale", "31 August 2024", "28 February 2025", "1 March 2025", "s.4A"),
		},
		{
			name: "leap year: 31 August 2023 plus six months is 29 February 2024, in time",
			edit: summaryCourse(Harassment, "2023-08-31", "2024-02-29"),
		},
		{
			name: "leap year: 1 March 2024 is late",
			edit: summaryCourse(Harassment, "2023-08-31", "2024-03-01"),
			want: at("charges[0]", "C1", "29 February 2024", "1 March 2024", "s.4 (fear of violence)"),
		},
		{
			name: "charged exactly on the deadline is in time, whatever as_of",
			edit: edits(summaryCourse(Stalking, "2024-06-15", "2025-06-01"), chargedOn("2024-12-15")),
		},
		{
			name: "charged one day after the deadline is late, though as_of is earlier",
			edit: edits(summaryCourse(Stalking, "2024-06-15", "2024-12-01"), chargedOn("2024-12-16")),
			want: at("charges[0]", "C1", "15 December 2024", "16 December 2024", "charge date"),
		},
		{
			name: "proposed is judged on as_of: on the deadline",
			edit: summaryCourse(Harassment, "2024-06-15", "2024-12-15"),
		},
		{
			name: "proposed is judged on as_of: one day after",
			edit: summaryCourse(Harassment, "2024-06-15", "2024-12-16"),
			want: at("charges[0]", "C1", "16 December 2024"),
		},
		{
			name: "the as_of override is the date a proposed charge is judged on",
			edit: summaryCourse(Harassment, "2024-06-15", "2024-12-15"),
			asOf: ymd("2024-12-16"),
			want: at("charges[0]", "C1", "16 December 2024"),
		},
		{
			name: "an occasion spanning days counts from its last day",
			edit: edits(summaryCourse(Stalking, "2024-06-15", "2024-12-20"),
				func(c *Case) { c.Incidents[2].EndDate = ymd("2024-07-01") }),
		},
		{
			name: "a later occasion against another victim does not extend the time",
			edit: edits(summaryCourse(Stalking, "2024-06-15", "2025-01-15"), secondVictim(), func(c *Case) {
				c.Incidents = append(c.Incidents, Incident{
					ID: "I4", Date: ymd("2024-12-20"), Behaviours: []Behaviour{Contacting},
					Description: "Messaged her sister.", Victims: []string{"V2"},
				})
			}),
			want: at("charges[0]", "C1", "15 June 2024"),
		},
		{
			name: "a later occasion after the charge's to does not extend the time",
			edit: edits(summaryCourse(Stalking, "2024-06-15", "2025-01-15"), func(c *Case) {
				c.Incidents = append(c.Incidents, Incident{
					ID: "I4", Date: ymd("2024-12-20"), Behaviours: []Behaviour{Watching},
					Description: "Stood outside her home.", Victims: []string{"V1"},
				})
				c.Charges[0].To = ymd("2024-06-15")
			}),
			want: at("charges[0]", "C1", "15 June 2024"),
		},
	}
	// "Never an error": the either-way offences and breach of an SPO have no
	// 6-month time limit, however old the conduct.
	for _, o := range []OffenceCode{FearOfViolence, StalkingFear, ControllingCoercive, SPOBreach} {
		tests = append(tests,
			ruleTest{
				name: string(o) + " proposed ten years after the last occasion has no time limit",
				edit: summaryCourse(o, "2015-01-10", "2025-02-01"),
			},
			ruleTest{
				name: string(o) + " charged ten years after the last occasion has no time limit",
				edit: edits(summaryCourse(o, "2015-01-10", "2025-02-01"), chargedOn("2025-01-20")),
			},
		)
	}
	runRuleTests(t, spec, tests)
}

// ccbCourse makes the baseline charge an open-dated s.76 charge whose
// course begins on began, with the relationship between S1 and V1 set to
// rel (nil: none recorded).
func ccbCourse(began string, rel *Relationship) func(c *Case) {
	return func(c *Case) {
		b := ymd(began)
		c.Incidents[0].Date = b
		c.Incidents[1].Date = b.AddDays(30)
		c.Incidents[2].Date = b.AddDays(60)
		c.Charges[0].Offence = ControllingCoercive
		c.Charges[0].From, c.Charges[0].To = Date{}, Date{}
		c.Relationships = nil
		if rel != nil {
			c.Relationships = []Relationship{*rel}
		}
	}
}

func TestControllingOrCoerciveBehaviourNeedsAPersonalConnection(t *testing.T) {
	spec := ruleSpec{id: "CCB-RELATIONSHIP", sev: Error, cites: []string{"SCA 2015 s.76(2), (3), (6)", "DAA 2021 s.68"}}
	rel := func(typ RelationshipType, lived bool) *Relationship {
		return &Relationship{Between: []string{"S1", "V1"}, Type: typ, LivedTogether: lived}
	}
	runRuleTests(t, spec, []ruleTest{
		{
			name: "no relationship recorded",
			edit: ccbCourse("2024-06-01", nil),
			want: at("charges[0].victims[0]", "C1", "Gareth Lund", "Ffion Hale", "partner"),
		},
		{
			name: "neighbours are not personally connected",
			edit: ccbCourse("2024-06-01", rel(Neighbour, true)),
			want: at("charges[0].victims[0]", "C1", "Gareth Lund", "Ffion Hale"),
		},
		{
			name: "a relationship with someone else does not count",
			edit: ccbCourse("2024-06-01", &Relationship{Between: []string{"S1", "O1"}, Type: Family, LivedTogether: true}),
			want: at("charges[0].victims[0]", "C1"),
		},
		{
			name: "ex-partners not living together, conduct from 4 April 2023",
			edit: ccbCourse("2023-04-04", rel(ExPartner, false)),
			want: at("charges[0].victims[0]", "C1", "4 April 2023", "5 April 2023", "Gareth Lund", "Ffion Hale"),
		},
		{
			name: "ex-partners not living together, conduct from 5 April 2023",
			edit: ccbCourse("2023-04-05", rel(ExPartner, false)),
		},
		{
			name: "family not living together, conduct from 4 April 2023",
			edit: ccbCourse("2023-04-04", rel(Family, false)),
			want: at("charges[0].victims[0]", "C1", "4 April 2023"),
		},
		{
			name: "ex-partners who lived together, conduct from 4 April 2023",
			edit: ccbCourse("2023-04-04", rel(ExPartner, true)),
		},
		{
			name: "partners need not have lived together",
			edit: ccbCourse("2022-01-10", rel(Partner, false)),
		},
		{
			name: "relationship recorded victim first",
			edit: ccbCourse("2024-06-01", &Relationship{Between: []string{"V1", "S1"}, Type: ExPartner}),
		},
		{
			name: "charge from 5 April 2023 leaves the earlier conduct out",
			edit: edits(ccbCourse("2023-03-01", rel(ExPartner, false)), func(c *Case) {
				c.Charges[0].From = ymd("2023-04-05")
			}),
		},
		{
			name: "stalking charge is not judged by this rule",
			edit: edits(ccbCourse("2024-06-01", nil), offence(StalkingFear)),
		},
	})
}

func TestSingleOccasionWarnsWhenTheCaseHasOneIncident(t *testing.T) {
	spec := ruleSpec{id: "SINGLE-OCCASION", sev: Warning, cites: []string{"PHA 1997 s.7(3)"}}
	runRuleTests(t, spec, []ruleTest{
		{name: "three incidents"},
		{name: "two incidents", edit: func(c *Case) { c.Incidents = c.Incidents[:2] }},
		{
			name: "one incident",
			edit: func(c *Case) { c.Incidents = c.Incidents[:1] },
			want: at("incidents", "single", "MCA 1988 s.1", "CA 2003 s.127"),
		},
		{
			name: "one incident and no charge",
			edit: func(c *Case) {
				c.Incidents = c.Incidents[:1]
				c.Charges = nil
			},
			want: at("incidents", "MCA 1988 s.1", "CA 2003 s.127"),
		},
	})
}

func TestCourseGapWarnsWhenConsecutiveOccasionsAreMoreThanThreeMonthsApart(t *testing.T) {
	spec := ruleSpec{id: "COURSE-GAP", sev: Warning, cites: []string{"Lau v DPP [2000]", "Pratt v DPP [2001]"}}
	open := chargeSpan("", "")
	runRuleTests(t, spec, []ruleTest{
		{name: "occasions weeks apart"},
		{
			name: "exactly three calendar months apart",
			edit: edits(open, incidentDates("2024-01-15", "2024-04-15", "2024-05-01")),
		},
		{
			name: "three calendar months and a day apart",
			edit: edits(open, incidentDates("2024-01-15", "2024-04-16", "2024-05-01")),
			want: at("charges[0].victims[0]", "C1", "I1", "I2", "15 January 2024", "16 April 2024", "Ffion Hale"),
		},
		{
			name: "30 November plus three months is 29 February 2024",
			edit: edits(open, incidentDates("2023-11-30", "2024-02-29", "2024-03-10")),
		},
		{
			name: "30 November to 1 March 2024 is more than three months",
			edit: edits(open, incidentDates("2023-11-30", "2024-03-01", "2024-03-10")),
			want: at("charges[0].victims[0]", "C1", "I1", "I2"),
		},
		{
			name: "the gap runs from the last day of an occasion spanning days",
			edit: edits(open, incidentDates("2024-01-15", "2024-05-01", "2024-05-20"),
				func(c *Case) { c.Incidents[0].EndDate = ymd("2024-02-01") }),
		},
		{
			name: "consecutive means in date order, not case order",
			edit: edits(open, incidentDates("2024-01-15", "2024-06-01", "2024-03-20")),
		},
		{
			name: "an occasion against another victim does not bridge the gap",
			edit: edits(open, incidentDates("2024-01-15", "2024-03-01", "2024-05-01"), secondVictim(1)),
			want: at("charges[0].victims[0]", "C1", "I1", "I3"),
		},
		{
			name: "a gap before the charge's from is not in the course",
			edit: edits(chargeSpan("2024-11-02", ""), incidentDates("2023-01-10", "2024-11-02", "2024-12-14")),
		},
		{
			name: "every gap is reported",
			edit: edits(open, incidentDates("2023-01-10", "2023-06-01", "2023-12-01")),
			want: []wantFinding{
				{path: "charges[0].victims[0]", mentions: []string{"I1", "I2"}},
				{path: "charges[0].victims[0]", mentions: []string{"I2", "I3"}},
			},
		},
	})
}

// "Never an error": an SPO application needs no criminal charge, and acts
// before the Stalking Protection Act 2019 came into force still count.
func TestSPOWithoutAChargeOnActsBefore2020GivesNoFindings(t *testing.T) {
	c := baselineCase()
	c.Charges = nil
	c.SPO = spoAgainst("S1", "V1")
	c.Incidents[0].Date = ymd("2019-06-01")
	c.Incidents[1].Date = ymd("2019-09-01")
	c.Incidents[2].Date = ymd("2020-01-19")
	assert.Empty(t, Validate(c, Options{}).Findings)
}

func TestAggravatedSummaryOffencesHaveNoTimeLimit(t *testing.T) {
	for _, code := range []OffenceCode{Harassment, Stalking} {
		for _, agg := range []Aggravation{RaciallyAggravated, ReligiouslyAggravated} {
			c := baselineCase()
			c.Charges[0].Offence = code
			c.Charges[0].Aggravated = agg
			r := Validate(c, Options{AsOf: NewDate(2035, 1, 1)})
			assert.Empty(t, r.ByRule("TIME-LIMIT-SUMMARY"), "%s %s", code, agg)
		}
	}
}
