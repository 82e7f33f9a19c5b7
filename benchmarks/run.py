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

    python3 benchmarks/run.py [--count 10000] [--runs 5] [--instructions 300] [--before OLD_BINARY] [--lint-only]

Wall times are only comparable on an idle machine, so CPU time (user + system) is shown beside each; with
--instructions N, valgrind's callgrind also counts the instructions of processlint and of the bare parse on the
first N files of each corpus, which hold still however busy the machine is.

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


def measure(command, runs, peak=True):
    """Median wall seconds and median CPU seconds (user + system) over `runs`, and peak RSS in MiB of one
    extra run measured alone (none, and `None`, without `peak`). CPU time shows the work done even when other jobs
    share the machine."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    measure.cpu = statistics.median(cpu)
    if not peak:
        return statistics.median(times), None
    peak = subprocess.run(["/usr/bin/env", "python3", "-c",
                           "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
                           "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"]
                          + command, capture_output=True, text=True)
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


def count_of(folder):
    """The number of files under a folder."""
    return sum(len(names) for _, _, names in os.walk(folder))


def measure_input(command, text, runs):
    """Median wall and CPU seconds of a command reading `text` on its standard input."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, input=text, text=True, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu)


def yamllint_command():
    """yamllint on the PATH, else the module under this Python (`pip install --user` puts the script in
    ~/.local/bin, often not on the PATH); `None` when it is not installed."""
    if shutil.which("yamllint"):
        return [shutil.which("yamllint")]
    found = subprocess.run([sys.executable, "-c", "import yamllint"], capture_output=True).returncode == 0
    return [sys.executable, "-m", "yamllint"] if found else None


