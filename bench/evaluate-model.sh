#!/usr/bin/env bash
# Scores a model bundle on every test split of the data folder through the trainer's `evaluate`
# (the same code path the API serves) and prints one markdown table.
# Usage: bench/evaluate-model.sh [MODEL_DIR] [DATA_DIR] [SPLIT]
#   defaults: models/, ../shared/data (both relative to the repo root), test
# A binary model (no 'neutral' label) is scored on the negative/positive rows of 3-class sets.
# A split whose rows equal one already scored (sst2_phrases/test = sst2/test; sst3 without
# neutral = sst2) is listed under the table instead of scored twice.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
model="${1:-models}"
data="${2:-../shared/data}"
split="${3:-test}"
[[ -f "$model/model.json" ]] || { echo "error: $model/model.json not found (pass the bundle folder first)" >&2; exit 1; }
[[ -d "$data" ]] || { echo "error: data folder '$data' not found (pass it second)" >&2; exit 1; }

# field KEY < json: a top-level value (an array joined by spaces), with jq where installed, else python3.
field() {
    if command -v jq > /dev/null; then jq -r --arg k "$1" '.[$k] | if type == "array" then join(" ") else . end'
    else python3 -c 'import json, sys; v = json.load(sys.stdin)[sys.argv[1]]; print(" ".join(v) if isinstance(v, list) else v)' "$1"; fi
}
binary=true
[[ " $(field labels < "$model/model.json") " == *" neutral "* ]] && binary=false
# A model reads one language (model.json's "language", absent = en): zh_* splits are Chinese.
language="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("language", "en"))' "$model/model.json")"

project=src/Sentiment.Trainer
dotnet build -c Release "$project" -nologo -v quiet >&2

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
declare -A scored=()  # content hash -> first dataset scored with those rows
notes=()

echo "| dataset | rows | accuracy % | macro-F1 % | all-labels accuracy % | ECE | ECE before T | ROC-AUC | unknown |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for file in "$data"/*/"$split.csv"; do
    folder="$(basename "$(dirname "$file")")"
    name="$folder"
    input="$file"
    chinese=false; [[ "$folder" == zh_* ]] && chinese=true
    if [[ "$chinese" != "$([[ "$language" == zh ]] && echo true || echo false)" ]]; then
        notes+=("$folder: not in the model's language ($language)")
        continue
    fi
    if $binary && grep -q ',neutral$' "$file"; then
        # The data format keeps one record per line with an unquoted label last, so a line
        # ending in ",neutral" is exactly a neutral row.
        [[ "$(head -n 1 "$file")" == "text,label" ]] || { echo "error: $file: expected header text,label" >&2; exit 1; }
        input="$tmp/$folder.csv"
        grep -v ',neutral$' "$file" > "$input"
        name="$name (no neutral)"
    fi
    hash="$(grep -v '^text,label$' "$input" | sort | sha256sum | cut -d' ' -f1)"
    if [[ -n "${scored[$hash]:-}" ]]; then
        notes+=("$name: same rows as ${scored[$hash]}")
        continue
    fi
    scored[$hash]="$name"
    report="$(dotnet run -c Release --no-build --project "$project" -- evaluate --model "$model" --data "$input" --json)"
    # The report holds fractions; the table shows percentages like the baseline's. A file that uses
    # fewer labels than the model (a binary file, a three-class model) is scored on its own labels
    # (P(positive) vs P(negative)); the all-labels accuracy, where neutral answers count wrong, follows.
    python3 -c '
import json, sys
name, r = sys.argv[1], json.loads(sys.argv[2])
own = r.get("restricted") or r
def pct(x): return "%.2f" % (100 * x)
ece = own.get("calibrationError")
before = own.get("uncalibratedError")
auc = own.get("rocAuc")
print("| %s | %d | %s | %s | %s | %s | %s | %s | %d |" % (name, r["rows"], pct(own["accuracy"]), pct(own["macroF1"]),
    pct(r["accuracy"]) if "restricted" in r else "", "" if ece is None else "%.4f" % ece,
    "" if before is None else "%.4f" % before, "" if auc is None else "%.4f" % auc, r.get("unknown", 0)))' "$name" "$report" \
        || { echo "error: unreadable report for $file: $report" >&2; exit 1; }
done
(( ${#notes[@]} == 0 )) || { echo; printf -- '- %s\n' "${notes[@]}"; }
