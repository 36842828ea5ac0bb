package law

import (
	"fmt"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"
)

// ModeOfTrial is where an offence may be tried.
type ModeOfTrial int

const (
	// SummaryOnly offences are tried only in a magistrates' court.
	SummaryOnly ModeOfTrial = iota + 1
	// EitherWay offences may be tried in a magistrates' court or the Crown Court.
	EitherWay
	// IndictableOnly offences are tried only in the Crown Court.
	IndictableOnly
)

// String returns "summary only", "either way" or "indictable only".
func (m ModeOfTrial) String() string {
	switch m {
	case SummaryOnly:
		return "summary only"
	case EitherWay:
		return "either way"
	case IndictableOnly:
		return "indictable only"
	default:
		return fmt.Sprintf("ModeOfTrial(%d)", int(m))
	}
}

// TimeLimitKind is the kind of time limit for starting a prosecution.
type TimeLimitKind int

const (
	// NoTimeLimit applies to offences triable either way.
	NoTimeLimit TimeLimitKind = iota
	// SummaryTimeLimit: the information or charge must be laid within 6
	// calendar months of the offence; for a course of conduct, of the last
	// incident in it.
	SummaryTimeLimit
	// ExtendedTimeLimit: within 6 months of the prosecutor having sufficient
	// evidence, and within 3 years of the offence.
	ExtendedTimeLimit
)

// String returns a short description of the kind.
func (k TimeLimitKind) String() string {
	switch k {
	case NoTimeLimit:
		return "no time limit"
	case SummaryTimeLimit:
		return "6 months from the offence"
	case ExtendedTimeLimit:
		return "6 months from sufficient evidence, at most 3 years from the offence"
	default:
		return fmt.Sprintf("TimeLimitKind(%d)", int(k))
	}
}

// TimeLimit is the time limit for starting a prosecution for an offence.
type TimeLimit struct {
	Kind     TimeLimitKind
	Citation string
	Status   Status
}

const (
	summaryLimitMonths  = 6
	extendedLimitMonths = 36
)

// Aggravation is the racial or religious aggravation of a charge under Crime
// and Disorder Act 1998 s.32, spelt as the case format spells it.
type Aggravation string

const (
	// NotAggravated is the basic offence.
	NotAggravated Aggravation = ""
	// RaciallyAggravated is the racially aggravated form.
	RaciallyAggravated Aggravation = "racially"
	// ReligiouslyAggravated is the religiously aggravated form.
	ReligiouslyAggravated Aggravation = "religiously"
)

// Offence is one offence a charge may name, with the facts spokit needs about
// it.
type Offence struct {
	// Code is the case format's offence code, e.g. "PHA1997-s2A".
	Code string
	// Title is the offence's usual name, e.g. "Stalking".
	Title string
	// Statute is the Act's full short title.
	Statute string
	// Section is the section, e.g. "s.2A".
	Section string
	// Citation is the short citation, e.g. "PHA 1997 s.2A".
	Citation string
	// Status is how well the offence's definition and mode of trial have been
	// checked.
	Status Status
	// Mode is where the offence may be tried.
	Mode ModeOfTrial
	// CourseOfConduct is true when the offence needs a PHA 1997 course of
	// conduct (s.7(3): at least two occasions towards a single victim).
	CourseOfConduct bool
	// Stalking is true for the two stalking offences (PHA 1997 s.2A, s.4A).
	Stalking bool
	// Aggravation is set on the forms returned by Aggravated.
	Aggravation Aggravation
	// Elements are what the prosecution must prove, briefly, in our own words.
	Elements []string
	// TimeLimit is the time limit for starting a prosecution.
	TimeLimit TimeLimit
	// FearTwice is true when the offence needs the victim to have feared
	// violence on at least two occasions (PHA 1997 s.4(1)).
	FearTwice bool
	// SeriousEffect is true when the offence needs fear of violence on two
	// occasions or serious alarm or distress with a substantial adverse
	// effect on usual day-to-day activities (PHA 1997 s.4A(1)(b); SCA 2015
	// s.76(4)).
	SeriousEffect bool
	// PersonalConnection is true when the offence needs the defendant and
	// the victim to be personally connected (SCA 2015 s.76(2), (6)).
	PersonalConnection bool
	// SingleAct is true when one act (one message) can be the offence.
	SingleAct bool
	// NoVictim is true for an offence against a duty owed to the police
	// (the SPA 2019 s.11 notification offences): a charge names no victim
	// and rests on no occasion of conduct.
	NoVictim bool
	// RecordCannotShow are the elements of the conduct that no field of the
	// case record can show (such as what a message said). While an offence
	// has one, a screening can find it possible but never a fit.
	RecordCannotShow []string

	penalties *penaltyRules
	// aggravated describes the CDA 1998 s.32 form; nil when there is none.
	aggravated *aggravatedForm
}

