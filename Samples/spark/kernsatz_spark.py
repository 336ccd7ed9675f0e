#!/usr/bin/env python3
"""Kernsatz as a Spark worker: JSON Lines records {"id", "text", "lang"?} in, one result line per
record out, written as JSON Lines.

    python kernsatz_spark.py INPUT OUTPUT [--kernsatz PATH] [--master local[2]] [--partitions N]
                             [--ship] [--no-dry-run] [-- BATCH-OPTION ...]
    spark-submit kernsatz_spark.py INPUT OUTPUT ...          (the master then comes from spark-submit)

INPUT is a JSON Lines file, folder or glob (any path Spark reads: file://, hdfs://, s3a://). OUTPUT,
a folder that must not exist, gets the result lines as part-NNNNN files: one line per record, in
input order within each part (unless --partitions made Spark spread the lines of few files); blank
lines are left out, as Kernsatz does. What a result line holds: the Streams article (kernsatz batch
--jsonl). Options after "--" go to `kernsatz batch --jsonl --jobs 1` (--to de:en,en:de, --formats
summary,xliff, --summary 2, ...). The last line on standard output is a JSON summary: records,
errors, blank lines, partitions, the job's seconds (from reading to the last count, without Spark's
start); the first error records are printed on standard error (--errors N).

Why the records go through this file's own pipe and not RDD.pipe:
- The records are read as bytes (binaryFiles, split at line ends) and reach Kernsatz unchanged, so a
  line with invalid UTF-8 comes back as an error record carrying its id. RDD.pipe writes
  str(record) for each record: for bytes that is the Python repr b'...'; and lines read by
  textFile, with use_unicode=False too, have had invalid bytes replaced with U+FFFD in the JVM,
  silently (Kernsatz then sees a valid record).
- The binary is started by its absolute path with an explicit environment (RDD.pipe's default
  environment is empty, so a bare `kernsatz` is not found on the PATH).
- A worker that exits non-zero (a bad option: exit 64) fails the task, and so the job, as
  RDD.pipe(checkCode=True) does; a partition whose number of result lines differs from its number
  of records fails too, instead of giving a "successful" job with missing results.

Each worker needs the kernsatz binary at the same absolute path (the release archive's bin/kernsatz,
installed by its install.sh) and the Debian libraries it links (the archive's install.sh names them);
--ship sends the binary with the job instead (SparkContext.addFile), so only the libraries must be
there.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
import time

ENVIRONMENT = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}


class WorkerFailed(RuntimeError):
    pass


def resolve_kernsatz(path, here=True):
    """The binary's absolute path, from --kernsatz, else $KERNSATZ, else the PATH; unless `here` is
    False, it must be an executable file on this machine (the driver)."""
    import shutil

    path = path or os.environ.get("KERNSATZ") or shutil.which("kernsatz")
    if not path:
        sys.exit("kernsatz_spark: no kernsatz binary: give --kernsatz PATH or set KERNSATZ")
    path = os.path.abspath(os.path.expanduser(path))
    if here:
        path = os.path.realpath(path)
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            sys.exit(f"kernsatz_spark: {path} is not an executable file")
    return path


def check_options(kernsatz, options):
    """Runs the worker's command once on an empty input, so that a bad option fails here with
    Kernsatz's message rather than in every task."""
    result = subprocess.run([kernsatz, "batch", "--jsonl", "--jobs", "1", *options], input=b"",
                            env=ENVIRONMENT, capture_output=True)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        sys.exit(f"kernsatz_spark: kernsatz batch --jsonl {' '.join(options)} exited with {result.returncode}: {message}")


def lines_of(file):
    """A file's records: (its path and line number, the line's bytes without the line end)."""
    path, data = file
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # after the last line end
    return [(f"{path}:{number}", line) for number, line in enumerate(lines, 1)]


