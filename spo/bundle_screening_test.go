package spo_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
	"github.com/spokit/spokit/templates"
)

// screeningCase is the example case with its first incident left out of
// the acts relied on, so the screening names an incident the chronology
// does not list.
func screeningCase(t *testing.T) *casefile.Case {
	c := exampleCase(t)
	for _, in := range c.Incidents[1:] {
		c.SPO.Acts = append(c.SPO.Acts, in.ID)
	}
	return c
}

func TestCourtCopyScreensTheCaseAfterTheChronology(t *testing.T) {
	c := screeningCase(t)
	rep, err := casefile.Screen(c, casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)
	pdf := build(t, spo.WriteBundle, c, spo.BundleOptions{})
	texts := pages(t, pdf)
	all := rawText(t, pdf)

	escalation := pageOf(texts, "Escalation of the conduct Acts relied on per", 3)
	screening := pageOf(texts, rep.Title+" "+firstWords(rep.Caveat, 6), 3)
	terms := pageOf(texts, "Proposed terms The prohibitions", 3)
	require.NotZero(t, escalation)
	assert.Greater(t, screening, escalation, "after the chronology and its chart")
	assert.Greater(t, terms, screening, "before the terms")
	assert.Contains(t, realclient.Outline(t, pdf), realclient.OutlineEntry{Title: rep.Title, Page: screening, Depth: 0})

	// The caveat first, then every part in order with its lines.
	from := strings.Index(all, flat(rep.Caveat))
	require.GreaterOrEqual(t, from, 0)
	last := from
	for _, sec := range rep.Sections {
		at := strings.Index(all[last:], flat(sec.Heading)+" "+firstWords(sec.Intro, 6))
		require.GreaterOrEqual(t, at, 0, "part %s, in order", sec.Key)
		last += at
		for _, l := range sec.Lines {
			assert.Contains(t, all[last:], flat(l.Label), "line %s", l.Key)
		}
	}
	assert.Contains(t, all, "I1 5 October 2024 Not among the acts relied on")
}

func TestScreeningIncidentsLinkToTheirActsInTheChronology(t *testing.T) {
	c := screeningCase(t)
	a, err := spo.NewApplication(c)
	require.NoError(t, err)
	pdf := build(t, spo.WriteBundle, c, spo.BundleOptions{})
	texts := pages(t, pdf)
	chronology := pageOf(texts, "Chronology of acts The ", 3)
	table := pageOf(texts, "Incidents named in the screening", chronology)
	require.NotZero(t, table)
	rows := strings.Join(texts[table:], " ")

	// Each act's row in the table gives its number and the page of its
	// row in the chronology, and both link there.
	rowPage := map[int]int{}
	for i, in := range a.Acts {
		rowPage[i+1] = pageOf(texts, firstWords(in.Description, 3), chronology)
		require.NotZero(t, rowPage[i+1], "act %d", i+1)
		assert.Contains(t, rows, fmt.Sprintf("%s %s %d %d", in.ID, in.Date.Long(), i+1, rowPage[i+1]))
	}
	words := realclient.Words(t, pdf)
	number := regexp.MustCompile(`^\d+$`)
	links := 0
	for _, l := range realclient.Links(t, pdf) {
		if l.Page < table || l.Page > table+1 || !number.MatchString(linkText(words, l)) {
			continue
		}
		links++
		assert.GreaterOrEqual(t, l.DestPage, chronology, "link %q", linkText(words, l))
		assert.LessOrEqual(t, l.DestPage, rowPage[len(a.Acts)], "link %q", linkText(words, l))
	}
	assert.Equal(t, 2*len(a.Acts), links, "the act number and its page, for each act")
}

func TestServiceCopyHasNoScreening(t *testing.T) {
	c := screeningCase(t)
	rep, err := casefile.Screen(c, casefile.Date{}).Report(templates.Default())
	require.NoError(t, err)
	pdf := build(t, spo.WriteServiceCopy, c, spo.BundleOptions{})
	all := rawText(t, pdf)
	assert.NotContains(t, all, firstWords(rep.Caveat, 8))
	assert.NotContains(t, all, "Incidents named in the screening")
	for _, e := range realclient.Outline(t, pdf) {
		assert.NotEqual(t, rep.Title, e.Title)
	}
}

func TestScreeningCutsLongIncidentListsShortAndItsTableListsEveryIncident(t *testing.T) {
	c := exampleCase(t)
	base := c.Incidents[1]
	c.Incidents = nil
	var ids []string
	for i := range 40 {
		in := base
		in.ID = fmt.Sprintf("I%d", i+1)
		in.Date = casefile.NewDate(2024, 10, 1).AddDays(i)
		c.Incidents = append(c.Incidents, in)
		ids = append(ids, in.ID)
	}
	all := rawText(t, build(t, spo.WriteBundle, c, spo.BundleOptions{}))
	screening := all[strings.Index(all, "Stalking screening and triage This screening"):strings.Index(all, "Incidents named in the screening")]
	assert.Contains(t, screening, "(incidents "+strings.Join(ids[:29], ", ")+", I30 and 10 more)")
	assert.NotContains(t, screening, "I31")
	assert.Contains(t, all, "I40 9 November 2024 40")
}

func TestScreeningSaysWhenAPartHasNothingToList(t *testing.T) {
	c := exampleCase(t)
	for i := range c.Incidents {
		c.Incidents[i].Victims = nil
	}
	all := rawText(t, build(t, spo.WriteBundle, c, spo.BundleOptions{}))
	assert.Contains(t, all, "is never judged here. Nothing to list: no incident names a victim. Escalation")
}
