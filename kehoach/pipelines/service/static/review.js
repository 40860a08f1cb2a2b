// Review page: upload a plan to /parse?with_text=1 and show what was found.
// Spans come from doc.text offsets: Python str indices (code points). JS strings count UTF-16
// units, so offsets are mapped when the text has characters outside the BMP (emoji, rare Hán).
"use strict";

const KINDS = [
  { key: "target", label: "MỤC TIÊU", name: "Chỉ tiêu" },
  { key: "date", label: "NGÀY", name: "Ngày tháng" },
  { key: "ref", label: "VĂN BẢN", name: "Văn bản dẫn chiếu" },
  { key: "award", label: "KHEN THƯỞNG", name: "Khen thưởng" },
  { key: "finding", label: "PHÁT HIỆN", name: "Phát hiện" },
];
const SEVERITY = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" };

const $ = (sel) => document.querySelector(sel);
const headingMarks = new Map(); // "h<section index>" -> the first mark of that heading

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function setStatus(msg, kind = "") {
  const s = $("#status");
  s.textContent = msg;
  s.className = "status " + kind;
}

// ---- collecting spans -------------------------------------------------------------------

function collectSpans(doc) {
  const spans = [];
  const add = (kind, start, end, title, extra = {}) => {
    if (typeof start !== "number" || typeof end !== "number") return;
    spans.push({ id: spans.length, kind, start, end, title, ...extra });
  };
  (doc.targets || []).forEach((t) => add("target", t.start, t.end,
    [t.subject, t.value !== null ? `${t.comparator || ""}${t.value}${t.unit ? " " + t.unit : ""}` : null,
     t.deadline ? "hạn " + t.deadline : null].filter(Boolean).join(" · ")));
  (doc.dates || []).forEach((d) => add("date", d.start, d.end,
    [d.value, d.end_value ? "→ " + d.end_value : null, d.valid ? null : "ngày không hợp lệ"].filter(Boolean).join(" ")));
  (doc.legal_refs || []).forEach((r) => {
    const title = [r.type, r.symbol, r.date, r.issuer].filter(Boolean).join(" · ");
    const mentions = r.mentions && r.mentions.length ? r.mentions : [r];
    mentions.forEach((m) => add("ref", m.start, m.end, title));
  });
  (doc.awards || []).forEach((a) => add("award", a.start, a.end,
    [a.title, a.grantor, a.recipient_kind === "collective" ? "tập thể" : a.recipient_kind === "individual" ? "cá nhân" : null]
      .filter(Boolean).join(" · ")));
  (doc.findings || []).forEach((f, i) => add("finding", f.start, f.end, `${f.code}: ${f.message}`,
    { severity: f.severity, finding: i }));
  return spans;
}

// ---- rendering the text -------------------------------------------------------------------

// Cut the text at every span edge; each piece is wrapped in a <mark> carrying every span that
// covers it (colour from the innermost), and a label chip closes each span, as displaCy does.
function renderText(doc, spans) {
  const text = doc.text || "";
  const n = text.length;
  const box = $("#text");
  box.textContent = "";
  const firstEl = new Map(); // span id -> first element of that span (jump target)
  headingMarks.clear();
  const anchors = new Map(); // offset -> [{kind, id}] zero-width anchors (sections, empty findings)
  const pin = (pos, item) => {
    if (!anchors.has(pos)) anchors.set(pos, []);
    anchors.get(pos).push(item);
  };
  const units = codePointToUnit(text);
  const at = (x) => (units ? units[clamp(x, units.length - 1)] : clamp(x, n));
  const sections = flatSections(doc.sections || []);
  const live = [];
  sections.forEach((s, i) => {
    pin(at(s.heading_start), { type: "section", id: i });
    // the heading itself: an uncoloured mark, so the outline has an element to flash
    const h = { id: `h${i}`, kind: "heading", start: at(s.heading_start), end: at(s.heading_end), title: "" };
    if (h.end > h.start) live.push(h);
  });
  for (const s of spans) {
    s.start = at(s.start);
    s.end = at(s.end);
    if (s.end > s.start) live.push(s);
    else if (s.kind === "finding") pin(s.start, { type: "finding", id: s.id });
  }
  const cuts = new Set([0, n, ...anchors.keys()]);
  live.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    for (const item of anchors.get(a) || []) {
      if (item.type === "section") {
        frag.append(el("span", { class: "pin heading-anchor", id: `sec-${item.id}` }));
      } else {
        const p = el("span", { class: "pin finding", id: `span-${item.id}`, title: spans[item.id].title });
        firstEl.set(item.id, p);
        frag.append(p);
      }
    }
    if (i === points.length - 1) break;
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const active = live.filter((s) => s.start <= a && s.end >= b);
    if (!active.length) { frag.append(piece); continue; }
    const boxes = active.filter((s) => s.kind !== "finding" && s.kind !== "heading");
    const inner = boxes.reduce((best, s) => (!best || s.end - s.start < best.end - best.start ? s : best), null);
    const cls = [];
    if (inner) cls.push("k-" + inner.kind);
    if (boxes.length < active.length && active.some((s) => s.kind === "heading")) cls.push("h");
    const worst = worstFinding(active);
    if (worst) cls.push("f-" + worst);
    const m = el("mark", { class: cls.join(" "), title: active.map((s) => s.title).filter(Boolean).join("\n"),
      "data-spans": active.map((s) => s.id).join(" ") }, piece);
    active.forEach((s) => { if (s.kind === "heading" && !headingMarks.has(s.id)) headingMarks.set(s.id, m); });
    active.forEach((s) => { if (s.kind !== "heading" && !firstEl.has(s.id)) { firstEl.set(s.id, m); if (s.kind === "finding") m.id = `span-${s.id}`; } });
    frag.append(m);
    for (const s of active) {
      if (s.end === b && s.kind !== "heading") {
        const k = KINDS.find((x) => x.key === s.kind);
        frag.append(el("span", { class: `tag t-${s.kind}`, "data-span": s.id, "aria-hidden": "true" }, k.label));
      }
    }
  }
  box.append(frag);
  return firstEl;
}