def worker(kernsatz, options, shipped):
    """The function each task runs over its partition: records (source, bytes) in, ("result" or
    "error", result line) out, one per record, in order; then ("blank", N) for the N blank lines
    (spaces and tabs only), which Kernsatz leaves out, so they are left out before it. The output is
    1:1 and in order, so each result line is paired with its record's source: an error record gets
    "source" (FILE:LINE), also when it has no id."""

    def run(partition, records):
        from collections import deque

        binary = kernsatz
        if shipped:
            from pyspark import SparkFiles

            binary = SparkFiles.get(os.path.basename(kernsatz))
            if not os.access(binary, os.X_OK):
                os.chmod(binary, 0o755)
        process = subprocess.Popen([binary, "batch", "--jsonl", "--jobs", "1", *options], env=ENVIRONMENT,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sources = deque()
        written = [0]
        blank = [0]
        failure = []
        stderr = []

        def feed():
            try:
                for source, record in records:
                    if not record.strip(b" \t\r"):
                        blank[0] += 1
                        continue
                    sources.append(source)
                    process.stdin.write(record + b"\n")
                    written[0] += 1
            except BrokenPipeError:
                pass  # the worker stopped: its exit code says why
            except BaseException as error:  # reading the partition failed
                failure.append(error)
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        def drain():  # standard error, its last 64 KiB kept for the message
            for chunk in iter(lambda: process.stderr.read(65536), b""):
                stderr[:] = [(b"".join(stderr) + chunk)[-65536:]]

        feeder = threading.Thread(target=feed, daemon=True)
        drainer = threading.Thread(target=drain, daemon=True)
        feeder.start()
        drainer.start()
        results = 0
        for line in process.stdout:
            results += 1
            source = sources.popleft() if sources else None
            text = line.rstrip(b"\n").decode("utf-8")
            record = json.loads(text)
            if "error" in record:
                # Kernsatz's "line" counts within this task's stream; "source" is the input's file and line.
                record["source"] = source
                yield "error", json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            else:
                yield "result", text
        feeder.join()
        status = process.wait()
        drainer.join()
        if failure:
            raise failure[0]
        message = b"".join(stderr).decode("utf-8", "replace").strip()[-2000:]
        if status != 0:
            raise WorkerFailed(f"kernsatz exited with {status} in partition {partition}: {message}")
        if results != written[0]:
            raise WorkerFailed(f"partition {partition}: {written[0]} records in, {results} result lines out: {message}")
        if blank[0]:
            yield "blank", blank[0]

    return run


def main(argv):
    options = []
    if "--" in argv:
        options = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(description="Kernsatz over JSON Lines records on Spark.")
    parser.add_argument("input", help="JSON Lines file or folder of records {id, text, lang?}")
    parser.add_argument("output", help="folder for the result lines (must not exist)")
    parser.add_argument("--kernsatz", help="the kernsatz binary (default: $KERNSATZ, else the PATH)")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="at least this many partitions (the lines are spread when the files give fewer)")
    parser.add_argument("--ship", action="store_true", help="send the binary with the job (SparkContext.addFile)")
    parser.add_argument("--errors", type=int, default=10, help="error records printed (default 10)")
    parser.add_argument("--no-dry-run", action="store_true",
                        help="do not try the worker's command on the driver first (when the driver has no binary)")
    args = parser.parse_args(argv)

    kernsatz = resolve_kernsatz(args.kernsatz, here=not args.no_dry_run or args.ship)
    if not args.no_dry_run:
        check_options(kernsatz, options)

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("kernsatz")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    if args.ship:
        context.addFile(kernsatz)

    started = time.monotonic()
    # Raw lines: bytes, as in the files. Not textFile: even with use_unicode=False, Spark has made
    # each line a Java string first, with every invalid UTF-8 byte replaced by U+FFFD. binaryFiles
    # reads each file whole (so keep input files to a few hundred MB each).
    files = context.binaryFiles(args.input, minPartitions=args.partitions)
    records = files.flatMap(lines_of)
    if args.partitions and records.getNumPartitions() < args.partitions:
        records = records.repartition(args.partitions)
    results = records.mapPartitionsWithIndex(worker(kernsatz, options, args.ship), preservesPartitioning=True)
    results.persist(StorageLevel.MEMORY_AND_DISK)
    results.filter(lambda result: result[0] != "blank").values().saveAsTextFile(args.output)
    counts = results.map(lambda result: (result[0], result[1] if result[0] == "blank" else 1)) \
        .reduceByKey(lambda a, b: a + b).collectAsMap()
    for line in results.filter(lambda result: result[0] == "error").values().take(args.errors):
        print(f"kernsatz_spark: error record: {line}", file=sys.stderr)
    errors = counts.get("error", 0)
    # Each partition's worker wrote as many lines as it was given records (else its task failed).
    summary = {"records": errors + counts.get("result", 0), "errors": errors, "blank": counts.get("blank", 0),
               "partitions": results.getNumPartitions(), "seconds": round(time.monotonic() - started, 2),
               "output": args.output}
    print(json.dumps(summary))
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
