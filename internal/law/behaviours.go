package law

// Behaviour is one of the examples of acts or omissions associated with
// stalking in PHA 1997 s.2A(3). The list is not exhaustive; SPA 2019 s.1(6)
// points to it for the meaning of acts associated with stalking.
type Behaviour struct {
	// Name is the case format's behaviour name, e.g. "following".
	Name string
	// Paragraph is the paragraph letter of s.2A(3), e.g. "a".
	Paragraph string
	// Wording describes the example in our own words.
	Wording string
	// Citation is the pinpoint citation, e.g. "PHA 1997 s.2A(3)(a)".
	Citation string
	// Status is how well the wording has been checked against the Act.
	Status Status
}

// stalkingBehaviours is in paragraph order.
var stalkingBehaviours = []Behaviour{
	s2A3("following", "a", "following a person"),
	s2A3("contacting", "b", "contacting a person, or trying to, by any means"),
	s2A3("publishing", "c", "publishing any statement or other material that relates, or claims to relate, to a person, or that claims to come from them"),
	s2A3("monitoring", "d", "monitoring a person's use of the internet, email or any other kind of electronic communication"),
	s2A3("loitering", "e", "loitering anywhere, whether in a public or a private place"),
	s2A3("interfering", "f", "interfering with any property in a person's possession"),
	s2A3("watching", "g", "watching or spying on a person"),
}

// s2A3 builds a verified s.2A(3) entry; the citation follows from the
// paragraph so the two cannot drift apart.
func s2A3(name, paragraph, wording string) Behaviour {
	return Behaviour{
		Name:      name,
		Paragraph: paragraph,
		Wording:   wording,
		Citation:  "PHA 1997 s.2A(3)(" + paragraph + ")",
		Status:    Verified,
	}
}

// StalkingBehaviours returns the seven s.2A(3) examples in paragraph order.
func StalkingBehaviours() []Behaviour {
	return append([]Behaviour(nil), stalkingBehaviours...)
}

// StalkingBehaviour returns the s.2A(3) example with the given case-format
// behaviour name. Names outside the list (e.g. "threats") report false.
func StalkingBehaviour(name string) (Behaviour, bool) {
	for _, b := range stalkingBehaviours {
		if b.Name == name {
			return b, true
		}
	}
	return Behaviour{}, false
}
