// Package synth generates fictional stalking cases of any size, with their
// exhibit files, for benchmarks, scale tests and `spokit sample`: every
// seed gives its own deterministic case, and every case passes validation.
package synth

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/spokit/spokit/casefile"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Options sizes a synthetic case (Generate). A zero or negative field
// takes its default, so Options{} is a small, complete case.
type Options struct {
	// Incidents is the number of occasions of conduct (default 12). Fewer
	// than 2 are raised to 2, the fewest a course of conduct needs.
	Incidents int
	// Statements is the number of witness statements (default 4). The first
	// is the victim's, then the officer in the case's, then the second
	// victim's; the rest are independent witnesses', with a further
	// statement by the victim every eighth and one by a second officer
	// every twelfth.
	Statements int
	// Exhibits is the number of exhibits (default 8).
	Exhibits int
	// ImageExhibits is how many exhibits come with a PNG or JPEG file,
	// alternately (default 3; at most Exhibits).
	ImageExhibits int
	// PDFExhibits is how many exhibits come with a one-page PDF file
	// (default 2; at most the exhibits left after the images).
	PDFExhibits int
	// Unused is the number of items of unused material (default 6); every
	// fifth, from the third, is sensitive and gives its reason.
	Unused int
	// StatementPages is the length of each statement in typed pages of
	// about 500 words (default 2).
	StatementPages int
	// Seed chooses the names, places, dates and wording. Every seed,
	// including 0, gives its own case.
	Seed int64
	// AsOf is the date the case is judged on (default 2 March 2026). The
	// last incident falls two to five weeks before it.
	AsOf casefile.Date
}

// Typical is the typical case spokit is measured at: 30 occasions, 5
// statements and 20 exhibits.
func Typical() Options { return Options{Incidents: 30, Statements: 5, Exhibits: 20, Seed: 1} }

// Large is the largest case spokit is measured at (its benchmarks and the
// scale it must handle): a long campaign with a large evidence base whose
// statements run to about three pages each.
func Large() Options {
	return Options{Incidents: 1000, Statements: 60, StatementPages: 3, Exhibits: 300,
		ImageExhibits: 50, Unused: 500, Seed: 8}
}

// Defaults of Options.
const (
	synthDefaultIncidents  = 12
	synthDefaultStatements = 4
	synthDefaultExhibits   = 8
	synthDefaultImages     = 3
	synthDefaultPDFs       = 2
	synthDefaultUnused     = 6
	synthDefaultPages      = 2
	// synthPageChars is about 500 words, one typed MG11 page.
	synthPageChars = 3000
	// synthMaxGapDays keeps consecutive occasions well inside the three
	// months after which COURSE-GAP asks for the link to be evidenced.
	synthMaxGapDays = 75
	// synthMaxSpanDays bounds the chronology to three years, however many
	// occasions there are.
	synthMaxSpanDays = 3 * 365
)

// withDefaults fills every zero or negative field.
func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Incidents, synthDefaultIncidents)
	def(&o.Statements, synthDefaultStatements)
	def(&o.Exhibits, synthDefaultExhibits)
	def(&o.ImageExhibits, synthDefaultImages)
	def(&o.PDFExhibits, synthDefaultPDFs)
	def(&o.Unused, synthDefaultUnused)
	def(&o.StatementPages, synthDefaultPages)
	o.Incidents = max(o.Incidents, 2)
	o.ImageExhibits = min(o.ImageExhibits, o.Exhibits)
	o.PDFExhibits = min(o.PDFExhibits, o.Exhibits-o.ImageExhibits)
	if o.AsOf.IsZero() {
		o.AsOf = casefile.NewDate(2026, time.March, 2)
	}
	return o
}

// Generate returns a fictional stalking case of the size opts asks for,
// with the folder its exhibit files are in, for testing spokit at scale and
// for demonstrations. The case is sound: it validates with no errors and
// no warnings under Rules() and the SPO rules (the respondent's working
// hours are recorded, so SPO-TERM-CONFLICT gives its note).
//
// One suspect stalks a victim and, on some occasions, a member of her or his
// family, with the PHA 1997 s.2A(3) behaviours among others, some online and
// some in fear of violence, over a period of up to three years ending shortly
// before opts.AsOf, with no gap between occasions longer than the course-gap
// rule allows. Every occasion is evidenced by at least one statement made
// after it, the exhibits are spread over the chronology, and every reference
// resolves; the case has unused material, risk assessments, an impact
// record, a proposed s.4A charge and a Stalking Protection Order
// application. Names and places are invented; the wording is British
// English and includes Welsh and other non-ASCII names.
//
// The same options always give the same case and byte-identical files (for
// a given Go release, whose encoders write the PNG and JPEG files): the only
// source of variety is a PCG generator seeded from opts.Seed. The returned
// fs.FS is an in-memory folder (fstest.MapFS) holding each exhibit's file
// at the path its File field names, and nothing else.
func Generate(opts Options) (*casefile.Case, fs.FS) {
	o := opts.withDefaults()
	g := &synthesizer{
		o:     o,
		rng:   rand.New(rand.NewPCG(uint64(o.Seed), 0x53504f4b4954)),
		files: fstest.MapFS{},
		used:  map[string]bool{},
	}
	g.c = &casefile.Case{Format: casefile.FormatV1, Marking: casefile.DefaultMarking, AsOf: o.AsOf, OfficerInCase: "O1"}
	g.force()
	g.people()
	g.chronology()
	g.relationships()
	g.planStatements()
	g.exhibits()
	g.statements()
	g.unused()
	g.assessments()
	g.charge()
	g.application()
	g.chargingFile()
	return g.c, g.files
}

// synthesizer holds one generation in progress.
type synthesizer struct {
	o     Options
	rng   *rand.Rand
	c     *casefile.Case
	files fstest.MapFS
	used  map[string]bool // names, and forenames, already given to someone
	// voices are the replacers of say, built on first use.
	voices [3]*strings.Replacer

	// The victim's world: where she or he lives and works.
	town, home, street, work            string
	streets                             []string
	victimMale, secondMale, suspectMale bool
	rel                                 string // the second victim's relation to the victim

	events []synthEvent
	plans  []synthStatementPlan
	last   casefile.Date // the last day of the last occasion
}

// Indices of the fixed people in Case.People; witnesses follow.
const (
	synthV1 = iota
	synthV2
	synthS1
	synthO1
	synthO2
	synthFirstWitness
)

// synthEvent is one occasion with what it was generated from, so that each
// statement can tell it in its maker's own voice.
type synthEvent struct {
	in     casefile.Incident
	tpl    *synthTemplate
	slots  *strings.Replacer // fills the occasion's own slots, and {when} and {at}
	extra  int               // index into synthClauses, or -1
	where  string            // the place or platform, as the incident's location
	at     string            // the place as it reads inside a sentence
	medium string            // for online conduct, how it came: "Instagram", "phone"
}

// synthWhere is the kind of place an occasion happens at.
type synthWhere int

const (
	synthAtOnline synthWhere = iota
	synthAtHome
	synthAtStreet
	synthAtVenue
	synthAtWork
	synthAtCafe
)

// synthTemplate is one kind of occasion. Its text starts with a verb in
// the past tense whose subject is the suspect, and uses slots: {V}, {Vo},
// {Vs} the victim by name as subject, object and possessive ("I", "me",
// "my" in the victim's own statement); {vs}, {vo}, {vp} the victim's
// pronouns; {S}, {ss}, {so}, {sp} the suspect's forename and pronouns;
// {V2}, {V2o}, {r2o} the second victim's forename, the second victim
// introduced as object ("me" in their own statement) and their object
// pronoun, and {rel} what they are to the victim; and the place and detail
// slots filled for each occasion.
type synthTemplate struct {
	text       string
	behaviours []casefile.Behaviour
	where      synthWhere
	fear       bool // the victim feared violence
	second     bool // directed at the second victim too
	untimed    bool // found afterwards, so no time is known
	spans      bool // may run over several days
	hours      [2]int
	thing      string // what a photograph or seized item shows, if particular
	weight     int
}

