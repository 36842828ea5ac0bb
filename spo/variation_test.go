package spo_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/spokit/spokit/casefile"
	"github.com/spokit/spokit/internal/realclient"
	"github.com/spokit/spokit/spo"
)

func TestTheVariationDocumentsNameWhoApplies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		applicant casefile.VariationApplicant
		consent   casefile.VariationConsent
		parties   string
		consents  string
	}{
		{"the chief officer applies", casefile.ChiefOfficerApplies, casefile.VariationConsent{},
			"(applicant) and Marc Lowry (respondent)", "No consent to the application is recorded."},
		{"the person subject to the order applies", casefile.RespondentApplies, casefile.VariationConsent{Respondent: true},
			"Marc Lowry (applicant; the person subject to the order) and", "The respondent consents to the application; the chief officer of police's consent is not recorded."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			withVariation(c)
			c.SPOVariation.Applicant, c.SPOVariation.Consent = tt.applicant, tt.consent
			v, err := spo.NewVariation(c)
			require.NoError(t, err)
			var app, order bytes.Buffer
			require.NoError(t, spo.WriteVariationApplication(&app, v, spo.BundleOptions{}))
			require.NoError(t, spo.WriteVariedOrder(&order, v, spo.BundleOptions{}))
			appText, orderText := flat(realclient.PDFText(t, app.Bytes())), flat(realclient.PDFText(t, order.Bytes()))
			assert.Contains(t, appText, tt.parties)
			assert.Contains(t, orderText, tt.parties)
			assert.Contains(t, appText, tt.consents)
		})
	}
}

func TestTheDraftVariedOrderCountsItsPeriodFromTheDayTheOrderWasMade(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		kind     casefile.OrderKind
		duration string
		want     string
	}{
		{"a full order", casefile.FullOrder, "3y", "This order has effect for 3 years beginning with the day it was first made, 10 March 2025, that is until the end of 9 March 2028"},
		{"an interim order", casefile.InterimOrder, "6m", "This interim order has effect for 6 months beginning with the day it was first made, 10 March 2025, that is until the end of 9 September 2025, or until the main application is determined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample(t)
			withVariation(c)
			c.Orders[0].Kind, c.SPOVariation.Seeks, c.SPOVariation.Duration = tt.kind, casefile.Renew, tt.duration
			v, err := spo.NewVariation(c)
			require.NoError(t, err)
			var order bytes.Buffer
			require.NoError(t, spo.WriteVariedOrder(&order, v, spo.BundleOptions{}))
			assert.Contains(t, flat(realclient.PDFText(t, order.Bytes())), tt.want)
		})
	}
}
