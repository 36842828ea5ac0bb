package spo

import (
	"strings"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// noticeRows identify the respondent, the order and its service. The date
// made is the hearing date once it has passed or the order is recorded as
// served; the date and time of service when recorded. Anything
// not known is a blank to complete by hand, and so is the last day to
// notify until a service date is recorded.
func (b *builder) noticeRows() [][]pdfdoc.Field {
	a := b.a
	blankOr := func(s string) string {
		if blank(s) {
			return b.t("spo.notice.blank", nil)
		}
		return b.clean(s)
	}
	made := ""
	if !a.HearingDate.IsZero() && (!a.HearingDate.After(b.asOf) || !a.ServiceDate.IsZero()) {
		made = a.HearingDate.Long()
	}
	deadline := b.t("spo.notice.deadline-blank", nil)
	if d, ok := a.NotificationDeadline(); ok {
		deadline = d.Long()
	}
	rows := [][]pdfdoc.Field{
		{{Label: b.t("spo.notice.to", nil), Value: b.respondentName()}},
		{{Label: b.t("spo.label.court", nil), Value: b.orNot(a.Court)}},
		{{Label: b.t("spo.label.applicant", nil), Value: b.t("spo.cover.applicant", b.data())}},
		{{Label: b.t("spo.notice.order-label", nil), Value: b.t("spo.notice.order", b.data("Interim", a.Interim != nil, "Duration", a.Duration.String()))}},
		{{Label: b.t("spo.label.urn", nil), Value: b.orNot(b.c.URN)}, {Label: b.t("spo.notice.made-label", nil), Value: blankOr(made)}},
		{{Label: b.t("spo.notice.served", nil), Value: blankOr(a.ServiceDate.Long())}, {Label: b.t("spo.notice.time-label", nil), Value: blankOr(b.spoBlock().ServiceTime.String())}},
	}
	if !a.ReplacesInterim {
		rows = append(rows, []pdfdoc.Field{{Label: b.t("spo.notice.deadline-label", nil), Value: deadline}})
	}
	return rows
}

// noticeStations lists the police stations where the respondent may
// notify, or gives lines to write them on.
func (b *builder) noticeStations() {
	d := b.d
	d.Heading(2, b.t("spo.notice.stations-heading", nil), "")
	stations := b.spoBlock().PoliceStations
	if len(stations) == 0 {
		d.Paragraph(b.t("spo.notice.stations-none", nil))
		d.Signatures(b.t("spo.notice.station-line", nil))
		d.Signatures(b.t("spo.notice.station-line", nil))
		return
	}
	d.Paragraph(b.t("spo.notice.stations", nil))
	for _, s := range stations {
		addr := strings.Join(strings.Fields(strings.ReplaceAll(s.Address, "\n", ", ")), " ")
		body := b.clean(strings.TrimSpace(s.Name))
		if addr != "" {
			body += ", " + b.clean(addr)
		}
		d.Text(pdfdoc.Text{Body: "•  " + body})
	}
}

// certificateOfService is the certificate the person serving the notice
// completes, kept on one page.
func (b *builder) certificateOfService() {
	d := b.d
	d.KeepTogether(5)
	d.Heading(2, b.t("spo.notice.certificate-heading", nil), "")
	d.Paragraph(b.t("spo.notice.certificate", b.data()))
	d.Signatures(b.t("spo.notice.served-by", nil))
	d.Signatures(b.t("spo.notice.signature", nil), b.t("spo.notice.cert-date", nil))
}
