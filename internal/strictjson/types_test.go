package strictjson

import (
	"fmt"
	"time"
)

// The test types follow the tag conventions a caller uses: json names, req
// tags, doc tags, an enum, a TextUnmarshaler that describes its own schema,
// pointers for "default true" flags, and nesting.

type testDate struct{ T time.Time }

func (d *testDate) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("%q is not a real calendar date", b)
	}
	d.T = t
	return nil
}

func (testDate) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
}

func date(s string) testDate {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return testDate{t}
}

type testRole string

func (testRole) Values() []string { return []string{"victim", "suspect", "witness"} }

type testBehaviour string

func (testBehaviour) Values() []string { return []string{"following", "contacting", "watching"} }

type testCase struct {
	Format    string         `json:"format" req:"true" doc:"Always \"test/v1\"."`
	URN       string         `json:"urn" req:"true"`
	AsOf      *testDate      `json:"as_of" doc:"Date to judge time limits on."`
	People    []testPerson   `json:"people" req:"true"`
	Incidents []testIncident `json:"incidents" req:"true"`
	Count     int            `json:"count"`
	Small     int8           `json:"small"`
	Size      uint16         `json:"size"`
	Score     float64        `json:"score"`
	Draft     *bool          `json:"draft"`
	Order     *testOrder     `json:"order"`
	Tags      []string       `json:"tags"`
	Skipped   string         `json:"-"`
}

// withHidden has an unexported field, which is not part of the JSON.
type withHidden struct {
	A string `json:"a"`
	b string
}

type testPerson struct {
	ID      string   `json:"id" req:"true"`
	Role    testRole `json:"role" req:"true"`
	Aliases []string `json:"aliases"`
	Over18  *bool    `json:"over_18" doc:"Default true."`
}

type testIncident struct {
	ID           string          `json:"id" req:"true"`
	Date         testDate        `json:"date" req:"true"`
	Behaviours   []testBehaviour `json:"behaviours" req:"true"`
	Description  string          `json:"description"`
	Online       bool            `json:"online"`
	DatesToAvoid []testDate      `json:"dates_to_avoid"`
}

type testOrder struct {
	Terms []testTerm `json:"terms" req:"true"`
	Until *testDate  `json:"until"`
}

type testTerm struct {
	Text     string  `json:"text" req:"true"`
	Locality *string `json:"locality"`
}

// testNode refers to itself, for schema recursion.
type testNode struct {
	Name     string      `json:"name" req:"true"`
	Children []testNode  `json:"children"`
	Parent   *testNode   `json:"parent"`
	Extra    []*testNode `json:"extra"`
}
