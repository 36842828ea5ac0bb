package screen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spokit/spokit/templates"
)

// reasonLaw is the test a reason applies and its citation, for reasons
// whose code does not carry them in its own fields. Keys are a full code or
// a code prefix ending in "."; the full code wins.
var reasonLaw = map[string][2]string{
	"repeated.":                      {"Repeated: conduct towards the same person on two or more occasions", "PHA 1997 s.7(3)(a); College of Policing FOUR (a recognition aid, not a legal test)"},
	"fixated.":                       {"Fixated: persistence or intensity of one-sided conduct towards one person", "College of Policing FOUR (a recognition aid, not a legal test)"},
	"obsessive.":                     {"Obsessive: intensity, variety or monitoring in one-sided conduct towards one person", "College of Policing FOUR (a recognition aid, not a legal test)"},
	"unwanted.":                      {"Unwanted: conduct after a warning, an order, a request to stop or a report", "College of Policing FOUR (a recognition aid); PHA 1997 s.1(2) (ought to know)"},
	"triage.single-occasion":         {"A course of conduct needs conduct on at least two occasions", "PHA 1997 s.7(3)(a)"},
	"triage.other-acts":              {"Acts associated with stalking: the s.2A(3) examples are not exhaustive", "PHA 1997 s.2A(3)"},
	"triage.harassment-and-stalking": {"Stalking is harassment with acts associated with stalking", "PHA 1997 s.2A(2)"},
	"triage.harassment-not-stalking": {"Stalking is harassment with acts associated with stalking", "PHA 1997 s.2A(2)"},
	"triage.out-of-time":             {"A summary-only offence must be charged within its time limit", "Magistrates' Courts Act 1980 s.127; DPP v Baker [2004] EWHC 2782 (Admin)"},
	"triage.ccb-occasions":           {"Behaviour that is repeated or continuous", "SCA 2015 s.76(1)(a)"},
	"triage.also-stalking":           {"Choosing charges where stalking, harassment and controlling or coercive behaviour overlap", "CPS legal guidance, Stalking or Harassment"},
	"triage.messages-out-of-time":    {"Charged within 3 years of the message", "Communications Act 2003 s.127 (extended time limit)"},
	"triage.no-messages":             {"A letter, electronic communication or article sent (MCA 1988 s.1), or a message by a public electronic communications network (CA 2003 s.127)", "MCA 1988 s.1; CA 2003 s.127"},
	"triage.messages":                {"One message can be enough for a communications offence", "MCA 1988 s.1; CA 2003 s.127(1)"},
	"triage.messages-in-course":      {"Messages that are part of a course of conduct", "PHA 1997 s.7(3), (4)"},
	"escalation.":                    {"How the conduct has changed over time: frequency and escalation signals", "spokit screening aid (not a legal test)"},
	"online.":                        {"Online stalking elements", "HMICFRS, College of Policing and IOPC, The police response to stalking (2024)"},
	"recording.":                     {"Record one principal crime and list the other offences inside it", "Home Office Counting Rules, General Rules (principal crime rule)"},
	"spo.":                           {"A Stalking Protection Order considered in every stalking case", "SPA 2019 s.1; HMICFRS, College of Policing and IOPC, The police response to stalking (2024)"},
}

// lawOfReason returns the test and citation for a reason code from
// reasonLaw.
func lawOfReason(code string) (test, citation string, ok bool) {
	if tc, found := reasonLaw[code]; found {
		return tc[0], tc[1], true
	}
	if i := strings.IndexByte(code, '.'); i >= 0 {
		if tc, found := reasonLaw[code[:i+1]]; found {
			return tc[0], tc[1], true
		}
	}
	return "", "", false
}

// Explained returns a copy of the screening in which every reason carries
// its text in words (from set, as Report words it), the test it applies and
// the citation for that test: what "spokit screen --json" prints. The
// screening itself is not changed. It fails only when a unit of set does
// not render.
func (s Screening) Explained(set *templates.Set) (Screening, error) {
	w := &reporter{s: &s, r: set.Renderer()}
	explain := func(rs []Reason) []Reason {
		out := slices.Clone(rs)
		for i := range out {
			r := &out[i]
			if test, cite, ok := lawOfReason(r.Code); ok {
				if r.Test == "" {
					r.Test = test
				}
				if r.Citation == "" {
					r.Citation = cite
				}
			}
			r.Text = w.r.Text("screen.reason."+r.Code, w.data(*r))
		}
		return out
	}
	indicators := func(list []Indicator) []Indicator {
		out := slices.Clone(list)
		for i := range out {
			out[i].Reasons = explain(out[i].Reasons)
		}
		return out
	}
	out := s
	out.FOUR = indicators(s.FOUR)
	out.Online = indicators(s.Online)
	out.Escalation.Signals = indicators(s.Escalation.Signals)
	out.Escalation.Frequency = explain(s.Escalation.Frequency)
	out.Triage = slices.Clone(s.Triage)
	for i := range out.Triage {
		out.Triage[i].Reasons = explain(out.Triage[i].Reasons)
	}
	out.Recording.Reasons = explain(s.Recording.Reasons)
	out.SPO.Reasons = explain(s.SPO.Reasons)
	if err := w.r.Err(); err != nil {
		return Screening{}, fmt.Errorf("wording the screening of %s: %w", s.URN, err)
	}
	return out, nil
}
