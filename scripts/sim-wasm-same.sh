#!/usr/bin/env bash
# sim-wasm-same.sh checks that cmd/sim prints the same bytes natively and
# built for js/wasm under node: determinism across platforms, not just runs.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
exec_wasm="$(go env GOROOT)/lib/wasm/go_js_wasm_exec"
go build -o "$tmp/sim" ./cmd/sim
GOOS=js GOARCH=wasm go build -o "$tmp/sim.wasm" ./cmd/sim
for seed in 7 8; do
  "$tmp/sim" -seed "$seed" -for 10s >"$tmp/native-$seed.json"
  "$exec_wasm" "$tmp/sim.wasm" -seed "$seed" -for 10s >"$tmp/wasm-$seed.json"
  if ! cmp -s "$tmp/native-$seed.json" "$tmp/wasm-$seed.json"; then
    echo "sim-wasm-same: seed $seed: wasm output differs from native" >&2
    exit 1
  fi
done
# Every knob turned, the what-if spread and an election experiment too (over
# two worker processes natively; wasm starts no processes, so one there).
knobs=(-seed 9 -for 10s -prevote=false -tick-ms 5 -election-ticks 30 -heartbeat-ticks 4 -latency 2-20 -disk 0-6 -loss 0.05 -timeout-spread 7)
experiment=(-experiment election -trials 20 -ranges 25 -whatif -json)
# A stretch played by hand in manual mode: a write, the clock held, two
# nodes' messages delivered, a node ticked and its Ready handed over, a
# duplicate, and the clock given back.
echo '[{"at_ms":2000,"op":"put","value":"much"},{"at_ms":2003,"op":"manual","on":true},{"at_ms":2003,"op":"deliver","to":2},{"at_ms":2003,"op":"ready","node":2},{"at_ms":2003,"op":"tick","node":3,"until":"election"},{"at_ms":2003,"op":"deliver","to":3},{"at_ms":2003,"op":"manual","on":false}]' >"$tmp/manual.json"
manual=(-seed 6 -for 10s -actions "$tmp/manual.json")
# Stress with frequent snapshots; n1, cut off for ten seconds, is rebuilt
# from the leader's snapshot when it comes back.
echo '[{"at_ms":5000,"op":"partition","groups":[[1],[2,3,4,5]]},{"at_ms":15000,"op":"heal"}]' >"$tmp/cut.json"
snapshots=(-seed 4 -stress -for 30s -snapshot-count 20 -snapshot-catchup-entries 5 -actions "$tmp/cut.json")
for run in knobs experiment snapshots manual; do
  declare -n args=$run
  extra=()
  [ "$run" = experiment ] && extra=(-workers 2)
  "$tmp/sim" "${args[@]}" "${extra[@]}" >"$tmp/native-$run.json" 2>/dev/null
  [ "$run" = experiment ] && extra=(-workers 1)
  "$exec_wasm" "$tmp/sim.wasm" "${args[@]}" "${extra[@]}" >"$tmp/wasm-$run.json" 2>/dev/null
  if ! cmp -s "$tmp/native-$run.json" "$tmp/wasm-$run.json"; then
    echo "sim-wasm-same: the $run run: wasm output differs from native" >&2
    exit 1
  fi
done
# The message trace of a stressed run with a partition, a crash and a restart
# and loss: every message's stream, times and fate.
echo '[{"at_ms":2000,"op":"partition","groups":[[1],[2,3,4,5]]},{"at_ms":4000,"op":"heal"},{"at_ms":5000,"op":"crash","node":2},{"at_ms":8000,"op":"restart","node":2},{"at_ms":9000,"op":"loss","rate":0.05}]' >"$tmp/faults.json"
traced=(-seed 3 -stress -for 12s -actions "$tmp/faults.json")
"$tmp/sim" "${traced[@]}" -trace "$tmp/native-trace.jsonl" >/dev/null
"$exec_wasm" "$tmp/sim.wasm" "${traced[@]}" -trace "$tmp/wasm-trace.jsonl" >/dev/null
if [ ! -s "$tmp/native-trace.jsonl" ] || ! cmp -s "$tmp/native-trace.jsonl" "$tmp/wasm-trace.jsonl"; then
  echo "sim-wasm-same: the traced run: the wasm trace differs from the native one" >&2
  exit 1
fi
if cmp -s "$tmp/native-7.json" "$tmp/native-8.json"; then
  echo "sim-wasm-same: seeds 7 and 8 printed the same bytes" >&2
  exit 1
fi
echo "sim-wasm-same: seeds 7 and 8, a run with every knob turned, an election experiment, a stressed run with snapshots and a run played by hand print the same bytes natively and in wasm, and a traced run with faults writes the same trace"