var synthTemplates = []synthTemplate{
	{text: "sent {Vo} {n} messages on {platform} in one evening after {vs} had asked {so} to stop, including \"you can't just cut me out of your life\".",
		behaviours: []casefile.Behaviour{casefile.Contacting}, where: synthAtOnline, hours: [2]int{19, 23}, weight: 4},
	{text: "rang {Vo} {n} times from withheld numbers in under two hours; when {vs} answered, {ss} stayed silent and then hung up.",
		behaviours: []casefile.Behaviour{casefile.Contacting}, where: synthAtOnline, hours: [2]int{20, 24}, weight: 3},
	{text: "followed {Vo} on foot from {venue} to {street}, staying about twenty metres behind and stopping whenever {vs} stopped.",
		behaviours: []casefile.Behaviour{casefile.Following}, where: synthAtStreet, hours: [2]int{7, 19}, weight: 3},
	{text: "drove slowly behind {Vo} in a {car} as {vs} walked along {street}, then parked opposite {vp} home for {mins} minutes.",
		behaviours: []casefile.Behaviour{casefile.Following, casefile.Watching}, where: synthAtStreet, hours: [2]int{7, 22}, weight: 3},
	{text: "stood across the road from {home} for about {mins} minutes after midnight, looking up at {Vs} bedroom window.",
		behaviours: []casefile.Behaviour{casefile.Watching, casefile.Loitering}, where: synthAtHome, fear: true, hours: [2]int{0, 3},
		thing: "the pavement opposite {home}, where the suspect stood", weight: 3},
	{text: "waited in the car park at {work} at the end of {Vs} shift and walked towards {vo} as {vs} came out.",
		behaviours: []casefile.Behaviour{casefile.Loitering, casefile.Contacting}, where: synthAtWork, hours: [2]int{17, 20}, weight: 3},
	{text: "commented on a photograph {V} had shared only with close friends on {social}, showing that {ss} was viewing {vp} private account through a second profile.",
		behaviours: []casefile.Behaviour{casefile.Monitoring}, where: synthAtOnline, hours: [2]int{8, 23}, weight: 2},
	{text: "sent a mutual friend a message saying where {V} had eaten lunch that day and who with, details {vs} had shared with no one.",
		behaviours: []casefile.Behaviour{casefile.Monitoring, casefile.ThirdPartyContact}, where: synthAtOnline, hours: [2]int{12, 22}, weight: 2},
	{text: "posted on {social} that {V} had a drink problem, naming {vp} employer and tagging {n} of {vp} colleagues.",
		behaviours: []casefile.Behaviour{casefile.Publishing}, where: synthAtOnline, hours: [2]int{18, 24}, weight: 2},
	{text: "set up a profile in {Vs} name on {social} using {vp} photographs, and used it to ask {vp} friends where {vs} went in the evenings.",
		behaviours: []casefile.Behaviour{casefile.Publishing, casefile.ThirdPartyContact}, where: synthAtOnline, untimed: true, spans: true, weight: 2},
	{text: "let down all four tyres of {Vs} car outside {home} during the night; a neighbour's doorbell camera shows a figure matching {so} crouching by the car.",
		behaviours: []casefile.Behaviour{casefile.Interfering, casefile.Damage}, where: synthAtHome, hours: [2]int{1, 5},
		thing: "the car outside {home} with its tyres let down", weight: 2},
	{text: "tried to sign in to {Vs} email account {n} times, prompting security alerts that named a device {ss} is known to use.",
		behaviours: []casefile.Behaviour{casefile.Interfering, casefile.Monitoring}, where: synthAtOnline, untimed: true, spans: true, weight: 2},
	{text: "took post from the letterbox at {home} and returned it opened and resealed the next day, with a letter from {Vs} solicitor missing.",
		behaviours: []casefile.Behaviour{casefile.Interfering}, where: synthAtHome, untimed: true,
		thing: "the opened and resealed envelopes returned to {home}", weight: 2},
	{text: "left {item} worth about {price} on the doorstep of {home}, with a card reading \"I'll always be here for you\".",
		behaviours: []casefile.Behaviour{casefile.Gifts, casefile.Contacting}, where: synthAtHome, untimed: true,
		thing: "{item} and the card left on the doorstep of {home}", weight: 2},
	{text: "approached {V2o} outside {venue} and asked {r2o} to tell {Vo} that {ss} \"isn't going anywhere\".",
		behaviours: []casefile.Behaviour{casefile.ThirdPartyContact, casefile.Contacting, casefile.Loitering}, where: synthAtVenue, fear: true, second: true, hours: [2]int{15, 19}, weight: 2},
	{text: "sent a voice note on {platform} saying {ss} knew which room {V} slept in and that {vs} \"wouldn't see it coming\".",
		behaviours: []casefile.Behaviour{casefile.Threats, casefile.Contacting}, where: synthAtOnline, fear: true, hours: [2]int{21, 24}, weight: 2},
	{text: "shouted at {Vo} on {street} that {vs} would be sorry if {vs} went to the police again, then walked off towards the town centre.",
		behaviours: []casefile.Behaviour{casefile.Threats, casefile.Contacting}, where: synthAtStreet, fear: true, hours: [2]int{9, 22}, weight: 2},
	{text: "scratched the word \"liar\" into the bonnet of {Vs} car while it was parked on {street}.",
		behaviours: []casefile.Behaviour{casefile.Damage, casefile.Interfering}, where: synthAtStreet, untimed: true,
		thing: "the word scratched into the bonnet of the car on {street}", weight: 1},
	{text: "sat at a table in {cafe} for over an hour watching {Vo} while {vs} met a friend, and photographed {vo} on {sp} phone.",
		behaviours: []casefile.Behaviour{casefile.Watching}, where: synthAtCafe, hours: [2]int{10, 17}, weight: 2},
	{text: "was waiting outside {venue} when {V} finished a class there, although {ss} has no reason to be in {town}.",
		behaviours: []casefile.Behaviour{casefile.Loitering, casefile.Watching}, where: synthAtVenue, hours: [2]int{18, 21}, weight: 2},
	{text: "sent a {n2}-page handwritten letter to {Vs} workplace, marked \"private\", describing what {vs} had worn on several days that month.",
		behaviours: []casefile.Behaviour{casefile.Contacting, casefile.Watching}, where: synthAtWork, untimed: true,
		thing: "the handwritten letter and its envelope", weight: 2},
	{text: "got on the same bus as {Vo} on {street} and got off at the same stop in {town}, standing close behind {vo} at the door.",
		behaviours: []casefile.Behaviour{casefile.Following}, where: synthAtStreet, hours: [2]int{7, 18}, weight: 2},
	{text: "sent texts from {n2} new numbers over several days, each after {V} had blocked the last, saying {ss} only wanted to talk.",
		behaviours: []casefile.Behaviour{casefile.Contacting}, where: synthAtOnline, hours: [2]int{8, 24}, spans: true, weight: 3},
	{text: "arrived at {venue} within minutes of {Vo} checking in there on {social}, although the check-in was visible only to close friends.",
		behaviours: []casefile.Behaviour{casefile.Monitoring, casefile.Watching}, where: synthAtVenue, hours: [2]int{11, 22}, weight: 2},
	{text: "grabbed {Vs} arm outside {home} when {vs} refused to speak to {so}, leaving bruising, and let go only when a neighbour shouted.",
		behaviours: []casefile.Behaviour{casefile.Violence, casefile.Contacting}, where: synthAtHome, fear: true, hours: [2]int{17, 23},
		thing: "the bruising to the victim's arm", weight: 1},
	{text: "reported {Vo} to {vp} employer, falsely claiming {vs} had been taking money from the till, which led to a meeting with {vp} manager.",
		behaviours: []casefile.Behaviour{casefile.OtherBehaviour, casefile.ThirdPartyContact}, where: synthAtWork, untimed: true, weight: 1},
	{text: "was seen photographing {home} from the lane behind the garden with a long-lens camera.",
		behaviours: []casefile.Behaviour{casefile.Watching}, where: synthAtHome, hours: [2]int{6, 21},
		thing: "the lane behind the garden of {home}", weight: 2},
	{text: "sent {V2o} a friend request on {platform}, followed by messages asking where {V} was living now.",
		behaviours: []casefile.Behaviour{casefile.ThirdPartyContact, casefile.Contacting}, where: synthAtOnline, second: true, hours: [2]int{9, 23}, weight: 2},
	{text: "drove into the car park of {venue} straight after {Vo} and sat in the car until {vs} left, then followed {vo} out.",
		behaviours: []casefile.Behaviour{casefile.Following, casefile.Watching}, where: synthAtVenue, hours: [2]int{8, 21}, weight: 2},
	{text: "walked past {home} {n2} times in an hour, slowing down each time to look through the front window.",
		behaviours: []casefile.Behaviour{casefile.Loitering, casefile.Watching}, where: synthAtHome, hours: [2]int{8, 22}, weight: 2},
}

// synthClause is a sentence that may follow an occasion's description.
type synthClause struct {
	text             string
	online, inPerson bool // the kinds of conduct it fits
}

var synthClauses = []synthClause{
	{" {V} told {so} to leave {vo} alone.", false, true},
	{" {V} did not reply.", true, false},
	{" A neighbour saw {so} leave in a {car}.", false, true},
	{" {S} left when {V} took out {vp} phone to call the police.", false, true},
	{" {V} recognised {so} straight away.", false, true},
	{" {V} reported it to the police the same day.", true, true},
	{" {V} was too frightened to go out for the rest of the day.", true, true},
	{" {V} kept screenshots of everything.", true, false},
}

// Banks of invented names and places. Initials are ASCII so exhibit
// references are; non-ASCII letters appear inside names and places.
var (
	synthFemale   = []string{"Siân", "Ffion", "Cerys", "Elin", "Bethan", "Rhiannon", "Mared", "Gwenllïan", "Heledd", "Nia", "Zoë", "Chloé", "Niamh", "Aoife", "Renée", "Megan", "Catrin", "Lowri", "Amara", "Priya"}
	synthMale     = []string{"Rhodri", "Dafydd", "Owain", "Aled", "Iolo", "Gethin", "Tomos", "Llŷr", "Emyr", "Seán", "Ciarán", "José", "Idris", "Gruffudd", "Kwame", "Tariq", "Marc", "Huw", "Geraint", "Osian"}
	synthSurnames = []string{"Pryce", "Bowen", "Vaughan", "Prothero", "Gruffydd", "Meredith", "Llewelyn", "Hughes", "Rowlands", "Bevan", "Ellis", "Nuñez", "Kowalczyk", "Okafor", "Lindqvist", "Jenkins", "Parry", "Pritchard", "Morgan", "Fernández", "Howells", "Thomas", "Wynne", "Mølgaard", "Brennan"}
	synthTowns    = []string{"Llanwennol", "Porth Eirin", "Cwmderwen", "Bryn Tawel", "Aberllyn", "Nant-y-Gog", "Rhydhelyg", "Pentre Môr", "Llys Ffynnon"}
	synthStreets  = []string{"Heol y Dderwen", "Ffordd Glan Môr", "Stryd Fawr", "Lôn Isaf", "Station Road", "Chapel Street", "Maes y Llan", "Rhes Tŷ Capel", "Ffordd yr Orsaf", "Bridge Street"}
	synthHomes    = []string{"Tŷ Gwyn", "Tŷ Coch", "Bryn Môr", "Hafod Wên", "Tŷ'r Ysgol", "Glan Dŵr", "Tŷ Hir"}
	synthVenues   = []string{"the leisure centre", "the library", "the railway station", "the supermarket car park", "the community hall", "the swimming pool", "the health centre", "the garden centre"}
	synthCafes    = []string{"Café Seren", "Café Môr", "Caffi'r Cei", "the Crêpe Café", "Café Bach"}
	synthPlatform = []string{"Instagram", "WhatsApp", "Facebook Messenger", "Snapchat", "Signal"}
	synthSocial   = []string{"Facebook", "Instagram", "TikTok", "a local community group on Facebook"}
	synthCars     = []string{"silver Ford Focus", "black Vauxhall Astra", "white Transit van", "blue Škoda Octavia", "red Citroën C3", "grey Kia Sportage"}
	synthItems    = []string{"a bracelet", "a bunch of roses", "a framed photograph of the two of them", "a box of chocolates", "a necklace", "a bottle of perfume", "a signed copy of a novel"}
	synthJobs     = [][2]string{
		{"Veterinary nurse", "Cwmderwen Vets"}, {"Primary school teacher", "Ysgol Bryn Tawel"}, {"Barista", "Café Seren"},
		{"Pharmacist", "Fferyllfa Porth Eirin"}, {"Staff nurse", "Ysbyty Aberllyn"}, {"Bank clerk", "the bank on Stryd Fawr"},
		{"Dental receptionist", "Deintyddfa'r Llan"}, {"Librarian", "Llyfrgell Llanwennol"},
	}
	synthWitnessJobs = []string{"Retired postman", "Shop assistant", "Electrician", "Care worker", "Student", "Taxi driver", "Accountant", "Farmer", "Hairdresser", "Café owner", "Bus driver", "Gardener"}
	synthSuspectJobs = [][2]string{
		{"Delivery driver", "Delivery rounds Monday to Saturday, 06:00 to 14:00"},
		{"Warehouse operative", "Shifts at a warehouse in Aberllyn, Monday to Friday, 07:00 to 15:00"},
		{"Plasterer", "Self-employed; works on sites across the county on weekdays"},
		{"IT support technician", "Works from home, Monday to Friday, 09:00 to 17:30"},
	}
)

