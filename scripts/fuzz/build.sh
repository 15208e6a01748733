#!/bin/bash
# Builds the libFuzzer harnesses of scripts/fuzz against the package's own
# sources (DescentCore, and DescentUI for the frame fuzzer), instrumented with
# libFuzzer and AddressSanitizer. Kept out of Package.swift so `swift build`
# and `swift test` never see them. Usage: scripts/fuzz/build.sh [OUTPUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/.build/fuzz}
mkdir -p "$out"
flags=(-O -wmo -parse-as-library -sanitize=fuzzer,address)
# ld.gold warns once per ASan helper symbol it cannot export; nothing is wrong.
quiet() { grep -v "Cannot export local symbol" || true; }

swiftc "${flags[@]}" -module-name DescentCore -emit-library -static \
    -emit-module -emit-module-path "$out/DescentCore.swiftmodule" \
    $(find "$root/Sources/DescentCore" -name '*.swift') -o "$out/libDescentCore.a" 2>&1 | quiet
swiftc "${flags[@]}" -module-name DescentUI -emit-library -static \
    -emit-module -emit-module-path "$out/DescentUI.swiftmodule" -I "$out" -I "$root/Sources/CNcursesw" \
    $(find "$root/Sources/DescentUI" -name '*.swift') -o "$out/libDescentUI.a" 2>&1 | quiet

for harness in ExpressionFuzzer CSVFuzzer ScenarioFuzzer; do
    swiftc "${flags[@]}" -I "$out" "$root/scripts/fuzz/$harness.swift" "$out/libDescentCore.a" \
        -o "$out/$harness" 2>&1 | quiet
done
swiftc "${flags[@]}" -I "$out" -I "$root/Sources/CNcursesw" "$root/scripts/fuzz/FrameFuzzer.swift" \
    "$out/libDescentUI.a" "$out/libDescentCore.a" -lncursesw -o "$out/FrameFuzzer" 2>&1 | quiet
echo "built in $out: ExpressionFuzzer CSVFuzzer ScenarioFuzzer FrameFuzzer"
