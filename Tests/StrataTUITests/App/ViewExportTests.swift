import Foundation
import StrataCore
import Testing
@testable import StrataTUI

/// A host that records the view it was asked to write and answers as a full disk would, or
/// as a successful write.
private final class ExportHost: ExplorerHost {
    var failure: String?
    private(set) var views: [ViewExport] = []

    init(failure: String? = nil) { self.failure = failure }

    func perform(_ effect: ExplorerEffect) -> ExplorerFeedback? {
        switch effect {
        case .exportView(let view):
            views.append(view)
            if let failure { return .viewExportFailed(failure) }
            return .viewExported(files: [view.jsonFileName, view.csvFileName])
        case .persist(let decision): return .committed(decision)
        case .bookmark, .saveLastState, .quit: return nil
        }
    }
}

/// Issue 12 item 5: `x` exports what is on screen — the focused user's recommendations with
/// every feature, the whole interest tree — as JSON and CSV, through an effect the host performs.
@Suite("Explorer view export")
struct ViewExportTests {
    /// The demo after a jump and an accept: cleo at position 200 with one decision.
    func exported() -> (state: ExplorerState, view: ViewExport) {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("]"), .char("a")], on: &state)
        let host = ExportHost()
        host.dispatch(.key(.char("x")), to: &state)
        return (state, host.views[0])
    }

    @Test("x asks the host to write the view on screen: user, position, hash, config, source")
    func describesTheScreen() throws {
        var state = ExplorerFixtures.demoState()
        ExplorerFixtures.press([.char("]"), .char("]"), .char("a")], on: &state)
        let effects = state.apply(.key(.char("x")))
        #expect(effects.count == 1)
        guard case .exportView(let view) = try #require(effects.first) else {
            Issue.record("not an export: \(effects)")
            return
        }
        #expect(view.user == "cleo")
        #expect(view.position == 200)
        #expect(view.total == 8_200)
        #expect(view.stateHash == state.model.stateHash)
        #expect(view.stateHash.count == 64)
        #expect(view.decisions == 1)
        #expect(view.source == "scenario:demo")
        #expect(view.session == nil)
        #expect(view.config == state.model.config.settingsRecord)
        #expect(view.tiers == ["short", "medium", "long"])
        #expect(view.model == "strata" && view.comparison == nil)
        #expect(view.jsonFileName == "strata-view-cleo-200.json")
        #expect(view.csvFileName == "strata-view-cleo-200.csv")
        // Writing the view changes nothing in the state but the status line.
        #expect(state.replayer.position == 200 && state.decisionCount == 1)
    }

    @Test("every recommendation of the pane, in its order, with every feature's value, weight and contribution")
    func recommendationsWithEveryFeature() {
        let (state, view) = exported()
        #expect(view.recommendations.count == state.recommendations.count)
        #expect(view.recommendations.count == 10)
        var model = state.model
        for (offset, (row, shown)) in zip(view.recommendations, state.recommendations).enumerated() {
            #expect(row.rank == offset + 1)
            #expect(row.item == state.dataset.catalogue.items[shown.item].id)
            #expect(row.title == state.dataset.catalogue.items[shown.item].title)
            #expect(row.score == shown.score && row.probability == shown.probability)
            #expect(row.reasons == shown.reasons)
            #expect(row.features.map(\.name) == state.model.featureNames)
            #expect(row.features.map(\.weight) == state.model.weights)
            #expect(row.features.map(\.value) == model.featureVector(user: state.focusedUser, item: shown.item))
            for (feature, contribution) in zip(row.features, shown.contributions) {
                #expect(feature.contribution == feature.weight * feature.value)
                #expect(abs(feature.contribution - contribution) < 1e-9, "\(feature.name)")
            }
            let total = row.features.reduce(0) { $0 + $1.contribution }
            #expect(abs(total - row.score) < 1e-9, "contributions of \(row.title) add up to \(total), not \(row.score)")
        }
    }

    @Test("every node of the tree with its share per tier and its tier label")
    func wholeTree() {
        let (state, view) = exported()
        let taxonomy = state.model.taxonomy
        #expect(view.tree.count == taxonomy.nodeCount - 1)
        #expect(Set(view.tree.map(\.path)).count == view.tree.count)
        let tierCount = state.model.tiers.count
        let shares = state.model.siblingShareTable(user: state.focusedUser)
        for node in 1..<taxonomy.nodeCount {
            let row = view.tree.first { $0.path == taxonomy.displayPath(of: node) }
            #expect(row?.depth == taxonomy.depths[node])
            #expect(row?.siblingShares == (0..<tierCount).map { shares[node * tierCount + $0] })
            #expect(row?.label == state.model.users[state.focusedUser].tracker.label(of: node).rawValue)
        }
        // The top-level shares of each tier are the pane's bars: they add up to 100 %.
        let top = view.tree.filter { $0.depth == 1 }
        for t in 0..<tierCount { #expect(abs(top.reduce(0) { $0 + $1.siblingShares[t] } - 1) < 1e-9) }
        // Depth first: a child follows its parent.
        let space = view.tree.firstIndex { $0.path == "Sci-Fi › Space" }
        #expect(space.map { view.tree[$0 - 1].path == "Sci-Fi" } == true)
        #expect(Set(view.tree.map(\.label)).isSubset(of: Set(InterestLabel.allCases.map(\.rawValue))))
    }

    @Test("the status line says which files were written, or why not")
    func statusLine() {
        var state = ExplorerFixtures.demoState()
        ExportHost().dispatch(.key(.char("x")), to: &state)
        #expect(state.notice?.text == "wrote strata-view-cleo-0.json and .csv")
        #expect(state.notice?.isError == false)

        let failing = ExportHost(failure: "strata-view-cleo-0.json: Is a directory")
        failing.dispatch(.key(.char("x")), to: &state)
        #expect(state.notice?.text == "view not exported: strata-view-cleo-0.json: Is a directory")
        #expect(state.notice?.isError == true)
        #expect(failing.views.count == 1)
    }

    @Test("the JSON file holds the same view, and its config is the model's")
    func jsonFile() throws {
        let (_, view) = exported()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(view.json().utf8)) as? [String: Any])
        #expect(object["strata_view"] as? Int == 1)
        #expect(object["config"] as? [String: String] == view.config)
        #expect(object["user"] as? String == "cleo")
        #expect(object["position"] as? Int == 200)
        #expect(object["state_hash"] as? String == view.stateHash)
        #expect(object["decisions"] as? Int == 1)
        #expect(object["session"] is NSNull)
        let recommendations = try #require(object["recommendations"] as? [[String: Any]])
        #expect(recommendations.count == 10)
        let first = recommendations[0]
        #expect(first["item"] as? String == view.recommendations[0].item)
        // Foundation's JSON parser on Linux may miss the last bit of a double; the text is exact.
        func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-12 * max(1, abs(b)) } ?? false }
        #expect(close(first["score"] as? Double, view.recommendations[0].score))
        let features = try #require(first["features"] as? [[String: Any]])
        #expect(features.map { $0["name"] as? String } == view.recommendations[0].features.map(\.name))
        for (parsed, feature) in zip(features, view.recommendations[0].features) {
            #expect(close(parsed["contribution"] as? Double, feature.contribution))
            #expect(close(parsed["value"] as? Double, feature.value) && close(parsed["weight"] as? Double, feature.weight))
        }
        #expect(view.json().contains(#""contribution":\#(view.recommendations[0].features[0].contribution)"#))
        let tree = try #require(object["tree"] as? [[String: Any]])
        #expect(tree.count == view.tree.count)
        let shares = try #require(tree[0]["shares"] as? [String: Double])
        #expect(Set(shares.keys) == Set(view.tiers))
        for (tier, share) in zip(view.tiers, view.tree[0].siblingShares) { #expect(close(shares[tier], share)) }
        #expect(tree[0]["label"] as? String == view.tree[0].label)
    }

    @Test("the CSV file is one tidy table: a row per recommendation and feature, a row per node and tier")
    func csvFile() throws {
        let (_, view) = exported()
        let lines = view.csv().components(separatedBy: "\r\n").dropLast()
        #expect(lines[0].hasPrefix("# config: {"))
        let config = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].dropFirst(10).utf8)) as? [String: String])
        #expect(config == view.config)
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].dropFirst(8).utf8)) as? [String: String])
        #expect(meta["user"] == "cleo" && meta["position"] == "200" && meta["state_hash"] == view.stateHash && meta["decisions"] == "1")
        #expect(lines[2] == ViewExport.csvColumns.joined(separator: ","))
        let rows = csvRecords(view.csv().components(separatedBy: "\r\n").dropFirst(3).joined(separator: "\r\n"))
        #expect(rows.allSatisfy { $0.count == ViewExport.csvColumns.count })
        let featureCount = view.recommendations[0].features.count
        #expect(rows.filter { $0[0] == "recommendation" }.count == 10 * featureCount)
        #expect(rows.filter { $0[0] == "tree" }.count == view.tree.count * 3)
        #expect(rows.count == 10 * featureCount + view.tree.count * 3)
        #expect(rows.filter { $0[0] == "recommendation" }.allSatisfy { $0[1] == "strata" })
        let bias = try #require(rows.first { $0[0] == "recommendation" && $0[2] == "1" && $0[7] == "bias" })
        #expect(Double(bias[10]) == view.recommendations[0].features.first { $0.name == "bias" }?.contribution)
        let sciFiShort = try #require(rows.first { $0[0] == "tree" && $0[11] == "Sci-Fi" && $0[13] == "short" })
        #expect(Double(sciFiShort[14]) == view.tree.first { $0.path == "Sci-Fi" }?.siblingShares[0])
    }

    @Test("hostile text: a user id becomes a safe file name; titles with commas, quotes and newlines are quoted")
    func hostileText() throws {
        #expect(ViewExport.fileNameComponent("../etc/passwd") == "_._etc_passwd")
        #expect(ViewExport.fileNameComponent("a b\u{1B}[2J") == "a_b__2J")
        #expect(ViewExport.fileNameComponent("") == "_")
        #expect(ViewExport.fileNameComponent("user-7_x.y") == "user-7_x.y")
        #expect(ViewExport.fileNameComponent(String(repeating: "z", count: 200)).count == 64)
        var view = exported().view
        view.user = "../u\n1"
        view.recommendations[0].title = "say \"hi\", then\nbye"
        #expect(view.jsonFileName == "strata-view-_._u_1-200.json")
        let csv = view.csv()
        #expect(csv.contains(",\"say \"\"hi\"\", then\nbye\","))
        #expect(csvRecords(csv.components(separatedBy: "\r\n").dropFirst(3).joined(separator: "\r\n"))[0][4] == "say \"hi\", then\nbye")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(view.json().utf8)) as? [String: Any])
        #expect((object["recommendations"] as? [[String: Any]])?.first?["title"] as? String == "say \"hi\", then\nbye")
        #expect(object["user"] as? String == "../u\n1")
    }
}

