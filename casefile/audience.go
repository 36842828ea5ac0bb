package casefile

import (
	"crypto/sha256"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spokit/spokit/internal/redact"
)

// Audience is who a document is for. Every output spokit writes has one,
// and the audience decides what of the people's details it may show.
type Audience string

// The audiences.
const (
	// AudienceCourt is the court: the bundle filed with it and the
	// confidential annex of what the respondent's copy withholds.
	AudienceCourt Audience = "court"
	// AudienceRespondent is the respondent to an SPO application: the
	// service copy, the notice and the orders served.
	AudienceRespondent Audience = "respondent"
	// AudienceDefence is the defence in criminal proceedings: documents
	// disclosed to it (MG5, MG11 statement pages, MG6C, MG12, the
	// workbook).
	AudienceDefence Audience = "defence"
	// AudienceProsecution is the police and the CPS only (MG3, MG6D, MG9,
	// MG11 contact pages, the sensitive workbook, the case review).
	AudienceProsecution Audience = "prosecution"
	// AudiencePolice is the police only.
	AudiencePolice Audience = "police"
)

// Withholds reports whether documents for the audience withhold people's
// contact details. The respondent and the defence never see the addresses,
// phone numbers, email addresses or dates of birth of anyone but the
// respondent or defendant; the court, the prosecution and the police see
// them.
func (a Audience) Withholds() bool { return a == AudienceRespondent || a == AudienceDefence }

// Disclosure is what one audience may see of a case's people: it withholds
// from every printed string the contact details and dates of birth the
// audience must not see, in the forms people write them, and any
// contact-shaped text (a postcode, a phone number, an email address, a
// house number and street, a date of birth) that belongs to nobody whose
// details the audience may see. Documents apply it to every string they
// print: the PDF, spreadsheet and word-processor engines take
// Disclosure.Text as their filter, so no section can forget it.
//
// For the respondent, everyone's details are withheld but the respondent's
// own (and an address recorded as known to the respondent), down to the
// town they live in; for the defence, everyone's but the suspects', though
// a town on its own prints (it names a wide area, and often a police
// station). The court's name, the force's and the police area's, the
// applicant's contact for the court and the police stations where the
// respondent may notify always print.
type Disclosure struct {
	audience Audience
	r        *redact.Redactor
	// homes replace a withheld person's address with a description of
	// whose home it is (Place).
	homes []*redact.Redactor
}

// Words is the wording a disclosure prints; a *templates.Renderer is one.
// Unit common.withheld is printed in place of each withheld detail, and
// common.home-of names whose home a place is (Place).
type Words interface {
	Text(unit string, data any) string
}

// NewDisclosure returns the disclosure policy of a case for an audience,
// printing words. Nil words suits a caller that only asks what is withheld
// (Withholds, Unrecorded): withheld details are then removed unmarked.
//
// A build asks for the same policy once per document; building one
// compiles a pattern for every way of writing every detail, so policies
// are kept and shared while the details they are built from are unchanged.
func NewDisclosure(c *Case, a Audience, words Words) *Disclosure {
	if c == nil || !a.Withholds() {
		return &Disclosure{audience: a}
	}
	if words == nil {
		words = unmarked{}
	}
	main, homes := disclosureOptions(c, a, words)
	key := policyKey(a, main, homes)
	shared := disclosures.get(key, func() *Disclosure {
		d := &Disclosure{audience: a, r: redact.New(main)}
		for _, h := range homes {
			d.homes = append(d.homes, redact.New(h))
		}
		return d
	})
	// The shared policy is never used itself: each caller gets sessions of
	// its redactors, which remember the texts of one document only.
	d := &Disclosure{audience: a, r: shared.r.Session()}
	for _, h := range shared.homes {
		d.homes = append(d.homes, h.Session())
	}
	return d
}

// unmarked is the wording of a disclosure only asked what it withholds.
type unmarked struct{}

func (unmarked) Text(string, any) string { return "" }

// disclosureOptions returns what the audience's redactor withholds and
// keeps, and for the defence one redactor's options per home to describe.
func disclosureOptions(c *Case, a Audience, words Words) (redact.Options, []redact.Options) {
	kept := keptPeople(c, a)
	// The respondent is not told even the town a protected person lives in;
	// the defence reads towns, which name wide areas and police stations.
	opts := redact.Options{Withheld: words.Text("common.withheld", nil), Shapes: true, Towns: a == AudienceRespondent,
		KeepText: []string{c.Force.Name, c.Force.PoliceArea, c.Force.ChiefOfficer}}
	if c.SPO != nil {
		// The court, the applicant's contact and the police stations where
		// the respondent must notify are meant to be read by everyone.
		opts.KeepText = append(opts.KeepText, c.SPO.Court)
		if s := c.SPO.Signatory; s != nil {
			opts.KeepText = append(opts.KeepText, s.Contact)
		}
		for _, st := range c.SPO.PoliceStations {
			opts.KeepText = append(opts.KeepText, st.Name)
			opts.Keep = append(opts.Keep, redact.Details{Address: st.Address})
		}
		opts.Given = termTexts(c.SPO)
	}
	// The orders made were served on the respondent and an application to
	// vary one is too: their courts print, and the areas their terms name
	// are no secret from the respondent.
	for _, o := range c.Orders {
		opts.KeepText = append(opts.KeepText, o.Court)
		for _, t := range o.Terms {
			opts.Given = append(opts.Given, t.Text, t.Locality)
		}
	}
	if v := c.SPOVariation; v != nil {
		for _, ch := range v.Changes {
			opts.Given = append(opts.Given, ch.Text, ch.Locality)
		}
	}
	var homes []redact.Options
	for i := range c.People {
		p := &c.People[i]
		details := personDetails(p)
		switch {
		case slices.Contains(kept, p.ID):
			opts.Keep = append(opts.Keep, details)
			// Addresses the respondent notified or moved to are recorded,
			// but not kept: a notification may give someone else's home
			// (a false one even a protected person's), and a kept detail
			// wins over a withheld one.
			for _, a := range notifiedAddresses(c, p.ID) {
				opts.Withhold = append(opts.Withhold, redact.Details{Address: a})
			}
			continue
		case a == AudienceRespondent && p.AddressKnownToRespondent:
			opts.Keep = append(opts.Keep, redact.Details{Address: p.Address})
			details.Address = ""
		}
		opts.Withhold = append(opts.Withhold, details)
		if a == AudienceDefence && details.Address != "" {
			homes = append(homes, redact.Options{
				Withheld:    words.Text("common.home-of", map[string]any{"Name": strings.TrimSpace(p.Name()), "Role": string(p.Role)}),
				Withhold:    []redact.Details{{Address: details.Address}},
				AddressOnly: true,
			})
		}
	}
	for i := range homes {
		homes[i].Keep, homes[i].KeepText = opts.Keep, opts.KeepText
	}
	return opts, homes
}

