"""pytest-lsp drives the built `processlint lsp` as an editor would.

The server is the binary named by PROCESSLINT (the Swift test `LanguageServerClientTests` passes the one it built),
else the debug build of this checkout. Each test gets its own server and a scratch folder of process files.
"""
import asyncio
import os
import pathlib
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features
from pygls.protocol import default_converter

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SERVER = os.environ.get("PROCESSLINT", str(REPOSITORY / ".build" / "debug" / "processlint"))
ENVIRONMENT = dict(os.environ, PROCESSLINT_LSP_TEST_HOOKS="1")
# As an editor starts the server: without the test hooks.
PLAIN_ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PROCESSLINT_LSP_TEST_HOOKS"}

CLEAN = (REPOSITORY / "Tests/Fixtures/lint/clean/well-designed.yaml").read_text()
# The clean fixture's T-cell selection: without it, `missing-t-cell-selection` warns.
SELECTION = "  - {id: select, operation: positive-selection, markers: [CD4, CD8]}\n"
REFERENCE = (REPOSITORY / "processes/ctl019-academic-2018.yaml").read_text()


def make_client():
    """pytest-lsp's client, also keeping every publication of diagnostics in order, with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.publications = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.publications.append(params)

    register_lsp_features(client, dict(DEFAULT_CLIENT_FEATURES, **{types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish}))
    return client


def config(environment=ENVIRONMENT):
    return ClientServerConfig(server_command=[SERVER, "lsp"], server_env=environment, client_factory=make_client)


async def start(lsp_client: LanguageClient, encodings=None, options=None):
    general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    params = types.InitializeParams(capabilities=types.ClientCapabilities(general=general), initialization_options=options)
    return await lsp_client.initialize_session(params)


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    await start(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config())
async def utf8_client(lsp_client: LanguageClient):
    await start(lsp_client, encodings=["utf-8", "utf-16"])
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config())
async def bare_client(lsp_client: LanguageClient):
    """Not initialized: the test drives the lifecycle itself."""
    yield


@pytest_lsp.fixture(config=config(PLAIN_ENVIRONMENT))
async def plain_client(lsp_client: LanguageClient):
    """A server started without PROCESSLINT_LSP_TEST_HOOKS, as an editor starts it."""
    await start(lsp_client)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path):
    """A project folder with a `processes` folder, as a site keeps one."""
    (tmp_path / "processes").mkdir()
    return tmp_path


class Document:
    """An open document and its versions."""

    def __init__(self, client, path, text):
        self.client = client
        self.path = pathlib.Path(path)
        self.uri = self.path.as_uri()
        self.version = 1
        self.text = text
        self.path.write_text(text)
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=self.uri, language_id="yaml", version=1, text=text)))

    def replace(self, text):
        self.version += 1
        self.text = text
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def edit(self, start, end, text):
        """Replaces the range from (line, character) `start` to `end`; the local copy is not updated."""
        self.version += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)]))

    async def diagnostics(self, version=None):
        """The diagnostics published for `version` (default: the latest), waiting for them."""
        version = self.version if version is None else version
        return (await publication(self.client, self.uri, version)).diagnostics

    def published_versions(self):
        return [params.version for params in self.client.publications if params.uri == self.uri]


def line_of(text, needle):
    """The zero-based line of the first line containing `needle`."""
    return next(index for index, line in enumerate(text.splitlines()) if needle in line)


def problems(diagnostics):
    """The errors and warnings among diagnostics (the clean fixture has a note: its CAR target is on the malignant cells)."""
    return [d for d in diagnostics if d.severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning)]


async def publication(client, uri, version=None, timeout=60, after=0):
    """The first publication for `uri` (of `version`, when given) among those from the `after`th on, polling: waiting
    for the next notification would miss one that came before the wait began."""
    for _ in range(int(timeout * 100)):
        for params in client.publications[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version}")
