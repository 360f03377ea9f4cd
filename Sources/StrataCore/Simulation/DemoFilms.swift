/// The film-like catalogue of the built-in demo: Genre › Sub-genre › Style, 8 × 3 × 2 leaves,
/// with invented titles drawn from genre word lists (Docs/scenarios.md §7). Word lists are
/// space-separated where every entry is one word.
enum DemoFilms {
    static let patterns: [String] = ["The {adj} {noun}", "{adj} {noun}", "{noun} of {place}", "The {noun} of {place}", "{name}'s {noun}", "Beyond the {noun}", "The Last {noun}", "Escape from {place}", "Return to {place}", "{noun} in {place}"]

    static let documentaryPatterns: [String] = ["The {adj} {noun}", "{adj} {noun}", "Inside {place}", "Across {place}", "{place}: The {adj} {noun}", "Voices of {place}"]

    static let names: [String] = ["Ada", "Marlowe", "Vera", "Elias", "Juno", "Harper", "Otto", "Iris", "Felix", "Nadia", "Silas", "Mabel"]

    static let categories: [CategorySpec] = [
        genre("Sci-Fi", [("Space", ["Hard SF", "Space Opera"]), ("Dystopia", ["Cyberpunk", "Post-Apocalyptic"]), ("Time Travel", ["Paradox", "Alternate History"])],
              adjectives: "Silent Distant Quantum Hollow Crimson Final Iron Infinite Broken Dark Orbital Synthetic Electric Frozen Lost Binary",
              nouns: "Orbit Signal Horizon Colony Machine Frontier Nebula Station Eclipse Protocol Meridian Paradox Singularity Vessel Archive Drift",
              places: ["Titan", "Europa", "Kepler", "the Void", "Andromeda", "Sector Nine", "New Eden", "Ganymede", "the Outer Rim", "Proxima", "Tau Ceti", "Mars"]),
        genre("Fantasy", [("High Fantasy", ["Epic", "Sword & Sorcery"]), ("Fairy Tale", ["Classic", "Dark"]), ("Urban Fantasy", ["Magic Realism", "Supernatural"])],
              adjectives: "Enchanted Crystal Ancient Shadow Silver Dragon Fallen Emerald Hidden Twilight Sacred Stone Winter Iron Elder Wandering",
              nouns: "Crown Sword Kingdom Throne Oracle Quest Realm Prophecy Tower Sorcerer Gate Chalice Labyrinth Rune Heir Dragon",
              places: ["Eldoria", "Avalon", "the Mists", "Vallenor", "Thornwick", "Starfall", "the Northern Wastes", "Myrrdin", "Caer Ys", "Ironvale", "Elmsreach", "Zanthar"]),
        genre("Thriller", [("Crime", ["Heist", "Noir"]), ("Espionage", ["Cold War", "Techno"]), ("Psychological", ["Mystery", "Paranoia"])],
              adjectives: "Silent Cold Deadly Hidden Double Black Burning Fatal Last Broken Perfect Crooked Final Nameless Quiet Sudden",
              nouns: "Witness Protocol Alibi Cipher Conspiracy Target Ransom Verdict Informant Dossier Contract Shadow Getaway Motive Code Trap",
              places: ["Berlin", "Marseille", "Istanbul", "Vienna", "the Harbour", "Dock Seven", "Moscow", "Tangier", "Hong Kong", "the Border", "Prague", "Macau"]),
        genre("Horror", [("Supernatural", ["Ghost Story", "Folk Horror"]), ("Slasher", ["Classic", "Meta"]), ("Creature", ["Monster", "Body Horror"])],
              adjectives: "Hollow Crawling Pale Rotten Cursed Wicked Silent Hungry Forgotten Bleeding Howling Grim Black Drowned Sleepless Wretched",
              nouns: "Harvest Ritual Crypt Witch Shape Thing Mask Pact Coven Lullaby Hunger Presence Effigy Doll Curse Visitor",
              places: ["Blackmoor", "Ravenwood", "the Attic", "Hollow Creek", "the Marsh", "Grimsby Hall", "the Cellar", "Dunmore", "Salem", "the Pines", "Cold Harbour", "Ashford"]),
        genre("Romance", [("Period", ["Regency", "Wartime"]), ("Romantic Comedy", ["Screwball", "Modern"]), ("Melodrama", ["Tearjerker", "Coming of Age"])],
              adjectives: "Summer Secret Gentle Second Borrowed Golden Paper Tender Lovely Sweet Stolen Endless Autumn Midnight Little Wild",
              nouns: "Heart Promise Letter Waltz Kiss Garden Wedding Affair Season Rose Vow Serenade Bride Sonnet Embrace Melody",
              places: ["Paris", "Verona", "Provence", "Lisbon", "Capri", "Vienna", "the Lake", "Rosewood", "Bath", "Seville", "Tuscany", "Brighton"]),
        genre("Comedy", [("Satire", ["Political", "Mockumentary"]), ("Slapstick", ["Physical", "Family"]), ("Dark Comedy", ["Black Farce", "Deadpan"])],
              adjectives: "Accidental Big Crazy Lucky Awkward Wonderful Perfect Terrible Royal Fabulous Naked Unlikely Merry Great Happy Little",
              nouns: "Wedding Holiday Weekend Heist Reunion Mix-Up Party Neighbour Inheritance Caper Honeymoon Dinner Disaster Uncle Bargain Detour",
              places: ["Vegas", "Brooklyn", "the Suburbs", "Benidorm", "Palm Springs", "Margate", "the Office", "Florida", "Monte Carlo", "Blackpool", "Acapulco", "Tahiti"]),
        genre("Drama", [("Family", ["Generational", "Domestic"]), ("Historical", ["Biopic", "Period Epic"]), ("Social", ["Working Class", "Courtroom"])],
              adjectives: "Quiet Long Broken Distant Bitter Last Empty Narrow Open Grey Small Fragile Restless Golden Hidden Northern",
              nouns: "River House Season Silence Letters Harvest Road Promise Inheritance Years Light Winter Daughter Crossing Field Shore",
              places: ["Dublin", "Naples", "the Valley", "Glasgow", "Detroit", "the Delta", "Odessa", "Calcutta", "Havana", "Montana", "the Coast", "Oslo"]),
        genre("Documentary", [("Nature", ["Wildlife", "Oceans"]), ("Science", ["Cosmos", "Technology"]), ("History", ["War", "Biography"])],
              adjectives: "Hidden Secret Untold Wild Last Living Great Frozen Deep Lost Vanishing Silent Blue Human Invisible Real",
              nouns: "Planet Ocean Empire Machines Voices Journey Forest Tide Migration Archive Frontier Kingdom Story River Code Earth",
              places: ["the Arctic", "the Amazon", "the Sahara", "Antarctica", "the Deep Sea", "Borneo", "the Himalaya", "Patagonia", "Siberia", "the Serengeti", "Mongolia", "Greenland"],
              patterns: documentaryPatterns),
    ]

    private static func genre(_ name: String, _ subgenres: [(String, [String])], adjectives: String, nouns: String,
                              places: [String], patterns: [String]? = nil) -> CategorySpec {
        let words: [String: [String]] = [
            "adj": adjectives.split(separator: " ").map(String.init),
            "noun": nouns.split(separator: " ").map(String.init),
            "place": places,
        ]
        let children = subgenres.map { sub, styles in
            CategorySpec(name: sub, children: styles.map { CategorySpec(name: $0) })
        }
        return CategorySpec(name: name, children: children, titleWords: words, titlePatterns: patterns)
    }
}
