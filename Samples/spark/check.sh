#!/usr/bin/env bash
# The Spark job (kernsatz_spark.py) for real, on local[2]: every sample file in Samples/ as a record
# (its folder as "lang"), many times over, plus bad records (invalid UTF-8, not JSON, not an object,
# no "text", "text" not a string, empty text, no "id", a blank line), in 3 partitions; then once more with the
# binary shipped with the job (--ship). Asserts that every record comes back exactly once, in the
# shape the Streams article describes (a result {"id","language","words","segments","summary",
# "terms","names","quotes","numbers","warnings","outputs"} or an error {"id","line","error"}), that
# "lang" was kept, that the invalid-UTF-8 record's error carries its id, and that the job counts
# the errors; and that a bad option fails the job instead of giving 0 results.
#   Samples/spark/check.sh [KERNSATZ]        (default: $KERNSATZ, else swift build's kernsatz)
# Needs java (17 or later) and python3 with venv; installs pyspark into a venv under ~/.cache
# ($KERNSATZ_PYSPARK_VENV) when it is not there. Exit 0 when all holds, 1 with a message when not,
# 77 when Java or PySpark is missing (nothing was checked).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
kernsatz=${1:-${KERNSATZ:-}}
[ -n "$kernsatz" ] || kernsatz="$(cd "$root" && swift build --show-bin-path)/kernsatz"
kernsatz=$(realpath "$kernsatz")
[ -x "$kernsatz" ] || { echo "spark check: $kernsatz is not an executable (build it first)"; exit 1; }

command -v java >/dev/null || { echo "spark check skipped: no java (Spark needs Java 17 or later)"; exit 77; }
pyspark_version=4.3.0
venv=${KERNSATZ_PYSPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/kernsatz-pyspark}
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "pyspark==$pyspark_version"; }; then
        echo "spark check skipped: could not install pyspark $pyspark_version into $venv"
        exit 77
    fi
fi
python="$venv/bin/python"
export PYSPARK_PYTHON="$python" PYSPARK_DRIVER_PYTHON="$python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The input: the samples 20 times over (ids "de/nato-rutte-2025-12-23#7"), then the bad records.
"$python" - "$root/Samples" "$work/records.jsonl" "$work/expected.json" <<'PY'
import json, pathlib, sys
samples, out, expected = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
lines, good = [], {}
files = sorted(p for p in samples.glob("*/*.txt"))
assert files, "no sample files"
for copy in range(20):
    for path in files:
        lang = path.parent.name
        rid = f"{lang}/{path.stem}#{copy}"
        lines.append(json.dumps({"id": rid, "text": path.read_text(encoding="utf-8"), "lang": lang}, ensure_ascii=False).encode())
        good[rid] = lang
# A number id, and a record without "lang" (identified from the text).
lines.append(b'{"id": 7, "text": "Der Bundestag hat am Freitag beraten. Die Opposition kritisierte den Plan."}')
good["7"] = "de"
bad = {
    # Latin-1 bytes in a UTF-8 stream: an error that carries the id.
    "bad-utf8": b'{"id": "bad-utf8", "text": "Gr\xfc\xdfe aus M\xfcnchen, sagte er.", "lang": "de"}',
    "no-text": b'{"id": "no-text", "lang": "de"}',
    "text-number": b'{"id": "text-number", "text": 42}',
    "empty": b'{"id": "empty", "text": ""}',
    # Not JSON, not an object: nothing to take an id from.
    None: [b'{"id": "cut", "text": "Der Satz br', b'[1, 2, 3]', b'Kein JSON, nur Text.'],
}
for key, value in bad.items():
    lines.extend(value if isinstance(value, list) else [value])
