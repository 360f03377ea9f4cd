/// What a user did with an item (SPEC §2). `accept`/`reject` are the explorer's own.
public enum Action: String, CaseIterable, Codable, Sendable {
    case view, click, cart, favourite, purchase, rate, skip, dislike, accept, reject
}