// synthVoice is whose words a text is in.
type synthVoice int

const (
	synthThird     synthVoice = iota // a witness's, an officer's or the record's
	synthVictimOwn                   // the victim's own
	synthSecondOwn                   // the second victim's own
)

// voiceSlots returns the slots that name the victim, the suspect and the
// second victim in the given voice.
func (g *synthesizer) voiceSlots(v synthVoice) []string {
	p := g.c.People
	victim, s, v2 := &p[synthV1], &p[synthS1], &p[synthV2]
	vs, vo, vp := synthPronouns(g.victimMale)
	ss, so, sp := synthPronouns(g.suspectMale)
	_, r2o, _ := synthPronouns(g.secondMale)
	pairs := []string{"{S}", s.Forenames, "{ss}", ss, "{so}", so, "{sp}", sp,
		"{V2}", v2.Forenames, "{rel}", g.rel, "{home}", g.home, "{work}", g.work, "{town}", g.town}
	if v == synthVictimOwn {
		return append(pairs, "{V}", "I", "{Vo}", "me", "{Vs}", "my", "{vs}", "I", "{vo}", "me", "{vp}", "my",
			"{V2o}", "my "+g.rel+" "+v2.Forenames, "{r2o}", r2o)
	}
	pairs = append(pairs, "{V}", victim.Forenames, "{Vo}", victim.Forenames, "{Vs}", victim.Forenames+"'s", "{vs}", vs, "{vo}", vo, "{vp}", vp)
	if v == synthSecondOwn {
		return append(pairs, "{V2o}", "me", "{r2o}", "me")
	}
	return append(pairs, "{V2o}", victim.Forenames+"'s "+g.rel+" "+v2.Forenames, "{r2o}", r2o)
}

func synthPronouns(male bool) (subject, object, possessive string) {
	if male {
		return "he", "him", "his"
	}
	return "she", "her", "her"
}

// say fills the slots of text in voice v, first those of the occasion ev
// if it is not nil. Each replacer is built once, as statements fill
// thousands of sentences.
func (g *synthesizer) say(v synthVoice, text string, ev *synthEvent) string {
	if ev != nil {
		text = ev.slots.Replace(text)
	}
	if g.voices[v] == nil {
		g.voices[v] = strings.NewReplacer(g.voiceSlots(v)...)
	}
	return g.voices[v].Replace(text)
}

func (g *synthesizer) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// between returns a whole number from lo to hi inclusive.
func (g *synthesizer) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func (g *synthesizer) chance(p float64) bool { return g.rng.Float64() < p }

// name returns a forename and surname nobody in the case has yet.
func (g *synthesizer) name(male bool, surname string) (string, string) {
	forenames := synthFemale
	if male {
		forenames = synthMale
	}
	for try := 0; ; try++ {
		f, s := g.pick(forenames), surname
		if s == "" {
			s = g.pick(synthSurnames)
		}
		if g.used[f] && try < 20 {
			continue // a forename of its own, while the bank lasts, keeps people apart in the text
		}
		// Once the banks are used up, initials keep names apart: a random
		// one at first, then ones spelt from the attempt number, which are
		// new for each attempt, so the search always ends.
		switch {
		case !g.used[f+" "+s]:
		case try < 40:
			f += " " + string(rune('A'+g.rng.IntN(26))) + "."
		default:
			for n := try; n > 0; n /= 26 {
				f += " " + string(rune('A'+n%26)) + "."
			}
		}
		if !g.used[f+" "+s] {
			g.used[f+" "+s], g.used[f] = true, true
			return f, s
		}
	}
}

// dateOfBirth returns a birthday for someone aged years on AsOf.
func (g *synthesizer) dateOfBirth(years int) casefile.Date {
	return g.o.AsOf.AddMonths(-12 * years).AddDays(-g.between(1, 360))
}

func (g *synthesizer) postcode() string {
	return fmt.Sprintf("LL%d %dZ%c", g.between(10, 79), g.between(0, 9), "WXY"[g.rng.IntN(3)])
}

func (g *synthesizer) phone() string { return fmt.Sprintf("07700 900%03d", g.rng.IntN(1000)) }

// synthASCII spells the invented names without accents, for email
// addresses, exhibit references and file names.
var synthASCII = strings.NewReplacer("â", "a", "ê", "e", "î", "i", "ô", "o", "û", "u", "ŵ", "w", "ŷ", "y", "Ŷ", "Y",
	"ï", "i", "ë", "e", "é", "e", "á", "a", "í", "i", "ó", "o", "ñ", "n", "ø", "o", "Š", "S", "š", "s", "ö", "o", "'", "")

func (g *synthesizer) email(forenames, surname, domain string) string {
	local := strings.ToLower(synthASCII.Replace(strings.Fields(forenames)[0] + "." + strings.ReplaceAll(surname, " ", "")))
	return local + "@" + domain
}

func (g *synthesizer) force() {
	g.c.Force = casefile.Force{
		Name:         "North Wales Police",
		Code:         "60",
		PoliceArea:   "North Wales",
		ChiefOfficer: "Chief Constable of North Wales Police",
	}
	units := []string{"NC", "CW", "DY", "AN"}
	g.c.URN = fmt.Sprintf("60%s%05d%02d", g.pick(units), g.rng.IntN(100000), g.o.AsOf.Year()%100)
}

// people adds the victim, the second victim, the suspect, two officers and
// a witness for each independent witness statement.
func (g *synthesizer) people() {
	towns := slices.Clone(synthTowns)
	g.rng.Shuffle(len(towns), func(i, j int) { towns[i], towns[j] = towns[j], towns[i] })
	g.town = towns[0]
	g.streets = []string{g.pick(synthStreets), g.pick(synthStreets), g.pick(synthStreets)}
	g.street = g.streets[0]
	g.home = g.pick(synthHomes)
	job := synthJobs[g.rng.IntN(len(synthJobs))]
	g.work = job[1]
	g.victimMale, g.suspectMale = g.chance(0.25), g.chance(0.8)

	age := g.between(22, 58)
	vf, vsn := g.name(g.victimMale, "")
	homeAddr := fmt.Sprintf("%s\n%d %s\n%s %s", g.home, g.between(1, 80), g.street, g.town, g.postcode())
	v1 := casefile.Person{ID: "V1", Role: casefile.RoleVictim, Forenames: vf, Surname: vsn, DateOfBirth: g.dateOfBirth(age),
		Gender: synthGender(g.victimMale), Address: homeAddr, Phone: g.phone(), Email: g.email(vf, vsn, "example.org"),
		Occupation: job[0], Intimidated: true, SpecialMeasures: []string{"screens", "live link"},
		DatesToAvoid: []casefile.Date{g.o.AsOf.AddDays(g.between(40, 70))}}

	rels := []string{"sister", "brother"}
	if age < 45 {
		rels = append(rels, "mother", "father")
	}
	g.rel = g.pick(rels)
	g.secondMale = g.rel == "brother" || g.rel == "father"
	age2 := age + g.between(-6, 6)
	if g.rel == "mother" || g.rel == "father" {
		age2 = age + g.between(22, 32)
	}
	v2f, _ := g.name(g.secondMale, vsn)
	v2 := casefile.Person{ID: "V2", Role: casefile.RoleVictim, Forenames: v2f, Surname: vsn, DateOfBirth: g.dateOfBirth(max(age2, 18)),
		Gender: synthGender(g.secondMale), Address: homeAddr, Phone: g.phone()}

	sf, ssn := g.name(g.suspectMale, "")
	sjob := synthSuspectJobs[g.rng.IntN(len(synthSuspectJobs))]
	short := []rune(strings.Fields(sf)[0])
	s1 := casefile.Person{ID: "S1", Role: casefile.RoleSuspect, Forenames: sf, Surname: ssn,
		Aliases:     []string{string(short[:min(3, len(short))]) + " " + ssn, sf + " " + ssn + "e"},
		DateOfBirth: g.dateOfBirth(g.between(24, 60)), Gender: synthGender(g.suspectMale),
		Address: fmt.Sprintf("%d %s\n%s %s", g.between(1, 120), g.pick(synthStreets), towns[1], g.postcode()),
		Phone:   g.phone(), Occupation: sjob[0], WorkOrEducation: sjob[1]}

	o1f, o1s := g.name(g.chance(0.5), "")
	o2f, o2s := g.name(g.chance(0.5), "")
	o1 := casefile.Person{ID: "O1", Role: casefile.RoleOfficer, Forenames: o1f, Surname: o1s, Rank: "DC", Number: fmt.Sprint(g.between(1000, 9999)),
		Unit: "Public Protection Unit", Phone: "01492 000000", Email: g.email(o1f, o1s, "example.police.uk")}
	o2 := casefile.Person{ID: "O2", Role: casefile.RoleOfficer, Forenames: o2f, Surname: o2s, Rank: "PC", Number: fmt.Sprint(g.between(100, 999)),
		Unit: g.town + " Local Policing Unit"}
	g.c.People = []casefile.Person{v1, v2, s1, o1, o2}
}

// relationships records how the suspect knew the victim, ending an
// ex-partner relationship some months before the first occasion, and the
// victims' family tie.
func (g *synthesizer) relationships() {
	rel := casefile.Relationship{Between: []string{"S1", "V1"}, Type: []casefile.RelationshipType{casefile.ExPartner, casefile.Acquaintance, casefile.Colleague, casefile.Neighbour, casefile.OnlineOnly}[g.rng.IntN(5)]}
	if rel.Type == casefile.ExPartner {
		rel.LivedTogether = g.chance(0.5)
		rel.To = g.events[0].in.Date.AddMonths(-g.between(1, 6))
		rel.From = rel.To.AddMonths(-g.between(12, 60))
	}
	g.c.Relationships = []casefile.Relationship{rel, {Between: []string{"V1", "V2"}, Type: casefile.Family, LivedTogether: true}}
}

