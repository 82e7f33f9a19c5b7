"""Hover, completion and code actions."""
from lsprotocol import types

from conftest import CLEAN, REFERENCE, SELECTION, Document, line_of


def position(text, needle, offset=0):
    line = line_of(text, needle)
    return types.Position(line=line, character=text.splitlines()[line].index(needle) + offset)


async def hover(client, document, text, needle, offset=0):
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri), position=position(text, needle, offset)))
    return result.contents.value if result else None


async def test_hover_on_a_step_gives_its_effect_and_share_of_lambda(client, folder):
    document = Document(client, folder / "processes/clean.yaml", CLEAN)
    await document.diagnostics()
    text = await hover(client, document, CLEAN, "id: deplete", 5)
    assert "step `deplete`" in text and "depletion" in text
    assert "malignant cells:" in text and "log reduction" in text
    assert "T cells:" in text and "recovered" in text
    assert "λ:" in text


async def test_hover_on_the_dose_gives_lambda_and_the_gate_figure(client, folder):
    document = Document(client, folder / "processes/clean.yaml", CLEAN)
    text = await hover(client, document, CLEAN, "dose:", 1)
    assert "λ" in text and "gate figure" in text


async def test_hover_on_a_marker_gives_its_canonical_name_and_carriers(client, folder):
    source = CLEAN.replace("markers: [CD4, CD8]", "markers: [cd4, CD8]")
    document = Document(client, folder / "processes/clean.yaml", source)
    text = await hover(client, document, source, "cd4", 1)
    assert "**CD4** (canonical name)" in text
    assert "Carried by: " in text and "T" in text


async def test_hover_on_a_suppressed_rule_gives_its_title_and_rationale(client, folder):
    source = CLEAN.replace(SELECTION, "").replace(
        "  - {id: transduce", "  # processlint:disable-next-line missing-t-cell-selection -- validated\n  - {id: transduce")
    document = Document(client, folder / "processes/clean.yaml", source)
    text = await hover(client, document, source, "missing-t-cell-selection", 3)
    assert text.startswith("**missing-t-cell-selection**: Missing T-cell selection")


async def complete(client, document, line, character):
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri), position=types.Position(line=line, character=character)))
    items = result.items if isinstance(result, types.CompletionList) else result
    return {item.label for item in items}


BLOCK = """processlint: 1
name: block
product:
  car_target: CD19
  vector: lentiviral
indication: B-ALL
starting_material:
  kind: leukapheresis
  malignant_markers: [CD19, C]
steps:
  - id: select
    operation: positive-selection
    markers: [CD3]
    
  - id: activate
    operation: 
release_tests:
  - steril
"""


async def test_completion_offers_what_the_schema_allows_where_the_cursor_is(client, folder):
    document = Document(client, folder / "processes/block.yaml", BLOCK)
    lines = BLOCK.splitlines()
    operations = await complete(client, document, 15, len(lines[15]))
    assert {"positive-selection", "depletion", "transduction", "bead-removal"} <= operations
    step_keys = await complete(client, document, 13, 4)
    assert {"markers", "device", "performance", "note"} <= step_keys and "days" not in step_keys
    markers = await complete(client, document, 8, len(lines[8]) - 1)
    assert {"CD19", "CD3", "BCMA"} <= markers
    tests = await complete(client, document, 17, len(lines[17]))
    assert {"sterility", "mycoplasma", "residual-malignant-cells"} <= tests
    vectors = await complete(client, document, 4, len(lines[4]))
    assert {"lentiviral", "gamma-retroviral"} <= vectors
    top = await complete(client, document, 19, 0)
    assert {"dose", "release_tests", "steps"} <= top


async def actions(client, document, diagnostic):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


def apply(text, edit):
    lines = text.splitlines(keepends=True)
    (change,) = next(iter(edit.changes.values()))
    start = sum(len(line) for line in lines[:change.range.start.line]) + change.range.start.character
    end = sum(len(line) for line in lines[:change.range.end.line]) + change.range.end.character
    return text[:start] + change.new_text + text[end:]


async def test_suppress_action_inserts_the_directive_above_the_finding(client, folder):
    source = CLEAN.replace(SELECTION, "")
    document = Document(client, folder / "processes/clean.yaml", source)
    finding = next(d for d in await document.diagnostics() if d.code == "missing-t-cell-selection")
    action = next(a for a in await actions(client, document, finding) if a.title.startswith("Suppress"))
    fixed = apply(source, action.edit)
    line = fixed.splitlines()[finding.range.start.line]
    assert line == "  # processlint:disable-next-line missing-t-cell-selection -- "
    document.replace(fixed.replace(" -- \n", " -- validated elsewhere\n"))
    assert "missing-t-cell-selection" not in {d.code for d in await document.diagnostics()}


async def test_did_you_mean_action_replaces_the_typo(client, folder):
    source = CLEAN.replace("operation: harvest", "operaton: harvest")
    document = Document(client, folder / "processes/typo.yaml", source)
    typo = next(d for d in await document.diagnostics() if "operaton" in d.message)
    action = next(a for a in await actions(client, document, typo) if a.title == "Replace with 'operation'")
    document.replace(apply(source, action.edit))
    assert not any(d.code == "format" for d in await document.diagnostics())


async def test_missing_release_test_and_bead_removal_are_inserted(client, folder):
    source = REFERENCE.replace("  - id: bead-removal\n    operation: bead-removal\n", "").replace("  - mycoplasma\n", "")
    document = Document(client, folder / "processes/reference.yaml", source)
    diagnostics = await document.diagnostics()
    beads = next(d for d in diagnostics if d.code == "bead-removal-missing")
    source = apply(source, next(a for a in await actions(client, document, beads) if a.title == "Add a bead-removal step").edit)
    document.replace(source)
    diagnostics = await document.diagnostics()
    assert "bead-removal-missing" not in {d.code for d in diagnostics}
    missing = next(d for d in diagnostics if d.code == "missing-release-test" and "mycoplasma" in d.message)
    source = apply(source, next(a for a in await actions(client, document, missing) if a.title == "Add release test 'mycoplasma'").edit)
    document.replace(source)
    assert not any("mycoplasma" in d.message for d in await document.diagnostics())


async def test_remedies_insert_the_step_they_name(client, folder):
    source = REFERENCE
    document = Document(client, folder / "processes/reference.yaml", source)
    finding = next(d for d in await document.diagnostics() if d.code == "no-tumour-depletion-before-transduction")
    remedy = next(a for a in await actions(client, document, finding) if "depletion" in a.title and a.title.startswith("Estimate remedy"))
    document.replace(apply(source, remedy.edit))
    assert "no-tumour-depletion-before-transduction" not in {d.code for d in await document.diagnostics()}
