#!/usr/bin/env python3
"""Writes a synthetic corpus of realistic process files for benchmarks.

Seeded, so the same arguments give the same files. The files vary in size (a few steps to a
few dozen, with and without comments, notes, performance overrides and limits) and about one in
twenty carries a realistic mistake (a typo'd key or operation, a number out of range), so the
loader's error path is measured too. With --findings every file is a risky design instead: malignant
cells in the starting material and nothing that removes them before the gene transfer, so every file
gets findings, `residual-tumour-risk` among them with its remedies.

    python3 benchmarks/generate_corpus.py OUT_DIR [--count 10000] [--seed 1] [--findings]
"""
import argparse
import os
import random

OPERATIONS = [
    ("density-gradient", "    medium: Ficoll-Paque\n"),
    ("elutriation", "    device: Elutra\n"),
    ("adherence", "    hours: 2\n"),
    ("positive-selection", "    markers: [{markers}]\n    device: CliniMACS Prodigy\n"),
    ("depletion", "    markers: [CD19]\n"),
    ("activation", "    reagent: {reagent}\n    cytokines: [IL-2]\n"),
    ("transduction", "    moi: {moi}\n"),
    ("expansion", "    days: {days}\n    device: G-Rex\n"),
    ("bead-removal", ""),
    ("wash", ""),
    ("hold", "    hours: 4\n    temperature_c: 4\n"),
    ("harvest", ""),
    ("formulation", ""),
    ("cryopreservation", "    dmso_percent: {dmso}\n"),
]
REAGENTS = ["anti-cd3-cd28-magnetic-beads", "anti-cd3-cd28-nanomatrix", "anti-cd3-cd28-antibodies", "anti-cd3-antibody"]
TESTS = ["sterility", "mycoplasma", "{test: endotoxin, max: 5}", "{test: vcn, max: 5, method: qPCR}", "rcl",
         "identity", "potency", "{test: viability, min: 0.7}", "residual-malignant-cells", "residual-beads", "cell-count"]
MISTAKES = [("days:", "dayz:"), ("operation: harvest", "operation: harvst"), ("dmso_percent: ", "dmso_percent: 1"),
            ("vector: lentiviral", "vector: lentivirus"), ("markers: [", "marker: [")]


def process(rng, index, findings=False):
    blasts = rng.choice([0.01, 0.05, 0.2] if findings else [0.0, 0.001, 0.01, 0.05, 0.2])
    t = round(rng.uniform(0.1, 0.5), 3)
    lines = []
    if rng.random() < 0.7:
        lines.append(f"# Synthetic process {index}: generated for benchmarks; every figure is an assumption.\n")
    lines.append(f"processlint: 1\nname: synthetic process {index}\n")
    if rng.random() < 0.5:
        lines.append("description: >\n  A generated variant of an autologous CD19 CAR-T process, with a free-text\n"
                     "  description long enough to look like the ones people write.\n")
    lines.append("product:\n  car_target: CD19\n  vector: lentiviral\nindication: B-ALL\n")
    lines.append("starting_material:\n  kind: leukapheresis\n  cryopreserved: true\n"
                 f"  total_nucleated_cells: {rng.choice(['5.0e9', '1.0e10', '2.0e10'])}\n"
                 f"  composition:\n    T: {t}\n    B: 0.02\n    NK: 0.05\n    monocyte: 0.2\n"
                 f"    malignant: {blasts}\n  malignant_markers: [CD19, CD10, CD22]\n")
    lines.append("steps:\n")
    reagent = rng.choice(REAGENTS)
    # A realistic order: optional front-end separations, activation, one gene transfer, culture, then
    # the back end; washes and holds scattered between, so sizes vary from a few steps to a few dozen.
    plan = []
    if rng.random() < 0.4:
        plan += [("thaw", ""), ("wash", "")]
    plan += [(name, parameters) for name, parameters in OPERATIONS[:3] if rng.random() < 0.3]
    if rng.random() < 0.6 and not findings:
        plan.append(("positive-selection", "    markers: [{markers}]\n    device: CliniMACS Prodigy\n"))
    if rng.random() < 0.3 and not findings:
        plan.append(("depletion", "    markers: [CD19]\n"))
    plan += [("activation", f"    reagent: {reagent}\n    cytokines: [IL-2]\n"), ("transduction", "    moi: {moi}\n"),
             ("expansion", "    days: {days}\n    device: G-Rex\n")]
    if reagent == "anti-cd3-cd28-magnetic-beads":
        plan.append(("bead-removal", ""))
    plan += [("harvest", ""), ("formulation", ""), ("cryopreservation", "    dmso_percent: {dmso}\n")]
    for _ in range(rng.choice([0, 0, 1, 2, 4, 8, 16])):
        plan.insert(rng.randint(1, len(plan) - 1), rng.choice([("wash", ""), ("hold", "    hours: 4\n    temperature_c: 4\n")]))
    for number, (name, parameters) in enumerate(plan):
        lines.append(f"  - id: step-{number}\n    operation: {name}\n")
        lines.append(parameters.format(markers=rng.choice(["CD3", "CD4, CD8"]), moi=rng.choice([1, 2, 5]),
                                       days=rng.randint(3, 14), dmso=rng.choice([5, 7.5, 10])))
        if rng.random() < 0.2:
            lines.append(f"    note: operator instruction {number}, see SOP-{rng.randint(100, 999)}\n")
        if name == "depletion" and rng.random() < 0.5:
            lines.append("    performance: {malignant_log_depletion: 2.0, source: site validation VR-12}\n")
    lines.append(f"dose:\n  car_t_cells: {rng.choice(['1.0e8', '2.5e8'])}\n")
    lines.append("release_tests:\n" + "".join(f"  - {test}\n" for test in rng.sample(TESTS, rng.randint(3, len(TESTS)))))
    text = "".join(lines)
    if rng.random() < 0.05:
        before, after = rng.choice(MISTAKES)
        text = text.replace(before, after, 1)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--findings", action="store_true", help="every file a risky design with findings")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    total = 0
    for index in range(arguments.count):
        folder = os.path.join(arguments.out, f"site-{index % 20:02d}")
        os.makedirs(folder, exist_ok=True)
        text = process(rng, index, arguments.findings)
        total += len(text.encode())
        with open(os.path.join(folder, f"process-{index:05d}.yaml"), "w") as file:
            file.write(text)
    print(f"wrote {arguments.count} files, {total / arguments.count:.0f} bytes on average, to {arguments.out}")


if __name__ == "__main__":
    main()
