#!/usr/bin/env python3
"""Times `processlint lint` (release build) on the bundled processes and on two synthetic corpora, then the estimator.

Reports the median wall time of several runs and the peak resident memory of each, on the harness's
corpus and on one where every file is a risky design with findings (remedies included); beside them,
in the same run, yamllint and libyaml's bare event parse of the same files on one thread (the floor for
any loader), as ratios. Then the
estimator's own harness (benchmarks/Package.swift) times the exact risk and a 100,000-draw Monte
Carlo per reference process, the rule harness times declarative rules against the built-in
rules they restate, per file, and benchmarks/lsp_latency.py times the language server from a change to
its diagnostics. Speed is measured here, never by timed tests.

    python3 benchmarks/run.py [--count 10000] [--runs 5]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command, runs):
    """Median wall seconds and median CPU seconds (user + system) over `runs`, and peak RSS in MiB of one
    extra run measured alone. CPU time shows the work done even when other jobs share the machine."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    peak = subprocess.run(["/usr/bin/env", "python3", "-c",
                           "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
                           "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"]
                          + command, capture_output=True, text=True)
    measure.cpu = statistics.median(cpu)
    return statistics.median(times), int(peak.stdout.strip()) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "processlint"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "processlint")
    corpus = os.path.join(ROOT, "benchmarks", "corpus", str(arguments.count))
    risky = os.path.join(ROOT, "benchmarks", "corpus", f"{arguments.count}-findings")
    for folder, options in [(corpus, []), (risky, ["--findings"])]:
        if not os.path.isdir(folder):
            subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "generate_corpus.py"), folder,
                            "--count", str(arguments.count)] + options, check=True)
    parse = os.path.join(ROOT, "benchmarks", ".build", "libyaml-parse")
    os.makedirs(os.path.dirname(parse), exist_ok=True)
    subprocess.run(["cc", "-O2", "-o", parse, os.path.join(ROOT, "benchmarks", "libyaml_parse.c"), "-lyaml"], check=True)

    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} cores "
          "(wall times are only comparable on an otherwise idle machine)")
    print(f"{'input':<28} {'wall, median of ' + str(arguments.runs):>20} {'CPU':>10} {'peak RSS':>10}")
    # A tenth of the corpus as well: peak memory must not grow with the number of files.
    tenth = os.path.join(ROOT, "benchmarks", "corpus", f"{arguments.count}-tenth")
    if not os.path.isdir(tenth):
        os.makedirs(tenth)
        for site in sorted(os.listdir(corpus))[:max(1, len(os.listdir(corpus)) // 10)]:
            os.symlink(os.path.join(corpus, site), os.path.join(tenth, site))
    lint = {}
    for label, path in [("processes/", os.path.join(ROOT, "processes")),
                        ("a tenth of the corpus", tenth),
                        (f"{arguments.count} synthetic files", corpus),
                        (f"{arguments.count} with findings", risky)]:
        seconds, peak = measure([binary, "lint", "--quiet", "--fail-on", "never", path], arguments.runs)
        lint[path] = seconds
        print(f"{label:<28} {seconds * 1000:>17.1f} ms {measure.cpu:>8.2f} s {peak:>7.1f} MiB")

    print()
    yamllint = shutil.which("yamllint")
    for label, path in [("corpus", corpus), ("corpus with findings", risky)]:
        files = "".join(os.path.join(folder, name) + "\n" for folder, _, names in sorted(os.walk(path)) for name in sorted(names))
        start = time.perf_counter()
        subprocess.run([parse], input=files, text=True, stdout=subprocess.DEVNULL, check=True)
        bare = time.perf_counter() - start
        line = f"{label}: libyaml's bare parse {bare * 1000:.0f} ms on one thread; processlint {lint[path] / bare:.1f}x that"
        # yamllint (PyPI) on the same files, in the same run, as the yardstick of a YAML linter's speed.
        if yamllint:
            config = "{extends: default, rules: {document-start: disable, line-length: disable}}"
            theirs, _ = measure([yamllint, "-d", config, path], 1)
            line += f"; yamllint {theirs * 1000:.0f} ms, processlint {theirs / lint[path]:.1f}x faster"
        else:
            line += "; yamllint not installed (pip install yamllint): no comparison"
        print(line)

    print()
    benchmarks = os.path.join(ROOT, "benchmarks")
    subprocess.run(["swift", "build", "-c", "release", "--package-path", benchmarks], check=True, stdout=subprocess.DEVNULL)
    references = sorted(os.path.join(ROOT, "processes", name) for name in os.listdir(os.path.join(ROOT, "processes"))
                        if name.endswith(".yaml"))
    subprocess.run([os.path.join(benchmarks, ".build", "release", "estimate-benchmark")] + references, check=True)

    # A declarative rule against the built-in rule it restates, per file, on the corpus.
    print()
    subprocess.run([os.path.join(benchmarks, ".build", "release", "rule-benchmark"), corpus,
                    "--count", str(min(arguments.count, 2000))], check=True)

    # The language server: from a change to its diagnostics, per reference process.
    print()
    subprocess.run(["/usr/bin/env", "python3", os.path.join(benchmarks, "lsp_latency.py"), binary], check=True)


if __name__ == "__main__":
    main()
