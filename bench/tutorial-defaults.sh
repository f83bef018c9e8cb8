#!/usr/bin/env bash
# Trains the tutorial recipe (2,500 words, 128/196, 5 epochs, batch 32) on SST-2 with 2 threads and
# prints seconds per epoch and the test scores, as measured by the trainer through the ONNX bundle.
# Usage: bench/tutorial-defaults.sh [DATA_DIR] [OUTPUT_DIR]
#   defaults: ../shared/data (relative to the repo root) and a temporary folder
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${1:-../shared/data}"
output="${2:-$(mktemp -d)/sst2-tutorial}"
[[ -f "$data/sst2/train.csv" ]] || { echo "error: $data/sst2/train.csv not found (pass the data folder first)" >&2; exit 1; }

dotnet build -c Release src/Sentiment.Trainer -nologo -v quiet >&2
dotnet run -c Release --no-build --project src/Sentiment.Trainer -- train \
    --data "$data/sst2/train.csv" --valid "$data/sst2/dev.csv" --test "$data/sst2/test.csv" \
    --num-words 2500 --max-len 200 --embedding-dim 128 --lstm-units 196 --epochs 5 --batch-size 32 \
    --seed 42 --threads 2 --output "$output" >&2

python3 - "$output/model.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
epochs = m["training"]["history"]
seconds = [e["seconds"] for e in epochs]
test = m["metrics"]["test"]
print("| epochs run | kept epoch | seconds per epoch | mean s/epoch | test accuracy % | test macro-F1 % |")
print("|---:|---:|---|---:|---:|---:|")
print(f"| {len(epochs)} | {m['training']['bestEpoch']} | {' / '.join(f'{s:.1f}' for s in seconds)} "
      f"| {sum(seconds) / len(seconds):.1f} | {100 * test['accuracy']:.2f} | {100 * test['macroF1']:.2f} |")
PY