// synthArticle returns the noun phrase with "a" or "an" before it, in
// lower case.
func synthArticle(noun string) string {
	noun = strings.ToLower(noun[:1]) + noun[1:]
	if strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

func synthGender(male bool) string {
	if male {
		return "male"
	}
	return "female"
}

// chronology generates the occasions, oldest first, ending two to five
// weeks before AsOf.
func (g *synthesizer) chronology() {
	n := g.o.Incidents
	g.last = g.o.AsOf.AddDays(-g.between(14, 35))
	avg := float64(min(24*(n-1), synthMaxSpanDays)) / float64(n-1)
	gaps := make([]int, n-1)
	total := 0
	for i := range gaps {
		gaps[i] = min(int(avg*(0.2+1.6*g.rng.Float64())+0.5), synthMaxGapDays)
		total += gaps[i]
	}
	order := g.templateOrder(n)
	date := g.last.AddDays(-total)
	g.events = make([]synthEvent, n)
	for i := range g.events {
		if i > 0 {
			date = date.AddDays(gaps[i-1])
		}
		g.events[i] = g.event(date, &synthTemplates[order[i]])
	}
	slices.SortStableFunc(g.events, func(a, b synthEvent) int { return casefile.CompareIncidents(&a.in, &b.in) })
	for i := range g.events {
		g.events[i].in.ID = fmt.Sprintf("I%d", i+1)
	}
}

// templateOrder chooses the kind of each occasion: it begins with unwanted
// messages, goes through every kind once in a shuffled order so that a
// case of any size shows the range, then draws by weight. At least one
// occasion involves the second victim.
func (g *synthesizer) templateOrder(n int) []int {
	order := make([]int, n)
	perm := g.rng.Perm(len(synthTemplates) - 1)
	total := 0
	for _, t := range synthTemplates {
		total += t.weight
	}
	second := false
	for i := 1; i < n; i++ {
		if i-1 < len(perm) {
			order[i] = perm[i-1] + 1
		} else {
			r := g.rng.IntN(total)
			for j, t := range synthTemplates {
				if r -= t.weight; r < 0 {
					order[i] = j
					break
				}
			}
		}
		second = second || synthTemplates[order[i]].second
	}
	if !second {
		for j, t := range synthTemplates {
			if t.second {
				order[n/2] = j
				break
			}
		}
	}
	return order
}

// event fills one occasion of the given kind on date.
func (g *synthesizer) event(date casefile.Date, t *synthTemplate) synthEvent {
	slots := []string{
		"{n}", fmt.Sprint(g.between(3, 60)), "{n2}", fmt.Sprint(g.between(2, 6)), "{mins}", fmt.Sprint(5 * g.between(2, 18)),
		"{platform}", g.pick(synthPlatform), "{social}", g.pick(synthSocial), "{street}", g.pick(g.streets), "{venue}", g.pick(synthVenues),
		"{cafe}", g.pick(synthCafes), "{car}", g.pick(synthCars), "{item}", g.pick(synthItems),
		"{price}", fmt.Sprintf("£%d", 5*g.between(4, 60)),
	}
	value := func(slot string) string {
		for i := 0; i < len(slots); i += 2 {
			if slots[i] == slot {
				return slots[i+1]
			}
		}
		return ""
	}
	var where, at, medium string
	switch t.where {
	case synthAtOnline:
		switch {
		case strings.Contains(t.text, "{platform}"):
			medium = value("{platform}")
		case strings.Contains(t.text, "{social}"):
			medium = value("{social}")
		default:
			medium = "phone"
		}
		at = medium
	case synthAtHome:
		at = g.home + ", " + g.town
	case synthAtStreet:
		at = value("{street}") + ", " + g.town
	case synthAtVenue:
		at = value("{venue}") + ", " + g.town
	case synthAtWork:
		at = g.work + ", " + g.town
	case synthAtCafe:
		at = value("{cafe}") + ", " + g.town
	}
	where = strings.TrimPrefix(at, "the ")
	where = strings.ToUpper(where[:1]) + where[1:]
	ev := synthEvent{tpl: t, extra: -1, where: where, at: at, medium: medium}
	if k := g.rng.IntN(2 * len(synthClauses)); k < len(synthClauses) {
		cl := synthClauses[k]
		// Conduct found afterwards had no one there to see it.
		if t.where == synthAtOnline && cl.online || t.where != synthAtOnline && cl.inPerson && (!t.untimed || cl.online) {
			ev.extra = k
		}
	}
	in := casefile.Incident{Date: date, Location: where, Online: t.where == synthAtOnline, Behaviours: slices.Clone(t.behaviours),
		Victims: []string{"V1"}, VictimFearedViolence: t.fear || g.chance(0.1)}
	if t.second {
		in.Victims = append(in.Victims, "V2")
	}
	if !t.untimed {
		in.Time = casefile.Clock{Hour: g.between(t.hours[0], t.hours[1]-1), Minute: g.rng.IntN(60), Set: true}
	}
	if t.spans && g.chance(0.5) {
		in.EndDate = date.AddDays(g.between(1, 2))
	}
	if g.chance(0.25) {
		in.CrimeReference = fmt.Sprintf("NW-%02d-%06d", date.Year()%100, g.rng.IntN(1000000))
	}
	ev.in = in
	ev.slots = strings.NewReplacer(append(slots, "{when}", date.Long(), "{at}", at)...)
	desc := g.tell(&ev, synthThird)
	ev.in.Description = strings.ToUpper(desc[:1]) + desc[1:]
	return ev
}

// tell describes the occasion in voice v, starting with the verb in lower
// case: the suspect is the subject.
func (g *synthesizer) tell(ev *synthEvent, v synthVoice) string {
	text := g.say(v, ev.tpl.text, ev)
	if ev.extra >= 0 {
		text += g.say(v, synthClauses[ev.extra].text, ev)
	}
	return text
}

// synthMaker is who makes a statement.
type synthMaker int

const (
	synthByVictim synthMaker = iota
	synthBySecond
	synthByOfficer
	synthByWitness
)

// synthStatementPlan is one statement before its text is written: who
// makes it and which occasions and exhibits it covers.
type synthStatementPlan struct {
	kind     synthMaker
	person   int   // index into People
	covers   []int // indices of the occasions it gives evidence of, ascending
	exhibits []int // indices of the exhibits produced in it
	date     casefile.Date
}

// planStatements decides who makes each statement and what each covers.
// The victim's statements take the chronology in turn; each independent
// witness saw one to three occasions in their part of it; the second
// victim speaks to the occasions aimed at them; the officers cover the
// occasions whose exhibits they produced (exhibits adds those).
func (g *synthesizer) planStatements() {
	n, s := len(g.events), g.o.Statements
	kinds := make([]synthMaker, s)
	victims, witnesses := 0, 0
	for i := range kinds {
		switch {
		case i == 0 || i > 2 && i%8 == 7:
			kinds[i] = synthByVictim
			victims++
		case i == 1 || i > 2 && i%12 == 11:
			kinds[i] = synthByOfficer
		case i == 2:
			kinds[i] = synthBySecond
		default:
			kinds[i] = synthByWitness
			witnesses++
		}
	}
	g.plans = make([]synthStatementPlan, s)
	v, w, officer := 0, 0, synthO1
	for i, k := range kinds {
		p := &g.plans[i]
		p.kind = k
		switch k {
		case synthByVictim:
			p.person = synthV1
			for j := v * n / victims; j < (v+1)*n/victims; j++ {
				p.covers = append(p.covers, j)
			}
			v++
		case synthBySecond:
			p.person = synthV2
			for j := range g.events {
				if slices.Contains(g.events[j].in.Victims, "V2") {
					p.covers = append(p.covers, j)
				}
			}
		case synthByOfficer:
			p.person = officer
			officer = synthO2
		case synthByWitness:
			p.person = g.witness()
			lo, hi := w*n/witnesses, max((w+1)*n/witnesses, w*n/witnesses+1)
			seen := g.rng.Perm(hi - lo)[:min(hi-lo, g.between(1, 3))]
			for _, j := range seen {
				p.covers = append(p.covers, lo+j)
			}
			slices.Sort(p.covers)
			w++
		}
	}
}

// witness adds an independent witness to People and returns its index.
func (g *synthesizer) witness() int {
	male := g.chance(0.5)
	f, s := g.name(male, "")
	job, age := g.pick(synthWitnessJobs), g.between(22, 64)
	switch {
	case strings.HasPrefix(job, "Retired"):
		age = g.between(66, 85)
	case job == "Student":
		age = g.between(18, 24)
	}
	town := g.town
	if g.chance(0.3) {
		town = g.pick(synthTowns)
	}
	id := fmt.Sprintf("W%d", len(g.c.People)-synthFirstWitness+1)
	g.c.People = append(g.c.People, casefile.Person{ID: id, Role: casefile.RoleWitness, Forenames: f, Surname: s,
		DateOfBirth: g.dateOfBirth(age), Gender: synthGender(male),
		Address: fmt.Sprintf("%d %s\n%s %s", g.between(1, 150), g.pick(synthStreets), town, g.postcode()),
		Phone:   g.phone(), Email: g.email(f, s, "example.net"), Occupation: job})
	return len(g.c.People) - 1
}

// planCovering returns the index of the first statement of the given kind
// that covers occasion i, or -1.
func (g *synthesizer) planCovering(i int, kinds ...synthMaker) int {
	for j := range g.plans {
		if slices.Contains(kinds, g.plans[j].kind) && slices.Contains(g.plans[j].covers, i) {
			return j
		}
	}
	return -1
}

// officerPlans returns the indices of the officers' statements.
func (g *synthesizer) officerPlans() []int {
	var out []int
	for j := range g.plans {
		if g.plans[j].kind == synthByOfficer {
			out = append(out, j)
		}
	}
	return out
}

// synthFile is the kind of file an exhibit comes with.
type synthFile int

const (
	synthNoFile synthFile = iota
	synthPNG
	synthJPEG
	synthPDFFile
)

// exhibits spreads the exhibits over the chronology, each produced by
// someone whose statement covers its occasion, and makes their files.
func (g *synthesizer) exhibits() {
	k, n := g.o.Exhibits, len(g.events)
	kinds := make([]synthFile, k)
	for j, e := range g.rng.Perm(k)[:g.o.ImageExhibits+g.o.PDFExhibits] {
		switch {
		case j >= g.o.ImageExhibits:
			kinds[e] = synthPDFFile
		case j%2 == 0:
			kinds[e] = synthPNG
		default:
			kinds[e] = synthJPEG
		}
	}
	officers := g.officerPlans()
	counts := map[string]int{} // exhibits so far per producer's initials
	g.c.Exhibits = make([]casefile.Exhibit, k)
	for e := range k {
		i := e * n / k
		ev := &g.events[i]
		plan := g.producer(i, officers)
		p := &g.plans[plan]
		maker := &g.c.People[p.person]
		initials := synthASCII.Replace(string([]rune(maker.Forenames)[:1]) + string([]rune(maker.Surname)[:1]))
		counts[initials]++
		ref := fmt.Sprintf("%s/%d", initials, counts[initials])
		x := casefile.Exhibit{Ref: ref, ProducedBy: maker.ID, Description: g.exhibitDescription(ev, p.kind, kinds[e])}
		if p.kind == synthByOfficer {
			x.SeizedDate = g.clamp(ev.in.LastDate().AddDays(g.between(0, 5)))
			x.SeizedPlace = ev.where
			if ev.in.Online {
				x.SeizedPlace = g.town + " Police Station"
			}
			if last := len(p.covers); last == 0 || p.covers[last-1] != i {
				p.covers = append(p.covers, i)
			}
		}
		p.exhibits = append(p.exhibits, e)
		ev.in.Exhibits = append(ev.in.Exhibits, ref)
		if kinds[e] != synthNoFile {
			x.File = g.exhibitFile(&x, ev, kinds[e], strings.ToLower(initials), counts[initials])
			// The generator draws its pictures itself, with nothing in them
			// that locates anyone: the check an officer would record.
			x.CheckedForService = kinds[e] != synthPDFFile
		}
		g.c.Exhibits[e] = x
	}
}

// producer chooses whose statement produces an exhibit of occasion i:
// for online conduct usually the victim, else an independent witness who
// saw it or an officer who seized it.
func (g *synthesizer) producer(i int, officers []int) int {
	victim := g.planCovering(i, synthByVictim)
	witness := g.planCovering(i, synthByWitness, synthBySecond)
	switch {
	case g.events[i].in.Online && (len(officers) == 0 || g.chance(0.7)):
		return victim
	case witness >= 0 && g.chance(0.5):
		return witness
	case len(officers) > 0:
		return officers[g.rng.IntN(len(officers))]
	}
	return victim
}

func (g *synthesizer) clamp(d casefile.Date) casefile.Date {
	if d.After(g.o.AsOf) {
		return g.o.AsOf
	}
	return d
}

// exhibitDescription says what an exhibit is, starting with a common noun.
func (g *synthesizer) exhibitDescription(ev *synthEvent, maker synthMaker, file synthFile) string {
	when := ev.in.Date.Long()
	subject := "the scene at " + ev.at
	if ev.tpl.thing != "" {
		subject = g.say(synthThird, ev.tpl.thing, ev)
	}
	isImage := file == synthPNG || file == synthJPEG
	switch {
	case ev.in.Online && isImage:
		return fmt.Sprintf("Screenshot of the contact by %s on %s", ev.medium, when)
	case ev.in.Online && file == synthPDFFile:
		return fmt.Sprintf("Printout of the contact by %s and the call log for %s", ev.medium, when)
	case ev.in.Online && maker == synthByOfficer:
		return g.say(synthThird, "Download report of the mobile phone of {V}, including the contact of ", nil) + when
	case ev.in.Online:
		return fmt.Sprintf("Screenshots of the contact by %s on %s, on a USB stick", ev.medium, when)
	case isImage:
		return fmt.Sprintf("Photograph of %s, taken after the occasion of %s", subject, when)
	case file == synthPDFFile && maker == synthByOfficer:
		return fmt.Sprintf("CCTV stills from %s for %s", ev.at, when)
	case file == synthPDFFile:
		return fmt.Sprintf("Printout of the photographs taken on a phone at %s on %s", ev.at, when)
	case maker == synthByOfficer && ev.tpl.where == synthAtHome:
		return fmt.Sprintf("Body-worn video of the police attendance at %s after the occasion of %s", ev.at, when)
	case maker == synthByOfficer:
		return fmt.Sprintf("CCTV footage from %s for %s, on a USB stick", ev.at, when)
	}
	return fmt.Sprintf("Handwritten note of what was seen at %s on %s, made the same day", ev.at, when)
}

// statements dates the statements, links them to their occasions and
// writes their text.
func (g *synthesizer) statements() {
	g.c.Statements = make([]casefile.Statement, len(g.plans))
	for j := range g.plans {
		p := &g.plans[j]
		latest := g.last
		if len(p.covers) > 0 {
			latest = g.events[p.covers[0]].in.LastDate()
			for _, i := range p.covers {
				if d := g.events[i].in.LastDate(); d.After(latest) {
					latest = d
				}
			}
		}
		for _, e := range p.exhibits {
			if d := g.c.Exhibits[e].SeizedDate; d.After(latest) {
				latest = d
			}
		}
		p.date = g.clamp(latest.AddDays(g.between(1, 6)))
		st := casefile.Statement{ID: fmt.Sprintf("ST%d", j+1), Person: g.c.People[p.person].ID, Date: p.date}
		switch p.kind {
		case synthByOfficer:
			st.Place = g.town + " Police Station"
		case synthByVictim:
			st.Place, st.TakenBy = g.town+" Police Station", "O1"
		default:
			st.Place, st.TakenBy = "Home address of the witness", "O2"
		}
		for _, e := range p.exhibits {
			if x := &g.c.Exhibits[e]; x.SeizedDate.IsZero() {
				x.SeizedDate, x.SeizedPlace = p.date, st.Place
			}
		}
		for _, i := range p.covers {
			g.events[i].in.Statements = append(g.events[i].in.Statements, st.ID)
		}
		st.Text = g.statementText(p)
		g.c.Statements[j] = st
	}
	g.c.Incidents = make([]casefile.Incident, len(g.events))
	for i := range g.events {
		g.c.Incidents[i] = g.events[i].in
	}
}

// The sentence banks fill out a statement beyond its account of each
// occasion, in the maker's voice. A statement draws from its bank without
// repeating a sentence until it has used them all.
var (
	synthVictimSentences = []string{
		"I now check the street from the upstairs window before I leave the house.",
		"I have changed my route to {work} several times, but {S} still seems to know where I will be.",
		"My {rel}, {V2}, now walks with me whenever I go out after dark.",
		"I sleep with my phone beside me and the bedroom door locked.",
		"I did not want to involve the police at first because I hoped {ss} would lose interest.",
		"Every time my phone goes I feel sick, because I think it will be {so}.",
		"I have had a camera doorbell and new locks fitted at {home}.",
		"I have stopped going to the places in {town} I used to visit most weeks.",
		"I have told my manager at {work} what is happening, and my shifts have been changed so that I do not finish alone.",
		"There have been many more messages than the ones I describe here; I kept screenshots of as many as I could.",
		"I have never given {S} permission to contact me, and I have told {so} so more than once.",
		"I am frightened of what {ss} will do next, because each time it has gone further than before.",
		"My friends have stopped posting where we are, because {S} seems to hear about it.",
		"I have lost weight and I am not sleeping properly; my doctor has prescribed something to help.",
		"I no longer feel safe in my own home, and I have thought about leaving {town} altogether.",
		"I keep a diary of everything that happens, and I have given a copy to the police.",
		"I am willing to attend court to give evidence, although I would like to do so from behind a screen.",
		"I have blocked {so} on every platform, but new accounts keep appearing.",
		"I have never encouraged {so} or given {so} any reason to think I wanted contact.",
		"My {rel} has been upset by what has happened and now stays with me more often.",
		"I would describe the effect on my life as exhausting; I am always on edge.",
		"When I see a car like {sp} I freeze, even when I know it is not {so}.",
		"I have cancelled plans with friends rather than risk {S} turning up.",
		"I have started to keep the curtains closed during the day.",
		"I have taken time off work because I could not concentrate.",
		"I have stopped running in the evenings, which I used to do three times a week.",
		"I have given my neighbours a description of {S} and asked them to call the police if they see {so}.",
		"I have asked the council to remove my details from the open electoral register.",
		"I feel that I have lost control of my own life.",
		"I want {so} to stop, and I want to be able to go out without looking over my shoulder.",
		"I no longer walk along {street} on my own.",
		"I no longer go to {cafe}, where I used to meet friends.",
		"Whenever I see a {car} I check who is driving.",
		"I used to go to {venue} every week, but I have stopped.",
	}
	synthWitnessSentences = []string{
		"I have known {V} for several years, through work and through friends in {town}.",
		"{V} is not someone who panics easily, so I took it seriously when {vs} told me what was happening.",
		"Over recent months I have seen {V} become withdrawn and anxious.",
		"{V} has asked me to walk {vo} to {vp} car on several occasions.",
		"I know {S} by sight; I have seen {so} around {town} many times.",
		"I have no reason to want to get anyone into trouble; I am giving this statement because of what I saw.",
		"{V} has shown me messages on {vp} phone that frightened {vo}.",
		"I noticed {V} checking over {vp} shoulder when we were out together.",
		"I made a note of what I saw shortly afterwards, and I have given it to the police.",
		"I am willing to attend court if I am needed.",
		"The light was good and nothing blocked my view.",
		"I told {V} what I had seen the same evening, and {vs} was shaking when I did.",
		"I would recognise {S} again.",
		"I have not discussed my evidence with anyone other than the police.",
		"Since then I have kept an eye on {home} when I pass it.",
		"I wear glasses for reading only, and my distance eyesight is good.",
		"{V} used to be out and about in {town} all the time, and now I hardly see {vo}.",
		"I have seen {V} cry when {vp} phone rang.",
		"{S} has never spoken to me, but I have seen {so} look across at {V} in a way that worried me.",
		"I have offered to let {V} park on my drive so that {vp} car is out of sight.",
		"I have lived in the area for many years and I know the streets well.",
		"I did not speak to {S}, because I did not want to make things worse for {V}.",
		"I have seen a {car} parked on {street} more than once, with someone sitting in it.",
		"I often walk along {street}, and I have seen {S} there several times.",
		"I go to {venue} most weeks, and I have seen {S} hanging around outside.",
		"I have met {V} for coffee at {cafe}, and {vs} always sits facing the door now.",
	}
	synthSecondSentences = []string{
		"I have seen what this has done to my {rel}, who was always the confident one.",
		"{V} hardly goes out now unless I go too.",
		"I have started checking the street before I open the front door.",
		"I did not know {S} well before all this, and I have never given {so} any reason to contact me.",
		"I am worried that {S} will turn up at my work next.",
		"I have changed my own routine so that {V} is not in the house alone at night.",
		"I have blocked {S} everywhere I can, and I have told my friends not to pass on anything about us.",
		"I am willing to attend court if I am needed.",
		"I have not discussed my evidence with anyone other than the police.",
		"It frightened me that {S} knew where I would be.",
		"I have noticed a {car} on {street} more than once and wondered whether it was {sp}.",
		"We no longer go to {venue} together, which we used to do most weekends.",
		"I would recognise {S} again.",
		"When the phone rings late at night we both jump.",
	}
	synthOfficerSentences = []string{
		"I made enquiries with the network providers about the numbers used, and recorded the results on the file.",
		"I reviewed the CCTV available in {town} and recorded what each camera showed in my pocket notebook.",
		"I checked the police systems for previous reports involving {S}, and recorded the results on the file.",
		"I visited {V} at home to update {vo} on the investigation and to review the safety measures in place.",
		"I referred {V} to the independent stalking advocacy service for the area.",
		"I arranged for a marker to be placed on {home} so that calls from the address are given priority.",
		"I have recorded each new report from {V} in the chronology for this case.",
		"I sealed each item in an evidence bag with its own seal number, recorded in the exhibits register.",
		"I discussed the case with the Crown Prosecution Service before the file was submitted.",
		"I carried out house-to-house enquiries near {home}; the results are on the unused material schedule.",
		"I compared the screenshots produced with the handset itself, and they are complete copies of what it showed.",
		"I checked the electoral roll and council tax records, which confirm the address {S} gave.",
		"I completed a stalking risk assessment with {V}, and reviewed it after each new report.",
		"I considered whether a Stalking Protection Order was needed, and recorded my decision and reasons on the file.",
		"I have kept {V} informed of each step in the investigation, as the victims' code requires.",
		"I applied for the subscriber details of the accounts used, and the results are held on the file.",
		"I have served a notice on {S} telling {so} that the police regard the conduct as stalking.",
		"I have liaised with the neighbourhood team so that patrols pass {home} when they can.",
		"I checked that the times on the CCTV systems I examined were correct against the speaking clock.",
		"I have recorded every decision about disclosure on the unused material schedules.",
		"I checked for CCTV on {street} and at {venue}, and recorded what was available.",
		"I checked the vehicle index for any {car} linked to {S}.",
		"I asked the staff at {cafe} to keep any recordings from their cameras.",
	}
	// synthDated are sentences about one occasion of the chronology: {when}
	// is its date and {at} its place.
	synthVictimDated = []string{
		"What happened on {when} still keeps me awake.",
		"I avoid {at} now, because of what happened there on {when}.",
		"After {when} I did not leave the house for two days.",
		"I told my {rel} about {when} that evening, and I could not stop shaking.",
	}
	synthWitnessDated = []string{
		"I have been past {at} many times since {when}, and I look out for {S} each time.",
		"{V} spoke to me about {when} a few days later, and {vs} was still upset.",
		"I heard about {when} from {V} the next morning.",
	}
	synthOfficerDated = []string{
		"I reviewed the report of {when} again before submitting the file, and checked it against the crime record.",
		"I checked for CCTV near {at} after the report of {when}.",
		"I updated the risk assessment after the report of {when}.",
	}
)

// statementText writes a statement of about StatementPages pages: who the
// maker is, their account of each occasion they cover (summing up the rest
// once the account is long enough), the exhibits they produce, and what
// else they can say.
func (g *synthesizer) statementText(p *synthStatementPlan) string {
	target := g.o.StatementPages * synthPageChars
	var paras []string
	size := 0
	add := func(s string) {
		if len(paras) > 0 {
			size += len("\n\n")
		}
		paras = append(paras, s)
		size += len(s)
	}
	add(g.introduction(p))

	told := 0
	for _, i := range p.covers {
		if size > target*7/10 {
			break
		}
		add(g.account(p, i))
		told++
	}
	if rest := p.covers[told:]; len(rest) > 0 {
		from, to := g.events[rest[0]].in.Date, g.events[rest[len(rest)-1]].in.LastDate()
		summary := "Between %s and %s there were %d further occasions like these. I have gone through each of them with the officer, who has recorded the date, time and place of every one in the chronology; I confirm that account."
		if p.kind == synthByOfficer {
			summary = "Between %s and %s a further %d occasions were reported, which I recorded with the date, time and place of each in the chronology."
		}
		add(fmt.Sprintf(summary, from.Long(), to.Long(), len(rest)))
	}
	if len(p.exhibits) > 0 {
		refs := make([]string, len(p.exhibits))
		for j, e := range p.exhibits {
			refs[j] = g.c.Exhibits[e].Ref
		}
		add(g.production(p, refs))
	}

	voice, bank, dated := synthThird, synthWitnessSentences, synthWitnessDated
	switch p.kind {
	case synthByVictim:
		voice, bank, dated = synthVictimOwn, synthVictimSentences, synthVictimDated
	case synthByOfficer:
		bank, dated = synthOfficerSentences, synthOfficerDated
	case synthBySecond:
		voice, bank = synthSecondOwn, synthSecondSentences
	}
	var deck []int
	for size < target {
		sentences := make([]string, g.between(3, 5))
		for j := range sentences {
			if len(deck) == 0 {
				deck = g.rng.Perm(len(bank))
			}
			sentences[j] = g.say(voice, bank[deck[0]], g.before(p.date))
			deck = deck[1:]
		}
		if g.chance(0.6) {
			sentences[g.rng.IntN(len(sentences))] = g.say(voice, g.pick(dated), g.before(p.date))
		}
		add(strings.Join(sentences, " "))
	}
	return strings.Join(paras, "\n\n")
}

// before returns a random occasion that ended by day, for a statement
// made that day to mention.
func (g *synthesizer) before(day casefile.Date) *synthEvent {
	k, _ := slices.BinarySearchFunc(g.events, day, func(ev synthEvent, d casefile.Date) int {
		if ev.in.Date.After(d) {
			return 1
		}
		return -1
	})
	for k > 0 && g.events[k-1].in.LastDate().After(day) {
		k--
	}
	return &g.events[g.rng.IntN(max(k, 1))]
}

// introduction says who the maker is and how they know the people.
func (g *synthesizer) introduction(p *synthStatementPlan) string {
	maker := &g.c.People[p.person]
	suspect := &g.c.People[synthS1]
	years := p.date.Year() - maker.DateOfBirth.Year()
	switch p.kind {
	case synthByOfficer:
		intro := fmt.Sprintf("I am %s %s, collar number %s, of the %s of %s.", synthRankName(maker.Rank), maker.Name(), maker.Number, maker.Unit, g.c.Force.Name)
		if maker.ID == g.c.OfficerInCase {
			intro += g.say(synthThird, " I am the officer in the case of the stalking of {V} by {S} "+suspect.Surname+".", nil)
		}
		return intro
	case synthByVictim:
		if p != &g.plans[0] {
			return fmt.Sprintf("This is a further statement. My name is %s. Since my last statement %s has carried on, and I describe here what has happened since.", maker.Name(), suspect.Name())
		}
		how := map[casefile.RelationshipType]string{
			casefile.ExPartner:    "{S} is my former partner. I ended the relationship, and since then {ss} has refused to accept it.",
			casefile.Acquaintance: "I know {S} because {ss} used to come into {work}. We were never friends.",
			casefile.Colleague:    "{S} and I used to work together, though we were never close.",
			casefile.Neighbour:    "{S} lives a few streets away from me in {town}.",
			casefile.OnlineOnly:   "I have never met {S} in person; {ss} first contacted me online.",
		}[g.c.Relationships[0].Type]
		return g.say(synthVictimOwn, fmt.Sprintf("My name is %s and I am %d years old. I live at {home}, %s, {town}, with my {rel} {V2}, and I work as %s at {work}. I make this statement about %s. ",
			maker.Name(), years, g.street, synthArticle(maker.Occupation), suspect.Name())+how, nil)
	case synthBySecond:
		return g.say(synthSecondOwn, fmt.Sprintf("My name is %s. I am {Vs} {rel} and I live with {vo} at {home}, {town}. I make this statement about %s, who has also approached me.", maker.Name(), suspect.Name()), nil)
	}
	town := strings.Fields(strings.Split(maker.Address, "\n")[1])
	return g.say(synthThird, fmt.Sprintf("My name is %s. I am %d and I am %s. I live in %s. I know {V}, and I know of %s.",
		maker.Name(), years, synthArticle(maker.Occupation), strings.Join(town[:len(town)-2], " "), suspect.Name()), nil)
}

func synthRankName(rank string) string {
	switch rank {
	case "DC":
		return "Detective Constable"
	case "PC":
		return "Police Constable"
	}
	return rank
}

// account tells one occasion in the maker's words.
func (g *synthesizer) account(p *synthStatementPlan, i int) string {
	ev := &g.events[i]
	when := "On " + ev.in.Date.Long()
	if ev.in.Time.Set {
		when += ", at about " + ev.in.Time.String()
	}
	suspect := g.c.People[synthS1].Forenames
	switch {
	case p.kind == synthByVictim:
		return when + ", " + suspect + " " + g.tell(ev, synthVictimOwn)
	case p.kind == synthBySecond:
		return when + ", " + suspect + " " + g.tell(ev, synthSecondOwn)
	case p.kind == synthByOfficer:
		return fmt.Sprintf("%s, %s reported to the police that %s %s I recorded the report and began enquiries.",
			when, g.c.People[synthV1].Forenames, suspect, g.tell(ev, synthThird))
	case ev.in.Online:
		return when + ", " + g.say(synthThird, "{V} showed me {vp} phone. From what I saw, ", nil) + suspect + " " + g.tell(ev, synthThird)
	}
	return fmt.Sprintf("%s, I was near %s and saw what happened. %s %s", when, ev.at, suspect, g.tell(ev, synthThird))
}

// production is the paragraph in which the maker produces their exhibits.
func (g *synthesizer) production(p *synthStatementPlan, refs []string) string {
	list := refs[0]
	if len(refs) > 1 {
		list = strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
	}
	what := "exhibit"
	if len(refs) > 1 {
		what = "exhibits"
	}
	switch p.kind {
	case synthByOfficer:
		return fmt.Sprintf("I seized or received the items described in the exhibit list for these occasions, and I produce them as %s %s.", what, list)
	case synthByVictim:
		return fmt.Sprintf("I handed the officer the screenshots, photographs and items I had kept of these occasions. I produce them as %s %s.", what, list)
	}
	return fmt.Sprintf("I gave the officer what I had recorded of what I saw, and I produce it as %s %s.", what, list)
}

// exhibitFile makes the file an exhibit comes with, adds it to the case
// folder and returns its path.
func (g *synthesizer) exhibitFile(x *casefile.Exhibit, ev *synthEvent, kind synthFile, initials string, n int) string {
	var data []byte
	ext := "pdf"
	switch kind {
	case synthPNG, synthJPEG:
		img := g.picture(x.Ref, ev)
		var b bytes.Buffer
		if kind == synthPNG {
			ext = "png"
			_ = png.Encode(&b, img) // writing to memory cannot fail
		} else {
			ext = "jpg"
			_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
		}
		data = b.Bytes()
	case synthPDFFile:
		lines := g.pdfLines(x, ev)
		data = synthPDF(x.Ref, lines)
		if strings.Contains(ev.at, g.home) || strings.Contains(ev.at, g.street) {
			// A document that names the victims' home or street is served
			// in a version prepared for service, as an officer would
			// prepare it.
			redacted := make([]string, len(lines))
			for i, l := range lines {
				redacted[i] = strings.ReplaceAll(l, ev.at, "[address redacted]")
			}
			x.RedactedFile = fmt.Sprintf("exhibits/%s-%d-redacted.%s", initials, n, ext)
			g.files[x.RedactedFile] = &fstest.MapFile{Data: synthPDF(x.Ref, redacted), Mode: 0o644}
		}
	}
	name := fmt.Sprintf("exhibits/%s-%d.%s", initials, n, ext)
	g.files[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	return name
}

// Picture size of image exhibits, in pixels.
const synthImageW, synthImageH = 200, 150

// picture draws a small image: a message screen for online conduct, a
// street scene otherwise, with the exhibit reference and date underneath.
func (g *synthesizer) picture(ref string, ev *synthEvent) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, synthImageW, synthImageH))
	fillRect := func(r image.Rectangle, c color.RGBA) { draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src) }
	shade := func(base uint8) uint8 { return base - uint8(g.rng.IntN(40)) }
	if ev.in.Online {
		fillRect(img.Bounds(), color.RGBA{236, 236, 240, 255})
		fillRect(image.Rect(0, 0, synthImageW, 18), color.RGBA{40, 60, shade(140), 255})
		synthText(img, 6, 13, synthASCII.Replace(ev.where), color.RGBA{255, 255, 255, 255})
		// Messages received on the left, the victim's replies on the right.
		received := []string{"answer me", "why won't you talk", "I know where you are", "I'm outside", "you can't ignore me", "just one chat", "I saw you today"}
		replies := []string{"please stop", "leave me alone", "stop messaging me", "no"}
		for y := 24; y+15 <= 120; y += 19 {
			text, x, c := g.pick(received), 6, color.RGBA{210, 210, 215, 255}
			w := 8 + 7*len(text)
			if g.chance(0.25) {
				text = g.pick(replies)
				w = 8 + 7*len(text)
				x, c = synthImageW-6-w, color.RGBA{120, 170, shade(250), 255}
			}
			fillRect(image.Rect(x, y, x+w, y+15), c)
			synthText(img, x+4, y+11, text, color.RGBA{20, 20, 20, 255})
		}
	} else {
		fillRect(image.Rect(0, 0, synthImageW, 80), color.RGBA{shade(170), shade(200), 235, 255})
		fillRect(image.Rect(0, 80, synthImageW, 125), color.RGBA{shade(110), shade(110), shade(110), 255})
		bx := g.between(10, 90)
		fillRect(image.Rect(bx, 30, bx+90, 80), color.RGBA{shade(200), shade(160), 120, 255})
		for wx := bx + 10; wx < bx+80; wx += 25 {
			fillRect(image.Rect(wx, 40, wx+14, 54), color.RGBA{60, 70, 90, 255})
		}
		cx := g.between(10, 120)
		fillRect(image.Rect(cx, 88, cx+60, 108), color.RGBA{shade(220), 40, 40, 255})
		for _, wx := range []int{cx + 12, cx + 48} {
			synthDisc(img, wx, 109, 6, color.RGBA{20, 20, 20, 255})
		}
	}
	fillRect(image.Rect(0, 125, synthImageW, synthImageH), color.RGBA{255, 255, 255, 255})
	synthText(img, 6, 142, fmt.Sprintf("%s  %s", ref, ev.in.Date.Short()), color.RGBA{0, 0, 0, 255})
	return img
}

