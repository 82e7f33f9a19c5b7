import Foundation
import LanguageServerProtocol
import ProcessModel

/// Completion in a process file: keys valid where the cursor is (a step's keys follow its operation), and values:
/// operations, markers by their canonical names, release tests, reagents and every other choice. All of it comes from
/// `FormatSchema`, the one description the loader validates against and the JSON Schema is generated from.
enum Completion {
    static func items(lines: [String], line: Int, column: Int) -> [CompletionItem] {
        let context = YAMLContext(lines: lines, line: line, column: column)
        if let key = context.valueOf {
            guard let container = context.shape(from: FormatSchema.process),
                let field = YAMLContext.fields(of: container, operation: context.operation).first(where: {
                    $0.name == key
                })
            else { return [] }
            return values(of: field.shape)
        }
        guard let shape = context.shape(from: FormatSchema.process) else { return [] }
        // A bare list item is a value (`- sterility`), unless the list holds mappings (steps).
        return context.isListItem && !isMapping(shape) ? values(of: shape) : keys(of: shape, context)
    }

    private static func isMapping(_ shape: Shape) -> Bool {
        switch shape {
        case .object, .tagged: true
        default: false
        }
    }

    private static func keys(of shape: Shape, _ context: YAMLContext) -> [CompletionItem] {
        YAMLContext.fields(of: shape, operation: context.operation).map { field in
            CompletionItem(
                label: field.name, kind: CompletionItem.fieldKind, detail: field.isRequired ? "required" : "optional",
                documentation: MarkupContent(markdown: field.summary), insertText: field.name + ": ")
        }
    }

    /// The values a shape takes; for a list, its items'.
    static func values(of shape: Shape) -> [CompletionItem] {
        switch shape {
        case .choice(let choices, _), .choiceOrObject(let choices, _, _, _):
            return choices.map {
                CompletionItem(label: $0.value, kind: CompletionItem.enumMemberKind, detail: $0.summary)
            }
        case .marker:
            return Marker.vocabulary.sorted().map {
                CompletionItem(label: $0.name, kind: CompletionItem.valueKind, detail: "marker")
            }
        case .boolean:
            return ["true", "false"].map { CompletionItem(label: $0, kind: CompletionItem.valueKind, detail: nil) }
        case .integer(let allowed):
            return allowed.map { CompletionItem(label: "\($0)", kind: CompletionItem.valueKind, detail: nil) }
        case .list(let element, _):
            return values(of: element)
        default:
            return []
        }
    }
}