/// `x` with two models: the split view's B list beside A's, B shown alone (`--model`).
@Suite("Explorer view export, A/B")
struct ViewExportComparisonTests {
    func export(_ state: inout ExplorerState) throws -> ViewExport {
        ExplorerFixtures.press([.char("]")], on: &state)
        let effects = state.apply(.key(.char("x")))
        guard case .exportView(let view) = try #require(effects.first) else { throw CancellationError() }
        return view
    }

    @Test("the split view exports both lists: A's with its features, B's (item-knn) without, and B's hash")
    func splitView() throws {
        var state = ExplorerFixtures.demoPair(.itemKNN)
        let view = try export(&state)
        #expect(view.model == "strata")
        #expect(view.recommendations.map(\.item) == state.recommendations.map { state.dataset.catalogue.items[$0.item].id })
        #expect(view.recommendations.allSatisfy { $0.features.count == state.model.featureNames.count })
        let b = try #require(view.comparison)
        #expect(b.model == "item-knn")
        #expect(b.stateHash == state.replayer.companion?.stateHash)
        #expect(b.recommendations.map(\.item) == state.companionRecommendations.map { state.dataset.catalogue.items[$0.item].id })
        #expect(b.recommendations.count == 10 && b.recommendations.allSatisfy { $0.features.isEmpty })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(view.json().utf8)) as? [String: Any])
        let comparison = try #require(json["comparison"] as? [String: Any])
        #expect(comparison["model"] as? String == "item-knn")
        // A baseline's P(accept) is not a probability: null, not NaN.
        #expect((comparison["recommendations"] as? [[String: Any]])?.first?["p_accept"] is NSNull)
        let rows = csvRecords(view.csv().components(separatedBy: "\r\n").dropFirst(3).joined(separator: "\r\n"))
        let bRows = rows.filter { $0[0] == "recommendation" && $0[1] == "item-knn" }
        #expect(bRows.count == 10 && bRows.allSatisfy { $0[7].isEmpty && $0[6].isEmpty })
        #expect(view.csv().contains(#""model_b":"item-knn""#))
    }