function worstFinding(active) {
  const order = ["error", "warning", "info"];
  for (const sev of order) if (active.some((s) => s.kind === "finding" && s.severity === sev)) return sev;
  return null;
}

// code point index -> UTF-16 index, or null when they coincide (no surrogate pairs)
function codePointToUnit(text) {
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const map = [];
  let u = 0;
  for (const ch of text) { map.push(u); u += ch.length; }
  map.push(u);
  return map;
}

function clamp(x, n) { return Math.max(0, Math.min(n, x | 0)); }

function flatSections(list, out = []) {
  for (const s of list) { out.push(s); flatSections(s.children || [], out); }
  return out;
}

// ---- panes ------------------------------------------------------------------------------

function renderLegend(spans) {
  const box = $("#legend");
  box.textContent = "";
  for (const k of KINDS) {
    const count = k.key === "ref"
      ? new Set(spans.filter((s) => s.kind === "ref").map((s) => s.title)).size
      : spans.filter((s) => s.kind === k.key).length;
    const cb = el("input", { type: "checkbox", checked: "checked", "data-kind": k.key,
      onchange: (e) => document.body.classList.toggle("hide-" + k.key, !e.target.checked) });
    box.append(el("label", { class: "lg-" + k.key, id: "legend-" + k.key }, cb, `${k.name} (${count})`));
  }
}

function renderSummary(doc) {
  const h = doc.header || {};
  const rows = [
    ["Loại", doc.doc_type], ["Đơn vị", h.issuer], ["Cấp trên", h.superior],
    ["Số", h.number || h.symbol], ["Ngày", h.date_text || h.date],
    ["Thời kỳ", doc.period ? doc.period.text : null],
    ["Tệp", `${doc.source.path || ""} (${doc.source.format}${doc.source.ocr ? ", OCR" : ""})`],
  ].filter(([, v]) => v);
  const dl = el("dl");
  rows.forEach(([k, v]) => dl.append(el("dt", { text: k }), el("dd", { text: v })));
  const box = $("#summary");
  box.textContent = "";
  box.append(el("h3", { text: doc.title || "(không có tiêu đề)" }), dl);
}

function renderOutline(doc) {
  const box = $("#outline");
  box.textContent = "";
  let i = 0;
  const build = (list) => {
    const ol = el("ol");
    for (const s of list) {
      const id = i++;
      const a = el("a", { href: `#sec-${id}`, "data-section": id,
        onclick: (e) => { e.preventDefault(); jump(document.getElementById(`sec-${id}`), headingEl(id)); } },
        el("span", { class: "num", text: s.number || "" }), s.heading,
        s.topic ? el("span", { class: "topic", text: s.topic }) : null);
      const li = el("li", {}, a);
      if (s.children && s.children.length) li.append(build(s.children));
      ol.append(li);
    }
    return ol;
  };
  if (!doc.sections || !doc.sections.length) box.append(el("p", { class: "empty", text: "Không nhận ra mục nào." }));
  else box.append(build(doc.sections));
}

