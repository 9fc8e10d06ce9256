#!/usr/bin/env bash
# Benchmark (not a test): the cost of telemetry. The product server, stateless, under the same wrk load in one run:
#   telemetry-on    exporting traces, metrics and logs over OTLP/HTTP as deployed, with the services' default
#                   sampling (10% of the traces they start), to a local sink that accepts everything;
#   every-trace     the same with OTEL_TRACES_SAMPLER=always_on, as the AppHost runs services for its dashboard;
#   telemetry-off   no OTLP endpoint; run first and last, and compared as the mean of the two.
# Both exporting runs use the AppHost's lively intervals (metrics every 2s, span and log batches every 1s).
# Goal: telemetry-on at most 15% below telemetry-off; every-trace is reported beside it.
# Usage: eng/bench-telemetry.sh   (env: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=15s)
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

wrk_settings
sink="http://127.0.0.1:$sink_port"
# The baseline runs first and last, and counts as their mean, so a drift during the run does not favour either side.
read -r off1_rps off1_p99 off1_wrong off1_non2xx < <(run telemetry-off "$server" --Mcp:SessionMode=Stateless)
read -r on_rps on_p99 on_wrong on_non2xx < <(OTLP_ENDPOINT="$sink" OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 \
  OTEL_BLRP_SCHEDULE_DELAY=1000 run telemetry-on "$server" --Mcp:SessionMode=Stateless)
read -r all_rps all_p99 all_wrong all_non2xx < <(OTLP_ENDPOINT="$sink" OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 \
  OTEL_BLRP_SCHEDULE_DELAY=1000 OTEL_TRACES_SAMPLER=always_on run every-trace "$server" --Mcp:SessionMode=Stateless)
read -r off2_rps off2_p99 off2_wrong off2_non2xx < <(run telemetry-off "$server" --Mcp:SessionMode=Stateless)
off_rps="$(awk -v a="$off1_rps" -v b="$off2_rps" 'BEGIN { printf "%.2f", (a + b) / 2 }')"

cost() { awk -v on="$1" -v off="$off_rps" 'BEGIN { printf "%.1f%%", 100 * (off - on) / off }'; }
row() { printf '%-16s %12s %10s %8s %8s %10s\n' "$@"; }
echo
row "" "req/s" "p99" "wrong" "non-2xx" "cost"
row "telemetry-off 1" "$off1_rps" "$off1_p99" "$off1_wrong" "$off1_non2xx" ""
row "telemetry-on" "$on_rps" "$on_p99" "$on_wrong" "$on_non2xx" "$(cost "$on_rps")"
row "every-trace" "$all_rps" "$all_p99" "$all_wrong" "$all_non2xx" "$(cost "$all_rps")"
row "telemetry-off 2" "$off2_rps" "$off2_p99" "$off2_wrong" "$off2_non2xx" ""
echo "throughput cost of telemetry as deployed: $(cost "$on_rps") (goal: <= 15%) against the baseline's mean of $off_rps req/s;" \
  "recording every trace: $(cost "$all_rps")"

if [[ "$off1_wrong$on_wrong$all_wrong$off2_wrong" != 0000 || "$off1_non2xx$on_non2xx$all_non2xx$off2_non2xx" != 0000 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