    @Test("with B shown alone the list is B's, with B's own features when B is adaptive")
    func shownModel() throws {
        var baseline = ExplorerFixtures.demoPair(.itemKNN, mode: .shown)
        let shown = try export(&baseline)
        #expect(shown.model == "item-knn" && shown.comparison == nil)
        #expect(shown.recommendations.map(\.item) == baseline.recommendations.map { baseline.dataset.catalogue.items[$0.item].id })
        #expect(shown.recommendations.allSatisfy { $0.features.isEmpty }, "A's features were put on item-knn's list")

        var adaptive = ExplorerFixtures.demoPair(.strata, config: try ModelConfig().applying(["short_half_life=5"]), mode: .shown)
        let view = try export(&adaptive)
        let b = try #require(adaptive.companionModel)
        #expect(view.recommendations.first?.features.map(\.weight) == b.weights)
        for row in view.recommendations {
            let total = row.features.reduce(0) { $0 + $1.contribution }
            #expect(abs(total - row.score) < 1e-9, "B's contributions do not add up to B's score for \(row.title)")
        }
    }
}

/// RFC 4180 records of `text` (quoted fields may hold commas, quotes and line breaks).
func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = [], record: [String] = [], field = ""
    var quoted = false, afterQuote = false
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { field.unicodeScalars.append(c); scalars.removeFirst() } else { quoted = false; afterQuote = true }
            } else { field.unicodeScalars.append(c) }
            continue
        }
        switch c {
        case "\"" where field.isEmpty && !afterQuote: quoted = true
        case ",": record.append(field); field = ""; afterQuote = false
        case "\r": continue
        case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
        default: field.unicodeScalars.append(c)
        }
    }
    return records
}
