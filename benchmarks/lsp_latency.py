#!/usr/bin/env python3
"""Times `processlint lsp` (release build): from a change notification to the publication of its diagnostics, as the
server measures it itself (`processlint/statistics`), on each reference process, one change at a time; beside it, the
same as this client sees it, which adds the supervisor's relay both ways and the client's own reading.

    python3 benchmarks/lsp_latency.py [BINARY] [--changes 50]
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


class Session:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method, params=None, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return self.next_id

    def receive(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += self.process.stdout.read(1)
        return json.loads(self.process.stdout.read(int(header.split(b":")[1].split(b"\r")[0])))

    def request(self, method, params=None):
        id = self.send(method, params, request=True)
        while True:
            message = self.receive()
            if message.get("id") == id:
                return message["result"]

    def wait_for(self, uri, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and message["params"]["version"] == version:
                return message["params"]["diagnostics"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary", nargs="?", default=str(ROOT / ".build" / "release" / "processlint"))
    parser.add_argument("--changes", type=int, default=50)
    arguments = parser.parse_args()
    session = Session(arguments.binary)
    session.request("initialize", {"capabilities": {}})
    session.send("initialized", {})
    print(f"processlint lsp: milliseconds from a change to its diagnostics, {arguments.changes} changes per process")
    for path in sorted((ROOT / "processes").glob("*.yaml")):
        text = path.read_text()
        uri = path.as_uri()
        session.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        session.wait_for(uri, 1)
        before = session.request("processlint/statistics")["published"]
        observed = []
        for version in range(2, arguments.changes + 2):
            # One character typed at the end of the name line, then the diagnostics awaited.
            started = time.perf_counter()
            session.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                    "contentChanges": [{"text": text + f"# {version}\n"}]})
            session.wait_for(uri, version)
            observed.append((time.perf_counter() - started) * 1000)
        stats = session.request("processlint/statistics")
        latencies = stats["latenciesMilliseconds"][-(stats["published"] - before):]
        lints = stats["lintMilliseconds"][-(stats["published"] - before):]
        print(f"  {path.name}: median {statistics.median(latencies):.1f} ms, "
              f"90th percentile {sorted(latencies)[int(len(latencies) * 0.9) - 1]:.1f} ms (lint alone {statistics.median(lints):.1f} ms; "
              f"as the client sees it, median {statistics.median(observed):.1f} ms)")
        session.send("textDocument/didClose", {"textDocument": {"uri": uri}})
    final = session.request("processlint/statistics")
    print(f"  resident memory at the end: server {final['residentBytes'] / 1e6:.1f} MB, "
          f"supervisor {final['supervisorResidentBytes'] / 1e6:.1f} MB")
    session.request("shutdown")
    session.send("exit")
    session.process.wait()


if __name__ == "__main__":
    main()
