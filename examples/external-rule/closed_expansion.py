#!/usr/bin/env python3
"""A site rule for processlint, as an external program (docs/custom-rules.md, "External rules").

Site policy: cells are expanded only in a closed system. An expansion step must name its device, and the
device must be one the site has qualified as closed. Standard library only; reads the request on standard
input and prints the response on standard output.
"""
import json
import sys

PROTOCOL = 1

# Devices the site has qualified as closed systems (an example list: a site keeps its own).
CLOSED_DEVICES = {"CliniMACS Prodigy", "Cocoon", "Xuri W25", "G-Rex closed system"}


def check(process, rule_id):
    """The findings for one process: a list of diagnostics in the protocol's form."""
    findings = []
    for step in process["design"]["steps"]:
        if step["operation"] != "expansion":
            continue
        device = step.get("device")
        if device is None:
            findings.append({
                "file": process["file"],
                "rule": rule_id,
                "message": f"expansion step '{step['id']}' names no device; site policy allows only closed systems",
                "fix": "name the device: one of " + ", ".join(sorted(CLOSED_DEVICES)),
                "location": {"step": step["id"], "field": "operation"},
            })
        elif device not in CLOSED_DEVICES:
            findings.append({
                "file": process["file"],
                "rule": rule_id,
                "severity": "error",
                "message": f"expansion in '{device}', which is not a qualified closed system",
                "fix": "expand in one of: " + ", ".join(sorted(CLOSED_DEVICES)),
                "location": {"step": step["id"], "field": "device"},
            })
    return findings


def main():
    request = json.load(sys.stdin)
    if request["protocol"] != PROTOCOL:
        # Refuse what it does not understand: processlint then fails the run, naming the rule.
        sys.exit(f"closed_expansion.py speaks protocol {PROTOCOL}, got {request['protocol']}")
    rule_id = request["rule"]["id"]
    diagnostics = [finding for process in request["processes"] for finding in check(process, rule_id)]
    json.dump({"protocol": PROTOCOL, "diagnostics": diagnostics}, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
