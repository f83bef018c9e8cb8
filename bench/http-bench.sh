#!/usr/bin/env bash
# HTTP benchmark of the service (figures are printed, never asserted):
#   1. the model alone, in process (bench/Sentiment.Benchmarks, texts/s at batch 1 and 32);
#   2. the Release service on 127.0.0.1 under wrk, at 1, 16 and 64 connections, with a ~30-word
#      and a ~200-word review, on POST /sentiment and POST /sentiment/batch;
#   3. the ~30-word review with "explain": true (and with "sentences": true too) at EXPLAIN_CONNECTIONS.
# MODEL_DIR: the bundle to serve; default models/ when it holds a model, otherwise the
# production-size bundle with random weights that Sentiment.Benchmarks writes (speed does not
# depend on the weights; the tiny test bundle is far smaller than a real model).
# Other knobs: DURATION (20s), CONNECTIONS ("1 16 64"), BATCH_TEXTS (32), PORT (5099), MODEL_ALONE (1),
# ENDPOINTS ("sentiment sentiment/batch"), EXPLAIN_CONNECTIONS ("1 64"; empty skips the explain rows).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
BATCH_TEXTS=${BATCH_TEXTS:-32}
PORT=${PORT:-5099}
MODEL_ALONE=${MODEL_ALONE:-1}
ENDPOINTS=${ENDPOINTS:-"sentiment sentiment/batch"}
EXPLAIN_CONNECTIONS=${EXPLAIN_CONNECTIONS-"1 64"}
OUT=artifacts/bench
RANDOM_BUNDLE="${TMPDIR:-/tmp}/sentiment-bench-bundle"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

if [[ -z "${MODEL_DIR:-}" ]]; then
  if [[ -f models/model.json ]]; then MODEL_DIR=models; else MODEL_DIR=""; fi
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$MODEL_ALONE" == 1 ]]; then
  echo "== model alone: SentimentScorer.Score on pre-encoded reviews, one ONNX Runtime thread"
  SENTIMENT_BENCH_BUNDLE="$MODEL_DIR" dotnet run -c Release --project bench/Sentiment.Benchmarks -- \
    --filter '*ScorerBenchmarks*' --job short --inProcess > "$OUT/model-alone.log" 2>&1 \
    || { tail -20 "$OUT/model-alone.log"; exit 1; }
  grep -E '^\| *(Method|Score|-)' "$OUT/model-alone.log" || tail -20 "$OUT/model-alone.log"
fi
MODEL_DIR=${MODEL_DIR:-$RANDOM_BUNDLE}
[[ -f "$MODEL_DIR/model.json" ]] || { echo "no model bundle in $MODEL_DIR (run with MODEL_ALONE=1 once)" >&2; exit 1; }
MODEL_DIR=$(cd "$MODEL_DIR" && pwd)

echo "== publishing the service (Release)"
dotnet publish src/Sentiment.Api -c Release -o "$OUT/service" -v quiet -nologo > "$OUT/publish.log" 2>&1 \
  || { cat "$OUT/publish.log"; exit 1; }

