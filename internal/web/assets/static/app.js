// spokit's page: the browser holds the case (its JSON and exhibit files)
// and asks the server to validate, screen and build it; the server keeps
// nothing between requests. No framework, no inline script (the page's
// Content-Security-Policy forbids it).
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const state = { caseObj: null, files: new Map(), report: null, timer: null, seq: 0, urls: [], needToken: false };

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const kid of kids.flat()) if (kid !== null && kid !== undefined) e.append(kid);
    return e;
  }

  function status(msg, bad) {
    const s = $("status");
    s.textContent = msg;
    s.className = bad ? "bad" : "";
  }

  function headers(extra) {
    const h = Object.assign({ "X-CSRF-Token": csrf }, extra || {});
    const tok = $("token");
    if (tok && tok.value) h["Authorization"] = "Bearer " + tok.value;
    return h;
  }

  // caseForm is the case as multipart/form-data: the JSON, and one part
  // per exhibit file named by its path relative to the case.
  function caseForm() {
    const fd = new FormData();
    fd.append("case", new Blob([JSON.stringify(state.caseObj, null, 2)], { type: "application/json" }), "case.json");
    for (const [name, blob] of state.files) fd.append("file", blob, name);
    return fd;
  }

  // post sends a request, waiting as Retry-After asks while the server
  // is busy with other cases.
  async function post(url, body, extra) {
    let res;
    for (let tries = 0; ; tries++) {
      res = await fetch(url, { method: "POST", body, headers: headers(extra), credentials: "same-origin" });
      if (res.status !== 503 || tries === 5) break;
      const wait = Number(res.headers.get("Retry-After")) || 1;
      await new Promise((ok) => setTimeout(ok, wait * 1000));
    }
    let data = null;
    const type = res.headers.get("Content-Type") || "";
    if (type.includes("json")) data = await res.json();
    return { res, data };
  }

  // ---- opening a case ----

  function exhibitPaths(c) {
    const paths = [];
    for (const x of (c && c.exhibits) || []) {
      if (x.file) paths.push(x.file);
      if (x.redacted_file) paths.push(x.redacted_file);
    }
    return paths;
  }

  async function openFiles(list, fromFolder) {
    const files = Array.from(list);
    const rel = (f) => {
      if (!fromFolder || !f.webkitRelativePath) return f.name;
      return f.webkitRelativePath.split("/").slice(1).join("/");
    };
    const caseFile = files.find((f) => rel(f) === "case.json") || files.find((f) => f.name.endsWith(".json"));
    if (!caseFile) {
      status("Choose the case.json with its exhibit files.", true);
      return;
    }
    let c;
    try {
      c = JSON.parse(await caseFile.text());
    } catch (e) {
      status("case.json is not JSON: " + e.message, true);
      return;
    }
    const byBase = new Map(exhibitPaths(c).map((p) => [p.split("/").pop(), p]));
    const map = new Map();
    for (const f of files) {
      if (f === caseFile) continue;
      let name = rel(f);
      if (!fromFolder && byBase.has(f.name)) name = byBase.get(f.name);
      map.set(name, f);
    }
    loaded(c, map);
  }

  function bytes(b64) {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function openZip(file) {
    status("Opening the zip…");
    const { res, data } = await post("/api/v1/unpack", file, { "Content-Type": "application/zip" });
    if (!res.ok) {
      showProblem(data, res.status);
      return;
    }
    let c;
    try {
      c = JSON.parse(data.case);
    } catch (e) {
      status("case.json in the zip is not JSON: " + e.message, true);
      return;
    }
    loaded(c, new Map(data.files.map((f) => [f.name, new Blob([bytes(f.data)])])));
  }

  function loaded(c, files) {
    state.caseObj = c;
    state.files = files;
    $("workspace").hidden = false;
    $("build-result").replaceChildren();
    renderForm();
    status("Opened case " + (c.urn || "(no URN)") + " with " + files.size + " file(s).");
    check();
  }

  // ---- checking ----

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, 400);
  }

  async function check() {
    const seq = ++state.seq;
    const v = post("/api/v1/validate", caseForm());
    const s = post("/api/v1/screen?view=report", caseForm());
    const [vr, sr] = [await v, await s];
    if (seq !== state.seq) return; // a later edit is being checked
    if (vr.res.ok) {
      state.report = vr.data;
      renderFindings(vr.data);
      if (state.needToken) status("Token accepted: case " + vr.data.urn + " checked.");
      state.needToken = false;
    } else {
      renderProblem(vr.data, vr.res.status);
      state.needToken = vr.res.status === 401;
      if (state.needToken) status("Enter the access token the server was started with; the case is then checked again.", true);
    }
    if (sr.res.ok) renderScreening(sr.data);
  }

  const severities = [["error", "Errors"], ["warning", "Warnings"], ["info", "Notes"]];

  function renderFindings(rep) {
    const list = $("finding-list");
    list.replaceChildren();
    const fs = rep.findings || [];
    $("summary").textContent = "Case " + rep.urn + ": " + rep.errors + " error(s), " + rep.warnings + " warning(s), " +
      fs.filter((f) => f.severity === "info").length + " note(s)." + (rep.errors ? "" : " No errors: the case meets every threshold spokit checks.");
    for (const [sev, label] of severities) {
      const mine = fs.filter((f) => f.severity === sev);
      if (!mine.length) continue;
      list.append(el("h3", { class: "sev-" + sev, text: label + " (" + mine.length + ")" }),
        el("ul", { class: "findings" }, mine.map((f) => el("li", { class: "finding sev-" + sev, "data-rule": f.rule },
          el("a", { href: "#", class: "finding-link", "data-target": f.path, onclick: (e) => { e.preventDefault(); highlight(f.path); } },
            el("strong", { text: f.rule }), " at ", el("code", { text: f.path || "(the case)" })),
          el("p", { text: f.message }),
          f.citation ? el("p", { class: "citation", text: "Law: " + f.citation }) : null))));
    }
    markFields(fs);
  }

  function renderProblem(p, code) {
    $("summary").textContent = (p && p.title ? p.title : "The server answered " + code) + (p && p.detail ? ": " + p.detail : "");
    const errs = (p && p.errors) || [];
    $("finding-list").replaceChildren(el("ul", { class: "findings" }, errs.map((e) => el("li", { class: "finding sev-error" },
      el("a", { href: "#", class: "finding-link", onclick: (ev) => { ev.preventDefault(); highlight(e.path || ""); } },
        el("code", { text: e.path || "(the case)" })),
      el("p", { text: e.message })))));
    markFields(errs.map((e) => ({ path: e.path || "", severity: "error" })));
  }

  function showProblem(p, code) {
    status((p && p.title ? p.title : "The server answered " + code) + ((p && p.errors) ? ": " + p.errors.map((e) => (e.path ? e.path + ": " : "") + e.message).join("; ") : ""), true);
  }

  // fieldFor finds the form field a finding's path concerns: the field
  // itself, else the nearest enclosing one (spo.terms[2] for
  // spo.terms[2].locality when that is not in the form).
  function fieldFor(path) {
    let p = path;
    while (p) {
      const f = document.querySelector('[data-path="' + CSS.escape(p) + '"]');
      if (f) return f;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  function highlight(path) {
    for (const h of document.querySelectorAll(".highlight")) h.classList.remove("highlight");
    const f = fieldFor(path);
    if (!f) return;
    const box = f.closest(".field") || f;
    box.classList.add("highlight");
    box.scrollIntoView({ block: "center" });
    if (f.matches("input, textarea, select")) f.focus({ preventScroll: true });
  }

  function markFields(findings) {
    for (const m of document.querySelectorAll("[data-finding]")) m.removeAttribute("data-finding");
    for (const f of findings) {
      const field = fieldFor(f.path);
      if (!field) continue;
      const box = field.closest(".field") || field;
      if (box.dataset.finding !== "error") box.dataset.finding = f.severity;
    }
  }

  // ---- the form view ----

  function keys(path) {
    return path.match(/[^.[\]]+/g).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  }

  function get(path) {
    let o = state.caseObj;
    for (const k of keys(path)) {
      if (o === undefined || o === null) return undefined;
      o = o[k];
    }
    return o;
  }

  function set(path, value) {
    const ks = keys(path);
    let o = state.caseObj;
    for (let i = 0; i < ks.length - 1; i++) {
      if (o[ks[i]] === undefined || o[ks[i]] === null) o[ks[i]] = typeof ks[i + 1] === "number" ? [] : {};
      o = o[ks[i]];
    }
    const last = ks[ks.length - 1];
    if (value === "" || (Array.isArray(value) && value.length === 0)) delete o[last];
    else o[last] = value;
  }

  const list = (v) => (Array.isArray(v) ? v.join(", ") : "");
  const unlist = (s) => s.split(",").map((x) => x.trim()).filter(Boolean);

  // field is one editable value: kind is text, area, list or select.
  function field(label, path, kind, options) {
    const id = "f-" + path.replace(/[^a-z0-9]/gi, "-");
    const v = get(path);
    let input;
    if (kind === "area") input = el("textarea", { id, rows: 3 });
    else if (kind === "select") input = el("select", { id }, options.map((o) => el("option", { value: o, text: o })));
    else input = el("input", { id, type: "text", placeholder: kind === "date" ? "YYYY-MM-DD" : kind === "list" ? "comma-separated" : null });
    input.value = kind === "list" ? list(v) : v === undefined ? "" : String(v);
    input.dataset.path = path;
    input.addEventListener("input", () => {
      set(path, kind === "list" ? unlist(input.value) : input.value);
      schedule();
    });
    return el("div", { class: "field" }, el("label", { for: id, text: label }), input);
  }

  function show(label, path, text) {
    return el("div", { class: "field readonly", "data-path": path }, el("span", { class: "label", text: label }), el("span", { text: text || "—" }));
  }

  function renderForm() {
    const c = state.caseObj;
    const form = $("case-form");
    form.replaceChildren();
    const name = (p) => [p.rank, p.forenames, p.surname].filter(Boolean).join(" ");

    form.append(el("h3", { text: "People" }), el("div", { class: "cards" }, (c.people || []).map((p, i) =>
      el("div", { class: "card", "data-path": "people[" + i + "]" },
        el("strong", { text: p.id + " " + name(p) }), " ", el("span", { class: "tag", text: p.role })))));

    form.append(el("h3", { text: "Incidents" }), el("div", { class: "cards" }, (c.incidents || []).map((x, i) => {
      const base = "incidents[" + i + "]";
      return el("fieldset", { class: "card", "data-path": base }, el("legend", { text: x.id + (x.location ? ", " + x.location : "") }),
        field("Date", base + ".date", "date"),
        field("Behaviours", base + ".behaviours", "list"),
        field("Victims (person ids)", base + ".victims", "list"),
        show("What happened", base + ".description", x.description));
    })));

    form.append(el("h3", { text: "Statements" }), el("div", { class: "cards" }, (c.statements || []).map((s, i) =>
      el("div", { class: "card", "data-path": "statements[" + i + "]" },
        el("strong", { text: s.id }), " by " + s.person + (s.date ? ", " + s.date : "") + " (" + (s.text || "").length + " characters)"))));

    form.append(el("h3", { text: "Exhibits" }), el("div", { class: "cards" }, (c.exhibits || []).map((x, i) =>
      el("div", { class: "card", "data-path": "exhibits[" + i + "]" },
        el("strong", { text: x.ref }), " " + (x.description || ""),
        x.file ? el("div", { class: state.files.has(x.file) ? "file ok" : "file missing", "data-path": "exhibits[" + i + "].file",
          text: x.file + (state.files.has(x.file) ? "" : " (not opened)") }) : null))));

    if (!c.spo) {
      form.append(el("p", { class: "hint", text: "The case has no SPO application." }));
      return;
    }
    const spo = el("fieldset", { class: "card wide", "data-path": "spo" }, el("legend", { text: "The SPO application" }),
      show("Court", "spo.court", c.spo.court),
      show("Respondent", "spo.respondent", c.spo.respondent),
      field("Protected persons (person ids)", "spo.protected", "list"),
      field("Risk", "spo.risk", "area"),
      field("Necessity", "spo.necessity", "area"));
    const terms = el("div", { "data-path": "spo.terms" }, el("h4", { text: "Terms" }));
    (c.spo.terms || []).forEach((t, i) => {
      const base = "spo.terms[" + i + "]";
      terms.append(el("fieldset", { class: "term", "data-path": base }, el("legend", { text: "Term " + (i + 1) }),
        field("Kind", base + ".kind", "select", ["prohibition", "requirement"]),
        field("Text", base + ".text", "area"),
        field("Why it is necessary", base + ".necessity", "area"),
        field("Protects (person ids)", base + ".protects", "list"),
        el("button", { type: "button", class: "secondary", text: "Remove term " + (i + 1), onclick: () => editTerms((ts) => ts.splice(i, 1)) })));
    });
    terms.append(el("button", { type: "button", class: "secondary", id: "add-term", text: "Add a term",
      onclick: () => editTerms((ts) => ts.push({ kind: "prohibition", protects: c.spo.protected || [] })) }));
    spo.append(terms);
    form.append(el("h3", { text: "The SPO application" }), spo);
  }

  // editTerms changes the list of terms, then shows and checks the case
  // again: the paths of the terms after a removed one change.
  function editTerms(change) {
    const spo = state.caseObj.spo;
    spo.terms = spo.terms || [];
    change(spo.terms);
    renderForm();
    check();
  }

  // ---- screening ----

  function paragraphs(text) {
    return (text || "").split("\n\n").filter(Boolean).map((p) => el("p", { text: p }));
  }

  function renderScreening(rep) {
    const body = $("screening-body");
    body.replaceChildren(el("h3", { text: rep.Title }), el("div", { class: "caveat" }, paragraphs(rep.Caveat)));
    for (const sec of rep.Sections || []) {
      body.append(el("h4", { text: sec.Heading }), ...paragraphs(sec.Intro),
        el("dl", {}, (sec.Lines || []).flatMap((l) => [
          el("dt", { text: l.Label + (l.StateText ? ": " + l.StateText : "") }),
          el("dd", {}, el("ul", {}, (l.Text || "").split("\n").filter(Boolean).map((t) => el("li", { text: t })))),
        ])));
    }
  }

  // ---- building ----

  const audiences = [
    ["court", "For the court"],
    ["respondent", "For the respondent (to serve)"],
    ["defence", "For disclosure to the defence"],
    ["prosecution", "For the police and the CPS only (not for disclosure)"],
    ["police", "For the police only"],
  ];
  const types = { pdf: "application/pdf", json: "application/json", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

  function blobURL(data, name) {
    const url = URL.createObjectURL(new Blob([bytes(data)], { type: types[name.split(".").pop()] || "application/octet-stream" }));
    state.urls.push(url);
    return url;
  }

  async function build() {
    const out = $("build-result");
    for (const u of state.urls) URL.revokeObjectURL(u);
    state.urls = [];
    out.replaceChildren(el("p", { text: "Building…" }));
    const draft = $("draft").checked ? "?draft=true" : "";
    const { res, data } = await post("/api/v1/build" + draft, caseForm(), { Accept: "application/json" });
    if (!res.ok) {
      out.replaceChildren(el("p", { class: "bad", text: (data && data.title) || "The build failed (" + res.status + ")" }),
        el("p", { text: (data && data.detail) || "" }));
      return;
    }
    const urn = state.caseObj.urn || "case";
    out.replaceChildren(el("p", {}, el("a", { id: "bundle-zip", class: "button", href: blobURL(data.zip, "x.zip"), download: urn + ".zip",
      text: "Download everything (.zip with manifest.json)" })));
    for (const [aud, label] of audiences) {
      const mine = data.files.filter((f) => f.audience === aud);
      if (!mine.length) continue;
      const notRespondent = aud !== "respondent";
      out.append(el("h3", { class: notRespondent ? "withheld" : "serve", text: label }),
        el("table", { class: "documents" }, el("tbody", {}, mine.map((f) => {
          const url = blobURL(f.data, f.name);
          return el("tr", { class: notRespondent ? "not-respondent" : "respondent", "data-name": f.name },
            el("td", {}, el("strong", { text: f.name })),
            el("td", { text: Math.ceil(f.size / 1024) + " KB" }),
            el("td", {}, notRespondent ? el("span", { class: "badge", text: "Not for the respondent" }) : el("span", { class: "badge ok", text: "May be served" })),
            el("td", {}, el("a", { href: url, target: "_blank", rel: "noopener", text: "Open" }), " ",
              el("a", { href: url, download: f.name, text: "Download" })));
        }))));
    }
  }

  function downloadCase() {
    const url = URL.createObjectURL(new Blob([JSON.stringify(state.caseObj, null, 2) + "\n"], { type: "application/json" }));
    const a = el("a", { href: url, download: "case.json" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // A token typed (or corrected) after the case was opened checks it again.
  if ($("token")) $("token").addEventListener("change", () => state.caseObj && check());
  $("folder").addEventListener("change", (e) => openFiles(e.target.files, true));
  $("files").addEventListener("change", (e) => openFiles(e.target.files, false));
  $("zip").addEventListener("change", (e) => e.target.files[0] && openZip(e.target.files[0]));
  $("build-button").addEventListener("click", build);
  $("download-case").addEventListener("click", downloadCase);
})();
