"""The session as the specification describes it: initialize, positions, shutdown and exit, cancellation, errors."""
import asyncio

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import CLEAN, problems, Document, line_of, start


async def test_initialize_announces_features_and_utf16(bare_client):
    result = await start(bare_client)
    capabilities = result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.hover_provider
    assert capabilities.completion_provider is not None
    assert result.server_info.name == "processlint"
    await bare_client.shutdown_session()


async def test_utf8_is_chosen_when_offered(bare_client):
    result = await start(bare_client, encodings=["utf-8", "utf-16"])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    await bare_client.shutdown_session()


async def test_exit_after_shutdown_ends_with_zero(bare_client):
    await start(bare_client)
    await bare_client.shutdown_async(None)
    # After shutdown, requests are refused.
    with pytest.raises(JsonRpcException):
        await bare_client.protocol.send_request_async("processlint/statistics", None)
    bare_client.exit(None)
    assert await asyncio.wait_for(bare_client._server.wait(), 10) == 0


async def test_exit_without_shutdown_ends_with_one(bare_client):
    await start(bare_client)
    bare_client.exit(None)
    assert await asyncio.wait_for(bare_client._server.wait(), 10) == 1
    bare_client.capabilities = None  # nothing left to shut down


async def test_unknown_method_is_method_not_found(client):
    with pytest.raises(JsonRpcException) as error:
        await client.protocol.send_request_async("processlint/no-such-method", None)
    assert "unknown method" in str(error.value)


async def test_a_failing_request_gets_an_error_and_the_server_goes_on(client, folder):
    with pytest.raises(JsonRpcException) as error:
        await client.protocol.send_request_async("processlint/test/fail", None)
    assert "failed" in str(error.value)
    document = Document(client, folder / "processes/clean.yaml", CLEAN)
    assert problems(await document.diagnostics()) == []


async def test_a_cancelled_request_is_answered_as_cancelled(client, folder):
    # A request queued behind a burst of changes to a large document, cancelled at once.
    document = Document(client, folder / "processes/big.yaml", CLEAN + "# padding\n" * 20000)
    for index in range(20):
        document.replace(CLEAN + f"# padding {index}\n" * 20000)
    future = client.protocol.send_request(types.TEXT_DOCUMENT_HOVER, types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri), position=types.Position(line_of(CLEAN, "ficoll"), 10)))
    request_id = next(id for id, pending in client.protocol._request_futures.items() if pending is future)
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=request_id))
    try:
        await asyncio.wait_for(asyncio.wrap_future(future), 30)
    except JsonRpcException as error:
        assert "cancelled" in str(error)
    await document.diagnostics()
