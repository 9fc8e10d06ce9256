// Trace detail: a waterfall of the trace's spans across services, and the selected span's attributes.
"use strict";

(() => {
  const waterfall = document.getElementById("waterfall");
  const details = document.getElementById("span-details");
  const traceId = waterfall.dataset.traceId;
  let spans = [];
  let selected = null;

  // Orders spans depth-first under their parents so each child sits below its caller.
  function tree(all) {
    const ids = new Set(all.map(s => s.spanId));
    const children = new Map();
    for (const s of all) {
      const parent = s.parentSpanId && ids.has(s.parentSpanId) ? s.parentSpanId : null;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(s);
    }
    const ordered = [];
    const visit = (parent, depth) => {
      for (const s of (children.get(parent) ?? []).sort((a, b) => a.offsetMs - b.offsetMs)) {
        ordered.push({ span: s, depth });
        visit(s.spanId, depth + 1);
      }
    };
    visit(null, 0);
    return ordered;
  }

  function attributes(list) {
    return list.length === 0 ? `<p class="empty">None</p>`
      : `<dl class="attrs">${list.map(a => `<dt>${Dash.esc(a.key)}</dt><dd>${Dash.esc(a.value)}</dd>`).join("")}</dl>`;
  }

  function showDetails() {
    const s = spans.find(x => x.spanId === selected);
    if (!s) return;
    const status = s.status === "Error" ? `<span class="badge bad">Error</span> ${Dash.esc(s.statusMessage)}` : `<span class="badge">${s.status}</span>`;
    details.innerHTML = `<h2>${Dash.esc(s.name)}</h2>
      <dl class="attrs">
        <dt>service</dt><dd>${Dash.service(s.service)} <code>${Dash.esc(s.instanceId)}</code></dd>
        <dt>kind</dt><dd>${Dash.esc(s.kind)}</dd>
        <dt>status</dt><dd>${status}</dd>
        <dt>duration</dt><dd>${Dash.duration(s.durationMs)} (starts at +${Dash.duration(s.offsetMs)})</dd>
        <dt>span id</dt><dd>${s.spanId}</dd>
        <dt>scope</dt><dd>${Dash.esc(s.scope)}</dd>
      </dl>
      <h2 style="margin-top:14px">Attributes</h2>${attributes(s.attributes)}
      ${s.events.length ? `<h2 style="margin-top:14px">Events</h2>` + s.events.map(e => `<p><b>${Dash.esc(e.name)}</b> ${Dash.time(e.time)}</p>${attributes(e.attributes)}`).join("") : ""}`;
    waterfall.querySelectorAll(".wf-row").forEach(row => row.classList.toggle("selected", row.dataset.spanId === selected));
  }

  async function refresh() {
    const response = await fetch(`/api/traces/${encodeURIComponent(traceId)}`);
    if (response.status === 404) {
      waterfall.innerHTML = `<p class="empty">This trace has not arrived yet, or has aged out of the dashboard's memory.</p>`;
      return;
    }
    if (!response.ok) throw new Error(response.status);
    const trace = await response.json();
    spans = trace.spans;
    const services = [...new Set(spans.map(s => s.service))];
    document.getElementById("trace-title").textContent = tree(spans)[0]?.span.name ?? "Trace";
    document.getElementById("trace-summary").innerHTML =
      `${spans.length} spans · ${Dash.duration(trace.durationMs)} · ${services.map(Dash.service).join("")}`;
    const total = trace.durationMs || 1;
    const rows = tree(spans).map(({ span: s, depth }) => {
      const left = 100 * s.offsetMs / total;
      const width = Math.max(100 * s.durationMs / total, 0.3);
      // The duration sits inside a wide bar, otherwise beside it on whichever side has room.
      const label = width > 12 ? `left:calc(${left}% + 6px);color:#fff`
        : left + width > 75 ? `right:calc(${100 - left}% + 6px)` : `left:calc(${left + width}% + 6px)`;
      return `<div class="wf-row" data-span-id="${s.spanId}">
        <div class="wf-name" style="padding-left:${10 + depth * 16}px" title="${Dash.esc(s.name)}">${Dash.service(s.service)}${Dash.esc(s.name)}</div>
        <div class="wf-track">
          <div class="wf-bar${s.status === "Error" ? " error" : ""}" style="left:${left}%;width:${width}%;--c:${Dash.color(s.service)}"></div>
          <span class="wf-label" style="${label}">${Dash.duration(s.durationMs)}</span>
        </div>
      </div>`;
    });
    waterfall.innerHTML = `<div class="wf-row wf-head"><div class="wf-name">Span</div><div class="wf-track"><span class="wf-label" style="left:4px;top:6px">0</span><span class="wf-label" style="right:4px;top:6px">${Dash.duration(total)}</span></div></div>` + rows.join("");
    waterfall.querySelectorAll(".wf-row[data-span-id]").forEach(row => row.addEventListener("click", () => {
      selected = row.dataset.spanId;
      showDetails();
    }));
    selected ??= tree(spans)[0]?.span.spanId;
    showDetails();
  }

  Dash.live(refresh);
})();