# The bodies: a ~30-word and a ~200-word review, alone and BATCH_TEXTS times in a batch.
SHORT="The plot was thin and the ending came far too soon, but the acting was wonderful, the music moving, and I would happily watch this charming little film again with friends."
LONG="I went into this film with low expectations, having read several lukewarm reviews, and I came out pleasantly surprised. \
The story follows a retired teacher who returns to the small coastal town where she grew up, hoping to sell her late mother's house \
and leave as quickly as possible. Of course, nothing goes to plan. The first half is slow, perhaps too slow for some viewers, and a \
subplot about a local election never really pays off. But the performances are superb. The lead actress brings warmth and a dry sense \
of humour to a role that could easily have been sentimental, and the supporting cast, especially the young actor playing her neighbour's \
son, is excellent. The photography is beautiful without being showy, and the music is used sparingly, which makes the quiet moments \
land even harder. The script has a few clumsy lines and one scene near the end feels rushed, yet the final twenty minutes are moving \
and honest. It is not a perfect film, and it will not change anyone's life, but it is kind, funny and well made, and I would happily \
recommend it to anyone looking for a gentle, thoughtful evening at the cinema."
body() { printf '{"text": "%s"}' "$1"; }
batch() { local items=(); for ((i = 0; i < BATCH_TEXTS; i++)); do items+=("\"$1\""); done; local IFS=,; printf '{"texts": [%s]}' "${items[*]}"; }
body "$SHORT" > "$OUT/short.json"; body "$LONG" > "$OUT/long.json"
printf '{"text": "%s", "explain": true}' "$SHORT" > "$OUT/short-explain.json"
printf '{"text": "%s", "explain": true, "sentences": true}' "$SHORT" > "$OUT/short-explain-sentences.json"
batch "$SHORT" > "$OUT/short-batch.json"; batch "$LONG" > "$OUT/long-batch.json"
echo "== reviews: $(wc -w <<< "$SHORT") and $(wc -w <<< "$LONG") words; batch requests hold $BATCH_TEXTS texts"

echo "== serving $MODEL_DIR on 127.0.0.1:$PORT (request log in $OUT/service.log)"
(cd "$OUT/service" && exec env Model__Path="$MODEL_DIR" ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  dotnet Sentiment.Api.dll > ../service.log 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  dotnet "$OUT/service/Sentiment.Api.dll" --probe "http://127.0.0.1:$PORT/health/ready" > /dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$OUT/service.log"; exit 1; }
  sleep 0.3
done

if command -v curl > /dev/null; then
  for review in short long; do
    echo "== $review review as the model sees it: $(curl -s "http://127.0.0.1:$PORT/sentiment" \
      -H 'Content-Type: application/json' --data-binary "@$OUT/$review.json" | grep -o '"tokens":{[^}]*}')"
  done
fi

# One table row: wrk on one body at one connection count. Arguments: endpoint, label, body file, texts per request, connections.
row() {
  local threads=$(( $5 < 2 ? 1 : 2 )) rps p50 p90 p99 status socket
  read -r rps p50 p90 p99 status socket < <(BODY_FILE="$3" wrk -t$threads -c$5 -d"$DURATION" --timeout 30s \
    -s bench/wrk-post.lua "http://127.0.0.1:$PORT/$1" | awk '/^RESULT/ {print $2, $3, $4, $5, $6, $7}')
  printf '%-17s %-17s %5d %9.1f %9.1f %8.2f %8.2f %8.2f %8d %8d\n' "/$1" "$2" "$5" "$rps" \
    "$(awk "BEGIN {print $rps * $4}")" "$p50" "$p90" "$p99" "$status" "$socket"
}
warm() { BODY_FILE="$2" wrk -t1 -c1 -d2s -s bench/wrk-post.lua "http://127.0.0.1:$PORT/$1" > /dev/null; }

printf '\n%-17s %-17s %5s %9s %9s %8s %8s %8s %8s %8s\n' endpoint review conns 'req/s' 'texts/s' 'p50 ms' 'p90 ms' 'p99 ms' non-2xx 'sock err'
for endpoint in $ENDPOINTS; do
  for review in short long; do
    file="$OUT/$review.json"; texts=1
    if [[ $endpoint == sentiment/batch ]]; then file="$OUT/$review-batch.json"; texts=$BATCH_TEXTS; fi
    warm "$endpoint" "$file"
    for c in $CONNECTIONS; do row "$endpoint" "$review" "$file" "$texts" "$c"; done
  done
done
for variant in explain explain-sentences; do
  [[ -n "$EXPLAIN_CONNECTIONS" ]] || break
  warm sentiment "$OUT/short-$variant.json"
  for c in $EXPLAIN_CONNECTIONS; do row sentiment "short $variant" "$OUT/short-$variant.json" 1 "$c"; done
done
echo
echo "== inference batches: $(curl -s "http://127.0.0.1:$PORT/metrics" 2>/dev/null | grep -E '^sentiment_inference_batch_size_(sum|count)' | tr '\n' ' ')"