func synthText(img draw.Image, x, y int, s string, c color.RGBA) {
	d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func synthDisc(img *image.RGBA, cx, cy, r int, c color.RGBA) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
				img.SetRGBA(x, y, c)
			}
		}
	}
}

// pdfLines is the text of a PDF exhibit: its heading and a log of the
// contact or of what the cameras showed.
func (g *synthesizer) pdfLines(x *casefile.Exhibit, ev *synthEvent) []string {
	lines := []string{"Exhibit " + x.Ref}
	lines = append(lines, synthWrap(x.Description, 80)...)
	lines = append(lines, "Produced by "+g.c.People[slices.IndexFunc(g.c.People, func(p casefile.Person) bool { return p.ID == x.ProducedBy })].Name(), "")
	t := ev.in.Time
	if !t.Set {
		t = casefile.Clock{Hour: g.between(7, 20), Set: true}
	}
	minute := t.Hour*60 + t.Minute
	if strings.HasPrefix(ev.tpl.text, "rang ") {
		lines = append(lines, "Call log")
		for range g.between(8, 16) {
			lines = append(lines, fmt.Sprintf("%s %02d:%02d  Incoming call, number withheld, %d seconds", ev.in.Date.Short(), minute/60%24, minute%60, g.between(0, 40)))
			minute += g.between(2, 9)
		}
		return lines
	}
	if ev.in.Online {
		lines = append(lines, "Log of the contact")
		messages := []string{"Why are you ignoring me?", "I only want to talk.", "I saw you at the café today.", "You owe me £50 anyway.",
			"Answer the phone.", "I know you're reading these.", "Don't make me come round.", "You looked nice in blue.", "I'm not going anywhere."}
		for range g.between(8, 16) {
			lines = append(lines, fmt.Sprintf("%s %02d:%02d  %s", ev.in.Date.Short(), minute/60%24, minute%60, g.pick(messages)))
			minute += g.between(1, 9)
		}
		return lines
	}
	lines = append(lines, "Camera log")
	events := []string{"figure enters view from the left", "figure stops and faces the building", "figure uses a phone",
		"figure walks out of view", "car pulls in and parks", "car leaves"}
	for range g.between(6, 12) {
		lines = append(lines, fmt.Sprintf("%s %02d:%02d  Camera %d: %s", ev.in.Date.Short(), minute/60%24, minute%60, g.between(1, 4), g.pick(events)))
		minute += g.between(1, 6)
	}
	return lines
}

