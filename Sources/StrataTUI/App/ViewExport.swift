import StrataCore

/// What the explorer shows, as data for files (`x`, Docs/explorer.md "Exporting the view"):
/// the focused user's recommendations with every feature's value, weight and contribution, and
/// the user's whole interest tree with each node's share per temporal tier and its tier label,
/// with what it takes to reproduce them (config, position, state hash, source, session).
/// Built by `ExplorerState.viewExport()`, a pure read; the host writes the files.
public struct ViewExport: Hashable, Sendable {
    public struct Feature: Hashable, Sendable {
        /// `share.short.L1`, `content.long`, `cooccurrence`, … (Docs/model.md §7).
        public var name: String
        /// `x_k`.
        public var value: Double
        /// `w_k`.
        public var weight: Double
        /// `w_k · x_k`.
        public var contribution: Double
    }

    public struct Recommendation: Hashable, Sendable {
        /// 1-based, in the order the pane shows (after MMR re-ranking).
        public var rank: Int
        public var item: String
        public var title: String
        /// `w · x`.
        public var score: Double
        /// `σ(w · x)`.
        public var probability: Double
        /// The pane's "why", in words.
        public var reasons: [String]
        /// Every feature, in the model's feature order; empty for a model without features
        /// (a baseline such as item-knn).
        public var features: [Feature]
    }

    /// The split view's second list (`explore --compare`): what model B shows the user.
    public struct Comparison: Hashable, Sendable {
        /// What the screen calls B (`item-knn`, `strata (--b-set …)`).
        public var model: String
        public var stateHash: String
        public var recommendations: [Recommendation]
    }

    public struct Node: Hashable, Sendable {
        /// `Sci-Fi › Space`.
        public var path: String
        /// 1 for a top-level node.
        public var depth: Int
        /// `p_τ(n)`, the node's share among its siblings, per tier in `tiers` order.
        public var siblingShares: [Double]
        /// `core`, `emerging`, `fading`, `active`, `dormant`.
        public var label: String
    }

    /// Version of the file layout, so readers can tell a later one.
    public static let formatVersion = 1

    public var source: String
    /// The session file's name, nil without one.
    public var session: String?
    public var position: Int
    public var total: Int
    public var user: String
    public var stateHash: String
    /// Decisions applied so far (loaded from the session and made in this run).
    public var decisions: Int
    /// `ModelConfig.settingsRecord`: `--config FILE` of either file reproduces the run.
    public var config: [String: String]
    public var tiers: [String]
    /// Which model made `recommendations`: `strata`, or B's label when the explorer shows B
    /// alone (`explore --model`).
    public var model: String
    public var recommendations: [Recommendation]
    /// Model B's list beside it in the split view; nil with one model on screen.
    public var comparison: Comparison?
    /// Every node of the taxonomy below the root, depth first in taxonomy order.
    public var tree: [Node]

    /// `strata-view-cleo-4600`: the files' name without extension.
    public var fileStem: String { "strata-view-\(Self.fileNameComponent(user))-\(position)" }
    public var jsonFileName: String { fileStem + ".json" }
    public var csvFileName: String { fileStem + ".csv" }

    /// A user id as part of a file name: letters, digits, `-`, `_` and `.` are kept, anything
    /// else (a `/`, a space, a control character) becomes `_`; no leading dot, at most 64
    /// characters, and never empty.
    public static func fileNameComponent(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars.prefix(64) {
            let kept = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            out.unicodeScalars.append(kept ? scalar : "_")
        }
        if out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out.isEmpty ? "_" : out
    }
}
