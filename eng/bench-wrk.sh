# What the wrk benchmarks (eng/bench.sh, eng/bench-gateway.sh, eng/bench-telemetry.sh) share. Source it, don't run it.
# Settings from the environment: CONNECTIONS=32 THREADS=2 WARMUP=45s DURATION=10s ROUNDS=5.

connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
warmup="${WARMUP:-45s}" # tiered JIT needs this long to settle on a loaded 2-core machine
duration="${DURATION:-10s}"
rounds="${ROUNDS:-5}"
wrk_version="4.1.0-3+b2" # Debian's wrk; pinned so figures compare across runs
perf_version="6.1.187-1" # Debian's linux-perf, which counts the instructions a process executes
ping_script="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bench/ping.lua"

# ensure_wrk: installs the pinned wrk with apt-get when it is missing.
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "Installing wrk $wrk_version with apt-get..."
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "wrk=$wrk_version"
  fi
}

# ensure_perf: installs the pinned perf with apt-get when it is missing.
ensure_perf() {
  if ! command -v perf >/dev/null; then
    echo "Installing linux-perf $perf_version with apt-get..."
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "linux-perf=$perf_version"
  fi
}

# free_port: a loopback port nobody listens on.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# wrk_settings: one line saying how wrk drives the targets.
wrk_settings() {
  echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'): $connections connections, $threads threads, warm-up $warmup each," \
    "then $rounds rounds of $duration each in turn; $(nproc) cores"
}

# wrk_once URL REPORT: one measured wrk run of bench/ping.lua against URL, its report kept in REPORT;
# prints "req/s p99 wrong non2xx".
wrk_once() {
  local url="$1" report="$2"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$ping_script" "$url" >"$report"
  local rps p99 wrong non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$report")"
  # wrk prints 850.00us, 2.25ms or 1.02s; the medians need one unit.
  p99="$(awk '$1 == "99%" { v = $2; f = v ~ /us$/ ? 0.001 : v ~ /ms$/ ? 1 : 1000; sub(/[a-z]+$/, "", v); printf "%.2fms", v * f }' "$report")"
  wrong="$(awk '/^wrong answers:/ { print $3 }' "$report")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$report")"
  echo "$rps $p99 $wrong ${non2xx:-0}"
}

# Per compare label, optional: the protocol revision bench/ping.lua sends to it (PING_REVISION), and the process
# whose CPU time per call compare counts with perf's task-clock.
declare -A revision_of=() pid_of=()

# median: the median of the numbers on stdin, one a line (the lower middle one of an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# task_clock_per_call PID WRK_REPORT OUT COMMAND...: runs COMMAND, its output to OUT, while perf counts the CPU time
# PID spends, and prints PID's microseconds of CPU per call of the wrk run whose report COMMAND writes to WRK_REPORT.
task_clock_per_call() {
  local pid="$1" report="$2" out="$3" counts perf_pid
  shift 3
  counts="$(mktemp)"
  perf stat -x, -e task-clock -p "$pid" -o "$counts" 2>/dev/null &
  perf_pid=$!
  sleep 0.2 # perf attaches before the load starts
  "$@" >"$out"
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
  awk -F, -v calls="$(awk '/requests in/ { print $1 }' "$report")" \
    '$3 == "task-clock" && $1 ~ /^[0-9.]+$/ { cpu = sprintf("%.1f", $1 * 1000 / calls) } END { print cpu == "" ? "n/a" : cpu }' "$counts"
  rm -f "$counts"
}

# compare REPORTS_DIR LABEL=URL...: warms every URL up, then measures them in turn, round after round, so a machine
# whose speed drifts during the run (a shared VM's does, by up to 2x within minutes) weighs on every target alike.
# Every other round goes in reverse order, so no target always follows the same one (and its leftover work).
# Prints, per label and in order, "label median_req/s median_p99 wrong non2xx median_cpu_us_per_call" (wrong answers
# summed over rounds; CPU n/a for a label without pid_of). The rounds' figures go to stderr as they come.
compare() {
  local dir="$1"
  shift
  local target label url default_revision="${PING_REVISION:-}"
  for target in "$@"; do
    label="${target%%=*}"
    PING_REVISION="${revision_of[$label]:-$default_revision}" \
      wrk -t"$threads" -c"$connections" -d"$warmup" -s "$ping_script" "${target#*=}" >/dev/null
  done
  local round order figures cpu
  for round in $(seq 1 "$rounds"); do
    order=("$@")
    if ((round % 2 == 0)); then
      mapfile -t order < <(printf '%s\n' "$@" | tac)
    fi
    for target in "${order[@]}"; do
      label="${target%%=*}"
      url="${target#*=}"
      figures="$dir/$label.$round.figures"
      export PING_REVISION="${revision_of[$label]:-$default_revision}"
      if [[ -n "${pid_of[$label]:-}" ]]; then
        cpu="$(task_clock_per_call "${pid_of[$label]}" "$dir/$label.$round.wrk" "$figures" wrk_once "$url" "$dir/$label.$round.wrk")"
      else
        wrk_once "$url" "$dir/$label.$round.wrk" >"$figures"
        cpu="n/a"
      fi
      sed -i "s|\$| $cpu|" "$figures"
      echo "  round $round $label: $(cut -d' ' -f1 "$figures") req/s, $cpu us CPU per call" >&2
    done
  done
  for target in "$@"; do
    label="${target%%=*}"
    local median_rps median_p99 wrong non2xx median_cpu
    median_rps="$(cat "$dir/$label".*.figures | cut -d' ' -f1 | median)"
    median_p99="$(cat "$dir/$label".*.figures | cut -d' ' -f2 | median)"
    wrong="$(cat "$dir/$label".*.figures | awk '{ s += $3 } END { print s }')"
    non2xx="$(cat "$dir/$label".*.figures | awk '{ s += $4 } END { print s }')"
    median_cpu="$(cat "$dir/$label".*.figures | cut -d' ' -f5 | median)"
    echo "$label $median_rps $median_p99 $wrong $non2xx $median_cpu"
  done
}
