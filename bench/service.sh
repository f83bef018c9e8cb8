# Sourced by the benchmark scripts: publishes the Release service and runs it on 127.0.0.1, and
# stops it (and anything else the script started in the background) when the script exits.
# Callers set OUT (artifacts folder) first; start_service sets SERVICE_PID.

publish_service() {
  echo "== publishing the service (Release)"
  dotnet publish src/Sentiment.Api -c Release -o "$OUT/service" -v quiet -nologo > "$OUT/publish.log" 2>&1 \
    || { cat "$OUT/publish.log"; exit 1; }
}

# start_service MODEL_DIR PORT [NAME=VALUE ...]: extra settings as environment variables.
start_service() {
  local model_dir port
  model_dir=$(cd "$1" && pwd); port=$2; shift 2
  echo "== serving $model_dir on 127.0.0.1:$port (log in $OUT/service.log)"
  (cd "$OUT/service" && exec env Model__Path="$model_dir" ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" \
    dotnet Sentiment.Api.dll > ../service.log 2>&1) &
  SERVICE_PID=$!
  trap stop_background EXIT INT TERM
  for _ in $(seq 200); do
    dotnet "$OUT/service/Sentiment.Api.dll" --probe "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1 && return 0
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$OUT/service.log"; exit 1; }
    sleep 0.3
  done
  echo "the service did not become ready" >&2; exit 1
}

# Ends this script's background jobs (the service, samplers, wrk), each by its own id.
stop_background() {
  local job
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
