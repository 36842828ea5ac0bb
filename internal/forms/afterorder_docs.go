package forms

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spokit/spokit/casefile"

	"github.com/spokit/spokit/internal/pdfdoc"
)

// WriteBreachSchedule writes the breach schedule of a breach file (SPA
// 2019 s.8) as a PDF for the prosecution: each order breached, as made and
// served, with the sealed order and the proof of service as exhibits; its
// terms with the scope recorded for each; then each occasion that names a
// term it breaches, beside that term, with whether it falls within the
// term's recorded scope (or that the scope could not be checked), any
// excuse recorded, and the statements and exhibits that evidence it.
//
// It is police analysis for the charging decision and is never disclosed:
// every page says so. The defence learns of the breaches from the MG5.
func WriteBreachSchedule(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "breach", casefile.AudienceProsecution)
	f.afterOrderIntro()
	orders := breachedOrders(c)
	if len(orders) == 0 {
		f.doc.Paragraph(f.label("breach.none"))
		return f.write(w)
	}
	f.heading(1, "breach.orders")
	for _, o := range orders {
		f.orderBox(o)
		f.termsTable(o)
	}
	f.heading(1, "breach.breaches")
	f.doc.Paragraph(f.label("breach.breaches-intro"))
	var rows []pdfdoc.Row
	for _, in := range f.x.Chronology() {
		for _, b := range in.Breaches {
			o := c.Order(b.Order)
			if o == nil {
				continue
			}
			for _, n := range b.Terms {
				rows = append(rows, f.breachRow(in, o, n))
			}
		}
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("breach.col-occasion", 0, 1.1), f.col("breach.col-what", 0, 1.6), f.col("breach.col-term", 0, 1.4),
		f.col("breach.col-scope", 0, 1.3), f.col("breach.col-evidence", 0, 1),
	}, Rows: rows})
	f.heading(1, "breach.exhibits")
	f.orderExhibits(orders)
	return f.write(w)
}

// afterOrderIntro prints the title, the small print and the case boxes of
// a breach schedule or notification timeline.
func (f *mgForm) afterOrderIntro() {
	f.doc.Text(pdfdoc.Text{Body: f.label(f.code + ".title"), Style: pdfdoc.Bold})
	f.doc.Text(pdfdoc.Text{Style: pdfdoc.Small, Body: f.text(f.code+".note", mgVars{"URN": f.c.URN, "AsOf": f.asOf.Long()})})
	f.caseGrid()
}

// breachedOrders returns the orders some occasion names as breached, in
// the case's order.
func breachedOrders(c *casefile.Case) []*casefile.Order {
	var out []*casefile.Order
	for i := range c.Orders {
		o := &c.Orders[i]
		if slices.ContainsFunc(c.Incidents, func(in casefile.Incident) bool {
			return slices.ContainsFunc(in.Breaches, func(b casefile.Breach) bool { return b.Order == o.ID })
		}) {
			out = append(out, o)
		}
	}
	return out
}

// orderBox prints an order as made and served.
func (f *mgForm) orderBox(o *casefile.Order) {
	f.doc.Heading(2, f.text("order.heading", mgVars{"ID": o.ID, "Interim": o.Kind == casefile.InterimOrder}), "")
	service := f.label("order.not-served")
	if s := o.Service; s != nil {
		by := ""
		if s.By != "" {
			by = f.officer(s.By)
		}
		service = f.text("order.service", mgVars{"Date": s.Date.Long(), "Time": s.Time.String(), "Manner": s.Manner, "By": by})
	}
	f.doc.Form(pdfdoc.Form{Rows: [][]pdfdoc.Field{
		{f.field("order.court", f.orNotRecorded(o.Court)), f.field("order.made", o.Made.Long())},
		{f.field("order.respondent", f.name(o.Respondent)), f.field("order.protected", f.orNone(strings.Join(f.names(o.Protected), ", ")))},
		{f.field("order.duration", f.text("order.duration-value", mgVars{"Duration": durationWords(o.Duration), "Ends": f.c.LastDay(o).Long()}))},
		{f.field("order.service-label", service)},
		{f.field("order.exhibit", f.exhibitRef(o.Exhibit)), f.field("order.service-exhibit", f.exhibitRef(serviceExhibit(o)))},
	}})
}

