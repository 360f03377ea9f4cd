/// The built-in demo that `strata` opens with no arguments (SPEC §9): compiled in, so it needs
/// no file and no download (Docs/scenarios.md §7).
///
/// 3,072 films over Genre › Sub-genre › Style (8 × 3 × 2 leaves, 64 films each) and 8 viewers,
/// 8,200 events. `cleo` drifts clearly from Sci-Fi to Romance (events 400–600, 70 % of the
/// mass); `fay` picks up Fantasy for a while (rising 500–650, gone by 1,100); the others hold
/// steady. Viewers re-watch a film they had with probability 0.3 (`repeatRate`). The
/// catalogue is large enough that no viewer runs out of films in an interest, so the
/// recommendations follow cleo's drift: Sci-Fi before it, Romance within a few hundred events
/// of the drift alert (Docs/scenarios.md §7; tested in DemoStoryTests). Building the world and
/// running it takes a few milliseconds in release builds.
extension Scenario {
    public static let demo = Scenario(
        name: "demo",
        summary: "Eight film viewers; cleo drifts from Sci-Fi to Romance, fay briefly discovers Fantasy.",
        seed: 2024,
        catalogue: CatalogueSpec(
            taxonomy: .categories(DemoFilms.categories),
            itemsPerLeaf: 64,
            zipfExponent: 1.0,
            titles: TitleSpec(patterns: DemoFilms.patterns, words: ["name": DemoFilms.names]),
            idPrefix: "f"),
        behaviour: Behaviour(
            actions: ActionMix([.view: 0.35, .click: 0.2, .rate: 0.3, .cart: 0.05, .purchase: 0.05, .favourite: 0.03, .skip: 0.02]),
            outsideUtility: 0.5, temperature: 1.0, popularityWeight: 0.5, interestFloor: 0.02, ratingNoise: 0.5,
            repeatRate: 0.3),
        eventsPerUser: 1000,
        users: [
            UserSpec(id: "ada", interests: .weights(["Sci-Fi": 4, "Thriller": 2, "Documentary/Science": 1])),
            UserSpec(id: "ben", interests: .weights(["Romance": 3, "Comedy": 2, "Drama/Family": 1])),
            UserSpec(id: "cleo", interests: .weights(["Sci-Fi": 5, "Fantasy/High Fantasy": 1, "Thriller/Espionage": 1]), events: 1200),
            UserSpec(id: "dev", interests: .weights(["Horror": 4, "Thriller/Psychological": 2, "Sci-Fi/Dystopia": 1])),
            UserSpec(id: "eli", interests: .preset(.focused)),
            UserSpec(id: "fay", interests: .weights(["Drama": 3, "Documentary": 2, "Romance/Period": 1])),
            UserSpec(id: "gus", interests: .preset(.eclectic), overrides: BehaviourOverrides(temperature: 1.5)),
            UserSpec(id: "hana", interests: .weights(["Comedy": 3, "Fantasy": 2, "Horror/Creature": 1])),
        ],
        drift: [DriftEntry(user: "cleo", from: 400, to: 600, source: "Sci-Fi", target: "Romance", fraction: 0.7)],
        emerge: [EmergenceEntry(user: "fay", path: "Fantasy", weight: 0.4, riseFrom: 500, peakAt: 650, fadeFrom: 850, goneBy: 1100)])
}
