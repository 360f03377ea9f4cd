import StrataCore

/// Which fields of an item make the text a language model embeds (`strata embed --fields`,
/// Docs/language-model.md §5). The text is the non-empty (trimmed) parts in the order given,
/// joined by ". " (by " " after a part that ends in `.`, `!` or `?`): `title` the title, `tags`
/// the tags joined by ", ", `text` the item's free text, `paths` each category path as
/// `A > B`, joined by ", ". The default, `title,tags`, gives ML-100k's first film as
/// "Toy Story (1995). Animation, Children's, Comedy" from GroupLens' `u.item`, and as
/// "Toy Story. Animation, Children's, Comedy" from RecBole's `ml-100k.item` (year apart).
public struct ItemTextFields: Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, CaseIterable { case title, tags, text, paths }

    public var fields: [Field]

    public static let standard = ItemTextFields(fields: [.title, .tags])

    public init(fields: [Field]) { self.fields = fields }

    /// `title,tags,…`: known names, each at most once, at least one.
    public init(parsing list: String) throws {
        var fields: [Field] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let field = Field(rawValue: name) else {
                throw ItemTextFieldsError(message: "unknown field \(InputText.quoted(name)); known: \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !fields.contains(field) else { throw ItemTextFieldsError(message: "\(field.rawValue) is listed twice") }
            fields.append(field)
        }
        guard !fields.isEmpty else { throw ItemTextFieldsError(message: "no field") }
        self.fields = fields
    }

    public var description: String { fields.map(\.rawValue).joined(separator: ",") }

    /// The text of one item.
    public func text(of item: Item) -> String {
        var parts: [String] = []
        for field in fields {
            let part: String
            switch field {
            case .title: part = item.title
            case .tags: part = item.tags.joined(separator: ", ")
            case .text: part = item.text ?? ""
            case .paths: part = item.paths.map { $0.joined(separator: " > ") }.joined(separator: ", ")
            }
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { parts.append(trimmed) }
        }
        var text = ""
        for part in parts {
            if !text.isEmpty { text += text.last.map { ".!?".contains($0) } == true ? " " : ". " }
            text += part
        }
        return text
    }
}

public struct ItemTextFieldsError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { "--fields: \(message)" }
}