// serviceExhibit is the ref of an order's proof of service, or "".
func serviceExhibit(o *casefile.Order) string {
	if o.Service == nil {
		return ""
	}
	return o.Service.Exhibit
}

// exhibitRef prints an exhibit ref with its description, or says none is
// exhibited.
func (f *mgForm) exhibitRef(ref string) string {
	if strings.TrimSpace(ref) == "" {
		return f.label("order.not-exhibited")
	}
	if e := f.x.Exhibit(ref); e != nil {
		return f.text("order.exhibit-ref", mgVars{"Ref": ref, "Description": e.Description})
	}
	return ref
}

// termsTable prints an order's terms with the scope recorded for each.
func (f *mgForm) termsTable(o *casefile.Order) {
	rows := make([]pdfdoc.Row, len(o.Terms))
	for i := range o.Terms {
		t := &o.Terms[i]
		rows[i] = pdfdoc.TextRow(strconv.Itoa(t.Number), t.Text, f.scopeText(o, t))
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("breach.col-number", 12, 0), f.col("breach.col-words", 0, 2), f.col("breach.col-recorded-scope", 0, 1.3),
	}, Rows: rows})
}

// scopeText words the scope a term records.
func (f *mgForm) scopeText(o *casefile.Order, t *casefile.OrderTerm) string {
	behaviours := make([]string, len(t.Behaviours))
	for i, b := range t.Behaviours {
		behaviours[i] = b.Words()
	}
	protects := t.Protects
	if len(protects) == 0 {
		protects = o.Protected
	}
	return f.text("breach.scope", mgVars{
		"Scoped": t.Scoped(), "Behaviours": behaviours, "Places": t.Places, "From": t.From.Long(), "Until": t.Until.Long(),
		"Protects": f.names(protects), "Locality": t.Locality,
	})
}

// breachRow is one occasion beside one term it names.
func (f *mgForm) breachRow(in *casefile.Incident, o *casefile.Order, number int) pdfdoc.Row {
	occasion := f.text("breach.occasion", mgVars{
		"ID": in.ID, "When": f.text("mg.when", mgVars{"Date": in.Date.Long(), "End": in.EndDate.Long(), "Time": in.Time.String()}),
		"Place": in.Location, "Online": in.Online,
	})
	what := in.Description
	if e := strings.TrimSpace(in.ReasonableExcuse); e != "" {
		what += "\n" + f.text("breach.excuse", mgVars{"Excuse": e})
	}
	t := o.Term(number)
	term, scope := f.text("breach.term-missing", mgVars{"Order": o.ID, "Number": number}), ""
	bold := false
	if t != nil {
		term = f.text("breach.term", mgVars{"Order": o.ID, "Number": number, "Text": t.Text})
		misses := t.OutsideScope(o, in)
		var lines []string
		for _, m := range misses {
			lines = append(lines, f.text("breach.scope-"+m.Kind, mgVars{"Detail": m.Detail}))
		}
		scope = f.text("breach.scope-result", mgVars{"Scoped": t.Scoped(), "Outside": lines})
		bold = len(misses) > 0
	}
	if !f.c.InForceOn(o, in.Date) {
		scope = f.label("breach.not-in-force") + "\n" + scope
		bold = true
	} else if s := o.Service; s == nil || in.LastDate().Before(s.Date) {
		scope = f.label("breach.not-served-before") + "\n" + scope
		bold = true
	}
	var statements []string
	for _, id := range in.Statements {
		statements = append(statements, f.text("breach.statement", mgVars{"ID": id, "Maker": f.statementMaker(id)}))
	}
	return pdfdoc.Row{Cells: []pdfdoc.Cell{
		{Text: occasion}, {Text: what}, {Text: term}, {Text: scope, Bold: bold},
		{Text: f.text("breach.evidence", mgVars{"Statements": statements, "Exhibits": in.Exhibits})},
	}}
}

