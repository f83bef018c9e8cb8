#!/usr/bin/env bash
# Live model swaps under load (figures are printed, never asserted): the Release service serves
# a folder that is a symlink to bundle A or B; every SWAP_EVERY seconds the link is flipped and
# POST /admin/reload called, while wrk keeps CONNECTIONS connections busy on POST /sentiment.
# Prints the requests, the failed ones (non-2xx and socket errors; the goal is 0), the versions
# seen in X-Model-Version, and the reloads done.
# MODEL_DIR: bundle A (default models/); B is a copy of it whose manifest says version "<A>-b".
# Other knobs: DURATION (60s), CONNECTIONS (64), SWAP_EVERY (3), PORT (5098).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-64}
SWAP_EVERY=${SWAP_EVERY:-3}
PORT=${PORT:-5098}
MODEL_DIR=${MODEL_DIR:-models}
OUT=artifacts/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sentiment-reload.XXXXXX")
for tool in wrk curl jq; do command -v $tool > /dev/null || { echo "$tool is not installed: apt-get install -y $tool" >&2; exit 1; }; done
[[ -f "$MODEL_DIR/model.json" ]] || { echo "no model bundle in $MODEL_DIR" >&2; exit 1; }
mkdir -p "$OUT"

cp -r "$MODEL_DIR" "$WORK/a"
cp -r "$MODEL_DIR" "$WORK/b"
jq '.version += "-b"' "$MODEL_DIR/model.json" > "$WORK/b/model.json"
ln -s "$WORK/a" "$WORK/live"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== bundles: A $(jq -r .version "$WORK/a/model.json"), B $(jq -r .version "$WORK/b/model.json") ($(du -sh "$WORK/a" | cut -f1) each)"

echo "== publishing the service (Release)"
dotnet publish src/Sentiment.Api -c Release -o "$OUT/service" -v quiet -nologo > "$OUT/publish.log" 2>&1 \
  || { cat "$OUT/publish.log"; exit 1; }
(cd "$OUT/service" && exec env Model__Path="$WORK/live" Admin__AllowUnauthenticated=true \
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet Sentiment.Api.dll > ../reload-service.log 2>&1) &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" > /dev/null && break
  kill -0 $SERVICE 2>/dev/null || { cat "$OUT/reload-service.log"; exit 1; }
  sleep 0.3
done

printf '{"text": "%s"}' "The plot was thin and the ending came far too soon, but the acting was wonderful, the music moving, and I would happily watch this charming little film again with friends." > "$OUT/reload-body.json"

# Flips the link (rename is atomic) and reloads, every SWAP_EVERY seconds while wrk runs.
swap() {
  local next=b ok=0 refused=0 end=$((SECONDS + DURATION - SWAP_EVERY))
  while ((SECONDS < end)); do
    sleep "$SWAP_EVERY"
    ln -sfn "$WORK/$next" "$WORK/live.new" && mv -T "$WORK/live.new" "$WORK/live"
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/admin/reload") == 200 ]]; then
      ok=$((ok + 1)); else refused=$((refused + 1)); fi
    if [[ $next == b ]]; then next=a; else next=b; fi
  done
  echo "$ok $refused" > "$WORK/swaps"
}
swap &
SWAPPER=$!
threads=$(( CONNECTIONS < 2 ? 1 : 2 ))
BODY_FILE="$OUT/reload-body.json" wrk -t$threads -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s \
  -s bench/wrk-versions.lua "http://127.0.0.1:$PORT/sentiment" > "$WORK/wrk.txt"
wait $SWAPPER

read -r requests socket p99 < <(awk '/^RESULT/ {print $2, $3, $4}' "$WORK/wrk.txt")
read -r reloaded refused < "$WORK/swaps"
failed=$(awk '/^SEEN/ && $2 !~ /^2/ {n += $4} END {print n + 0}' "$WORK/wrk.txt")
echo "== $DURATION s, $CONNECTIONS connections: $requests requests, p99 $p99 ms"
echo "== reloads: $reloaded answered 200, $refused not"
echo "== failed requests: $((failed + socket)) ($failed non-2xx, $socket socket errors)"
echo "== versions seen (status version count):"
awk '/^SEEN/ {print "   ", $2, $3, $4}' "$WORK/wrk.txt" | sort -k2
echo "== reload log lines: $(grep -c 'reloaded from' "$OUT/reload-service.log" || true) reloaded, $(grep -c 'Reload refused' "$OUT/reload-service.log" || true) refused"
