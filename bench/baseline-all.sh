#!/usr/bin/env bash
# ML.NET linear baseline (FeaturizeText + SDCA logistic regression) on every binary test split.
# Usage: bench/baseline-all.sh [DATA_DIR]   (default: ../shared/data, relative to the repo root)
# Prints one markdown table on stdout; training progress goes to stderr. See bench/README.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${1:-../shared/data}"
[[ -d "$data" ]] || { echo "error: data folder '$data' not found (pass it as the first argument)" >&2; exit 1; }
project=bench/Sentiment.Baseline

dotnet build -c Release "$project" -nologo -v quiet >&2

header=()
# run NAME [baseline options...]: one trained model, one or more table rows.
run() {
    local name="$1"; shift
    dotnet run -c Release --no-build --project "$project" -- --name "$name" "${header[@]}" "$@"
    header=(--no-header)
}

# Each dataset on its own. sst2_phrases has no test split of its own (its test.csv is sst2's),
# and sst3 without neutral rows is exactly sst2 in every split, so neither gets a row of its own.
run "sst2"          --train "$data/sst2/train.csv"         --test "$data/sst2/test.csv"
run "sst2_phrases"  --train "$data/sst2_phrases/train.csv" --test "$data/sst2/test.csv"
run "mr"            --train "$data/mr/train.csv"           --test "$data/mr/test.csv"
run "imdb_subset"   --train "$data/imdb_subset/train.csv"  --test "$data/imdb_subset/test.csv"
run "airline_tweets (binary)" --drop-neutral \
    --train "$data/airline_tweets/train.csv" --test "$data/airline_tweets/test.csv"

# The shipped model's training data, scored on every binary test split: the phrases once, the
# reviews and the tweets twice (as the model card's command gives them). MR shares most of its
# sentences with SST, so the MR row of this configuration is optimistic (for both models alike).
run "sst2_phrases + 2x imdb_subset + 2x airline_tweets (binary)" --drop-neutral \
    --train "$data/sst2_phrases/train.csv" \
    --train "$data/imdb_subset/train.csv" --train "$data/imdb_subset/train.csv" \
    --train "$data/airline_tweets/train.csv" --train "$data/airline_tweets/train.csv" \
    --test "$data/sst2/test.csv" --test "$data/mr/test.csv" \
    --test "$data/imdb_subset/test.csv" --test "$data/airline_tweets/test.csv"
