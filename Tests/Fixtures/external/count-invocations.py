#!/usr/bin/env python3
"""An external rule that records each time it starts (a line in the file named by its first argument),
the processes it was sent, and the request itself (in the file named by its second argument, if any);
it reports one finding on the first step of every process."""
import json
import sys

request = json.load(sys.stdin)
with open(sys.argv[1], "a") as log:
    log.write(" ".join(p["file"].rsplit("/", 1)[-1] for p in request["processes"]) + "\n")
if len(sys.argv) > 2:
    with open(sys.argv[2], "w") as saved:
        json.dump(request, saved)
diagnostics = [
    {"file": p["file"], "rule": request["rule"]["id"], "message": f"first step of {p['design']['name']}",
     "location": {"step": p["design"]["steps"][0]["id"]}}
    for p in request["processes"]
]
json.dump({"protocol": 1, "diagnostics": diagnostics}, sys.stdout)