def instructions(binary, parse, corpora, count):
    """Instructions counted by callgrind (repeatable on a busy machine, unlike times) for `lint --quiet` and for the
    bare parse of the first `count` files of each corpus. processlint's count includes its start-up (the catalogue,
    the calibration reference and its draws): the count for one file, taken off to give the cost per file."""
    if not shutil.which("valgrind"):
        print("valgrind not installed: no instruction counts")
        return
    out = os.path.join(ROOT, "benchmarks", ".build", "callgrind.out")

    def counted(command, text=None):
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                                input=text, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        found = [line for line in result.stderr.splitlines() if "Collected" in line]
        return int(found[-1].split()[-1]) if found else float("nan")

    print(f"{'instructions (callgrind)':<24} {'files':>6} {'processlint':>13} {'one file':>10} {'per file':>10} "
          f"{'bare parse':>12} {'per file':>10} {'ratio':>7}")
    for label, path in corpora:
        names = sorted(os.path.join(folder, name) for folder, _, found in os.walk(path) for name in found)[:count]
        sample = os.path.join(ROOT, "benchmarks", ".build", f"sample-{os.path.basename(path)}-{count}")
        if not os.path.isdir(sample):
            os.makedirs(sample)
            for name in names:
                os.symlink(name, os.path.join(sample, os.path.basename(name)))
        start = counted([binary, "lint", "--quiet", "--fail-on", "never", names[0]])
        ours = counted([binary, "lint", "--quiet", "--fail-on", "never", sample])
        bare = counted([parse], "".join(name + "\n" for name in names))
        per = (ours - start) / max(1, len(names) - 1)
        print(f"{label:<24} {len(names):>6} {ours / 1e6:>11.0f} M {start / 1e6:>8.0f} M {per / 1e3:>8.0f} k "
              f"{bare / 1e6:>10.0f} M {bare / len(names) / 1e3:>8.0f} k {per * len(names) / bare:>6.1f}x")
    print("per file: processlint's count beyond its start-up (the count for one file); ratio: per file over the bare parse's")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, help="runs per timing, of which the median is shown (default 5; 3 with --growth)")
    parser.add_argument("--growth", action="store_true", help="time one file with N findings and one with N suppressions")
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000", help="the values of N for --growth")
    parser.add_argument("--binary", help="with --growth: time this processlint instead of a fresh release build (an older one, say)")
    parser.add_argument("--instructions", type=int, metavar="N",
                        help="also count instructions with valgrind's callgrind on the first N files of each corpus")
    parser.add_argument("--before", metavar="PATH",
                        help="also time this processlint (an older build) on the same runs, interleaved, for a before "
                             "and after under the same load")
    parser.add_argument("--lint-only", action="store_true",
                        help="stop after lint's timings and ratios (no estimator, rule, report or language-server harness)")
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
          "(wall times are only comparable on an otherwise idle machine; CPU time is user + system)")
    print(f"{'processlint lint of':<36} {'wall, median of ' + str(arguments.runs):>20} {'CPU':>10} {'peak RSS':>10}")
    # A tenth of each corpus as well: peak memory must not grow with the number of files.
    tenths = {}
    for folder in (corpus, risky):
        tenth = folder + "-one-in-ten"
        if not os.path.isdir(tenth):
            os.makedirs(tenth)
            for site in sorted(os.listdir(folder)):
                os.makedirs(os.path.join(tenth, site))
                names = sorted(os.listdir(os.path.join(folder, site)))
                for name in names[:max(1, len(names) // 10)]:
                    os.symlink(os.path.join(folder, site, name), os.path.join(tenth, site, name))
        tenths[folder] = tenth
    quiet = ["--quiet", "--fail-on", "never"]
    lint, cpu, peaks = {}, {}, {}
    runs = [("processes/", os.path.join(ROOT, "processes"), quiet),
            (f"{count_of(tenths[corpus])} synthetic files", tenths[corpus], quiet),
            (f"{arguments.count} synthetic files", corpus, quiet),
            (f"{count_of(tenths[risky])} with findings", tenths[risky], quiet),
            (f"{arguments.count} with findings", risky, quiet),
            # The same run printed as a terminal user reads it: every finding with its source line, why and fix,
            # so each residual-tumour-risk finding works out its remedies (--quiet prints no fix, so computes none).
            (f"{arguments.count} with findings, full text", risky, ["--fail-on", "never"])]
    for label, path, options in runs:
        if arguments.before:
            seconds, peak = measure([arguments.before, "lint"] + options + [path], arguments.runs)
            print(f"{label + ' (before)':<36} {seconds * 1000:>17.1f} ms {measure.cpu:>8.2f} s {peak:>7.1f} MiB")
        seconds, peak = measure([binary, "lint"] + options + [path], arguments.runs)
        lint[label], cpu[label], peaks[label] = seconds, measure.cpu, peak
        print(f"{label:<36} {seconds * 1000:>17.1f} ms {measure.cpu:>8.2f} s {peak:>7.1f} MiB")
    print(f"peak RSS, {count_of(tenths[corpus])} and {arguments.count} files: "
          f"{peaks[runs[1][0]]:.1f} and {peaks[runs[2][0]]:.1f} MiB (synthetic), "
          f"{peaks[runs[3][0]]:.1f} and {peaks[runs[4][0]]:.1f} MiB (with findings)")

    print()
    yamllint = yamllint_command()
    yamllint_times = {}  # yamllint on a corpus takes minutes, and the same corpus is compared twice: timed once
    for label, path, run in [("corpus", corpus, runs[2][0]), ("corpus with findings", risky, runs[4][0]),
                             ("corpus with findings, full text", risky, runs[5][0])]:
        files = "".join(os.path.join(folder, name) + "\n" for folder, _, names in sorted(os.walk(path)) for name in sorted(names))
        bare, bare_cpu = measure_input([parse], files, arguments.runs)
        line = (f"{label}: libyaml's bare parse {bare * 1000:.0f} ms ({bare_cpu:.2f} s CPU) on one thread; "
                f"processlint {lint[run] / bare:.1f}x its wall time, {cpu[run] / bare_cpu:.1f}x its CPU time")
        # yamllint (PyPI) on the same files, in the same run, as the yardstick of a YAML linter's speed.
        if yamllint:
            config = "{extends: default, rules: {document-start: disable, line-length: disable}}"
            if path not in yamllint_times:
                wall, _ = measure(yamllint + ["-d", config, path], 1, peak=False)
                yamllint_times[path] = (wall, measure.cpu)
            theirs, their_cpu = yamllint_times[path]
            line += (f"; yamllint {theirs * 1000:.0f} ms ({their_cpu:.2f} s CPU), processlint "
                     f"{theirs / lint[run]:.1f}x faster in wall time, {their_cpu / cpu[run]:.1f}x in CPU time")
        else:
            line += "; yamllint not installed (pip install yamllint): no comparison"
        print(line)

    if arguments.instructions:
        print()
        instructions(binary, parse, [("corpus", corpus), ("corpus with findings", risky)], arguments.instructions)

    if arguments.lint_only:
        return
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
