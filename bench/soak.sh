#!/usr/bin/env bash
# Bounded soak of the Release service under wrk (figures are printed, never asserted in tests):
# 64 connections post a 30-word review for DURATION, in one-minute wrk runs back to back, while the
# service's resident memory (RSS) is sampled every 10 s. Prints requests, errors and memory of the
# first and last minute and a verdict: no errors, and last-minute memory within 10% of the first.
# MODE: single (POST /sentiment, default) or batch (POST /sentiment/batch of BATCH_TEXTS reviews).
# Other knobs: DURATION (10m; s/m/h or seconds), CONNECTIONS (64), BATCH_TEXTS (32), PORT (5098),
# MODEL_DIR (models).
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${MODE:-single}
DURATION=${DURATION:-10m}
CONNECTIONS=${CONNECTIONS:-64}
BATCH_TEXTS=${BATCH_TEXTS:-32}
PORT=${PORT:-5098}
MODEL_DIR=${MODEL_DIR:-models}
OUT=artifacts/soak
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
case $DURATION in
  *h) seconds=$(( ${DURATION%h} * 3600 )) ;; *m) seconds=$(( ${DURATION%m} * 60 )) ;;
  *s) seconds=${DURATION%s} ;; *) seconds=$DURATION ;;
esac
# A "minute" is one wrk run; a soak shorter than two minutes is cut in two halves instead.
chunk=$(( seconds >= 120 ? 60 : (seconds + 1) / 2 )); runs=$(( (seconds + chunk - 1) / chunk ))
source bench/service.sh

REVIEW="A quiet, tender film with lovely performances and a script that trusts its audience; the middle drags a little, but the ending is honest, warm and very well earned indeed."
if [[ $MODE == batch ]]; then
  endpoint=sentiment/batch; texts=$BATCH_TEXTS
  items=(); for ((i = 0; i < BATCH_TEXTS; i++)); do items+=("\"$REVIEW\""); done
  (IFS=,; printf '{"texts": [%s]}' "${items[*]}") > "$OUT/body.json"
else
  endpoint=sentiment; texts=1
  printf '{"text": "%s"}' "$REVIEW" > "$OUT/body.json"
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
publish_service
start_service "$MODEL_DIR" "$PORT"
url="http://127.0.0.1:$PORT/$endpoint"
echo "== soak: $MODE mode ($texts texts of $(wc -w <<< "$REVIEW") words per request), $CONNECTIONS connections, $runs runs of ${chunk}s"
BODY_FILE="$OUT/body.json" wrk -t1 -c1 -d2s -s bench/wrk-post.lua "$url" > /dev/null # warm-up

# Memory: "<seconds since start> <RSS in KiB>" every 10 s, until the script stops it.
start=$(date +%s)
(while kill -0 "$SERVICE_PID" 2>/dev/null; do
   echo "$(( $(date +%s) - start )) $(awk '/^VmRSS/ {print $2}' "/proc/$SERVICE_PID/status")"
   sleep 10
 done) > "$OUT/rss.log" &

: > "$OUT/runs.log"
threads=$(( CONNECTIONS < 2 ? 1 : 2 ))
for ((run = 1; run <= runs; run++)); do
  result=$(BODY_FILE="$OUT/body.json" wrk -t$threads -c"$CONNECTIONS" -d"${chunk}s" --timeout 30s \
    -s bench/wrk-post.lua "$url" | awk '/^RESULT/ {print $2, $3, $5, $6, $7, $8}')
  echo "$run $result" | tee -a "$OUT/runs.log" \
    | awk '{printf "   run %3d: %9d requests, %8.1f req/s, p50 %6.2f ms, p99 %7.2f ms, %d non-2xx, %d socket errors\n", $1, $7, $2, $3, $4, $5, $6}'
done
kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the service died during the soak" >&2; cat "$OUT/service.log"; exit 1; }
rss_now=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVICE_PID/status")
echo "$(( $(date +%s) - start )) $rss_now" >> "$OUT/rss.log"

# Memory of a run: the mean of the samples taken while it ran.
awk -v chunk="$chunk" -v runs="$runs" -v texts="$texts" '
  FNR == NR { run = int($1 / chunk) + 1; if (run > runs) run = runs; rss[run] += $2; samples[run]++; next }
  { requests[$1] = $7; errors[$1] = $5 + $6; total_errors += $5 + $6 }
  END {
    first_rss = rss[1] / samples[1] / 1024; last_rss = rss[runs] / samples[runs] / 1024
    printf "first %ds: %d requests (%d texts), %d errors, RSS %.1f MiB\n", chunk, requests[1], requests[1] * texts, errors[1], first_rss
    printf "last %ds:  %d requests (%d texts), %d errors, RSS %.1f MiB (%+.1f%%)\n", chunk, requests[runs], requests[runs] * texts, errors[runs], last_rss, (last_rss / first_rss - 1) * 100
    ok = total_errors == 0 && last_rss <= first_rss * 1.10
    printf "verdict: %s (%d errors in all; last-minute memory %s 110%% of the first)\n", ok ? "PASS" : "FAIL", total_errors, last_rss <= first_rss * 1.10 ? "within" : "above"
    exit ok ? 0 : 1
  }' "$OUT/rss.log" "$OUT/runs.log" | tee "$OUT/summary.txt"
