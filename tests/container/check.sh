#!/usr/bin/env bash
# Checks a running SentimentApi container from outside: usage check.sh BASE_URL
# Needs curl, python3 and the docker CLI (for the user the process runs as).
# SMOKE_CONTAINER names the container; by default the one running container whose name starts with "smoke".
set -uo pipefail
BASE=${1:?usage: check.sh BASE_URL}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0

ok() { echo "  ok    $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL  $*"; failed=$((failed + 1)); }

# request METHOD PATH [JSON BODY] -> sets $status and $ctype; the body lands in $TMP/body
request() {
  local args=(-s -o "$TMP/body" -D "$TMP/headers" -X "$1" "$BASE$2" --max-time 10)
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data-binary "$3")
  status=$(curl "${args[@]}" -w '%{http_code}') || status=000
  ctype=$(tr -d '\r' <"$TMP/headers" | awk -F': ' 'tolower($1)=="content-type"{print $2}' | tail -1)
}

# json EXPR: evaluates a Python expression over the parsed body `b`; prints it, fails on error
json() { python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"; }

# expect_label TEXT LABEL [MODEL]: POST /sentiment gives a well-formed prediction with that label,
# answered by MODEL (the X-Model-Name header) when one is given
expect_label() {
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1]}))' "$1")
  request POST /sentiment "$body"
  local verdict
  verdict=$(json '("valid" if b["label"] in b["probabilities"] and 0 <= b["confidence"] <= 1
    and abs(sum(b["probabilities"].values()) - 1) < 1e-3 and -1 <= b["score"] <= 1 else "invalid")' 2>/dev/null)
  local label model
  label=$(json 'b["label"]' 2>/dev/null)
  model=$(tr -d '\r' <"$TMP/headers" | awk -F': ' 'tolower($1)=="x-model-name"{print $2}' | tail -1)
  if [ "$status" = 200 ] && [ "$verdict" = valid ] && [ "$label" = "$2" ] && [ "$model" = "${3:-$model}" ]; then
    ok "POST /sentiment ($2 review) -> $label by $model, confidence $(json 'round(b["confidence"], 3)')"
  else
    bad "POST /sentiment ($2 review${3:+ for $3}): status $status, label '${label}', model '${model}', prediction ${verdict:-unreadable}: $(head -c 300 "$TMP/body")"
  fi
}

echo "container checks against $BASE"

request GET /health/ready
[ "$status" = 200 ] && ok "GET /health/ready -> 200" || bad "GET /health/ready -> $status"

expect_label "An absolutely wonderful film: moving, funny and beautifully acted. I loved every minute of it." positive
expect_label "A dreadful, boring mess. The plot is stupid, the acting is awful and I hated every minute." negative
# Han characters go to the Chinese bundle in models/zh ("this film is so boring").
expect_label "这部电影太无聊了" negative sentiment-zh-lstm

request POST /sentiment '{"text": '
if [ "$status" = 400 ] && [[ "$ctype" == application/problem+json* ]]; then
  ok "POST /sentiment with a malformed body -> 400 $ctype"
else
  bad "POST /sentiment with a malformed body -> $status ${ctype:-no content type}"
fi

request GET /swagger/v1/swagger.json
if [ "$status" = 200 ] && [ "$(json '"/sentiment" in b["paths"]' 2>/dev/null)" = True ]; then
  ok "GET /swagger/v1/swagger.json -> 200, documents /sentiment"
else
  bad "GET /swagger/v1/swagger.json -> $status"
fi

# The user of the container's processes, read by the engine (works on images without a shell).
name=${SMOKE_CONTAINER:-$(docker ps --filter name=^smoke --format '{{.Names}}' 2>/dev/null | head -1)}
uids=$([ -n "$name" ] && docker top "$name" -o pid,uid,args 2>/dev/null | awk 'NR > 1 {print $2}' | sort -u | xargs)
if [ -z "$uids" ]; then
  bad "process user: no running container found (name '${name}')"
elif [[ " $uids " == *" 0 "* ]]; then
  bad "process user: container $name runs a process as root (uids: $uids)"
else
  ok "process user: container $name runs as uid $uids, not root"
fi
if [ -n "$name" ]; then
  image=$(docker inspect -f '{{.Image}}' "$name" 2>/dev/null)
  bytes=$(docker image inspect -f '{{.Size}}' "$image" 2>/dev/null || echo 0)
  app=$(docker exec "$name" du -sm /app 2>/dev/null | cut -f1)
  echo "  info  image of $name: $((bytes / 1000000)) MB, of which /app (service and bundle): ${app:-?} MiB"
fi

echo "container checks: $passed passed, $failed failed"
[ "$failed" = 0 ]
