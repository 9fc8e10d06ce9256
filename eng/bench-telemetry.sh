#!/usr/bin/env bash
# Benchmark (not a test): the cost of telemetry. The product server, stateless, under the same wrk load twice in
# one run: first exporting traces, metrics and logs over OTLP/HTTP (with the AppHost's lively intervals: metrics
# every 2s, span batches every 1s) to a local sink that accepts everything, then with export off.
# Goal: throughput with telemetry on at most 15% lower.
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
read -r on_rps on_p99 on_wrong on_non2xx < <(OTLP_ENDPOINT="http://127.0.0.1:$sink_port" OTEL_METRIC_EXPORT_INTERVAL=2000 OTEL_BSP_SCHEDULE_DELAY=1000 \
  run telemetry-on "$server" --Mcp:SessionMode=Stateless)
read -r off_rps off_p99 off_wrong off_non2xx < <(run telemetry-off "$server" --Mcp:SessionMode=Stateless)

printf '\n%-14s %12s %10s %8s %8s\n' "" "req/s" "p99" "wrong" "non-2xx"
printf '%-14s %12s %10s %8s %8s\n' telemetry-on "$on_rps" "$on_p99" "$on_wrong" "$on_non2xx"
printf '%-14s %12s %10s %8s %8s\n' telemetry-off "$off_rps" "$off_p99" "$off_wrong" "$off_non2xx"
cost="$(awk -v on="$on_rps" -v off="$off_rps" 'BEGIN { printf "%.1f", 100 * (off - on) / off }')"
echo "throughput cost of telemetry: $cost% (goal: <= 15%)"

if [[ "$on_wrong" != 0 || "$on_non2xx" != 0 || "$off_wrong" != 0 || "$off_non2xx" != 0 ]]; then
  echo "Some answers were wrong: the figures above do not count." >&2
  exit 1
fi
