package casefile

import (
	"strings"

	"github.com/spokit/spokit/internal/law"
)

// The closed vocabularies of the case format. Each type lists its values in
// Values, which the decoder enforces and the JSON Schema publishes, so the
// two cannot drift apart.

// Role is a person's part in the case.
type Role string

// Roles.
const (
	RoleVictim  Role = "victim"
	RoleSuspect Role = "suspect"
	RoleWitness Role = "witness"
	RoleOfficer Role = "officer"
	RoleOther   Role = "other"
)

// Values lists every Role.
func (Role) Values() []string {
	return []string{"victim", "suspect", "witness", "officer", "other"}
}

// Behaviour is a kind of conduct on one occasion. The first seven are the
// examples of acts associated with stalking in PHA 1997 s.2A(3).
type Behaviour string

// Words prints a behaviour as words, e.g. "third party contact".
func (b Behaviour) Words() string { return strings.ReplaceAll(string(b), "-", " ") }

// Behaviours.
const (
	Following         Behaviour = "following"
	Contacting        Behaviour = "contacting"
	Publishing        Behaviour = "publishing"
	Monitoring        Behaviour = "monitoring"
	Loitering         Behaviour = "loitering"
	Interfering       Behaviour = "interfering"
	Watching          Behaviour = "watching"
	Threats           Behaviour = "threats"
	Violence          Behaviour = "violence"
	Damage            Behaviour = "damage"
	Gifts             Behaviour = "gifts"
	ThirdPartyContact Behaviour = "third-party-contact"
	OtherBehaviour    Behaviour = "other"
)

// Values lists every Behaviour, the s.2A(3) examples first.
func (Behaviour) Values() []string {
	return []string{"following", "contacting", "publishing", "monitoring", "loitering", "interfering", "watching",
		"threats", "violence", "damage", "gifts", "third-party-contact", "other"}
}

// IsStalking reports whether b is one of the seven examples of acts
// associated with stalking in PHA 1997 s.2A(3).
func (b Behaviour) IsStalking() bool {
	_, ok := law.StalkingBehaviour(string(b))
	return ok
}

// RelationshipType is how two people are connected.
type RelationshipType string

// Relationship types.
const (
	Partner           RelationshipType = "partner"
	ExPartner         RelationshipType = "ex-partner"
	Family            RelationshipType = "family"
	Acquaintance      RelationshipType = "acquaintance"
	Colleague         RelationshipType = "colleague"
	Neighbour         RelationshipType = "neighbour"
	OnlineOnly        RelationshipType = "online-only"
	Stranger          RelationshipType = "stranger"
	OtherRelationship RelationshipType = "other"
)

// Values lists every RelationshipType.
func (RelationshipType) Values() []string {
	return []string{"partner", "ex-partner", "family", "acquaintance", "colleague", "neighbour", "online-only", "stranger", "other"}
}

// OffenceCode names an offence, e.g. "PHA1997-s2A". The law behind each code
// is in the offences table (Offence).
type OffenceCode string

// Offence codes.
const (
	Harassment             OffenceCode = "PHA1997-s2"
	Stalking               OffenceCode = "PHA1997-s2A"
	FearOfViolence         OffenceCode = "PHA1997-s4"
	StalkingFear           OffenceCode = "PHA1997-s4A"
	ControllingCoercive    OffenceCode = "SCA2015-s76"
	MaliciousComms         OffenceCode = "MCA1988-s1"
	ImproperNetworkUse     OffenceCode = "CA2003-s127"
	SPOBreach              OffenceCode = "SPA2019-s8"
	NotifyFailure          OffenceCode = "SPA2019-s11-fail"
	NotifyFalse            OffenceCode = "SPA2019-s11-false"
	RestrainingOrderBreach OffenceCode = "PHA1997-s5"
)

// Values lists every OffenceCode, from the offences table.
func (OffenceCode) Values() []string { return law.Codes() }

// Title returns the offence's usual name in lower case with its citation,
// e.g. "stalking, PHA 1997 s.2A", for use inside a sentence.
func (o OffenceCode) Title() string {
	off, ok := law.Lookup(string(o))
	if !ok {
		return string(o)
	}
	return strings.ToLower(off.Title[:1]) + off.Title[1:] + ", " + off.Citation
}

// Aggravation is racial or religious aggravation under Crime and Disorder
// Act 1998 s.32; empty means none.
type Aggravation string

// Aggravations.
const (
	NotAggravated         Aggravation = ""
	RaciallyAggravated    Aggravation = "racially"
	ReligiouslyAggravated Aggravation = "religiously"
)

// Values lists every Aggravation, including none.
func (Aggravation) Values() []string { return []string{"", "racially", "religiously"} }

// ChargeStatus is whether a charge is proposed or has been laid.
type ChargeStatus string

// Charge statuses.
const (
	Proposed ChargeStatus = "proposed"
	Charged  ChargeStatus = "charged"
)

// Values lists every ChargeStatus.
func (ChargeStatus) Values() []string { return []string{"proposed", "charged"} }

// RiskTool is the risk assessment tool used.
type RiskTool string

// Values lists every RiskTool.
func (RiskTool) Values() []string { return []string{"DASH", "S-DASH", "other"} }

// RiskLevel is the assessed level of risk.
type RiskLevel string

// Values lists every RiskLevel.
func (RiskLevel) Values() []string { return []string{"standard", "medium", "high"} }

// TermKind says whether an order term forbids or requires something
// (SPA 2019 s.1(2)).
type TermKind string

// Term kinds.
const (
	Prohibition TermKind = "prohibition"
	Requirement TermKind = "requirement"
)

// Values lists every TermKind.
func (TermKind) Values() []string { return []string{"prohibition", "requirement"} }

// AreaBasis is why the applicant's force may apply (SPA 2019 s.1(3)).
type AreaBasis string

// Area bases.
const (
	Resides              AreaBasis = "resides"
	BelievedInArea       AreaBasis = "believed-in-area"
	BelievedComingToArea AreaBasis = "believed-coming-to-area"
	NationalForce        AreaBasis = "national-force"
)

// Values lists every AreaBasis.
func (AreaBasis) Values() []string {
	return []string{"resides", "believed-in-area", "believed-coming-to-area", "national-force"}
}

// RiskKind is a kind of harm the stalking risk is of (SPA 2019 s.1(4)).
type RiskKind string

// Values lists every RiskKind.
func (RiskKind) Values() []string { return []string{"physical", "psychological"} }

// Decision is the outcome of considering an SPO.
type Decision string

// Values lists every Decision.
func (Decision) Values() []string { return []string{"apply", "not-apply", "deferred"} }

// WarningKind is the kind of a warning or order that told a person to stop.
type WarningKind string

// Warning and order kinds.
const (
	PoliceWarning        WarningKind = "police-warning"
	BailConditions       WarningKind = "bail-conditions"
	NonMolestationOrder  WarningKind = "non-molestation-order"
	RestrainingOrderKind WarningKind = "restraining-order"
	SPOOrderKind         WarningKind = "stalking-protection-order"
	OtherCourtOrder      WarningKind = "other-court-order"
	OtherWarning         WarningKind = "other"
)

// Words prints a warning kind as words for a sentence, e.g. "police
// warning"; "other" prints as "warning".
func (k WarningKind) Words() string {
	if k == OtherWarning {
		return "warning"
	}
	return strings.ReplaceAll(string(k), "-", " ")
}

// Values lists every WarningKind.
func (WarningKind) Values() []string {
	return []string{"police-warning", "bail-conditions", "non-molestation-order", "restraining-order",
		"stalking-protection-order", "other-court-order", "other"}
}
