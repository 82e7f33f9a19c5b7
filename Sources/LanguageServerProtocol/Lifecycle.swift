/// `initialize`: what the client is and can do. Only the parts the server reads are typed.
public struct InitializeParams: Codable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var capabilities: ClientCapabilities
    public var initializationOptions: LSPAny?

    public init(capabilities: ClientCapabilities = ClientCapabilities(), initializationOptions: LSPAny? = nil) {
        self.capabilities = capabilities
        self.initializationOptions = initializationOptions
    }
}

public struct ClientCapabilities: Codable, Sendable {
    public var general: General?
    public var workspace: Workspace?
    /// rust-analyzer's `snippetTextEdit`, among others.
    public var experimental: LSPAny?

    public init(general: General? = nil) {
        self.general = general
    }

    public struct General: Codable, Sendable {
        /// The encodings the client can count positions in, preferred first (LSP 3.17).
        public var positionEncodings: [String]?
        public init(positionEncodings: [String]? = nil) { self.positionEncodings = positionEncodings }
    }

    public struct Workspace: Codable, Sendable {
        public var didChangeWatchedFiles: DynamicRegistration?
    }

    public struct DynamicRegistration: Codable, Sendable {
        public var dynamicRegistration: Bool?
    }
}

public struct InitializeResult: Codable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo

    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }

    public struct ServerInfo: Codable, Sendable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }
}

public struct ServerCapabilities: Codable, Sendable {
    public var positionEncoding: PositionEncodingKind
    public var textDocumentSync: TextDocumentSyncOptions
    public var hoverProvider: Bool
    public var completionProvider: CompletionOptions
    public var codeActionProvider: CodeActionOptions

    public init(
        positionEncoding: PositionEncodingKind, textDocumentSync: TextDocumentSyncOptions, hoverProvider: Bool,
        completionProvider: CompletionOptions, codeActionProvider: CodeActionOptions
    ) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = textDocumentSync
        self.hoverProvider = hoverProvider
        self.completionProvider = completionProvider
        self.codeActionProvider = codeActionProvider
    }

    public struct TextDocumentSyncOptions: Codable, Sendable {
        public var openClose: Bool
        /// 1: whole documents; 2: incremental changes.
        public var change: Int
        public var save: SaveOptions

        public init(openClose: Bool, change: Int, save: SaveOptions) {
            self.openClose = openClose
            self.change = change
            self.save = save
        }
    }

    public struct SaveOptions: Codable, Sendable {
        public var includeText: Bool
        public init(includeText: Bool) { self.includeText = includeText }
    }

    public struct CompletionOptions: Codable, Sendable {
        public var triggerCharacters: [String]
        public init(triggerCharacters: [String]) { self.triggerCharacters = triggerCharacters }
    }

    public struct CodeActionOptions: Codable, Sendable {
        public var codeActionKinds: [String]
        public init(codeActionKinds: [String]) { self.codeActionKinds = codeActionKinds }
    }
}

/// `$/cancelRequest`.
public struct CancelParams: Codable, Sendable {
    public var id: RequestID
}

/// `client/registerCapability`, for watching configuration files.
public struct RegistrationParams: Codable, Sendable {
    public var registrations: [Registration]

    public init(registrations: [Registration]) { self.registrations = registrations }

    public struct Registration: Codable, Sendable {
        public var id: String
        public var method: String
        public var registerOptions: LSPAny?

        public init(id: String, method: String, registerOptions: LSPAny?) {
            self.id = id
            self.method = method
            self.registerOptions = registerOptions
        }
    }
}

/// `window/logMessage`.
public struct LogMessageParams: Codable, Sendable {
    /// 1 error, 2 warning, 3 info, 4 log.
    public var type: Int
    public var message: String

    public init(type: Int, message: String) {
        self.type = type
        self.message = message
    }
}

/// `window/showMessage`: the same fields as a log message, shown to the user rather than logged.
public typealias ShowMessageParams = LogMessageParams
