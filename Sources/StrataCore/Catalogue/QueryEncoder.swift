/// Turns typed words into a vector in the items' embedding space (issue 10, item 5): the
/// explorer's search by meaning and "an interest in words". The CLI passes Strata's sentence
/// encoder (StrataLanguage); the core only sees this protocol, so it stays free of the model.
public protocol QueryEncoder: Sendable {
    /// The model's name, for the screen ("all-MiniLM-L6-v2").
    var name: String { get }
    /// The text's vector (any length; compared by cosine), or nil when it has none.
    func embed(_ text: String) -> [Float]?
}
