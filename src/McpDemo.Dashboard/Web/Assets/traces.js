// Traces page: recent traces, newest first, filterable by service.
"use strict";

(() => {
  const body = document.querySelector("#traces tbody");
  const filter = document.getElementById("service-filter");
  filter.dataset.initial = Dash.query("service");

  async function refresh(services) {
    Dash.fillSelect(filter, services);
    if (filter.dataset.initial) {
      filter.value = filter.dataset.initial;
      delete filter.dataset.initial;
    }
    const traces = await Dash.getJson("/api/traces?service=" + encodeURIComponent(filter.value));
    body.innerHTML = traces.length === 0
      ? `<tr><td colspan="6" class="empty">No traces yet.</td></tr>`
      : traces.map(t => `<tr>
          <td>${Dash.time(t.startTime)}</td>
          <td><a href="/traces/${t.traceId}">${Dash.esc(t.rootName)}</a></td>
          <td>${t.services.map(Dash.service).join("")}</td>
          <td class="num">${t.spanCount}</td>
          <td class="num">${Dash.duration(t.durationMs)}</td>
          <td>${t.hasError ? `<span class="badge bad">Error</span>` : `<span class="badge ok">OK</span>`}</td>
        </tr>`).join("");
  }

  const tick = Dash.live(refresh);
  filter.addEventListener("change", () => {
    history.replaceState(null, "", filter.value ? "?service=" + encodeURIComponent(filter.value) : location.pathname);
    tick();
  });
})();
