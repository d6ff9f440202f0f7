#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, one after the other:
#   scripts/fuzz.sh [--minutes N] [TARGET...]
# N minutes each (default 10), every target when none is named. Builds them
# with clang into ./build-fuzz (installing clang first if missing); each
# target's working corpus starts from its seeds and regression inputs and
# grows in build-fuzz/corpus/TARGET, never in the repository. A crashing,
# leaking, slow or oversized input lands in build-fuzz/findings/TARGET/; copy
# it to tests/fuzz/regressions/TARGET/ under a name that says what it caught
# once the bug is fixed. Runs at the lowest CPU priority.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${POSTWR_FUZZ_BUILD_DIR:-$here/build-fuzz}
minutes=10

# The largest input per target: a few SMTP transactions, a message with a
# few signatures, a config file, a DNS answer over EDNS; beyond that an
# input only takes longer.
declare -A max_len=(
  [fuzz_smtp_server]=8192
  [fuzz_smtp_client]=4096
  [fuzz_address]=600
  [fuzz_message]=16384
  [fuzz_config_files]=4096
  [fuzz_dns_records]=4096
  [fuzz_protocol_pieces]=8192
  [fuzz_dns_wire]=2048
)
all_targets=(fuzz_smtp_server fuzz_smtp_client fuzz_address fuzz_message fuzz_config_files fuzz_dns_records fuzz_protocol_pieces fuzz_dns_wire)

targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) [ -n "${max_len[$1]:-}" ] || { echo "unknown target: $1 (known: ${all_targets[*]})" >&2; exit 2; }
       targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

packages=(clang cmake ninja-build libssl-dev libasio-dev libc-ares-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DPOSTWR_FUZZ=ON >/dev/null
nice -n 19 cmake --build "$build" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
summary=()
failed=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target findings=$build/findings/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  inputs=("$here/tests/fuzz/corpus/$target")
  [ -d "$here/tests/fuzz/regressions/$target" ] && inputs+=("$here/tests/fuzz/regressions/$target")
  echo "== $target: $minutes minute(s), log in $log"
  touch "$build/logs/$target.start"
  status=0
  nice -n 19 "$build/tests/fuzz/$target" "$corpus" "${inputs[@]}" \
    -max_total_time=$((minutes * 60)) -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  found=$(find "$findings" -type f -newer "$build/logs/$target.start" | wc -l)
  [ "$status" -eq 0 ] && [ "$found" -eq 0 ] || failed=1
  summary+=("$(printf '%-22s exit %-3s execs %-10s %-22s findings %s' "$target" "$status" "${execs:-?}" "$coverage" "$found")")
  [ "$status" -eq 0 ] || tail -40 "$log"
done

echo
echo "Summary ($minutes minute(s) per target):"
printf '  %s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || echo "Findings are in $build/findings/; see tests/fuzz/README.md." >&2
exit "$failed"
