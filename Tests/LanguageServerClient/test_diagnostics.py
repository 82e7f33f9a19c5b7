"""Diagnostics: the findings `processlint lint` gives, as one types."""
import asyncio
import json
import subprocess

from lsprotocol import types

from conftest import CLEAN, REFERENCE, SELECTION, SERVER, Document, line_of, problems, publication


async def test_findings_match_lint_with_codes_links_and_related_locations(client, folder):
    path = folder / "processes/reference.yaml"
    document = Document(client, path, REFERENCE)
    diagnostics = await document.diagnostics()
    lint = json.loads(subprocess.run([SERVER, "lint", "--format", "json", str(path)], capture_output=True, text=True).stdout)
    expected = sorted((d["rule"], d["line"]) for f in lint["files"] for d in f["diagnostics"] if not d.get("suppression"))
    found = sorted((d.code, d.range.start.line + 1) for d in diagnostics)
    assert found == expected
    depletion = next(d for d in diagnostics if d.code == "no-tumour-depletion-before-transduction")
    assert depletion.severity == types.DiagnosticSeverity.Error
    assert depletion.source == "processlint"
    assert depletion.code_description.href.endswith("docs/rules.md#no-tumour-depletion-before-transduction")
    assert any(d.related_information for d in diagnostics)


async def test_a_clean_file_has_none(client, folder):
    document = Document(client, folder / "processes/clean.yaml", CLEAN)
    assert problems(await document.diagnostics()) == []


async def test_changes_are_linted_with_the_latest_text(client, folder):
    document = Document(client, folder / "processes/clean.yaml", CLEAN)
    assert problems(await document.diagnostics()) == []
    document.replace(CLEAN.replace(SELECTION, ""))
    codes = {d.code for d in await document.diagnostics()}
    assert "missing-t-cell-selection" in codes
    line = line_of(CLEAN, "operation: positive-selection")
    document.edit((line, 0), (line, 0), SELECTION)
    assert problems(await document.diagnostics()) == []


async def test_a_file_that_does_not_load_gives_located_format_errors(client, folder):
    text = CLEAN.replace("operation: harvest", "operaton: harvest")
    document = Document(client, folder / "processes/typo.yaml", text)
    diagnostics = await document.diagnostics()
    typo = next(d for d in diagnostics if "operaton" in d.message)
    assert typo.code == "format"
    assert typo.severity == types.DiagnosticSeverity.Error
    assert typo.range.start.line == line_of(text, "operaton")
    assert "did you mean 'operation'" in typo.message


async def test_configuration_above_the_file_applies(client, folder):
    (folder / ".processlint.yml").write_text("disable: [missing-t-cell-selection]\n")
    text = CLEAN.replace(SELECTION, "")
    document = Document(client, folder / "processes/clean.yaml", text)
    codes = {d.code for d in await document.diagnostics()}
    assert "missing-t-cell-selection" not in codes


async def test_suppression_comments_silence_findings(client, folder):
    text = CLEAN.replace(SELECTION, "")
    line = line_of(text, "operation: transduction")
    lines = text.splitlines(keepends=True)
    lines.insert(line, "  # processlint:disable-next-line missing-t-cell-selection -- validated elsewhere\n")
    document = Document(client, folder / "processes/clean.yaml", "".join(lines))
    codes = {d.code for d in await document.diagnostics()}
    assert "missing-t-cell-selection" not in codes


async def test_yaml_outside_process_folders_is_linted_only_when_it_declares_the_format(client, folder):
    other = Document(client, folder / "workflow.yaml", "name: build\non: push\n")
    declared = Document(client, folder / "anywhere.yaml", CLEAN.replace("operation: harvest", "operaton: harvest"))
    assert any(d.code == "format" for d in await declared.diagnostics())
    assert list(await other.diagnostics()) == []


async def test_columns_count_utf16_units_after_non_ascii_text(client, folder):
    await check_columns_after_non_ascii(client, folder, lambda prefix: len(prefix.encode("utf-16-le")) // 2)


async def test_columns_count_utf8_bytes_when_negotiated(utf8_client, folder):
    await check_columns_after_non_ascii(utf8_client, folder, lambda prefix: len(prefix.encode("utf-8")))


async def check_columns_after_non_ascii(client, folder, units):
    # µ and é are one UTF-16 unit and two UTF-8 bytes; 𝛌 (outside the BMP) is two UTF-16 units and four bytes.
    text = CLEAN.replace("  - {id: expand, operation: expansion, days: 9}",
                         "  - {note: \"µ×é 𝛌\", id: expand, operation: expansion, days: 9, dayz: 1}")
    document = Document(client, folder / "processes/unicode.yaml", text)
    diagnostics = await document.diagnostics()
    typo = next(d for d in diagnostics if "dayz" in d.message)
    line = text.splitlines()[typo.range.start.line]
    prefix = line[:line.index("dayz")]
    assert typo.range.start.character == units(prefix)


async def test_closing_a_document_clears_its_diagnostics(client, folder):
    document = Document(client, folder / "processes/typo.yaml", CLEAN.replace("operation: harvest", "operaton: harvest"))
    assert await document.diagnostics() != []
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=document.uri)))
    for _ in range(1000):
        if client.publications[-1].uri == document.uri and client.publications[-1].version is None:
            break
        await asyncio.sleep(0.01)
    assert client.publications[-1].version is None and list(client.publications[-1].diagnostics) == []