// aggravatedForm is the racially or religiously aggravated form of a PHA
// offence under CDA 1998 s.32.
type aggravatedForm struct {
	section   string
	penalties penaltyRules
}

var (
	summaryLimit = TimeLimit{
		Kind:     SummaryTimeLimit,
		Citation: "Magistrates' Courts Act 1980 s.127(1); DPP v Baker [2004] EWHC 2782 (Admin)",
		Status:   Secondary,
	}
	extendedLimit = TimeLimit{
		Kind:     ExtendedTimeLimit,
		Citation: "Communications Act 2003 s.127 (extended time limit)",
		Status:   Secondary,
	}
	noLimit = TimeLimit{
		Kind:     NoTimeLimit,
		Citation: "Magistrates' Courts Act 1980 s.127(2) (offences triable either way)",
		Status:   Secondary,
	}
)

// Element wording shared by the PHA offences.
const (
	elemCourse        = "a course of conduct: conduct on at least two occasions towards the victim (PHA 1997 s.7(3))"
	elemHarassment    = "the course of conduct amounts to harassment of the victim, which includes alarming them or causing them distress (s.7(2))"
	elemKnowsHarass   = "the defendant knew, or ought to have known, that it amounted to harassment (reasonable-person test, s.1(2))"
	elemFearTwice     = "it caused the victim to fear, on at least two occasions, that violence would be used against them"
	elemSeriousEffect = "fear of violence on at least two occasions, OR serious alarm or distress with a substantial adverse effect on the victim's usual day-to-day activities"
	elemNoExcuse      = "the defendant had no reasonable excuse"
)

