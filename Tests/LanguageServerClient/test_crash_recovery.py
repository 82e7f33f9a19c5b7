"""A crash of the server in one request (a trap, which nothing in the process can catch) must not end the session:
the supervisor `processlint lsp` answers the requests in flight with an error, starts the server again with the
session's open documents, and the editor goes on. The crash is the test hook `processlint/test/crash`, which exists
only with PROCESSLINT_LSP_TEST_HOOKS=1."""
import asyncio
import json
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import CLEAN, ENVIRONMENT, SELECTION, SERVER, Document, line_of, problems, publication, start

CRASH = "processlint/test/crash"


async def crash(client):
    """Sends the crash request; returns the error it was answered with."""
    with pytest.raises(JsonRpcException) as error:
        await client.protocol.send_request_async(CRASH, None)
    return error.value


async def statistics(client):
    return await client.protocol.send_request_async("processlint/statistics", None)


async def hover(client, document, text, needle, offset):
    line = line_of(text, needle)
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri),
        position=types.Position(line=line, character=text.splitlines()[line].index(needle) + offset)))
    return result.contents.value if result else None


async def test_a_crash_is_answered_with_an_error_and_the_server_comes_back_with_the_latest_text(bare_client, folder):
    client = bare_client
    await start(client)
    document = Document(client, folder / "processes/crash.yaml", CLEAN)
    assert problems(await document.diagnostics()) == []
    # Edited before the crash, in place as an editor sends it: the T-cell selection removed, a step renamed. The
    # restarted server must have this text, not the one opened.
    selection = line_of(CLEAN, SELECTION.strip())
    document.edit((selection, 0), (selection + 1, 0), "")
    text = CLEAN.replace(SELECTION, "")
    deplete = line_of(text, "id: deplete")
    column = text.splitlines()[deplete].index("deplete")
    document.edit((deplete, column), (deplete, column + len("deplete")), "cleanse")
    text = text.replace("id: deplete", "id: cleanse")
    assert [d.code for d in problems(await document.diagnostics())] == ["missing-t-cell-selection"]
    before = len(client.publications)

    error = await crash(client)
    assert error.code == -32603
    assert "crashed" in error.message and "restarted" in error.message

    # The new server lints the latest text unasked, and answers about it.
    again = await publication(client, document.uri, document.version, after=before)
    assert [d.code for d in problems(again.diagnostics)] == ["missing-t-cell-selection"]
    assert "step `cleanse`" in await hover(client, document, text, "id: cleanse", 5)
    # An edit after the crash applies to the text the new server was given: the selection back, clean again.
    document.edit((selection, 0), (selection, 0), SELECTION)
    assert problems(await document.diagnostics()) == []
    assert (await statistics(client)).workerRestarts == 1

    await client.shutdown_async(None)
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), 10) == 0


async def test_a_server_that_keeps_crashing_is_given_up_with_a_message(bare_client, folder):
    client = bare_client
    await start(client)
    document = Document(client, folder / "processes/crash.yaml", CLEAN)
    await document.diagnostics()
    # The limit is 5 crashes within 60 seconds: the first four are recovered from, the fifth is not.
    for _ in range(4):
        assert "was restarted" in (await crash(client)).message
    assert "not restarted" in (await crash(client)).message
    for _ in range(1000):
        if client.messages:
            break
        await asyncio.sleep(0.01)
    assert [message.type for message in client.messages] == [types.MessageType.Error]
    assert "crashed 5 times" in client.messages[0].message
    # Requests are answered with an error from now on; shutdown and exit still end the session as they should.
    with pytest.raises(JsonRpcException) as error:
        await statistics(client)
    assert error.value.code == -32603 and "stopped" in error.value.message
    await client.shutdown_async(None)
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), 10) == 0


async def test_without_the_hook_variable_the_crash_request_is_an_unknown_method(plain_client):
    with pytest.raises(JsonRpcException) as error:
        await plain_client.protocol.send_request_async(CRASH, None)
    assert error.value.code == -32601
    assert (await statistics(plain_client)).workerRestarts == 0


def test_the_crash_report_reaches_standard_error_and_the_editor_sees_one_initialize_answer(tmp_path):
    """Byte for byte: every message the editor receives after the crash, in order."""
    errors = tmp_path / "stderr"
    with open(errors, "wb") as stderr:
        server = subprocess.Popen([SERVER, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                  env=ENVIRONMENT)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = server.stdout.read(1)
            assert byte, "the server closed its output"
            header += byte
        return json.loads(server.stdout.read(int(header.split(b":")[1].split(b"\r")[0])))

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
    assert "capabilities" in receive()["result"]
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "id": 1, "method": CRASH})
    error = receive()
    assert error["id"] == 1 and error["error"]["code"] == -32603
    assert receive()["method"] == "window/logMessage"
    # The next message is the answer to the next request: the restarted server's answer to the replayed `initialize`
    # (which would come first) is not passed on.
    send({"jsonrpc": "2.0", "id": 2, "method": "processlint/statistics"})
    answer = receive()
    assert answer["id"] == 2 and answer["result"]["workerRestarts"] == 1
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    assert receive() == {"jsonrpc": "2.0", "id": 3, "result": None}
    send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait(10) == 0
    # The worker's standard error is the supervisor's: the trap's message is there.
    assert "a crash asked for by the test hook" in errors.read_text()
