#!/usr/bin/env bash
# Does response compression pay? (figures are printed, never asserted in tests.) Serves the Release
# build with Compression:Enabled on 127.0.0.1 and posts a batch of BATCH_TEXTS 30-word reviews with
# no Accept-Encoding, with gzip and with br: bytes per answer body (curl), then req/s and latency
# under wrk at each of CONNECTIONS. Knobs: DURATION (15s), CONNECTIONS ("1 16"), BATCH_TEXTS (64),
# PORT (5097), MODEL_DIR (models).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-"1 16"}
BATCH_TEXTS=${BATCH_TEXTS:-64}
PORT=${PORT:-5097}
MODEL_DIR=${MODEL_DIR:-models}
OUT=artifacts/compression
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed: apt-get install -y curl" >&2; exit 1; }
source bench/service.sh

REVIEW="Sharp writing and a fine cast make this comedy a pleasure for most of its running time, even if the last act leans on coincidence and the jokes thin out near the end."
items=(); for ((i = 0; i < BATCH_TEXTS; i++)); do items+=("\"$REVIEW $i\""); done # distinct texts, as real batches are
(IFS=,; printf '{"texts": [%s]}' "${items[*]}") > "$OUT/batch.json"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
publish_service
start_service "$MODEL_DIR" "$PORT" Compression__Enabled=true
url="http://127.0.0.1:$PORT/sentiment/batch"

printf '\n%-8s %12s\n' coding 'body bytes'
for coding in identity gzip br; do
  printf '%-8s %12d\n' "$coding" "$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $coding" \
    -H 'Content-Type: application/json' --data-binary "@$OUT/batch.json" "$url")"
done

printf '\n%-8s %5s %9s %9s %8s %8s %12s %8s\n' coding conns 'req/s' 'texts/s' 'p50 ms' 'p99 ms' 'bytes/resp' errors
for coding in identity gzip br; do
  ACCEPT_ENCODING=$coding BODY_FILE="$OUT/batch.json" wrk -t1 -c1 -d2s -s bench/wrk-post.lua "$url" > /dev/null # warm-up
  for c in $CONNECTIONS; do
    threads=$(( c < 2 ? 1 : 2 ))
    read -r rps p50 p99 status socket requests bytes < <(ACCEPT_ENCODING=$coding BODY_FILE="$OUT/batch.json" \
      wrk -t$threads -c"$c" -d"$DURATION" --timeout 30s -s bench/wrk-post.lua "$url" | awk '/^RESULT/ {print $2, $3, $5, $6, $7, $8, $9}')
    printf '%-8s %5d %9.1f %9.1f %8.2f %8.2f %12d %8d\n' "$coding" "$c" "$rps" "$(awk "BEGIN {print $rps * $BATCH_TEXTS}")" \
      "$p50" "$p99" "$(( requests > 0 ? bytes / requests : 0 ))" "$(( status + socket ))"
  done
done