// offences is the table, in the order the case format lists the codes.
var offences = []Offence{
	{
		Code: "PHA1997-s2", Title: "Harassment",
		Statute: "Protection from Harassment Act 1997", Section: "s.2", Citation: "PHA 1997 s.2",
		Status: Secondary, Mode: SummaryOnly, CourseOfConduct: true,
		Elements:  []string{elemCourse, elemHarassment, elemKnowsHarass},
		TimeLimit: summaryLimit,
		penalties: &penaltyRules{
			summary:    fixedMax(summaryOnlyLimitMonths, "PHA 1997 s.2", Secondary),
			indictment: notTriable("PHA 1997 s.2 (summary only)", Secondary),
		},
		aggravated: &aggravatedForm{section: "s.32(1)(a)", penalties: aggravatedHarassment},
	},
	{
		Code: "PHA1997-s2A", Title: "Stalking",
		Statute: "Protection from Harassment Act 1997", Section: "s.2A", Citation: "PHA 1997 s.2A",
		Status: Verified, Mode: SummaryOnly, CourseOfConduct: true, Stalking: true,
		Elements: []string{
			elemCourse, elemHarassment,
			"the acts or omissions are ones associated with stalking (s.2A(2)(b); examples in s.2A(3))",
			elemKnowsHarass,
		},
		TimeLimit: summaryLimit,
		penalties: &penaltyRules{
			summary:    fixedMax(summaryOnlyLimitMonths, "PHA 1997 s.2A(4)-(5) (51 weeks, read as 6 months)", Secondary),
			indictment: notTriable("PHA 1997 s.2A(4) (summary only)", Verified),
		},
		aggravated: &aggravatedForm{section: "s.32(1)(a)", penalties: aggravatedHarassment},
	},
	{
		Code: "PHA1997-s4", Title: "Putting people in fear of violence",
		Statute: "Protection from Harassment Act 1997", Section: "s.4", Citation: "PHA 1997 s.4",
		Status: Secondary, Mode: EitherWay, CourseOfConduct: true, FearTwice: true,
		Elements: []string{
			elemCourse, elemFearTwice,
			"the defendant knew, or ought to have known, that it would cause that fear on each of those occasions",
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("PHA 1997 s.4(4)(b)", Unverified),
			indictment: raisedByPCA2017(60, 120, "PHA 1997 s.4(4)(a)", Verified),
		},
		aggravated: &aggravatedForm{section: "s.32(1)(b)", penalties: aggravatedFear},
	},
	{
		Code: "PHA1997-s4A", Title: "Stalking involving fear of violence or serious alarm or distress",
		Statute: "Protection from Harassment Act 1997", Section: "s.4A", Citation: "PHA 1997 s.4A",
		Status: Secondary, Mode: EitherWay, CourseOfConduct: true, Stalking: true, SeriousEffect: true,
		Elements: []string{
			"a course of conduct (at least two occasions towards the victim) that amounts to stalking (s.2A(2))",
			"it caused the victim " + elemSeriousEffect,
			"the defendant knew, or ought to have known, that it would cause that fear on each occasion, or that alarm or distress",
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("PHA 1997 s.4A(5)(b)", Unverified),
			indictment: raisedByPCA2017(60, 120, "PHA 1997 s.4A(5)(a)", Verified),
		},
		aggravated: &aggravatedForm{section: "s.32(1)(b)", penalties: aggravatedFear},
	},
	{
		Code: "SCA2015-s76", Title: "Controlling or coercive behaviour in an intimate or family relationship",
		Statute: "Serious Crime Act 2015", Section: "s.76", Citation: "SCA 2015 s.76",
		Status: Secondary, Mode: EitherWay, PersonalConnection: true, SeriousEffect: true,
		RecordCannotShow: []string{"whether the behaviour was controlling or coercive"},
		Elements: []string{
			"the defendant repeatedly or continuously behaved towards the victim in a controlling or coercive way",
			"they were personally connected at the time of the behaviour (s.76(6)); for behaviour before " +
				CCBLivingTogetherRemoved.Date.Format("2 January 2006") + ", ex-partners and family members must also have lived together",
			"the behaviour had a serious effect on the victim: " + elemSeriousEffect + " (s.76(4))",
			"the defendant knew, or ought to have known, that it would have a serious effect (s.76(5))",
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("SCA 2015 s.76", Unverified),
			indictment: fixedMax(60, "SCA 2015 s.76", Secondary),
		},
	},
	{
		Code: "MCA1988-s1", Title: "Malicious communications",
		Statute: "Malicious Communications Act 1988", Section: "s.1", Citation: "MCA 1988 s.1",
		Status: Secondary, Mode: EitherWay, SingleAct: true,
		RecordCannotShow: []string{"whether the content was indecent or grossly offensive, and the purpose of sending it"},
		Elements: []string{
			"the defendant sent a letter, electronic communication or other article to another person",
			"its content was, in whole or in part, indecent or grossly offensive",
			"a purpose of sending it was to cause distress or anxiety to the recipient or to anyone the defendant meant it to reach",
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("MCA 1988 s.1", Unverified),
			indictment: fixedMax(24, "MCA 1988 s.1", Secondary),
		},
	},
	{
		Code: "CA2003-s127", Title: "Improper use of a public electronic communications network",
		Statute: "Communications Act 2003", Section: "s.127", Citation: "CA 2003 s.127",
		Status: Verified, Mode: SummaryOnly, SingleAct: true,
		RecordCannotShow: []string{"whether the message was grossly offensive, indecent, obscene or menacing, or the use persistent and for that purpose"},
		Elements: []string{
			"the defendant sent, or caused to be sent, a message or other matter by means of a public electronic communications network",
			"the message was grossly offensive, indecent, obscene or menacing (s.127(1)); or the defendant persistently used the network to cause annoyance, inconvenience or needless anxiety (s.127(2)(c))",
		},
		TimeLimit: extendedLimit,
		penalties: &penaltyRules{
			summary:    fixedMax(summaryOnlyLimitMonths, "CA 2003 s.127", Verified),
			indictment: notTriable("CA 2003 s.127 (summary only)", Verified),
		},
	},
	{
		Code: "SPA2019-s8", Title: "Breach of a stalking protection order or interim stalking protection order",
		Statute: "Stalking Protection Act 2019", Section: "s.8", Citation: "SPA 2019 s.8",
		Status: Verified, Mode: EitherWay,
		Elements: []string{
			"a stalking protection order or interim order was in force against the defendant (the order and its service must be proved)",
			"the defendant did something the order prohibits, or failed to do something it requires",
			elemNoExcuse,
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("SPA 2019 s.8", Verified),
			indictment: fixedMax(60, "SPA 2019 s.8", Verified),
		},
	},
	{
		Code: "SPA2019-s11-fail", Title: "Failing to comply with the notification requirements of a stalking protection order or interim stalking protection order",
		Statute: "Stalking Protection Act 2019", Section: "s.11", Citation: "SPA 2019 s.11",
		Status: Verified, Mode: EitherWay, NoVictim: true,
		Elements: []string{
			"a stalking protection order or interim order was made against the defendant and served on them (the order and its service must be proved)",
			"the defendant failed to notify the police of their names and home address within 3 days beginning with the day of service (s.9(1)), of a new name within 3 days of first using it (s.9(3)), or of a new home address within 3 days of moving (s.9(4)), or failed to allow fingerprints or photographs to be taken (s.10(5))",
			"the duty applied: not a full order replacing an interim order (s.9(1)), and the defendant was not subject to the Sexual Offences Act 2003 Part 2 notification requirements at the time (s.9(5)-(7))",
			elemNoExcuse,
		},
		TimeLimit: noLimit,
		penalties: &notificationPenalties,
	},
	{
		Code: "SPA2019-s11-false", Title: "Knowingly giving false information in a notification under a stalking protection order",
		Statute: "Stalking Protection Act 2019", Section: "s.11", Citation: "SPA 2019 s.11",
		Status: Verified, Mode: EitherWay, NoVictim: true,
		Elements: []string{
			"a stalking protection order or interim order was made against the defendant and served on them",
			"in purported compliance with the notification requirements (s.9), the defendant notified the police of information",
			"the information was false and the defendant knew it was false",
		},
		TimeLimit: noLimit,
		penalties: &notificationPenalties,
	},
	{
		Code: "PHA1997-s5", Title: "Breach of a restraining order",
		Statute: "Protection from Harassment Act 1997", Section: "s.5", Citation: "PHA 1997 s.5",
		Status: Secondary, Mode: EitherWay,
		Elements: []string{
			"a restraining order was in force against the defendant",
			"the defendant did something the order prohibits",
			elemNoExcuse,
		},
		TimeLimit: noLimit,
		penalties: &penaltyRules{
			summary:    generalLimitMax("PHA 1997 s.5", Unverified),
			indictment: fixedMax(60, "PHA 1997 s.5", Secondary),
		},
	},
}

