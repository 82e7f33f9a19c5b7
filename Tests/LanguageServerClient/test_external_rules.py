"""External rules (`external_rules` in `.processlint.yml`, programs `lint` runs): in the editor they run when the file
is saved, and their findings join the others through the same suppression comments."""
import textwrap

from lsprotocol import types

from conftest import CLEAN, Document, line_of, publication

RULE = "site-named-device"

# A site rule: every expansion step must name its device.
PROGRAM = textwrap.dedent('''\
    import json, sys
    request = json.load(sys.stdin)
    findings = [{"file": process["file"], "rule": request["rule"]["id"],
                 "message": f"expansion step '{step['id']}' names no device",
                 "location": {"step": step["id"], "field": "operation"}}
                for process in request["processes"] for step in process["design"]["steps"]
                if step["operation"] == "expansion" and "device" not in step]
    json.dump({"protocol": 1, "diagnostics": findings}, sys.stdout)
''')


def configure(folder, command):
    (folder / "rule.py").write_text(PROGRAM)
    (folder / ".processlint.yml").write_text(
        f"external_rules:\n  - id: {RULE}\n    command: {command}\n    severity: warning\n    timeout_seconds: 20\n")


def save(client, document):
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=document.uri)))


async def test_external_rules_run_on_save_and_their_findings_go_at_the_next_edit(client, folder):
    configure(folder, "[python3, rule.py]")
    document = Document(client, folder / "processes/site.yaml", CLEAN)
    # Not while typing: on open, no program runs.
    assert RULE not in {d.code for d in await document.diagnostics()}
    before = len(client.publications)
    save(client, document)
    saved = (await publication(client, document.uri, document.version, after=before)).diagnostics
    finding = next(d for d in saved if d.code == RULE)
    assert finding.message == "expansion step 'expand' names no device"
    assert finding.range.start.line == line_of(CLEAN, "id: expand")
    # An edit makes the text one the program did not see: its findings wait for the next save.
    document.replace(CLEAN + "# edited\n")
    assert RULE not in {d.code for d in await document.diagnostics()}


async def test_a_suppression_comment_silences_an_external_finding(client, folder):
    configure(folder, "[python3, rule.py]")
    text = CLEAN.replace("  - {id: expand", f"  # processlint:disable-next-line {RULE} -- a closed bag\n  - {{id: expand")
    document = Document(client, folder / "processes/site.yaml", text)
    # Before the save the rule has not run, so the comment is not judged: no "silences nothing".
    opened = {d.code for d in await document.diagnostics()}
    assert "suppression" not in opened
    before = len(client.publications)
    save(client, document)
    saved = (await publication(client, document.uri, document.version, after=before)).diagnostics
    # On save the rule runs and the comment silences its finding, as in `lint`.
    assert {d.code for d in saved} == opened


async def test_a_suppression_of_an_external_rule_that_silences_nothing_is_flagged_on_save(client, folder):
    configure(folder, "[python3, rule.py]")
    text = CLEAN.replace("  - {id: harvest", f"  # processlint:disable-next-line {RULE} -- a closed bag\n  - {{id: harvest")
    document = Document(client, folder / "processes/site.yaml", text)
    assert "suppression" not in {d.code for d in await document.diagnostics()}
    before = len(client.publications)
    save(client, document)
    saved = (await publication(client, document.uri, document.version, after=before)).diagnostics
    assert RULE in {d.code for d in saved}
    unused = next(d for d in saved if d.code == "suppression")
    assert f"the suppression of {RULE} silences nothing" in unused.message


async def test_an_external_rule_that_fails_is_reported_not_taken_for_a_pass(client, folder):
    configure(folder, "[python3, no-such-rule.py]")
    document = Document(client, folder / "processes/site.yaml", CLEAN)
    await document.diagnostics()
    before = len(client.publications)
    save(client, document)
    saved = (await publication(client, document.uri, document.version, after=before)).diagnostics
    failure = next(d for d in saved if d.code == RULE)
    assert failure.severity == types.DiagnosticSeverity.Error
    assert f"external rule '{RULE}'" in failure.message and "failed" in failure.message
    assert failure.related_information[0].location.uri.endswith("/.processlint.yml")
