/// `textDocument/publishDiagnostics`.
public struct PublishDiagnosticsParams: Codable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [Diagnostic]

    public init(uri: String, version: Int?, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

/// A problem shown in the editor.
public struct Diagnostic: Codable, Hashable, Sendable {
    public var range: Range
    /// 1 error, 2 warning, 3 information, 4 hint.
    public var severity: Int?
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String?
    public var message: String
    /// 1 unnecessary, 2 deprecated.
    public var tags: [Int]?
    public var relatedInformation: [DiagnosticRelatedInformation]?
    /// What the server needs back in a code action request (a finding's suggested fix, say).
    public var data: LSPAny?

    public init(
        range: Range, severity: Int?, code: String?, codeDescription: CodeDescription?, source: String?,
        message: String,
        tags: [Int]? = nil, relatedInformation: [DiagnosticRelatedInformation]? = nil, data: LSPAny? = nil
    ) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.tags = tags
        self.relatedInformation = relatedInformation
        self.data = data
    }

    public struct CodeDescription: Codable, Hashable, Sendable {
        public var href: String
        public init(href: String) { self.href = href }
    }

    public static let unnecessaryTag = 1
}

public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

public struct Hover: Codable, Sendable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public struct CompletionItem: Codable, Sendable {
    public var label: String
    /// 5 field, 10 property, 12 value, 13 enum, 20 enum member, 14 keyword.
    public var kind: Int?
    public var detail: String?
    public var documentation: MarkupContent?
    public var insertText: String?
    public var filterText: String?
    public var sortText: String?

    public init(
        label: String, kind: Int?, detail: String?, documentation: MarkupContent? = nil, insertText: String? = nil,
        sortText: String? = nil
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.insertText = insertText
        self.sortText = sortText
    }

    public static let fieldKind = 5
    public static let valueKind = 12
    public static let enumMemberKind = 20
}

public struct CompletionList: Codable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]

    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

public struct CodeActionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: Context

    public struct Context: Codable, Sendable {
        public var diagnostics: [Diagnostic]
        public var only: [String]?
    }
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: String
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit

    public init(title: String, kind: String, diagnostics: [Diagnostic]?, isPreferred: Bool? = nil, edit: WorkspaceEdit)
    {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }

    public static let quickFix = "quickfix"
}
