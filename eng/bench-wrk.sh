# What the wrk benchmarks (eng/bench.sh, eng/bench-gateway.sh) share. Source it, don't run it.
# Settings from the environment: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=15s.

connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
warmup="${WARMUP:-45s}" # tiered JIT needs this long to settle on a loaded 2-core machine
duration="${DURATION:-15s}"
wrk_version="4.1.0-3+b2" # Debian's wrk; pinned so figures compare across runs
ping_script="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench/ping.lua"

# ensure_wrk: installs the pinned wrk with apt-get when it is missing.
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk $wrk_version with apt-get..."
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "wrk=$wrk_version"
  fi
}

# free_port: a loopback port nobody listens on.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wrk_settings: one line saying how wrk drives the targets.
wrk_settings() {
  echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'): $connections connections, $threads threads, warm-up $warmup, measured $duration; $(nproc) cores"
}

# wrk_measure URL REPORT: warms URL up, then measures it with bench/ping.lua, keeping wrk's report in the file
# REPORT; prints "req/s p99 wrong non2xx".
wrk_measure() {
  local url="$1" report="$2"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$ping_script" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$ping_script" "$url" >"$report"
  local rps p99 wrong non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$report")"
  p99="$(awk '$1 == "99%" { print $2 }' "$report")"
  wrong="$(awk '/^wrong answers:/ { print $3 }' "$report")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$report")"
  echo "$rps $p99 $wrong ${non2xx:-0}"
}
