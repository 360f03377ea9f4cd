import ArgumentParser
import Foundation
import StrataCore
import StrataData

/// `strata plot`: SVG charts of a replay (Docs/research.md).
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw SVG charts: tier shares, learned weights, drift, or an A/B comparison.",
        discussion: """
        Charts: shares (stacked areas of a user's top-level shares in one temporal tier), \
        weights (learned weights over time), drift (short-vs-long cosine with alerts marked), \
        ab (prequential metrics of the base config against --b-set overrides).
        """
    )

    enum Chart: String, ExpressibleByArgument, CaseIterable { case shares, weights, drift, ab }

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides

    @Option(name: .long, help: "Which chart: shares, weights, drift or ab.")
    var chart: Chart

    @Option(name: .shortAndLong, help: "The SVG file to write (written atomically).")
    var output: String

    @Option(name: .long, help: "The user to draw (external id); default: the most active user.")
    var user: String?

    @Option(name: .long, help: "Temporal tier for the shares chart (short, medium, long).")
    var tier = "medium"

    @Option(name: .long, help: "Top-level nodes to draw (comma-separated names); default: the six largest, the rest as 'other'.")
    var nodes: String?

    @Option(name: .customLong("b-set"), help: ArgumentHelp("Override for configuration B of the ab chart (repeatable).", valueName: "key=value"))
    var bSettings: [String] = []

    @Option(name: .long, help: "ab chart: evaluate every N-th positive.")
    var every = 1

    func validate() throws {
        // The chart is SVG whatever the name says: a foreign extension is refused, not ignored.
        guard output.lowercased().hasSuffix(".svg") else {
            throw ValidationError("--output \(InputText.escaped(output)): plot writes SVG; use a .svg file name")
        }
        if chart == .ab && bSettings.isEmpty { throw ValidationError("--chart ab needs at least one --b-set key=value for configuration B") }
        // Options the chosen chart does not read are refused, not ignored (issue 8).
        if chart != .ab && !bSettings.isEmpty { throw ValidationError("--b-set: only --chart ab uses it (this is --chart \(chart.rawValue))") }
        if chart != .shares && nodes != nil { throw ValidationError("--nodes: only --chart shares uses it (this is --chart \(chart.rawValue))") }
        if chart == .ab && user != nil { throw ValidationError("--user: --chart ab evaluates every user; leave it out") }
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
    }

    func run() throws {
        let loaded = try source.load()
        for warning in loaded.warnings { printError(warning) }
        let config = try overrides.config(command: "plot", uses: [.learning])
        let svg: String
        switch chart {
        case .ab: svg = try abChart(loaded, config: config)
        case .shares, .weights, .drift: svg = try timeChart(loaded, config: config)
        }
        try AtomicFileWriter.write(svg, to: output)
        print("wrote \(InputText.escaped(output))")
    }

    private func timeChart(_ loaded: LoadedSource, config: ModelConfig) throws -> String {
        let dataset = loaded.dataset
        var model = StrataModel(catalogue: dataset.catalogue, config: config, userCount: dataset.userIDs.count)
        let u: UserIndex
        if let user {
            guard let index = dataset.userIDs.firstIndex(of: user) else { throw CLIError("--user \(InputText.escaped(user)): no such user in \(InputText.quoted(loaded.label))") }
            u = index
        } else {
            var counts = Array(repeating: 0, count: dataset.userIDs.count)
            for event in dataset.events { counts[event.user] += 1 }
            u = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        }
        guard let tierIndex = config.tiers.firstIndex(where: { $0.name == tier }) else {
            throw ValidationError("--tier \(InputText.escaped(tier)): no such tier; tiers are \(config.tiers.map(\.name).joined(separator: ", "))")
        }
        let tops = model.taxonomy.topLevel
        let recorded = SVGChart.Layout(metadata: ["config": config.settingsRecord])
        let stride = max(1, dataset.events.count / 2000)
        var xs: [Double] = []
        var shareRows: [[Double]] = []
        var weightRows: [[Double]] = []
        var cosines: [SVGChart.Point] = []
        for (position, event) in dataset.events.enumerated() {
            model.observe(event)
            if event.user == u {
                xs.append(Double(position))
                shareRows.append(model.topLevelShares(user: u, tier: tierIndex))
                cosines.append(.init(x: Double(position), y: model.users[u].drift.lastCosine))
            }
            if position % stride == 0 || position == dataset.events.count - 1 { weightRows.append([Double(position)] + model.weights) }
        }
        let userID = dataset.userIDs[u]
        switch chart {
        case .shares:
            let final = shareRows.last ?? Array(repeating: 0, count: tops.count)
            let chosen: [Int]
            if let nodes {
                chosen = try nodes.split(separator: ",").map { name in
                    guard let k = tops.firstIndex(where: { model.taxonomy.names[$0] == name.trimmingCharacters(in: .whitespaces) }) else {
                        throw ValidationError("--nodes: no top-level node \(InputText.quoted(name))")
                    }
                    return k
                }
            } else {
                chosen = Array(tops.indices.sorted { final[$0] > final[$1] || (final[$0] == final[$1] && $0 < $1) }.prefix(6))
            }
            var layers = chosen.map { k in SVGChart.Layer(name: model.taxonomy.names[tops[k]], values: shareRows.map { $0[k] }) }
            let rest = tops.indices.filter { !chosen.contains($0) }
            if !rest.isEmpty { layers.append(.init(name: "other", values: shareRows.map { row in rest.reduce(0) { $0 + row[$1] } })) }
            return SVGChart.stackedAreas(title: "\(tier)-term top-level shares of \(userID)", xLabel: "stream position",
                                         yLabel: "share", x: xs, layers: layers, layout: recorded)
        case .weights:
            let names = model.featureNames
            let series = names.indices.map { k in SVGChart.Series(name: names[k], points: weightRows.map { .init(x: $0[0], y: $0[k + 1]) }) }
            return SVGChart.lines(title: "Learned weights", xLabel: "stream position", yLabel: "weight", series: series, layout: recorded)
        default:
            let markers = model.driftAlerts.filter { $0.user == u && $0.kind != .learnerSurprise }.map {
                SVGChart.VerticalMarker(x: Double($0.position), label: $0.kind == .interestShift ? "drift" : "cleared")
            }
            let threshold = [SVGChart.Point(x: xs.first ?? 0, y: config.drift.threshold), SVGChart.Point(x: xs.last ?? 1, y: config.drift.threshold)]
            return SVGChart.lines(title: "Short-vs-long cosine of \(userID)", xLabel: "stream position", yLabel: "cosine",
                                  series: [.init(name: "cosine", points: cosines), .init(name: "threshold", points: threshold)],
                                  markers: markers, layout: recorded)
        }
    }

    private func abChart(_ loaded: LoadedSource, config: ModelConfig) throws -> String {
        let configB = try ConfigOverrides.apply(bSettings, to: config, option: "--b-set", command: "plot --chart ab", uses: [.learning])
        let dataset = loaded.dataset
        let evaluator = PrequentialEvaluator(every: every)
        var groups: [SVGChart.BarGroup] = []
        for (name, settings) in [("A (base)", config), ("B (" + bSettings.joined(separator: ", ") + ")", configB)] {
            var model = AdaptiveRankingModel(model: StrataModel(catalogue: dataset.catalogue, config: settings, userCount: dataset.userIDs.count))
            let report = evaluator.evaluate(&model, on: dataset, dataSHA256: loaded.fileDigests, clock: monotonicNanoseconds)
            groups.append(.init(name: name, values: [report.hitRateAt10, report.ndcgAt10, report.mrr]))
            printError("\(InputText.escaped(name)): HR@10 \(report.hitRateAt10) NDCG@10 \(report.ndcgAt10) MRR \(report.mrr)")
        }
        return SVGChart.groupedBars(title: "A/B on \(loaded.label) (prequential, every \(every))", yLabel: "value",
                                    categories: ["HR@10", "NDCG@10", "MRR"], groups: groups,
                                    layout: SVGChart.Layout(metadata: ["config": config.settingsRecord, "config_b": configB.settingsRecord]))
    }
}
