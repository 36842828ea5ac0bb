package spo

import (
	"io"
	"strings"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteNotice writes the notice served on the respondent with the order,
// telling them of the notification requirements of SPA 2019 ss.9–11: what
// they must tell the police (their name, every other name they use and
// their home address, s.9(2)); by when (the end of NotificationDeadline, or,
// with no service date recorded, within 3 days beginning with the day of
// service, with blanks for the date and time of service); where and how
// (the police stations recorded in spo.police_stations, or lines to write
// them on) (in person at a police station in the police area
// where they live, orally, to a police officer or authorised person, who
// may take fingerprints and photographs, s.10); the continuing duties for a
// new name or home address (s.9(3)–(4)); and the offence of failing to
// comply without reasonable excuse (s.11), with only the maximum sentence
// that is established.
//
// When the order replaces an interim order already served
// (ReplacesInterim), no new notification is due and the notice says the
// duties continue from the interim order.
//
// It identifies the order (court, date made, duration) and ends with a
// certificate of service for the person serving it to complete.
//
// The notice is for the respondent: the protected people's and witnesses'
// details are withheld from it as from the service copy.
func WriteNotice(w io.Writer, app *Application, opts BundleOptions) error {
	b, err := newBuilder(app, opts, noticeCopy)
	if err != nil {
		return err
	}
	b.start(b.t("spo.notice.title", nil), b.t("spo.notice.subject", nil))
	b.notice()
	return b.write(w)
}

// notice lays out the notice of notification requirements.
func (b *builder) notice() {
	d, a := b.d, b.a
	d.Heading(1, b.t("spo.notice.heading", nil), "")
	var aliases []string
	if p := a.Respondent; p != nil {
		for _, s := range p.Aliases {
			if !blank(s) {
				aliases = append(aliases, strings.TrimSpace(s))
			}
		}
	}
	d.Form(pdfdoc.Form{Rows: b.noticeRows()})
	deadline, _ := a.NotificationDeadline()
	data := b.data("Aliases", aliases, "Deadline", deadline.Long(), "Days", NotificationDays,
		"Replaces", a.ReplacesInterim, "Interim", a.Interim != nil)

	d.Paragraph(b.t("spo.notice.intro", data))
	if a.ReplacesInterim {
		d.Heading(2, b.t("spo.notice.continues-heading", nil), "")
		d.Paragraph(b.t("spo.notice.continues", data))
	} else {
		d.Heading(2, b.t("spo.notice.what-heading", nil), "")
		d.Paragraph(b.t("spo.notice.what", data))
		d.Heading(2, b.t("spo.notice.when-heading", nil), "")
		d.Text(pdfdoc.Text{Body: b.t("spo.notice.when", data), Style: pdfdoc.Bold})
	}
	d.Heading(2, b.t("spo.notice.how-heading", nil), "")
	d.Paragraph(b.t("spo.notice.how", data))
	b.noticeStations()
	d.Heading(2, b.t("spo.notice.changes-heading", nil), "")
	d.Paragraph(b.t("spo.notice.changes", data))
	d.Heading(2, b.t("spo.notice.offence-heading", nil), "")
	d.Paragraph(b.t("spo.notice.offence", data))
	d.Heading(2, b.t("spo.notice.sex-offender-heading", nil), "")
	d.Paragraph(b.t("spo.notice.sex-offender", data))
	d.Space(2)
	d.Text(pdfdoc.Text{Body: b.t("common.legal-advice", nil), Style: pdfdoc.Bold})
	d.Text(pdfdoc.Text{Body: b.t("common.produced-by", data), Style: pdfdoc.Small})
	b.certificateOfService()
}
