#!/usr/bin/env bash
# Benchmark (not a test): the cost of telemetry. Three copies of the product server, stateless, side by side, driven
# by wrk in turn:
#   telemetry-on    exporting traces, metrics and logs over OTLP/HTTP as deployed, with the services' default
#                   sampling (10% of the traces they start), to a local sink that accepts everything;
#   every-trace     the same with OTEL_TRACES_SAMPLER=always_on, as the AppHost runs services for its dashboard;
#   telemetry-off   no OTLP endpoint.
# Both exporting runs use the AppHost's lively intervals (metrics every 2s, span and log batches every 1s).
# Goal: telemetry-on at most 15% below telemetry-off; every-trace is reported beside it.
# Usage: eng/bench-telemetry.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=3)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"

sink_pid=""
cleanup_extra() {
  if [[ -n "$sink_pid" ]] && kill -0 "$sink_pid" 2>/dev/null; then
    kill "$sink_pid"
  fi
}

echo "Building Release..."
dotnet build -c Release -v quiet -nologo "$root/src/McpDemo.Server" >/dev/null
server="$root/src/McpDemo.Server/bin/Release/net10.0/McpDemo.Server.dll"

# A stand-in collector: answers 200 to every OTLP POST, so only the server's side of export is measured.
sink_port="$(free_port)"
python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
' "$sink_port" &
sink_pid=$!

sink="http://127.0.0.1:$sink_port"
server_args=(--Mcp:SessionMode=Stateless)
OTLP_ENDPOINT="$sink" OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 \
  start_app telemetry-on "$server" "${server_args[@]}"
on_url="$app_url"
OTLP_ENDPOINT="$sink" OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 OTEL_BLRP_SCHEDULE_DELAY=1000 \
  OTEL_TRACES_SAMPLER=always_on start_app every-trace "$server" "${server_args[@]}"
all_url="$app_url"
start_app telemetry-off "$server" "${server_args[@]}"
off_url="$app_url"

wrk_settings
compare "$work" telemetry-off="$off_url" telemetry-on="$on_url" every-trace="$all_url" >"$work/figures"
print_figures <"$work/figures"
read -r _ off_rps _ < <(grep '^telemetry-off ' "$work/figures")
read -r _ on_rps _ < <(grep '^telemetry-on ' "$work/figures")
read -r _ all_rps _ < <(grep '^every-trace ' "$work/figures")
cost() { awk -v on="$1" -v off="$off_rps" 'BEGIN { printf "%.1f%%", 100 * (off - on) / off }'; }
echo "throughput cost of telemetry as deployed: $(cost "$on_rps") (goal: <= 15%); recording every trace: $(cost "$all_rps")"

if awk '$4 != 0 || $5 != 0 { bad = 1 } END { exit !bad }' "$work/figures"; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
