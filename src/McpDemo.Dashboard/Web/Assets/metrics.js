// Metrics page: request rate, latency percentiles and active sessions, plus any other instrument.
"use strict";

(() => {
  const windowSelect = document.getElementById("window");
  const picker = document.getElementById("metric-picker");
  const other = document.getElementById("any-metric");

  async function draw(figure) {
    const name = figure.dataset.metric;
    const plot = figure.querySelector(".plot");
    if (!name) {
      plot.innerHTML = `<p class="empty">Pick an instrument to chart it.</p>`;
      return;
    }
    const params = new URLSearchParams({ name, view: figure.dataset.view ?? "Rate", minutes: windowSelect.value });
    Dash.lineChart(plot, await Dash.getJson("/api/metrics/chart?" + params));
  }

  async function refresh() {
    const metrics = await Dash.getJson("/api/metrics");
    const current = picker.value;
    const options = `<option value="">Other instrument…</option>` +
      metrics.map(m => `<option value="${Dash.esc(m.name)}" data-kind="${m.kind}">${Dash.esc(m.name)} (${m.kind.toLowerCase()})</option>`).join("");
    if (picker.dataset.options !== options) {
      picker.innerHTML = picker.dataset.options = options;
      picker.value = current;
    }
    await Promise.all([...document.querySelectorAll(".chart")].map(draw));
  }

  const tick = Dash.live(refresh);
  windowSelect.addEventListener("change", () => tick());
  picker.addEventListener("change", () => {
    other.dataset.metric = picker.value;
    tick();
  });
})();
