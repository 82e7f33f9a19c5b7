"""Load: a 100,000-line file, 50 changes a second, and a long session whose memory must stay flat."""
import asyncio
import os

from lsprotocol import types

from conftest import CLEAN, Document, problems


async def statistics(client):
    """`processlint/statistics`, which pygls hands back as an object with the JSON's keys as attributes."""
    return await client.protocol.send_request_async("processlint/statistics", None)


async def test_a_file_of_100000_lines_is_linted_and_edited(client, folder):
    padding = "".join(f"# line {index}: µ×é\n" for index in range(100_000 - CLEAN.count("\n")))
    text = CLEAN + padding
    document = Document(client, folder / "processes/large.yaml", text)
    assert problems(await document.diagnostics()) == []
    # An edit near the end is applied in place and linted.
    document.edit((99_990, 0), (99_990, 0), "oops: [\n")
    assert any(d.code == "format" for d in await document.diagnostics())
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri), position=types.Position(line=99_000, character=3)))
    assert hover is None


async def test_fifty_changes_a_second_end_with_the_latest_text_and_no_stale_result(client, folder):
    document = Document(client, folder / "processes/typing.yaml", CLEAN)
    await document.diagnostics()
    for index in range(100):
        # Alternate between a broken and a clean file; the last version is clean.
        document.replace(CLEAN.replace("operation: harvest", "operaton: harvest") if index % 2 == 0 else CLEAN + f"# {index}\n")
        await asyncio.sleep(0.02)
    final = await document.diagnostics()
    assert problems(final) == []
    versions = document.published_versions()
    assert versions == sorted(versions), "a result was published after a newer one"
    # At most one publication per version (a release build lints each change before the next arrives; a debug
    # build coalesces them).
    assert len(versions) == len(set(versions)) <= 101


async def test_memory_stays_flat_over_10000_edits(client, folder):
    edits = int(os.environ.get("PROCESSLINT_SOAK_EDITS", "10000"))
    document = Document(client, folder / "processes/soak.yaml", CLEAN)
    await document.diagnostics()
    warm = None
    for index in range(edits):
        # Typing and deleting one character in a step's id, as an editor sends it.
        if index % 2 == 0:
            document.edit((11, 12), (11, 12), "x")
        else:
            document.edit((11, 12), (11, 13), "")
        if index % 500 == 499:
            await document.diagnostics()
            if warm is None and index >= 999:
                warm = await statistics(client)
    await document.diagnostics()
    final = await statistics(client)
    # The server, and the supervisor that relays every edit and keeps its own copy of the text.
    for process, field in (("server", "residentBytes"), ("supervisor", "supervisorResidentBytes")):
        before, after = getattr(warm, field), getattr(final, field)
        print(f"soak: {edits} edits, {process} resident {before / 1e6:.1f} MB after 1,000, {after / 1e6:.1f} MB at the end")
        assert after < before * 1.25 + 8e6, f"{process} memory grew from {before} to {after} bytes"