// synthWrap breaks text into lines of at most width runes.
func synthWrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// synthPDF writes a one-page A4 PDF of lines of Helvetica, with a correct
// cross-reference table, by hand: the file must not depend on a PDF
// library's version to stay byte-identical.
func synthPDF(title string, lines []string) []byte {
	var content bytes.Buffer
	content.WriteString("BT\n/F1 11 Tf\n14 TL\n56 786 Td\n")
	for i, l := range lines {
		if i > 0 {
			content.WriteString("T*\n")
		}
		fmt.Fprintf(&content, "(%s) Tj\n", synthPDFString(l))
	}
	content.WriteString("ET")
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.Bytes()),
		fmt.Sprintf("<< /Title (%s) /Producer (spokit synthetic case) >>", synthPDFString("Exhibit "+title)),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, len(objects), xref)
	return b.Bytes()
}

// synthCircumflex drops the Welsh circumflexes that Windows-1252 lacks.
var synthCircumflex = strings.NewReplacer("ŵ", "w", "ŷ", "y", "Ŵ", "W", "Ŷ", "Y")

// synthWinAnsi maps the characters outside Latin-1 that the banks use to
// their Windows-1252 codes.
var synthWinAnsi = map[rune]byte{'€': 0x80, 'Š': 0x8a, 'š': 0x9a, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97}

