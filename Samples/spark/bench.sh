#!/usr/bin/env bash
# Records per second: the Spark job (kernsatz_spark.py, local[2], 2 partitions, kernsatz --jobs 1
# per task) beside the same records through `kernsatz batch --jsonl` from a shell (--jobs 1, and
# --jobs 2: both cores), and the result lines of both compared (the same, as sets).
#   Samples/spark/bench.sh [KERNSATZ] [COPIES]
# The records: ../shared/data/news/derstandard_dev.jsonl (514 German news articles, for tests only)
# COPIES times (default 20: 10,280 records), each copy's ids made unique ("…#3"), as two files.
# Uses the venv check.sh makes. Prints one line per run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kernsatz=$(realpath "${1:-${KERNSATZ:-$(cd "$root" && swift build --show-bin-path)/kernsatz}}")
copies=${2:-20}
corpus=${KERNSATZ_BENCH_CORPUS:-$root/../shared/data/news/derstandard_dev.jsonl}
[ -f "$corpus" ] || { echo "spark bench: $corpus not found"; exit 1; }
venv=${KERNSATZ_PYSPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/kernsatz-pyspark}
"$venv/bin/python" -c "import pyspark" 2>/dev/null || { echo "spark bench: no pyspark in $venv (run check.sh first)"; exit 1; }
python="$venv/bin/python"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/in"
"$python" - "$corpus" "$copies" "$work/in" <<'PY'
import json, sys
corpus, copies, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
articles = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
records = [json.dumps(dict(a, id=f"{a['id']}#{copy}"), ensure_ascii=False) for copy in range(copies) for a in articles]
half = len(records) // 2
for name, part in (("a.jsonl", records[:half]), ("b.jsonl", records[half:])):
    open(f"{folder}/{name}", "w", encoding="utf-8").write("\n".join(part) + "\n")
print(f"spark bench: {len(records)} records ({len(articles)} articles x {copies}), "
      f"{sum(len(r.encode()) for r in records) / 1e6:.1f} MB")
PY
records=$(cat "$work/in"/*.jsonl | wc -l)

rate() { "$python" -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$records" "$1"; }
for jobs in 1 2; do
    start=$(date +%s.%N)
    cat "$work/in"/*.jsonl | "$kernsatz" batch --jsonl --jobs "$jobs" > "$work/shell-$jobs.jsonl"
    seconds=$("$python" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
    echo "shell, kernsatz batch --jsonl --jobs $jobs: $records records in $seconds s, $(rate "$seconds") records/s"
done

start=$(date +%s.%N)
"$python" "$here/kernsatz_spark.py" "$work/in" "$work/spark" --kernsatz "$kernsatz" --master 'local[2]' \
    --partitions 2 > "$work/spark.summary" 2> "$work/spark.log" || { tail -20 "$work/spark.log"; exit 1; }
total=$("$python" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$(date +%s.%N)")
job=$("$python" -c "import json, sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])['seconds'])" "$work/spark.summary")
echo "spark local[2], 2 partitions, --jobs 1 per task: $records records; the job $job s, $(rate "$job") records/s; with Spark's start $total s, $(rate "$total") records/s"

"$python" - "$work/shell-1.jsonl" "$work/spark" <<'PY'
import glob, sys
shell = sorted(open(sys.argv[1], "rb").read().splitlines())
spark = sorted(line for part in glob.glob(sys.argv[2] + "/part-*") for line in open(part, "rb").read().splitlines())
assert shell == spark, f"{len(shell)} shell lines, {len(spark)} Spark lines, {sum(a != b for a, b in zip(shell, spark))} differ"
print(f"spark bench: the {len(spark)} result lines of Spark and the shell are the same")
PY
