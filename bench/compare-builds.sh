#!/usr/bin/env bash
# Compares the service built from an earlier commit with the working tree's, on the same machine
# in the same run: both serve the same bundle, and short wrk rounds alternate between them, so a
# steady background load weighs on both alike. Prints requests/s and p50/p99 per round and the
# median of each side, and the working tree's change against the earlier build.
# Usage: bench/compare-builds.sh REF   (e.g. bench/compare-builds.sh 8f01200)
#   ROUNDS (3), DURATION (10s), CONNECTIONS ("1 64"), MODEL_DIR (models), BODY (a 31-word review)
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:?usage: bench/compare-builds.sh REF}"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-"1 64"}
MODEL_DIR=$(cd "${MODEL_DIR:-models}" && pwd)
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
OUT=artifacts/compare
rm -rf "$OUT" && mkdir -p "$OUT"
body="$OUT/body.json"
review="The plot was thin and the ending came far too soon, but the acting was wonderful, the music moving, and I would happily watch this charming little film again with friends."
if [[ -n "${BODY:-}" ]]; then printf '%s' "$BODY" > "$body"; else printf '{"text": "%s"}' "$review" > "$body"; fi

source=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    wait 2> /dev/null || true
    git worktree remove --force "$source" 2> /dev/null || rm -rf "$source"
}
trap cleanup EXIT
git worktree add -q --detach "$source" "$ref"
echo "== publishing $ref and the working tree (Release)"
dotnet publish "$source/src/Sentiment.Api" -c Release -o "$OUT/before" -v quiet -nologo > "$OUT/publish-before.log" 2>&1 \
    || { tail -20 "$OUT/publish-before.log"; exit 1; }
dotnet publish src/Sentiment.Api -c Release -o "$OUT/after" -v quiet -nologo > "$OUT/publish-after.log" 2>&1 \
    || { tail -20 "$OUT/publish-after.log"; exit 1; }

declare -A port=([before]=5201 [after]=5202)
for side in before after; do
    (cd "$OUT/$side" && exec env Model__Path="$MODEL_DIR" ASPNETCORE_URLS="http://127.0.0.1:${port[$side]}" \
        dotnet Sentiment.Api.dll > ../$side.log 2>&1) &
    pids+=($!)
done
for side in before after; do
    for _ in $(seq 150); do
        dotnet "$OUT/after/Sentiment.Api.dll" --probe "http://127.0.0.1:${port[$side]}/health/ready" > /dev/null 2>&1 && break
        sleep 0.3
    done
    BODY_FILE="$body" wrk -t1 -c1 -d2s -s bench/wrk-post.lua "http://127.0.0.1:${port[$side]}/sentiment" > /dev/null
done

echo "== load average $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds of $DURATION per side and connection count"
printf '%-7s %5s %5s %9s %8s %8s %8s\n' side conns round 'req/s' 'p50 ms' 'p99 ms' non-2xx
for c in $CONNECTIONS; do
    threads=$(( c < 2 ? 1 : 2 ))
    for round in $(seq "$ROUNDS"); do
        for side in before after; do
            read -r rps p50 _ p99 status _ < <(BODY_FILE="$body" wrk -t$threads -c"$c" -d"$DURATION" --timeout 30s \
                -s bench/wrk-post.lua "http://127.0.0.1:${port[$side]}/sentiment" | awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}')
            printf '%-7s %5d %5d %9.1f %8.2f %8.2f %8d\n' "$side" "$c" "$round" "$rps" "$p50" "$p99" "$status" | tee -a "$OUT/rounds.txt"
        done
    done
done

echo
echo "== medians (after against before)"
awk '{ key = $2; v[$1, key] = v[$1, key] " " $4; p[$1, key] = p[$1, key] " " $5; conns[key] = 1 }
function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
END {
    for (c in conns) {
        rb = median(v["before", c]); ra = median(v["after", c]); pb = median(p["before", c]); pa = median(p["after", c])
        printf "%3d connections: before %.1f req/s p50 %.2f ms, after %.1f req/s p50 %.2f ms: %+.1f%% req/s, %+.1f%% p50\n",
            c, rb, pb, ra, pa, 100 * (ra - rb) / rb, 100 * (pa - pb) / pb
    }
}' "$OUT/rounds.txt"