// statementMaker names the maker of a statement, or "" when the id does
// not resolve.
func (f *mgForm) statementMaker(id string) string {
	if s := f.x.Statement(id); s != nil {
		return f.name(s.Person)
	}
	return ""
}

// orderExhibits lists the exhibits that prove the orders and their
// service.
func (f *mgForm) orderExhibits(orders []*casefile.Order) {
	var rows []pdfdoc.Row
	for _, o := range orders {
		rows = append(rows,
			pdfdoc.TextRow(f.text("order.what-order", mgVars{"ID": o.ID}), f.exhibitRef(o.Exhibit)),
			pdfdoc.TextRow(f.text("order.what-service", mgVars{"ID": o.ID}), f.exhibitRef(serviceExhibit(o))))
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("breach.col-proves", 0, 1), f.col("mg.col-exhibit", 0, 2),
	}, Rows: rows})
}

// WriteNotificationTimeline writes the notification timeline of a
// notification offence file (SPA 2019 ss.9-11) as a PDF for the
// prosecution: each served order with its service; whether the respondent
// is subject to the Sexual Offences Act 2003 Part 2 requirements; every
// duty to notify (initial, new name, new address) with the day its 3 days
// begin with, its deadline, the notification that answers it and whether
// it was met, late, missed, still due, not required (a full order
// replacing an interim order) or suspended (SOA 2003 Part 2); then the
// notifications received, with what each gave and any false information,
// and the changes recorded.
//
// It prints the respondent's notified addresses and is never disclosed:
// every page says so.
func WriteNotificationTimeline(w io.Writer, c *casefile.Case, opts Options) error {
	f := newMGForm(c, opts, "notify", casefile.AudienceProsecution)
	f.afterOrderIntro()
	f.heading(1, "notify.orders")
	served := 0
	for i := range c.Orders {
		if o := &c.Orders[i]; o.Service != nil {
			f.orderBox(o)
			served++
		}
	}
	if served == 0 {
		f.doc.Paragraph(f.label("notify.no-orders"))
	}
	for _, p := range f.x.Suspects() {
		if p.SOAPart2 != nil {
			f.doc.Paragraph(f.text("notify.soa", mgVars{"Name": p.Name(), "Until": p.SOAPart2.Until.Long()}))
		}
	}
	f.heading(1, "notify.duties")
	f.doc.Paragraph(f.text("notify.duties-intro", mgVars{"Days": casefile.NotificationDays}))
	var rows []pdfdoc.Row
	for _, d := range casefile.NotificationDuties(c, f.asOf) {
		rows = append(rows, f.dutyRow(d))
	}
	if len(rows) == 0 {
		f.doc.Paragraph(f.label("notify.no-duties"))
	} else {
		f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
			f.col("notify.col-duty", 0, 1.4), f.col("notify.col-from", 0, 1), f.col("notify.col-deadline", 0, 0.9),
			f.col("notify.col-notified", 0, 1.2), f.col("notify.col-status", 0, 1),
		}, Rows: rows})
	}
	f.heading(1, "notify.received")
	f.notificationsTable()
	f.heading(1, "notify.changes")
	f.changesTable()
	return f.write(w)
}

