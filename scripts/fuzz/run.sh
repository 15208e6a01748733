#!/bin/bash
# Runs one harness of scripts/fuzz for SECONDS (default 600) on a corpus kept
# in .build/fuzz/corpus/NAME, seeded from the project's own files; crashing
# inputs land in .build/fuzz/artifacts/NAME/. Usage:
#   scripts/fuzz/run.sh ExpressionFuzzer|CSVFuzzer|ScenarioFuzzer|FrameFuzzer [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
name=${1:?which harness: ExpressionFuzzer, CSVFuzzer, ScenarioFuzzer or FrameFuzzer}
seconds=${2:-600}
out=$root/.build/fuzz
[ -x "$out/$name" ] || "$root/scripts/fuzz/build.sh" "$out"
corpus=$out/corpus/$name seeds=$out/seeds/$name
mkdir -p "$corpus" "$seeds" "$out/artifacts/$name"
options=(-max_len=4096 -timeout=30 -rss_limit_mb=2048)
case $name in
    ExpressionFuzzer)
        sed -n 's/^ *formula: "\(.*\)",$/\1/p' "$root/Sources/DescentCore/Surfaces/ClassicFunction+Catalog.swift" \
            | sed 's/\\\\/\\/g' | split -l 1 - "$seeds/catalog-"
        printf 'c = a + b; d = b + 1; f = c * d' > "$seeds/chain"
        printf 'c = a + b\n# a comment\nf = c * (b + 1)\n  - relu(a) + max(a, b)^2 / sqrt(abs(b))' > "$seeds/lines"
        options+=(-dict="$root/scripts/fuzz/expression.dict") ;;
    CSVFuzzer)
        # The first byte picks the target, features and loss (see the harness).
        printf '\0x,y\n0.2,0.9\n"0.6", 1.4\r\n1e3,  -2\n' > "$seeds/plain"
        printf '\3\xef\xbb\xbfx,x2,y\n1,2,0\n\n4,5,1\n' > "$seeds/named" ;;
    ScenarioFuzzer)
        cp "$root"/scenarios/*.json "$seeds/" && rm -f "$seeds/schema.json"
        options+=(-max_len=8192 -dict="$root/scripts/fuzz/scenario.dict") ;;
    FrameFuzzer)
        # Columns, rows, scenario, then keys (see the harness).
        printf '\x50\x1e\x00 n]pgE?\x05\x06+-f0dq' > "$seeds/keys"
        printf '\x64\x1e\x0a:lr 0.5\x00:step 500\x00:restarts 20 100\x00r\x06\x06' > "$seeds/commands"
        printf '\x78\x28\x01:expression c = a + b; f = c * (b + 1)\x00g\x0ceeeE' > "$seeds/graph" ;;
esac
cd "$out"
"./$name" "$corpus" "$seeds" "${options[@]}" -max_total_time="$seconds" -artifact_prefix="artifacts/$name/" \
    -print_final_stats=1
