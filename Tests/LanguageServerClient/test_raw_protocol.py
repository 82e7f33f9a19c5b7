"""What a confused or hostile client sends, byte for byte: the server answers as JSON-RPC says, or skips, and goes on.

pytest-lsp's client only sends well-formed messages, so these tests write the bytes themselves.
"""
import json
import subprocess

from conftest import ENVIRONMENT, SERVER


class RawSession:
    def __init__(self):
        self.process = subprocess.Popen([SERVER, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=ENVIRONMENT)

    def send_bytes(self, body, header=None):
        header = header if header is not None else b"Content-Length: %d\r\n\r\n" % len(body)
        self.process.stdin.write(header + body)
        self.process.stdin.flush()

    def send(self, message):
        self.send_bytes(json.dumps(message).encode())

    def receive(self):
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = self.process.stdout.read(1)
            assert byte, "the server closed its output"
            header += byte
        length = int(header.split(b":")[1].split(b"\r")[0])
        return json.loads(self.process.stdout.read(length))

    def initialize(self):
        self.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
        assert "result" in self.receive()

    def finish(self):
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        assert self.receive() == {"jsonrpc": "2.0", "id": 99, "result": None}
        self.send({"jsonrpc": "2.0", "method": "exit"})
        assert self.process.wait(10) == 0


def test_a_request_before_initialize_is_refused():
    session = RawSession()
    session.send({"jsonrpc": "2.0", "id": "early", "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": "file:///x.yaml"}, "position": {"line": 0, "character": 0}}})
    assert session.receive()["error"]["code"] == -32002
    session.initialize()
    session.finish()


def test_malformed_json_gets_a_parse_error_and_the_server_goes_on():
    session = RawSession()
    session.initialize()
    session.send_bytes(b"{not json")
    reply = session.receive()
    assert reply["id"] is None and reply["error"]["code"] == -32700
    session.send_bytes(b"[1, 2]")
    assert session.receive()["error"]["code"] == -32600
    session.send_bytes(b'{"jsonrpc": "2.0", "id": 5}')
    assert session.receive()["error"]["code"] == -32600
    # A header without a length is skipped; the next message is read.
    session.send_bytes(b"", header=b"Content-Type: application/json\r\n\r\n")
    session.send({"jsonrpc": "2.0", "id": 6, "method": "processlint/statistics"})
    assert session.receive()["id"] == 6
    session.finish()


def test_invalid_params_and_failing_requests_get_errors_and_the_server_goes_on():
    session = RawSession()
    session.initialize()
    session.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"textDocument": 3}})
    assert session.receive()["error"]["code"] == -32602
    session.send({"jsonrpc": "2.0", "id": 2, "method": "processlint/test/fail"})
    assert session.receive()["error"]["code"] == -32603
    # A notification that fails (a change to a document never opened) is logged, never answered.
    session.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": {"textDocument": {"uri": "file:///nowhere.yaml", "version": 2}, "contentChanges": [{"text": ""}]}})
    assert session.receive()["method"] == "window/logMessage"
    session.send({"jsonrpc": "2.0", "id": 3, "method": "processlint/statistics"})
    assert session.receive()["id"] == 3
    session.finish()


def test_the_end_of_input_without_exit_ends_the_server():
    session = RawSession()
    session.initialize()
    session.process.stdin.close()
    assert session.process.wait(10) == 1