// notificationPenalties are the SPA 2019 s.11 maxima. The indictment
// maximum of 5 years is from PNLD (2020); so is the summary maximum of 6
// months, and whether s.11 now reads as the magistrates' general limit (as
// s.8 does) is unverified, so the summary figure is never asserted.
var notificationPenalties = penaltyRules{
	summary:    fixedMax(6, "SPA 2019 s.11: PNLD (2020) gives 6 months; whether the general limit now applies is UNVERIFIED", Unverified),
	indictment: fixedMax(60, "SPA 2019 s.11 (PNLD 2020)", Secondary),
}

// CDA 1998 s.32 maxima: s.32(1)(a) covers aggravated PHA s.2 and s.2A,
// s.32(1)(b) aggravated PHA s.4 and s.4A.
var (
	aggravatedHarassment = penaltyRules{
		summary:    generalLimitMax("CDA 1998 s.32", Unverified),
		indictment: fixedMax(24, "CDA 1998 s.32", Verified),
	}
	aggravatedFear = penaltyRules{
		summary:    generalLimitMax("CDA 1998 s.32(4)(a)", Unverified),
		indictment: raisedByPCA2017(84, 168, "CDA 1998 s.32(4)(b)", Verified),
	}
)

// Lookup returns the offence with the given case-format code.
func Lookup(code string) (Offence, bool) {
	for _, o := range offences {
		if o.Code == code {
			return o.clone(), true
		}
	}
	return Offence{}, false
}

