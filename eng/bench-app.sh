# What the benchmarks (eng/bench.sh, eng/bench-gateway.sh, eng/bench-telemetry.sh, eng/bench-auth.sh) share on top of eng/bench-wrk.sh:
# starting the apps they compare, stopping them (and any other process whose pid is added to pids), and reading
# compare's figures. Source it, don't run it.
source "$(dirname "${BASH_SOURCE[0]}")/bench-wrk.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

ensure_wrk

# start_app NAME DLL [NAME=VALUE...]: starts the app in the background on a free loopback port, configured from the
# environment as the AppHost configures it (ASPNETCORE_URLS, telemetry off unless the given settings set
# OTEL_EXPORTER_OTLP_ENDPOINT, then the given settings), waits for its pong, and sets app_url to its /mcp endpoint.
start_app() {
  local name="$1" dll="$2"
  shift 2
  local port
  port="$(free_port)"
  env ASPNETCORE_URLS="http://127.0.0.1:$port" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" \
    OTEL_EXPORTER_OTLP_ENDPOINT="" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf "$@" \
    dotnet "$dll" >"$work/$name.log" 2>&1 &
  pids+=($!)
  app_url="http://127.0.0.1:$port/mcp"
  local ping='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
  local answer=""
  for _ in $(seq 1 150); do
    answer="$(curl -fsS -X POST "$app_url" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -d "$ping" 2>/dev/null)" && break
    sleep 0.2
  done
  grep -q 'pong! instance=' <<<"$answer" || { echo "$name did not answer; its log:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$name answers: $(grep -o 'pong! instance=[^"]*' <<<"$answer")"
}

# start_otlp_sink: a stand-in collector on a free port that answers 200 to every OTLP/HTTP POST, so only the
# exporting side is measured; stopped with the apps. Sets otlp_sink_url.
start_otlp_sink() {
  local port
  port="$(free_port)"
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
' "$port" &
  pids+=($!)
  otlp_sink_url="http://127.0.0.1:$port"
}

# print_figures FIGURES: prints compare's lines, kept in the file FIGURES, as a table with a header.
print_figures() {
  printf '\n%-16s %12s %10s %8s %8s %12s\n' "" "req/s" "p99" "wrong" "non-2xx" "CPU us/call"
  local label rps p99 wrong non2xx cpu
  while read -r label rps p99 wrong non2xx cpu; do
    printf '%-16s %12s %10s %8s %8s %12s\n' "$label" "$rps" "$p99" "$wrong" "$non2xx" "${cpu:-n/a}"
  done <"$1"
}

# cpu_of FIGURES LABEL: the median CPU time per call (us) compare found for LABEL.
cpu_of() { awk -v label="$2" '$1 == label { print $6 }' "$1"; }

# ratio A B: A / B to two decimals, or n/a when either is not a number.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# rps_of FIGURES LABEL: the median req/s compare found for LABEL.
rps_of() { awk -v label="$2" '$1 == label { print $2 }' "$1"; }

# percent PART WHOLE: PART as a percentage of WHOLE, one decimal.
percent() { awk -v part="$1" -v whole="$2" 'BEGIN { printf "%.1f", 100 * part / whole }'; }

# require_right_answers FIGURES: fails the benchmark if any target gave a wrong answer or a non-2xx status.
require_right_answers() {
  if awk '$4 != 0 || $5 != 0 { bad = 1 } END { exit !bad }' "$1"; then
    echo "Some answers were wrong: the figures above do not count." >&2
    exit 1
  fi
}

# cost_per_call URL PIDS: one more run of bench/ping.lua against URL while perf counts what the processes PIDS
# (comma-separated) execute; prints "<instructions per call, thousands> <CPU time per call, us>", "n/a" for a count
# the machine cannot make (VMs without a PMU cannot count instructions). Unlike req/s, an instruction count hardly
# moves when a shared machine's speed drifts; CPU time per call moves less than req/s, and every machine has it.
cost_per_call() {
  local url="$1" pid="$2" counts="$work/perf.counts" report="$work/perf.wrk" perf_pid
  perf stat -x, -e instructions,task-clock -p "$pid" -o "$counts" &
  perf_pid=$!
  sleep 0.2 # perf attaches before the load starts
  wrk -t"$threads" -c"$connections" -d"$duration" -s "$ping_script" "$url" >"$report"
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
  awk -F, -v calls="$(awk '/requests in/ { print $1 }' "$report")" '
    $3 == "instructions" { instructions = $1 ~ /^[0-9]+$/ ? sprintf("%.1f", $1 / calls / 1000) : "n/a" }
    $3 == "task-clock" { cpu = $1 ~ /^[0-9.]+$/ ? sprintf("%.1f", $1 * 1000 / calls) : "n/a" }
    END { print (instructions == "" ? "n/a" : instructions), (cpu == "" ? "n/a" : cpu) }' "$counts"
}

# cpu_ticks PID...: the clock ticks the processes and their children (nginx's workers) have run, user plus system.
cpu_ticks() {
  local total=0 pid proc
  for pid in "$@"; do
    for proc in "$pid" $(pgrep -P "$pid" || true); do
      # Fields 14 and 15 after the ")" that ends the command name, which may hold spaces.
      total=$((total + $(sed 's/.*) //' "/proc/$proc/stat" | awk '{ print $12 + $13 }')))
    done
  done
  echo "$total"
}

# round_order ROUND TARGET...: the targets one per line, reversed on even rounds, so no target always runs first (on a
# machine that warms up or slows down over a run, the first slot would otherwise favour or penalise one of them).
round_order() {
  local round=$1
  shift
  if ((round % 2 == 0)); then
    printf '%s\n' "$@" | tac
  else
    printf '%s\n' "$@"
  fi
}
