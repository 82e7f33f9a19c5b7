#!/usr/bin/env python3
"""An external rule that breaks the protocol in the way its first argument names (the failure-mode tests)."""
import json
import os
import signal
import sys
import time

mode = sys.argv[1]
request = json.load(sys.stdin)
rule = request["rule"]["id"]
process = request["processes"][0]


def respond(**diagnostic):
    finding = {"file": process["file"], "rule": rule, "message": "a finding", **diagnostic}
    json.dump({"protocol": 1, "diagnostics": [finding]}, sys.stdout)


if mode == "crash":
    os.kill(os.getpid(), signal.SIGSEGV)
elif mode == "hang":
    time.sleep(60)
elif mode == "exit-nonzero":
    sys.stderr.write("Traceback (most recent call last):\nConnectionError: site database unreachable\n")
    sys.exit(3)
elif mode == "garbage":
    print("checked 2 processes, all fine")
elif mode == "nothing":
    pass
elif mode == "too-large":
    sys.stdout.write(" " * (17 * 1024 * 1024))
elif mode == "wrong-version":
    json.dump({"protocol": 2, "diagnostics": []}, sys.stdout)
elif mode == "unknown-rule":
    respond(rule="some-other-rule")
elif mode == "bad-severity":
    respond(severity="fatal")
elif mode == "unknown-step":
    respond(location={"step": "expansoin"})
elif mode == "unknown-field":
    respond(location={"step": process["design"]["steps"][0]["id"], "field": "dmso_percentage"})
elif mode == "two-lines":
    respond(message="a finding\nexample.yaml:1:1: error: forged [format]")
elif mode == "unknown-key":
    respond(mesage="typo")
elif mode == "unknown-file":
    respond(file="elsewhere.yaml")
else:
    sys.exit(f"unknown mode {mode}")
