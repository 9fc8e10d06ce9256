// Shared helpers for the dashboard pages: fetching JSON, live refresh, escaping, colours, charts.
"use strict";

const Dash = (() => {
  const palette = ["#5b3fd1", "#0b7fab", "#d2691e", "#1a7f37", "#c2185b", "#8a6d00", "#6e7781", "#0550ae", "#bf3989", "#2da44e"];

  function esc(value) {
    return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  // Calls refresh(services) now and every two seconds; the header dot turns red while refreshing fails.
  function live(refresh) {
    const indicator = document.getElementById("live");
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        knownServices = await getJson("/api/services");
        await refresh(knownServices);
        indicator.classList.remove("stale");
        indicator.textContent = "live · " + new Date().toLocaleTimeString([], { hour12: false });
      } catch (error) {
        indicator.classList.add("stale");
        indicator.textContent = "disconnected";
        console.error(error);
      } finally {
        running = false;
      }
    };
    tick();
    setInterval(tick, 2000);
    return tick;
  }

  // Services get palette colours in name order (learned from /api/services on every refresh), so a
  // handful of services never share a colour and each keeps its colour on every page.
  let knownServices = [];

  function color(name) {
    const index = knownServices.indexOf(name);
    if (index >= 0) return palette[index % palette.length];
    let hash = 0;
    for (const ch of String(name)) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    return palette[hash % palette.length];
  }

  function service(name) {
    return `<span class="service" style="--c:${color(name)}">${esc(name)}</span>`;
  }

  function duration(ms) {
    if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
    if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
    return `${(ms / 1000).toFixed(2)} s`;
  }

  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
  }

  function query(name) {
    return new URLSearchParams(location.search).get(name) ?? "";
  }

  // Keeps a <select>'s options in line with values, preserving the first (placeholder) option and the selection.
  function fillSelect(select, values) {
    const current = select.value;
    const keep = select.options[0]?.value === "" ? [select.options[0].outerHTML] : [];
    const wanted = keep.concat(values.map(v => `<option>${esc(v)}</option>`)).join("");
    if (select.dataset.options !== wanted) {
      select.innerHTML = wanted;
      select.dataset.options = wanted;
      select.value = values.includes(current) ? current : (keep.length ? "" : values[0] ?? "");
    }
  }

  // A round gridline step that splits 0..max into at most four bands.
  function niceStep(max) {
    const raw = max > 0 ? max / 4 : 0.25;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(step => step >= raw);
  }

  function number(value) {
    if (value === 0) return "0";
    if (Math.abs(value) >= 1000) return (value / 1000).toFixed(1) + "k";
    if (Math.abs(value) >= 10) return value.toFixed(0);
    return value.toPrecision(2).replace(/\.?0+$/, "");
  }

  // Draws a MetricChart (shared time buckets, one line per series) as an inline SVG.
  function lineChart(container, chart) {
    const series = chart.series.filter(s => s.values.some(v => v !== null));
    if (series.length === 0) {
      container.innerHTML = `<p class="empty">No data for <code>${esc(chart.title)}</code> yet.</p>`;
      return;
    }
    const width = 640, height = 220, left = 48, right = 12, top = 10, bottom = 26;
    const n = chart.bucketStarts.length;
    const step = niceStep(Math.max(...series.flatMap(s => s.values.filter(v => v !== null))));
    const bands = Math.max(1, Math.ceil(Math.max(...series.flatMap(s => s.values.filter(v => v !== null))) / step));
    const max = step * bands;
    const x = i => left + (i + 0.5) * (width - left - right) / n;
    const y = v => top + (height - top - bottom) * (1 - v / max);
    let svg = "";
    for (let g = 0; g <= bands; g++) {
      const v = step * g;
      svg += `<line class="gridline" x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}"/>`;
      svg += `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${number(v)}</text>`;
    }
    for (const [i, anchor] of [[0, "start"], [Math.floor(n / 2), "middle"], [n - 1, "end"]]) {
      svg += `<text x="${x(i)}" y="${height - 8}" text-anchor="${anchor}">${esc(new Date(chart.bucketStarts[i]).toLocaleTimeString([], { hour12: false }))}</text>`;
    }
    series.forEach((s, index) => {
      const stroke = s.stroke = palette[index % palette.length];
      let path = "";
      s.values.forEach((v, i) => {
        if (v === null) return;
        const joined = i > 0 && s.values[i - 1] !== null;
        path += `${joined ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        const isolated = !joined && (i === n - 1 || s.values[i + 1] === null);
        if (isolated) svg += `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${stroke}"/>`;
      });
      svg += `<path d="${path}" fill="none" stroke="${stroke}" stroke-width="2" stroke-linejoin="round"/>`;
    });
    const legend = series.map(s => `<span class="service" style="--c:${s.stroke}">${esc(s.name)}</span>`).join("");
    container.innerHTML =
      `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(chart.title)}">${svg}</svg>` +
      `<div class="legend"><span>${esc(chart.title)}${chart.unit ? ` (${esc(chart.unit)})` : ""}</span>${legend}</div>`;
  }

  return { esc, getJson, live, color, service, duration, time, query, fillSelect, lineChart };
})();
