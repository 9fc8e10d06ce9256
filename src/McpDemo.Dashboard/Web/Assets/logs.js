// Logs page: structured logs filtered by resource, level, text and trace, linked to their traces.
"use strict";

(() => {
  const body = document.querySelector("#logs tbody");
  const service = document.getElementById("service-filter");
  const level = document.getElementById("level-filter");
  const search = document.getElementById("search");
  const traceFilter = document.getElementById("trace-filter");
  let traceId = Dash.query("traceId");
  service.dataset.initial = Dash.query("service");
  level.value = Dash.query("level");
  search.value = Dash.query("q");

  const levelClass = l => ({ Warning: "warn", Error: "bad", Critical: "bad", Information: "ok" }[l] ?? "");

  // The structured values behind the message; the template itself adds nothing to read.
  function attributes(log) {
    const shown = log.attributes.filter(a => a.key !== "{OriginalFormat}");
    return shown.length ? `<div class="attributes">${shown.map(a => `${Dash.esc(a.key)}=${Dash.esc(a.value)}`).join(" · ")}</div>` : "";
  }

  function showTraceFilter() {
    traceFilter.innerHTML = traceId
      ? `Trace <a href="/traces/${Dash.esc(traceId)}"><code>${Dash.esc(traceId.slice(0, 12))}…</code></a> <a href="#" id="clear-trace">(show all)</a>`
      : "";
    document.getElementById("clear-trace")?.addEventListener("click", e => {
      e.preventDefault();
      traceId = "";
      showTraceFilter();
      tick();
    });
  }

  async function refresh(services) {
    Dash.fillSelect(service, services);
    if (service.dataset.initial) {
      service.value = service.dataset.initial;
      delete service.dataset.initial;
    }
    const params = new URLSearchParams({ service: service.value, level: level.value, q: search.value, traceId });
    history.replaceState(null, "", "?" + [...params].filter(([, v]) => v).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&"));
    const logs = (await Dash.getJson("/api/logs?" + params)).reverse();
    body.innerHTML = logs.length === 0
      ? `<tr><td colspan="5" class="empty">No matching logs.</td></tr>`
      : logs.map(l => `<tr>
          <td>${Dash.time(l.timestamp)}</td>
          <td><span class="badge ${levelClass(l.level)}">${Dash.esc(l.level)}</span></td>
          <td>${Dash.service(l.resource.serviceName)}<br><small><code>${Dash.esc(l.resource.instanceId)}</code></small></td>
          <td class="message">${Dash.esc(l.message)}<br><small>${Dash.esc(l.category)}</small>${attributes(l)}</td>
          <td>${l.traceId ? `<a class="trace-link" href="/traces/${l.traceId}"><code>${l.traceId.slice(0, 8)}</code></a>` : ""}</td>
        </tr>`).join("");
  }

  showTraceFilter();
  const tick = Dash.live(refresh);
  for (const control of [service, level]) control.addEventListener("change", () => tick());
  let typing;
  search.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(tick, 300); });
})();