// policyKey identifies a policy by the audience and every option its
// redactors are built from.
func policyKey(a Audience, main redact.Options, homes []redact.Options) [32]byte {
	h := sha256.New()
	k := main.Key()
	h.Write(k[:])
	for i := range homes {
		k := homes[i].Key()
		h.Write(k[:])
	}
	// The audience is a fixed word with no NUL in it; it closes the key.
	h.Write([]byte("\x00" + string(a)))
	var key [32]byte
	h.Sum(key[:0])
	return key
}

// disclosures keeps the policies built lately, by what they were built
// from.
var disclosures = &policyCache{entries: map[[32]byte]*Disclosure{}}

// policyCache is a small, bounded cache of policies, safe for concurrent
// use. A cached Disclosure is never used to print: callers get sessions
// of its redactors (NewDisclosure), so it never changes and may be shared.
type policyCache struct {
	mu      sync.Mutex
	entries map[[32]byte]*Disclosure
}

// maxCachedPolicies bounds the cache: a build needs two or three
// policies; a server building many cases at once needs a few more.
const maxCachedPolicies = 32

func (pc *policyCache) get(key [32]byte, build func() *Disclosure) *Disclosure {
	pc.mu.Lock()
	d, ok := pc.entries[key]
	pc.mu.Unlock()
	if ok {
		return d
	}
	d = build()
	pc.mu.Lock()
	if len(pc.entries) >= maxCachedPolicies {
		clear(pc.entries)
	}
	pc.entries[key] = d
	pc.mu.Unlock()
	return d
}

// termTexts are the words of an application's terms: the respondent is
// given them in full, so the areas they name are no secret from them.
func termTexts(s *SPO) []string {
	terms := s.Terms
	if s.Interim != nil {
		terms = append(slices.Clip(terms), s.Interim.Terms...)
	}
	var out []string
	for _, t := range terms {
		out = append(out, t.Text, t.Locality)
	}
	return out
}

// keptPeople are the ids of the people whose details the audience may see:
// the respondent's own (of the application, or of the order an application
// to vary is about; no one's if those differ), or the defendants'.
func keptPeople(c *Case, a Audience) []string {
	if a == AudienceRespondent {
		var ids []string
		if c.SPO != nil {
			ids = append(ids, c.SPO.Respondent)
		}
		if v := c.SPOVariation; v != nil {
			if o := c.Order(v.Order); o != nil {
				ids = append(ids, o.Respondent)
			}
		}
		if len(ids) > 0 {
			if slices.ContainsFunc(ids, func(id string) bool { return id != ids[0] }) {
				return nil
			}
			return ids[:1]
		}
	}
	var out []string
	for i := range c.People {
		if c.People[i].Role == RoleSuspect {
			out = append(out, c.People[i].ID)
		}
	}
	return out
}

func personDetails(p *Person) redact.Details {
	d := redact.Details{Address: p.Address, Phone: p.Phone, Email: p.Email}
	if !p.DateOfBirth.IsZero() {
		d.Birth = time.Date(p.DateOfBirth.Year(), p.DateOfBirth.Month(), p.DateOfBirth.Day(), 0, 0, 0, 0, time.UTC)
	}
	return d
}

// Audience returns the audience the policy is for.
func (d *Disclosure) Audience() Audience { return d.audience }

// Text returns s with everything the audience must not see withheld. A nil
// Disclosure, or one for an audience that sees everything, returns s.
func (d *Disclosure) Text(s string) string {
	if d == nil || d.r == nil {
		return s
	}
	return d.r.Apply(s)
}

// Place returns a place as the audience may read it. For the defence, a
// place that is a victim's or witness's address says whose home it is
// ("outside the home of Renée Marsh (victim)") rather than only that
// something was withheld, so the chronology still reads; anything else
// the audience must not see is left for Text to withhold.
func (d *Disclosure) Place(s string) string {
	if d == nil {
		return s
	}
	for _, h := range d.homes {
		s = h.Apply(s)
	}
	return s
}

// Withholds reports whether s holds anything the audience must not see.
func (d *Disclosure) Withholds(s string) bool { return d.Text(s) != s }

// Unrecorded returns the contact-shaped text in s that belongs to nobody
// recorded in the case: details the officer should check, and record on
// the person they belong to.
func (d *Disclosure) Unrecorded(s string) []string {
	if d == nil || d.r == nil {
		return nil
	}
	return d.r.Unrecorded(s)
}
