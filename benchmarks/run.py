#!/usr/bin/env python3
"""Times `processlint lint` (release build) on the bundled processes and on two synthetic corpora, then the estimator.

Reports the median wall time of several runs and the peak resident memory of each, on the harness's
corpus and on one where every file is a risky design with findings (remedies included); beside them,
in the same run, yamllint and libyaml's bare event parse of the same files on one thread (the floor for
any loader), as ratios. Then the
estimator's own harness (benchmarks/Package.swift) times the exact risk and a 100,000-draw Monte
Carlo per reference process, and the rule harness times declarative rules against the built-in
rules they restate, per file. Then the HTML report (`processlint report`) of processes/ and of 250, 500
and 1,000 risky files, to show its time grows linearly with the files; last, benchmarks/lsp_latency.py
times the language server from a change to its diagnostics. Speed is measured here, never by timed tests.

    python3 benchmarks/run.py [--count 10000] [--runs 5]

With --growth, it times instead one file with N findings and one with N suppression comments for growing N
(--sizes, default 1,000 to 16,000), and prints the time per finding and per comment: flat when the cost is
linear, doubling with each doubling of N when it is quadratic.

    python3 benchmarks/run.py --growth [--sizes 1000,2000,4000,8000,16000] [--runs 3] [--binary PATH]
"""
import json
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


GROWTH_HEAD = """processlint: 1
name: growth benchmark
product: {car_target: CD19, vector: lentiviral}
indication: B-ALL
starting_material: {kind: leukapheresis}
steps:
  - {id: activate, operation: activation, reagent: anti-cd3-cd28-nanomatrix}
  - {id: transduce, operation: transduction}
"""
GROWTH_TAIL = "release_tests: [sterility, mycoplasma, endotoxin, vcn, rcl, identity, potency, viability]\n"


def findings_file(count):
    """A valid process with about `count` findings, three to each pair of steps: a freeze at 20% DMSO (out of the
    typical range) and an expansion straight after it (no thaw) of 30 days (out of range again). Seven YAML nodes
    per step, so 16,000 findings stay inside the loader's limit of 100,000 nodes."""
    pairs = count // 3
    return GROWTH_HEAD + "".join(
        f"  - {{id: f{i}, operation: cryopreservation, dmso_percent: 20}}\n"
        f"  - {{id: e{i}, operation: expansion, days: 30}}\n" for i in range(pairs)) + GROWTH_TAIL


def suppressions_file(count):
    """A valid process with `count` suppression comments, each justified and each silencing what is on the next
    line: half over the steps' findings (an expansion of 30 days each), half in a block after the steps, where
    the named rule has no finding, so each says where that rule's finding is (line 8, step 'transduce'). The
    comments of the second half cost no YAML node, which keeps the file inside the loader's node limit."""
    steps = count // 2
    silencing = "".join(f"  # processlint:disable-next-line parameter-out-of-typical-range -- validated in DV-{i}\n"
                        f"  - {{id: e{i}, operation: expansion, days: 30}}\n" for i in range(steps))
    idle = "".join(f"# processlint:disable-next-line no-tumour-depletion-before-transduction -- not here, DV-{i}\n"
                   for i in range(count - steps))
    return GROWTH_HEAD + silencing + idle + GROWTH_TAIL


def growth(binary, sizes, runs):
    """Times `lint` (text output, as a terminal user sees it) on each file and prints the time per item."""
    folder = os.path.join(ROOT, "benchmarks", "corpus", "growth")
    os.makedirs(folder, exist_ok=True)
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'file':<16} {'N':>6} {'diagnostics':>11} {'bytes':>8} {'wall, median of ' + str(runs):>19} {'CPU':>8} "
          f"{'CPU per item':>13} {'vs previous':>11}")
    for label, make in [("N findings", findings_file), ("N suppressions", suppressions_file)]:
        previous = None
        for size in sizes:
            path = os.path.join(folder, f"{label.split()[1]}-{size}.yaml")
            with open(path, "w") as file:
                file.write(make(size))
            # What the file holds, to show the run is what it claims: diagnostics, suppressed or not.
            report = json.loads(subprocess.run([binary, "lint", "--format", "json", "--fail-on", "never", path],
                                               capture_output=True, text=True).stdout)
            diagnostics = sum(len(entry["diagnostics"]) for entry in report["files"])
            seconds, _ = measure([binary, "lint", "--fail-on", "never", path], runs)
            # CPU time, not wall time, per item: it holds still when other jobs share the machine.
            per = measure.cpu / size * 1e6
            ratio = f"{per / previous:.2f}x" if previous else ""
            previous = per
            print(f"{label:<16} {size:>6} {diagnostics:>11} {os.path.getsize(path):>8} {seconds * 1000:>16.1f} ms "
                  f"{measure.cpu:>6.2f} s {per:>10.1f} µs {ratio:>11}")
    print("CPU per item: CPU time over N; a ratio near 1 as N doubles (or below, as fixed costs spread) is linear growth, "
          "near 2 quadratic")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, help="runs per timing, of which the median is shown (default 5; 3 with --growth)")
    parser.add_argument("--growth", action="store_true", help="time one file with N findings and one with N suppressions")
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000", help="the values of N for --growth")
    parser.add_argument("--binary", help="with --growth: time this processlint instead of a fresh release build (an older one, say)")
    arguments = parser.parse_args()

    if arguments.growth and arguments.binary:
        growth(arguments.binary, [int(size) for size in arguments.sizes.split(",")], arguments.runs or 3)
        return
    subprocess.run(["swift", "build", "-c", "release", "--product", "processlint"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build", "release", "processlint")
    if arguments.growth:
        growth(binary, [int(size) for size in arguments.sizes.split(",")], arguments.runs or 3)
        return
    arguments.runs = arguments.runs or 5
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

    print()
    report_timings(binary, arguments.runs)

    # The language server: from a change to its diagnostics, per reference process.
    print()
    subprocess.run(["/usr/bin/env", "python3", os.path.join(benchmarks, "lsp_latency.py"), binary], check=True)


def report_timings(binary, runs):
    """The HTML report of processes/, then of growing slices of 1,000 risky files (each with findings, the full
    estimate and its remedies): the time per file should stay flat as the files grow."""
    corpus = os.path.join(ROOT, "benchmarks", "corpus", "report-1000")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "generate_corpus.py"), corpus, "--count", "1000",
                        "--findings", "--seed", "7"], check=True)
    names = sorted(os.path.join(folder, name) for folder, _, files in os.walk(corpus) for name in files)
    output = os.path.join(ROOT, "benchmarks", ".build", "report.html")
    print(f"{'processlint report of':<28} {'wall, median of ' + str(runs):>20} {'CPU':>10} {'per file':>10} {'page':>10}")
    inputs = [("processes/", [os.path.join(ROOT, "processes")], None)]
    for count in (250, 500, 1000):
        inputs.append((f"{count} risky files", names[:count], count))
    for label, paths, count in inputs:
        seconds, _ = measure([binary, "report", "--output", output] + paths, runs)
        files = count or sum(1 for folder, _, found in os.walk(paths[0]) for name in found if name.endswith(".yaml"))
        size = os.path.getsize(output) / 1024 / 1024
        print(f"{label:<28} {seconds * 1000:>17.1f} ms {measure.cpu:>8.2f} s {seconds / files * 1000:>7.2f} ms {size:>6.1f} MiB")


if __name__ == "__main__":
    main()