// synthPDFString escapes s for a PDF literal string in WinAnsiEncoding;
// letters the encoding lacks lose their accent.
func synthPDFString(s string) string {
	var b strings.Builder
	for _, r := range synthCircumflex.Replace(s) {
		c, ok := synthWinAnsi[r]
		switch {
		case ok:
		case r < 0x80 || r >= 0xa0 && r <= 0xff:
			c = byte(r)
		default:
			c = '?'
		}
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x80:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unused lists the unused material; every fifth item, from the third, is
// sensitive (MG6D) with its reason.
func (g *synthesizer) unused() {
	plain := []struct {
		text, location string
		assists        bool
	}{
		{"Call record of the 999 call made on {when}", "Force communications centre", false},
		{"CCTV from {town} town centre for {when}, which does not show the suspect", "Digital Media Unit", true},
		{"House-to-house enquiry notes for the streets near {home}, {when}", "{town} Local Policing Unit", false},
		{"Pocket notebook entries of the attending officer for {when}", "{town} Local Policing Unit", false},
		{"Messages between {V} and friends from the download of {vp} phone, up to {when}, which do not mention the suspect", "Digital Media Unit", false},
		{"Command and control log for the report of {when}", "Force communications centre", false},
		{"Messages from {S} to {V} that are friendly in tone, sent before {when}", "Digital Media Unit", true},
		{"Statement of a neighbour who saw and heard nothing on {when}", "Public Protection Unit", false},
	}
	sensitive := []struct{ text, reason string }{
		{"Social services record concerning {V2}", "Third-party material about a family member; disclosure would intrude on their private life and it has no bearing on the issues"},
		{"Details of the safe address used by {V} since {when}", "Disclosure would put the victim at risk of further harm"},
		{"Intelligence report about the suspect's associates, dated {when}", "Would reveal police sources and methods of gathering intelligence"},
		{"Counselling notes for {V} held by the advocacy service, to {when}", "Confidential material held by a third party for the victim's treatment"},
		{"Minutes of the multi-agency risk meeting of {when}", "Confidential multi-agency safeguarding material"},
	}
	g.c.UnusedMaterial = make([]casefile.UnusedItem, g.o.Unused)
	for i := range g.c.UnusedMaterial {
		u := casefile.UnusedItem{ID: fmt.Sprintf("U%d", i+1)}
		when := &g.events[g.rng.IntN(len(g.events))]
		if i%5 == 2 {
			s := sensitive[g.rng.IntN(len(sensitive))]
			u.Description = g.say(synthThird, s.text, when)
			u.Location, u.Sensitive, u.Reason = "Public Protection Unit", true, s.reason
		} else {
			p := plain[g.rng.IntN(len(plain))]
			u.Description = g.say(synthThird, p.text, when)
			u.Location, u.UnderminesOrAssists = g.say(synthThird, p.location, nil), p.assists
		}
		g.c.UnusedMaterial[i] = u
	}
}

// synthConduct counts the occasions that show each kind of conduct the
// application and the assessments describe.
type synthConduct struct {
	home, night, work, online, second int
	behaviours                        map[casefile.Behaviour]int
}

func (g *synthesizer) conduct() synthConduct {
	k := synthConduct{behaviours: map[casefile.Behaviour]int{}}
	for i := range g.events {
		ev := &g.events[i]
		switch {
		case ev.tpl.where == synthAtHome:
			k.home++
			if t := ev.in.Time; t.Set && (t.Hour >= 22 || t.Hour < 6) {
				k.night++
			}
		case ev.tpl.where == synthAtWork:
			k.work++
		case ev.in.Online:
			k.online++
		}
		if ev.tpl.second {
			k.second++
		}
		for _, b := range ev.in.Behaviours {
			k.behaviours[b]++
		}
	}
	return k
}

// summary lists what the suspect has done, in the order a risk narrative
// would, e.g. "followed her, watched her home and threatened her".
func (k synthConduct) summary() string {
	var acts []string
	for _, a := range []struct {
		ok   bool
		text string
	}{
		{k.behaviours[casefile.Following] > 0, "followed {vo}"},
		{k.behaviours[casefile.Watching] > 0 || k.behaviours[casefile.Loitering] > 0, "watched and waited for {vo}"},
		{k.behaviours[casefile.Monitoring] > 0, "monitored {vp} movements"},
		{k.behaviours[casefile.Interfering] > 0, "interfered with {vp} property"},
		{k.behaviours[casefile.Publishing] > 0, "published material about {vo}"},
		{k.home > 0, "come to {vp} home"},
		{k.second > 0, "approached {vp} {rel}"},
		{k.behaviours[casefile.Threats] > 0, "threatened {vo}"},
		{k.behaviours[casefile.Violence] > 0, "used violence against {vo}"},
	} {
		if a.ok {
			acts = append(acts, a.text)
		}
	}
	acts = append([]string{"contacted {vo} repeatedly"}, acts...)
	return strings.Join(acts[:len(acts)-1], ", ") + " and " + acts[len(acts)-1]
}

// assessments adds a DASH assessment a third of the way through the
// chronology and an S-DASH assessment after the last occasion, and the
// impact on the victim.
func (g *synthesizer) assessments() {
	k := g.conduct()
	early := g.events[len(g.events)/3].in.LastDate()
	g.c.RiskAssessments = []casefile.RiskAssessment{
		{ID: "RA1", Tool: "DASH", Date: g.clamp(early.AddDays(g.between(1, 4))), Assessor: "O2", Level: "medium",
			Summary: "Repeated unwanted contact after the victim asked for it to stop; victim anxious and changing routine."},
		{ID: "RA2", Tool: "S-DASH", Date: g.clamp(g.last.AddDays(g.between(1, 7))), Assessor: "O1", Level: "high",
			Summary: g.say(synthThird, fmt.Sprintf("Fixated and persistent: over %d occasions the suspect has %s.", len(g.events), k.summary()), nil)},
	}
	effects := []string{"changed route to work", "stopped going out alone after dark", "had cameras and new locks fitted",
		"changed working hours", "stopped using social media", "taking medication to sleep", "no longer visits friends in " + g.town}
	g.rng.Shuffle(len(effects), func(i, j int) { effects[i], effects[j] = effects[j], effects[i] })
	last := ""
	for j := range g.plans {
		if g.plans[j].kind == synthByVictim {
			last = fmt.Sprintf("ST%d", j+1)
		}
	}
	g.c.Impact = []casefile.Impact{{Victim: "V1", SeriousAlarmOrDistress: true, Effects: effects[:g.between(3, 5)], Statement: last}}
}

// charge proposes a s.4A charge covering the whole chronology; s.4A has no
// time limit, and the impact record makes out serious alarm or distress.
func (g *synthesizer) charge() {
	from, to := g.events[0].in.Date, g.events[len(g.events)-1].in.Date
	g.c.Charges = []casefile.Charge{{ID: "C1", Offence: casefile.StalkingFear, Victims: []string{"V1"}, From: from, To: to, Status: casefile.Proposed,
		Particulars: g.say(synthThird, fmt.Sprintf("Between %s and %s, in {town} and elsewhere, pursued a course of conduct towards %s amounting to stalking, which caused {vo} serious alarm or distress having a substantial adverse effect on {vp} usual day-to-day activities.",
			from.Long(), to.Long(), g.c.People[synthV1].Name()), nil)}}
}

// application adds the Stalking Protection Order application, with a term
// for each kind of conduct the chronology shows, and the record that an
// order was considered.
func (g *synthesizer) application() {
	say := func(s string) string { return g.say(synthThird, s, nil) }
	k := g.conduct()
	v, v2 := g.c.People[synthV1].Name(), g.c.People[synthV2].Name()
	months := max(1, g.events[0].in.Date.DaysUntil(g.last)/30)
	both := []string{"V1", "V2"}
	terms := []casefile.Term{{Kind: casefile.Prohibition, Text: fmt.Sprintf("Not to contact %s or %s directly or indirectly, by any means, including through social media or other people.", v, v2),
		Necessity: fmt.Sprintf("Most of the conduct was unwanted contact, %s online, and on %s it went through {V2}.", synthCount(k.online, "occasion"), synthCount(k.second, "occasion")), Protects: both}}
	if k.home > 0 {
		night := ""
		if k.night > 0 {
			night = fmt.Sprintf(", %d of them at night", k.night)
		}
		terms = append(terms, casefile.Term{Kind: casefile.Prohibition, Text: fmt.Sprintf("Not to enter the part of %s east of the river and north of the railway line.", g.town),
			Necessity: fmt.Sprintf("The respondent came to the victims' home on %s%s.", synthCount(k.home, "occasion"), night), Protects: both, Locality: g.town + ", east of the river and north of the railway line"})
	}
	if k.work > 0 {
		terms = append(terms, casefile.Term{Kind: casefile.Prohibition, Text: fmt.Sprintf("Not to go within 100 metres of %s, %s.", g.work, g.town),
			Necessity: fmt.Sprintf("The respondent pursued {V} at or through {vp} workplace on %s.", synthCount(k.work, "occasion")), Protects: []string{"V1"}}) // the zone is its own limit: a locality of the workplace would confine it to the workplace (SPO-TERM-LOCALITY)
	}
	if n := k.behaviours[casefile.Publishing]; n > 0 {
		terms = append(terms, casefile.Term{Kind: casefile.Prohibition, Text: say("Not to publish any material about " + v + ", or purporting to come from {vo}, on any website or social media platform."),
			Necessity: fmt.Sprintf("The respondent published material about {V} online on %s.", synthCount(n, "occasion")), Protects: []string{"V1"}})
	}
	if n := k.behaviours[casefile.Monitoring] + k.behaviours[casefile.Interfering]; n > 0 {
		terms = append(terms, casefile.Term{Kind: casefile.Prohibition, Text: say("Not to monitor " + v + " by any means, including tracking devices, or to access any of {vp} accounts or property."),
			Necessity: fmt.Sprintf("The respondent monitored {V} or interfered with {vp} accounts or property on %s.", synthCount(n, "occasion")), Protects: []string{"V1"}})
	}
	terms = append(terms, casefile.Term{Kind: casefile.Requirement, Text: "To attend an assessment for a stalking perpetrator intervention programme within 28 days of service.",
		Necessity: fmt.Sprintf("The fixation has lasted about %s and persisted after warnings; treatment addresses the cause of the risk.", synthCount(months, "month")), Protects: both})
	for i := range terms {
		terms[i].Necessity = say(terms[i].Necessity)
	}
	s := &casefile.SPO{
		Court:      "Aberllyn Magistrates' Court",
		Respondent: "S1",
		Protected:  both,
		AreaBasis:  casefile.Resides,
		Risk: say(fmt.Sprintf("{S} %s has pursued {V} on %d occasions over about %s after being told to stop: %s has %s.",
			g.c.People[synthS1].Surname, len(g.events), synthCount(months, "month"), "{ss}", k.summary())),
		RiskKind:    []casefile.RiskKind{"psychological", "physical"},
		Necessity:   say("The conduct has continued through police warnings; a prosecution alone will not prevent contact while it is pending, and {S} has begun to involve {Vs} family."),
		Terms:       terms,
		Duration:    []string{"2y", "3y", "5y", "until-further-order"}[g.rng.IntN(4)],
		HearingDate: g.o.AsOf.AddDays(g.between(14, 28)),
		VictimViews: say([]string{
			"{V} supports the application and asked that {vp} {rel} be protected too.",
			"{V} supports the application and the terms proposed, and wants the order to last as long as the court allows.",
			"{V} and {vp} {rel} both support the application and the terms proposed.",
		}[g.rng.IntN(3)]),
	}
	if g.chance(0.6) {
		s.Interim = &casefile.Interim{
			Reason: "The conduct has continued since the last report and the full hearing cannot be listed for some weeks.",
			Terms:  []casefile.Term{{Kind: casefile.Prohibition, Text: fmt.Sprintf("Not to contact %s or %s directly or indirectly.", v, v2), Necessity: "Immediate protection until the full hearing.", Protects: both}},
			Period: "2m",
		}
	}
	g.c.SPO = s
	g.c.SPOConsideration = &casefile.SPOConsideration{Date: g.c.RiskAssessments[1].Date, Decision: "apply", By: "O1",
		Reason: say("Persistent stalking over many months that has drawn in {Vs} family; an order protects {V} and {vp} {rel} while the charge is considered.")}
}

// chargingFile adds what a charging decision needs beyond the evidence:
// the interview, the record, bail, the officer's assessment, the
// supervisor's review, the victims' views, the restraining order sought and
// each civilian witness's care record. It draws no random numbers, so the
// rest of a synthesized case does not depend on it.
func (g *synthesizer) chargingFile() {
	say := func(s string) string { return g.say(synthThird, s, nil) }
	v, v2 := g.c.People[synthV1].Name(), g.c.People[synthV2].Name()
	ra := g.c.RiskAssessments[1].Date
	g.c.Interview = &casefile.Interview{Date: ra.AddDays(2), Summary: say("{S} accepted contacting {V} but said {ss} only wanted to talk, and denied following or watching {vo}.")}
	g.c.Antecedents = &casefile.Antecedents{Checked: ra.AddDays(1)}
	g.c.Bail = &casefile.Bail{Status: casefile.PoliceBail, Until: g.o.AsOf.AddDays(21),
		Conditions: []string{fmt.Sprintf("Not to contact %s or %s directly or indirectly", v, v2), fmt.Sprintf("Not to enter %s, %s", g.street, g.town)}}
	g.c.OfficerAssessment = &casefile.OfficerAssessment{By: "O1", Date: ra.AddDays(3),
		Evidential:     fmt.Sprintf("%d occasions of conduct after a clear request to stop, each supported by a statement, with the exhibits listed on the MG12.", len(g.events)),
		PublicInterest: "Persistent conduct that has drawn in the victim's family; high risk on the S-DASH; the victim supports a prosecution."}
	g.c.SupervisorReview = &casefile.SupervisorReview{By: "O2", Date: ra.AddDays(4), Comments: "File complete for a charging decision."}
	g.c.VictimViews = []casefile.VictimViews{{Victim: "V1", Date: ra, Views: "Supports a prosecution and will give evidence with special measures."}}
	g.c.RestrainingOrder = &casefile.RestrainingOrder{OnConviction: true, OnAcquittal: true, Protected: []string{"V1", "V2"}, Duration: "5 years",
		Terms:       []string{fmt.Sprintf("Not to contact %s or %s directly or indirectly, by any means.", v, v2), fmt.Sprintf("Not to enter %s, %s.", g.street, g.town)},
		VictimViews: say("{V} supports the terms and wants them to protect {vp} {rel} too.")}
	for i := range g.c.People {
		p := &g.c.People[i]
		if p.Role == casefile.RoleVictim || p.Role == casefile.RoleWitness || p.Role == casefile.RoleOther {
			p.WitnessCare = &casefile.WitnessCare{WillingToAttend: new(true), NoDatesToAvoid: len(p.DatesToAvoid) == 0, VPSOffered: new(p.Role == casefile.RoleVictim),
				PreferredContact: "Mobile"}
		}
	}
}

// synthCount writes n with its noun, e.g. "1 occasion", "3 occasions".
func synthCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