function headingEl(id) {
  return headingMarks.get(`h${id}`) || document.getElementById(`sec-${id}`);
}

function renderFindings(doc, spans, firstEl) {
  const list = $("#findings");
  list.textContent = "";
  const findings = doc.findings || [];
  const counts = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => { counts[f.severity] = (counts[f.severity] || 0) + 1; });
  $("#finding-count").textContent = findings.length
    ? `(${findings.length}: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} lưu ý)` : "(0)";
  if (!findings.length) {
    list.append(el("li", { class: "empty", text: "Không phát hiện vấn đề nào." }));
    return;
  }
  const byFinding = new Map(spans.filter((s) => s.kind === "finding").map((s) => [s.finding, s.id]));
  findings.forEach((f, i) => {
    const id = String(byFinding.get(i));
    // every piece of the finding's span flashes; the first is scrolled to
    const pieces = () => [...document.querySelectorAll("#text mark")].filter((m) => m.dataset.spans.split(" ").includes(id));
    const go = () => { const all = pieces(); const first = firstEl.get(byFinding.get(i)); jump(first, all.length ? all : [first]); };
    const li = el("li", { class: f.severity, tabindex: "0", "data-finding": i, "data-code": f.code,
      onclick: go, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } } },
      el("span", { class: "where", text: `dòng ${f.line}, cột ${f.column}` }),
      el("span", { class: "sev", text: SEVERITY[f.severity] || f.severity }),
      el("span", { class: "code", text: f.code }), el("div", { text: f.message }),
      f.excerpt ? el("span", { class: "excerpt", text: f.excerpt }) : null);
    list.append(li);
  });
}

function jump(scrollTo, flash) {
  if (!scrollTo) return;
  scrollTo.scrollIntoView({ block: "center", behavior: "instant" });
  const list = Array.isArray(flash) ? flash : [flash || scrollTo];
  document.querySelectorAll(".flash").forEach((x) => x.classList.remove("flash"));
  void scrollTo.offsetWidth; // restart the animation
  list.forEach((f) => f.classList.add("flash"));
}

function render(doc) {
  const spans = collectSpans(doc);
  const firstEl = renderText(doc, spans);
  renderLegend(spans);
  renderSummary(doc);
  renderOutline(doc);
  renderFindings(doc, spans, firstEl);
  $("#view").hidden = false;
  document.body.dataset.loaded = doc.source.path || "";
}

// ---- upload -----------------------------------------------------------------------------

async function upload(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  const headers = {};
  const token = $("#token").value.trim();
  if (token) headers.Authorization = "Bearer " + token;
  setStatus(`Đang phân tích ${file.name} …`, "busy");
  document.body.dataset.loaded = "";
  let resp;
  try {
    resp = await fetch("parse?with_text=1", { method: "POST", body: form, headers });
  } catch (e) {
    setStatus(`Không gửi được tệp: ${e.message}`, "error");
    return;
  }
  let body = null;
  try { body = await resp.json(); } catch (e) { /* a proxy's HTML error page */ }
  if (!resp.ok) {
    const why = body && body.detail ? body.detail : `${resp.status} ${resp.statusText}`;
    const hint = resp.status === 401 ? " — hãy nhập mã truy cập." : resp.status === 413 ? " — tệp quá lớn."
      : resp.status === 429 ? " — máy chủ đang bận, hãy thử lại." : resp.status === 504 ? " — quá thời gian xử lý." : "";
    setStatus(`Lỗi ${resp.status}: ${why}${hint}`, "error");
    if (resp.status === 401) $("#token").hidden = false;
    return;
  }
  render(body);
  const n = (body.findings || []).length;
  setStatus(`${file.name}: ${(body.sections || []).length} mục lớn, ${(body.targets || []).length} chỉ tiêu, `
    + `${(body.dates || []).length} ngày tháng, ${(body.legal_refs || []).length} văn bản dẫn chiếu, `
    + `${(body.awards || []).length} khen thưởng, ${n} phát hiện.`, "done");
}

function setup() {
  const input = $("#file");
  const drop = $("#drop");
  input.addEventListener("change", () => { if (input.files.length) upload(input.files[0]); });
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add("over"); }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("over")));
  // a drop anywhere on the page (the drop zone included) uploads, instead of the browser opening the file
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
  });
  fetch("healthz").then((r) => r.json()).then((h) => { if (h.auth) $("#token").hidden = false; }).catch(() => {});
}

document.addEventListener("DOMContentLoaded", setup);