# No id: a result with a null id. A blank line: left out (as Kernsatz does), counted.
lines.append(b'{"text": "Ein Satz ohne Kennung. Noch einer."}')
lines.insert(len(lines) // 2, b" \t")
open(out, "wb").write(b"\n".join(lines) + b"\n")
json.dump({"good": good, "bad_ids": [k for k in bad if k], "bad_without_id": len(bad[None]),
           "null_id_results": 1, "records": len(lines) - 1, "blank": 1, "input": out}, open(expected, "w"))
print(f"spark check: {len(lines)} lines: {len(files)} sample files x 20, 2 more good records, {sum(len(v) if isinstance(v, list) else 1 for v in bad.values())} bad ones, a blank line")
PY

run_job() {  # OUT, extra job options…
    local out=$1; shift
    "$python" "$here/kernsatz_spark.py" "$work/records.jsonl" "$out" --kernsatz "$kernsatz" --master 'local[2]' \
        --partitions 3 "$@" -- --to de:en,en:de,fr:en --formats summary,xliff > "$out.summary" 2> "$out.log" || {
        echo "spark check: the job failed:"; tail -30 "$out.log"; exit 1; }
}
run_job "$work/out"
run_job "$work/shipped" --ship

assert_results() {  # OUT
    "$python" - "$1" "$work/expected.json" <<'PY'
import glob, json, sys
out, expected = sys.argv[1], json.load(open(sys.argv[2]))
summary = json.loads(open(out + ".summary").read().strip().splitlines()[-1])
parts = sorted(glob.glob(out + "/part-*"))
lines = [line for part in parts for line in open(part, "rb").read().splitlines()]
problems = []
def fail(message):
    problems.append(message if len(message) <= 400 else message[:400] + " …")
records = []
for number, line in enumerate(lines, 1):
    try:
        records.append(json.loads(line.decode("utf-8")))
    except ValueError as error:
        fail(f"output line {number} is not JSON: {error}: {line[:80]!r}")
if len(lines) != expected["records"]:
    fail(f"{expected['records']} records in, {len(lines)} lines out")
result_keys = {"id", "language", "words", "segments", "summary", "terms", "names", "quotes", "numbers", "warnings"}
# --to de:en,en:de,fr:en: worksheets for de, en, fr texts ("outputs"); the others say why not.
targets = {"de", "en", "fr"}
error_keys = {"id", "line", "error", "source"}
seen = {}
for record in records:
    seen.setdefault(json.dumps(record.get("id")) if not isinstance(record.get("id"), str) else record["id"], []).append(record)
for rid, lang in expected["good"].items():
    got = seen.get(rid, [])
    if len(got) != 1:
        fail(f"{rid}: came back {len(got)} times")
        continue
    record = got[0]
    keys = result_keys | ({"outputs"} if lang in targets else set())
    if set(record) != keys:
        fail(f"{rid}: keys {sorted(record)}, not {sorted(keys)}")
    elif record["language"] != lang:
        fail(f"{rid}: language {record['language']}, not {lang}")
    elif not record["summary"] or record["segments"] < 2 or record["words"] < 5:
        fail(f"{rid}: no summary or too few segments: {record['segments']} segments, {record['words']} words")
    elif lang in targets and not record["outputs"].get("xliff", "").startswith("<?xml"):
        fail(f"{rid}: no XLIFF worksheet")
    elif lang not in targets and not record["warnings"][0].startswith("no worksheet: no target language"):
        fail(f"{rid}: no worksheet, but its first warning is {record['warnings'][:1]}")
for rid in expected["bad_ids"]:
    got = seen.get(rid, [])
    if len(got) != 1 or "error" not in got[0] or set(got[0]) != error_keys:
        fail(f"{rid}: wanted one error record {sorted(error_keys)}, got {got}")
without_id = [r for r in records if r.get("id") is None and "error" in r]
if len(without_id) != expected["bad_without_id"] or any(set(r) != error_keys for r in without_id):
    fail(f"wanted {expected['bad_without_id']} error records with a null id, got {without_id}")
null_results = [r for r in records if r.get("id") is None and "error" not in r]
if len(null_results) != expected["null_id_results"]:
    fail(f"wanted {expected['null_id_results']} result with a null id (the record without one), got {len(null_results)}")
for rid, got in seen.items():
    if rid != "null" and len(got) != 1:
        fail(f"{rid}: came back {len(got)} times")
errors = len(expected["bad_ids"]) + expected["bad_without_id"]
if (summary["errors"], summary["records"], summary["blank"]) != (errors, expected["records"], expected["blank"]):
    fail(f"the job's summary {summary}: wanted {errors} errors of {expected['records']} records, {expected['blank']} blank line")
# Each error record names its input line, records.jsonl:N, and that line is the bad record.
inputs = open(expected["input"], "rb").read().split(b"\n")
for r in (r for r in records if "error" in r):
    path, _, number = (r.get("source") or "").rpartition(":")
    if not path.endswith("records.jsonl") or not number.isdigit():
        fail(f"an error record without its source: {r}")
    elif r["id"] is not None and f'"id": "{r["id"]}"'.encode() not in inputs[int(number) - 1]:
        fail(f"error record {r['id']}: its source {r['source']} is another record")
if problems:
    print(f"spark check ({out.rsplit('/', 1)[-1]}): FAILED")
    for problem in problems[:20]:
        print("  " + problem)
    sys.exit(1)
print(f"spark check ({out.rsplit('/', 1)[-1]}): {len(lines)} records in {len(parts)} parts, every id once, "
      f"{summary['errors']} errors reported, {summary['blank']} blank line left out, {summary['partitions']} partitions")
PY
}
assert_results "$work/out"
assert_results "$work/shipped"
# The error records as the job reported them (standard error).
grep -q 'error record: .*"id":"bad-utf8"' "$work/out.log" || { echo "spark check: the job did not report the bad-utf8 error record"; exit 1; }

# A bad option (kernsatz exits 64): refused on the driver before Spark starts, and, without that dry
# run, the workers' exit code fails the job; either way with Kernsatz's message and no output.
for dry in "" --no-dry-run; do
    set +e
    "$python" "$here/kernsatz_spark.py" "$work/records.jsonl" "$work/bad-option$dry" --kernsatz "$kernsatz" \
        --master 'local[2]' $dry -- --formats pdf > "$work/bad-option.out" 2>&1
    status=$?
    set -e
    if [ "$status" -eq 0 ] || ! grep -q "unknown format 'pdf'" "$work/bad-option.out" || [ -e "$work/bad-option$dry/_SUCCESS" ]; then
        echo "spark check: a bad worker option${dry:+ ($dry)} gave exit $status:"; tail -5 "$work/bad-option.out"; exit 1
    fi
    where=driver
    if [ -n "$dry" ]; then
        grep -q "kernsatz exited with 64" "$work/bad-option.out" || { echo "spark check: the workers' exit code is not in the job's error:"; tail -5 "$work/bad-option.out"; exit 1; }
        where="workers (kernsatz exited with 64)"
    fi
    echo "spark check: a bad worker option fails the job on the $where: exit $status, $(grep -o "unknown format 'pdf'" "$work/bad-option.out" | head -1)"
done