// dutyRow is one duty of the timeline.
func (f *mgForm) dutyRow(d casefile.NotificationDuty) pdfdoc.Row {
	what := f.text("notify.kind-"+string(d.Kind), mgVars{"Order": d.Order.ID, "Citation": d.Citation})
	if ch := d.Change; ch != nil {
		what += "\n" + f.text("notify.change", mgVars{"Name": ch.Name, "Address": ch.Address})
	}
	notified := f.label("notify.none-recorded")
	if n := d.Notified; n != nil {
		notified = f.text("notify.notified", mgVars{"ID": n.ID, "Date": n.Date.Long(), "Station": n.Station})
	}
	status := f.text("notify.status-"+string(d.Status), mgVars{"Days": lateDays(d), "Replaces": d.Order.Replaces})
	return pdfdoc.Row{Cells: []pdfdoc.Cell{
		{Text: what},
		{Text: f.text("notify.from", mgVars{"From": d.From.Long(), "SOA": d.FromSOA})},
		{Text: d.Deadline.Long()}, {Text: notified},
		{Text: status, Bold: d.Status == casefile.DutyMissed || d.Status == casefile.DutyLate},
	}}
}

// lateDays is how many days after its deadline a late duty was met.
func lateDays(d casefile.NotificationDuty) int {
	if d.Status != casefile.DutyLate {
		return 0
	}
	return d.Deadline.DaysUntil(d.Notified.Date)
}

// notificationsTable lists the notifications received.
func (f *mgForm) notificationsTable() {
	if len(f.c.Notifications) == 0 {
		f.doc.Paragraph(f.label("notify.no-notifications"))
		return
	}
	rows := make([]pdfdoc.Row, len(f.c.Notifications))
	for i := range f.c.Notifications {
		n := &f.c.Notifications[i]
		received := ""
		if n.ReceivedBy != "" {
			received = f.officer(n.ReceivedBy)
		}
		gave := f.text("notify.gave", mgVars{"Names": n.Names, "Address": n.Address})
		if missing := casefile.MissingFromNotification(f.c, n); n.Kind == casefile.InitialNotification && len(missing) > 0 {
			gave += "\n" + f.text("notify.missing", mgVars{"Missing": missing})
		}
		if n.FalseInformation {
			gave += "\n" + f.text("notify.false", mgVars{"Details": n.FalseDetails})
		}
		rows[i] = pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: f.text("notify.received-when", mgVars{"ID": n.ID, "Date": n.Date.Long(), "Time": n.Time.String(), "Kind": f.text("notify.kind-"+string(n.Kind), mgVars{"Order": n.Order, "Citation": ""})})},
			{Text: f.text("notify.where", mgVars{"Station": n.Station, "By": received})},
			{Text: gave, Bold: n.FalseInformation},
			{Text: f.orNone(n.Exhibit)},
		}}
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("notify.col-notification", 0, 1.2), f.col("notify.col-where", 0, 1.1), f.col("notify.col-gave", 0, 2), f.col("mg.col-exhibit", 22, 0),
	}, Rows: rows})
}

// changesTable lists the respondent's recorded changes.
func (f *mgForm) changesTable() {
	if len(f.c.RespondentChanges) == 0 {
		f.doc.Paragraph(f.label("notify.no-changes"))
		return
	}
	rows := make([]pdfdoc.Row, len(f.c.RespondentChanges))
	for i, ch := range f.c.RespondentChanges {
		rows[i] = pdfdoc.TextRow(ch.Date.Long(), f.text("notify.change", mgVars{"Name": ch.Name, "Address": ch.Address}), f.orNotRecorded(ch.HowKnown))
	}
	f.doc.Table(pdfdoc.Table{Columns: []pdfdoc.Column{
		f.col("mg.col-date", 34, 0), f.col("notify.col-change", 0, 1.5), f.col("notify.col-how-known", 0, 1.5),
	}, Rows: rows})
}

// durationWords is an order's duration as the order states it ("2 years",
// "until further order"); one the case gives wrongly is printed as given.
func durationWords(s string) string {
	if p, err := casefile.ParsePeriod(s); err == nil {
		return p.String()
	}
	return s
}
