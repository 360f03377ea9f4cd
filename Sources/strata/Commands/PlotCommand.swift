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
        ab (prequential metrics of A, the base config, against B: --b-set overrides or --compare \
        MODEL|FILE, with 95 % bootstrap error bars and the paired difference), prequential \
        (HR@10 over windows of --window events, for A and B: the prequential curves).
        """
    )

    enum Chart: String, ExpressibleByArgument, CaseIterable { case shares, weights, drift, ab, prequential }

    @OptionGroup var source: DataSourceOptions
    @OptionGroup var overrides: ConfigOverrides
    @OptionGroup var progressOptions: ProgressOptions

    @Option(name: .long, help: "Which chart: shares, weights, drift, ab or prequential.")
    var chart: Chart

    @Option(name: .shortAndLong, help: "The SVG file to write (written atomically).")
    var output: String

    @Option(name: .long, help: "The user to draw (external id); default: the most active user.")
    var user: String?

    @Option(name: .long, help: "shares, weights and drift charts: a session file (read only, never changed) whose settings and decisions are replayed, so the chart is what the explorer showed.")
    var session: String?

    @Option(name: .long, help: "Temporal tier for the shares chart (short, medium, long).")
    var tier = "medium"

    @Option(name: .long, help: "Top-level nodes to draw (comma-separated names); default: the six largest, the rest as 'other'.")
    var nodes: String?

    @Option(name: .customLong("b-set"), help: ArgumentHelp("Override for configuration B of the ab and prequential charts (repeatable).", valueName: "key=value"))
    var bSettings: [String] = []

    @Option(name: .long, help: ArgumentHelp("ab and prequential charts: B is this model (strata, most-popular, decayed-popular, item-knn) or the strata model with this config file; --b-set applies on top.", valueName: "model|file"))
    var compare: String?

    @Option(name: .long, help: "ab and prequential charts: evaluate every N-th positive.")
    var every = 1

    @Option(name: .long, help: "prequential chart: stream events per window (default: a 50th of the stream).")
    var window: Int?

    @Option(name: .long, help: "ab chart: bootstrap resamples for the error bars (1 to 100000).")
    var resamples = 1000

    @Option(name: .customLong("ci-seed"), help: "ab chart: seed of the bootstrap.")
    var ciSeed: UInt64 = 42

    @Option(name: .customLong("ci-unit"), help: "ab chart: what the bootstrap resamples: users, time-blocks or auto.")
    var ciUnit = "auto"

    var comparesModels: Bool { chart == .ab || chart == .prequential }

    func validate() throws {
        // The chart is SVG whatever the name says: a foreign extension is refused, not ignored.
        guard output.lowercased().hasSuffix(".svg") else {
            throw ValidationError("--output \(InputText.escaped(output)): plot writes SVG; use a .svg file name")
        }
        if chart == .ab && bSettings.isEmpty && compare == nil {
            throw ValidationError("--chart ab needs configuration B: --b-set key=value or --compare MODEL|FILE")
        }
        // Options the chosen chart does not read are refused, not ignored (issue 8).
        if !comparesModels && !bSettings.isEmpty { throw ValidationError("--b-set: only --chart ab and prequential use it (this is --chart \(chart.rawValue))") }
        if !comparesModels && compare != nil { throw ValidationError("--compare: only --chart ab and prequential use it (this is --chart \(chart.rawValue))") }
        if chart != .prequential && window != nil { throw ValidationError("--window: only --chart prequential uses it (this is --chart \(chart.rawValue))") }
        if chart != .shares && nodes != nil { throw ValidationError("--nodes: only --chart shares uses it (this is --chart \(chart.rawValue))") }
        // A prequential evaluation replays the stream only: a session's decisions have no place in it.
        if comparesModels && session != nil {
            throw ValidationError("--session: --chart \(chart.rawValue) evaluates the stream prequentially and cannot replay a session's decisions; "
                                  + "use --config SESSION for its settings")
        }
        if comparesModels && user != nil { throw ValidationError("--user: --chart \(chart.rawValue) evaluates every user; leave it out") }
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
        if let window, !(1...1_000_000_000).contains(window) { throw ValidationError("--window must be from 1 to 1000000000, got \(window)") }
        guard (1...100_000).contains(resamples) else { throw ValidationError("--resamples must be from 1 to 100000, got \(resamples)") }
        guard ["auto", "users", "time-blocks"].contains(ciUnit) else {
            throw ValidationError("--ci-unit \(InputText.quoted(ciUnit)): expected auto, users or time-blocks")
        }
        if let compare, !EvalCommand.knownModels.contains(compare), !FileManager.default.fileExists(atPath: compare) {
            throw ValidationError("--compare \(InputText.quoted(compare)): not a model (\(EvalCommand.knownModels.joined(separator: ", "))) and no such config file")
        }
        if !bSettings.isEmpty, let compare, compare != "strata", EvalCommand.knownModels.contains(compare) {
            throw ValidationError("--b-set: B is \(compare), which has no settings; --b-set changes the strata model")
        }
    }

    func run() throws {
        let loaded = try source.load(progress: progressOptions.readProgress())
        for warning in loaded.warnings { printError(warning) }
        let config = try overrides.config(command: "plot", uses: [.learning])
        // The session is read and checked before anything is drawn or written.
        let reading = try session.map {
            try SessionReading.read($0, dataset: loaded.dataset, requested: config, overridden: overrides.isOverridden,
                                    itemVectors: loaded.itemVectors)
        }
        let svg: String
        switch chart {
        case .ab: svg = try abChart(loaded, config: config)
        case .prequential: svg = try prequentialChart(loaded, config: config)
        case .shares, .weights, .drift: svg = try timeChart(loaded, config: reading?.config ?? config, session: reading)
        }
        try AtomicFileWriter.write(svg, to: output)
        print("wrote \(InputText.escaped(output))" + (reading?.summary ?? ""))
    }

    private func timeChart(_ loaded: LoadedSource, config: ModelConfig, session: SessionReading?) throws -> String {
        let dataset = loaded.dataset
        // A replayer applies the session's decisions where they were made (none without one).
        // No chart reads the running HR@10, so it ranks (almost) no positive: 10 % less time.
        let unread = 1 << 30
        var replayer = session?.replayer(for: dataset, hitRateEvery: unread)
            ?? Replayer(dataset: dataset, config: config, hitRateEvery: unread, keepsCheckpoints: false)
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
        let tops = replayer.model.taxonomy.topLevel
        let recorded = SVGChart.Layout(metadata: ["config": config.settingsRecord].merging(session?.metadata ?? [:]) { $1 }
            .merging(loaded.itemVectorsMetadata) { $1 })
        let stride = max(1, dataset.events.count / 2000)
        var xs: [Double] = []
        var shareRows: [[Double]] = []
        var weightRows: [[Double]] = []
        var cosines: [SVGChart.Point] = []
        while let observation = replayer.step() {
            let position = replayer.position - 1
            if observation.event.user == u {
                xs.append(Double(position))
                shareRows.append(replayer.model.topLevelShares(user: u, tier: tierIndex))
                cosines.append(.init(x: Double(position), y: replayer.model.view(of: u).driftCosine))
            }
            if position % stride == 0 || position == dataset.events.count - 1 { weightRows.append([Double(position)] + replayer.model.weights) }
        }
        let model = replayer.model
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

    /// Model B: a baseline named by `--compare`, or the strata model with the `--compare` file
    /// (else A's config) and `--b-set` on top; its name for legends.
    private func modelB(_ config: ModelConfig) throws -> (model: String, config: ModelConfig, name: String) {
        if let compare, EvalCommand.knownModels.contains(compare), compare != "strata" {
            return (compare, config, "B (\(compare))")
        }
        var base = config
        var described: [String] = []
        if let compare, compare != "strata" {
            base = try ConfigOverrides.load(compare, onto: ModelConfig(), option: "--compare", command: "plot --chart \(chart.rawValue)", uses: [.learning])
            described.append((compare as NSString).lastPathComponent)
        }
        let b = try ConfigOverrides.apply(bSettings, to: base, option: "--b-set", command: "plot --chart \(chart.rawValue)", uses: [.learning])
        described += bSettings
        return ("strata", b, "B (" + (described.isEmpty ? "strata" : described.joined(separator: ", ")) + ")")
    }

    /// A (the base config) and B evaluated on the same positives.
    private func evaluatePair(_ loaded: LoadedSource, config: ModelConfig)
        throws -> (a: (EvaluationReport, [EvaluatedPositive]), b: (EvaluationReport, [EvaluatedPositive]), bName: String, bConfig: ModelConfig?) {
        let b = try modelB(config)
        let total = loaded.dataset.events.count
        let a = try EvalCommand.evaluate("strata", config: config, halfLife: nil, every: every, rule: .standard, loaded: loaded,
                                         progress: progressOptions.reporter("plot: A", total: total))
        let evaluatedB = try EvalCommand.evaluate(b.model, config: b.config, halfLife: nil, every: every, rule: .standard, loaded: loaded,
                                                  progress: progressOptions.reporter("plot: B", total: total))
        return (a, evaluatedB, b.name, b.model == "strata" ? b.config : nil)
    }

    private func metadata(_ config: ModelConfig, _ configB: ModelConfig?, _ loaded: LoadedSource) -> [String: [String: String]] {
        var metadata = ["config": config.settingsRecord].merging(loaded.itemVectorsMetadata) { $1 }
        if let configB { metadata["config_b"] = configB.settingsRecord }
        return metadata
    }

    private func abChart(_ loaded: LoadedSource, config: ModelConfig) throws -> String {
        let pair = try evaluatePair(loaded, config: config)
        let bootstrap = Bootstrap(resamples: resamples, seed: ciSeed, unit: ciUnit == "auto" ? nil : Bootstrap.Unit(rawValue: ciUnit))
        var groups: [SVGChart.BarGroup] = []
        for (name, run) in [("A (base)", pair.a), (pair.bName, pair.b)] {
            let (report, evaluated) = run
            let ci = bootstrap.intervals(of: evaluated)
            groups.append(.init(name: name, values: [report.hitRateAt10, report.ndcgAt10, report.mrr],
                                lower: [ci.hitRateAt10.low, ci.ndcgAt10.low, ci.mrr.low],
                                upper: [ci.hitRateAt10.high, ci.ndcgAt10.high, ci.mrr.high]))
            printError("\(InputText.escaped(name)): HR@10 \(report.hitRateAt10) \(ci.hitRateAt10.pair) NDCG@10 \(report.ndcgAt10) MRR \(report.mrr)")
        }
        let comparison: PairedComparison
        do {
            comparison = try bootstrap.compare(pair.a.1, pair.b.1)
        } catch {
            throw CLIError("--chart ab: \(error)")
        }
        let d = comparison.hitRateAt10
        let notes = [
            "A − B: HR@10 \(Self.signed(d.value)) [\(Self.signed(d.interval.low)), \(Self.signed(d.interval.high))], "
                + "NDCG@10 \(Self.signed(comparison.ndcgAt10.value)), MRR \(Self.signed(comparison.mrr.value)) over \(comparison.evaluated) paired positives",
            "paired bootstrap over \(comparison.clusters) \(comparison.unit == .users ? "users" : "time blocks") (\(comparison.resamples) resamples): "
                + "p \(Self.pValue(d.pBootstrap)); sign test on hits \(comparison.hitsOnlyA):\(comparison.hitsOnlyB), p \(Self.pValue(comparison.hitSignTestP)); "
                + "error bars: 95 % intervals",
        ]
        printError(notes.joined(separator: "\n"))
        return SVGChart.groupedBars(title: "A/B on \(loaded.label) (prequential, every \(every))", yLabel: "value",
                                    categories: ["HR@10", "NDCG@10", "MRR"], groups: groups, notes: notes,
                                    layout: SVGChart.Layout(metadata: metadata(config, pair.bConfig, loaded)))
    }

    private func prequentialChart(_ loaded: LoadedSource, config: ModelConfig) throws -> String {
        let pair = try evaluatePair(loaded, config: config)
        let events = loaded.dataset.events.count
        let size = window ?? max(1, (events + 49) / 50)
        var series: [SVGChart.Series] = []
        for (name, run) in [("A (base)", pair.a), (pair.bName, pair.b)] {
            let windows = WindowMetrics.windows(of: run.1, size: size, events: events)
            // A window with nothing evaluated breaks the line (NaN) rather than reading 0.
            series.append(.init(name: name, points: windows.map { .init(x: Double($0.end), y: $0.hitRateAt10 ?? .nan) }))
        }
        return SVGChart.lines(title: "Prequential HR@10 on \(loaded.label), windows of \(size) events (every \(every))",
                              xLabel: "stream position (end of window)", yLabel: "HR@10 in window", series: series,
                              layout: SVGChart.Layout(metadata: metadata(config, pair.bConfig, loaded)))
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "−") + fixed(abs(value), 4) }

    static func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : "= " + fixed(p, 3) }
}