// Offences returns every offence, in the order the case format lists them.
func Offences() []Offence {
	out := make([]Offence, len(offences))
	for i, o := range offences {
		out[i] = o.clone()
	}
	return out
}

// Codes returns every offence code, in the order the case format lists them.
func Codes() []string {
	out := make([]string, len(offences))
	for i, o := range offences {
		out[i] = o.Code
	}
	return out
}

// clone copies the offence so callers cannot change the table through the
// Elements slice.
func (o Offence) clone() Offence {
	o.Elements = slices.Clone(o.Elements)
	o.RecordCannotShow = slices.Clone(o.RecordCannotShow)
	return o
}

// Aggravated returns the racially or religiously aggravated form of the
// offence under Crime and Disorder Act 1998 s.32: either way, with no time
// limit and its own maxima. NotAggravated returns the offence unchanged. It
// fails for an aggravation the case format does not know, or for an offence
// that has no aggravated form (only PHA 1997 s.2, s.2A, s.4 and s.4A have).
func (o Offence) Aggravated(a Aggravation) (Offence, error) {
	switch a {
	case NotAggravated:
		return o, nil
	case RaciallyAggravated, ReligiouslyAggravated:
	default:
		return Offence{}, fmt.Errorf("aggravation %q: want %q or %q", string(a), string(RaciallyAggravated), string(ReligiouslyAggravated))
	}
	if o.aggravated == nil {
		return Offence{}, fmt.Errorf("%s (%s) has no %s aggravated form under CDA 1998 s.32", o.Code, o.Citation, a)
	}
	if o.Aggravation != NotAggravated {
		return Offence{}, fmt.Errorf("%s is already %s aggravated", o.Code, o.Aggravation)
	}
	agg := o.clone()
	agg.Title = capitalise(string(a)) + " aggravated " + lowerFirst(o.Title)
	agg.Statute = "Crime and Disorder Act 1998"
	agg.Section = o.aggravated.section
	agg.Citation = "CDA 1998 " + o.aggravated.section + " (" + o.Citation + ")"
	agg.Mode = EitherWay
	agg.Aggravation = a
	agg.Elements = append(agg.Elements, "the offence was "+string(a)+" aggravated (CDA 1998 s.28)")
	agg.TimeLimit = noLimit
	agg.penalties = &o.aggravated.penalties
	agg.aggravated = nil
	return agg, nil
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// TimeLimitExpires returns the last day on which a prosecution may be started
// (the information laid or the charge made), and false when the offence has
// no time limit. Pass the date of the offence; for a course of conduct, the
// date of its last incident (DPP v Baker).
//
// For a SummaryTimeLimit the day of the offence is excluded, so the last day
// is the same day six calendar months later (clamped to the month's end). For
// an ExtendedTimeLimit it returns only the 3-year outer limit; use
// TimeLimitExpiresOnEvidence when the date of sufficient evidence is known.
func (o Offence) TimeLimitExpires(lastIncident time.Time) (time.Time, bool) {
	switch o.TimeLimit.Kind {
	case SummaryTimeLimit:
		return AddMonths(lastIncident, summaryLimitMonths), true
	case ExtendedTimeLimit:
		return AddMonths(lastIncident, extendedLimitMonths), true
	default:
		return time.Time{}, false
	}
}

// TimeLimitExpiresOnEvidence is TimeLimitExpires for an offence with an
// ExtendedTimeLimit when the date the prosecutor had sufficient evidence is
// known: the earlier of 6 months after that date and 3 years after the
// offence. For other kinds of limit the evidence date is irrelevant and the
// result is TimeLimitExpires(lastIncident).
func (o Offence) TimeLimitExpiresOnEvidence(lastIncident, sufficientEvidence time.Time) (time.Time, bool) {
	outer, ok := o.TimeLimitExpires(lastIncident)
	if !ok || o.TimeLimit.Kind != ExtendedTimeLimit {
		return outer, ok
	}
	if fromEvidence := AddMonths(sufficientEvidence, summaryLimitMonths); fromEvidence.Before(outer) {
		return fromEvidence, true
	}
	return outer, true
}

// String returns the code and short citation, e.g. "PHA1997-s2A (PHA 1997 s.2A)".
func (o Offence) String() string {
	return o.Code + " (" + o.Citation + ")"
}
