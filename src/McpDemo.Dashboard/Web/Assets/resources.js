// Resources page: every resource and replica with its state, plus the selected resource's console.
"use strict";

(() => {
  const body = document.querySelector("#resources tbody");
  const consoleSelect = document.getElementById("console-resource");
  const consoleView = document.getElementById("console");

  const stateClass = state => ({ Running: "ok", Finished: "ok", Starting: "warn", Waiting: "warn", Stopping: "warn", Exited: "bad", FailedToStart: "bad" }[state] ?? "");
  const healthClass = health => ({ Healthy: "ok", Unhealthy: "bad" }[health] ?? "");

  function replicaRow(resource, replica, first) {
    const endpoints = replica.endpoints.map(url => `<a href="${Dash.esc(url)}" target="_blank" rel="noopener">${Dash.esc(url)}</a>`).join("<br>");
    const state = `<span class="badge ${stateClass(replica.state)}">${Dash.esc(replica.state)}</span>` +
      (replica.detail ? ` <small class="muted">${Dash.esc(replica.detail)}</small>` : "");
    return `<tr class="${first ? "group-start" : ""}">
      <td>${first ? Dash.service(resource.name) : ""}</td>
      <td>${first ? Dash.esc(resource.type) : ""}</td>
      <td><code>${Dash.esc(replica.instanceId)}</code></td>
      <td>${state}</td>
      <td><span class="badge ${healthClass(replica.health)}">${Dash.esc(replica.health)}</span></td>
      <td class="num">${replica.restarts}</td>
      <td>${endpoints || "—"}</td>
      <td>${replica.startedAt ? Dash.time(replica.startedAt) : "—"}</td>
    </tr>`;
  }

  async function refresh() {
    const resources = await Dash.getJson("/api/resources");
    body.innerHTML = resources.length === 0
      ? `<tr><td colspan="8" class="empty">No resources.</td></tr>`
      : resources.map(r => r.replicas.length === 0
          ? `<tr class="group-start"><td>${Dash.service(r.name)}</td><td>${Dash.esc(r.type)}</td><td colspan="6" class="empty">No replicas</td></tr>`
          : r.replicas.map((replica, i) => replicaRow(r, replica, i === 0)).join("")).join("");

    Dash.fillSelect(consoleSelect, resources.map(r => r.name));
    if (!consoleSelect.value) return;
    const lines = await Dash.getJson(`/api/resources/${encodeURIComponent(consoleSelect.value)}/console?lines=500`);
    const atBottom = consoleView.scrollTop + consoleView.clientHeight >= consoleView.scrollHeight - 20;
    consoleView.innerHTML = lines.length === 0
      ? `<span class="who">No output yet.</span>`
      : lines.map(l => `<span class="who">${Dash.esc(l.instanceId)}</span> <span class="${l.isError ? "err" : ""}">${Dash.esc(l.text)}</span>`).join("\n");
    if (atBottom) consoleView.scrollTop = consoleView.scrollHeight;
  }

  const tick = Dash.live(refresh);
  consoleSelect.addEventListener("change", () => { consoleView.scrollTop = consoleView.scrollHeight; tick(); });
})();
