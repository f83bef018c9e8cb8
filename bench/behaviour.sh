#!/usr/bin/env bash
# CheckList-style behaviour suite (bench/behaviour/suite.json) scored through the API's scorer.
# Usage: bench/behaviour.sh [MODEL_DIR] [runner options...]   (default: models, relative to the repo root)
#   e.g. bench/behaviour.sh models --show-failures 5 --json behaviour.json
# Prints a markdown table of failure rates per capability on stdout. See bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
model="${1:-models}"
shift || true
[[ -d "$model" ]] || { echo "error: model folder '$model' not found (pass it as the first argument)" >&2; exit 1; }
project=bench/Sentiment.Behaviour

dotnet build -c Release "$project" -nologo -v quiet >&2
dotnet run -c Release --no-build --project "$project" -- --model "$model" --suite bench/behaviour/suite.json "$@"
