/// Read throughput on one dataset, for `strata bench` (benchmarks are never tests).
public struct ReadBenchmark: Sendable, Codable {
    public var path: String
    public var lines: Int
    public var bytes: Int
    public var events: Int
    /// Best time to scan the event file: read, split lines, check UTF-8, split fields and parse
    /// every numeric field, without building a dataset.
    public var scanSeconds: Double
    /// Best time to load the whole dataset (items, events, stable sort, users).
    public var loadSeconds: Double
    public var repetitions: Int

    public var scanLinesPerSecond: Double { Double(lines) / max(scanSeconds, 1e-9) }
    public var scanMegabytesPerSecond: Double { Double(bytes) / 1_048_576 / max(scanSeconds, 1e-9) }
    public var loadEventsPerSecond: Double { Double(events) / max(loadSeconds, 1e-9) }
}

extension DatasetLoader {
    /// Times scanning and loading the dataset at `path`, best of `repetitions` runs each.
    public static func benchmarkRead(at path: String, repetitions: Int = 5) throws -> ReadBenchmark {
        let files = try detect(at: path)
        let clock = ContinuousClock()
        var bestScan = Double.infinity
        var bestLoad = Double.infinity
        var lines = 0
        var bytes = 0
        var events = 0
        for _ in 0..<max(1, repetitions) {
            let scanStart = clock.now
            (lines, bytes) = try scan(files.events, separator: files.format.fieldSeparator)
            bestScan = min(bestScan, ReadBenchmark.seconds(clock.now - scanStart))
            let loadStart = clock.now
            events = try load(files).dataset.events.count
            bestLoad = min(bestLoad, ReadBenchmark.seconds(clock.now - loadStart))
        }
        return ReadBenchmark(path: files.events, lines: lines, bytes: bytes, events: events,
                             scanSeconds: bestScan, loadSeconds: bestLoad, repetitions: max(1, repetitions))
    }

    /// Reads every line and parses every field that looks numeric; returns lines and bytes.
    static func scan(_ path: String, separator: UInt8) throws -> (Int, Int) {
        let reader = try LineReader(path: path)
        var fields: [Range<Int>] = []
        var checksum = 0.0
        try reader.forEachLine({ line in
            FieldSplitter.split(line.bytes, on: separator, into: &fields)
            for field in fields {
                if let value = NumberParsing.double(line.slice(field)) { checksum += value }
            }
        }, problem: { _ in })
        // Keeps the parsing from being optimised away.
        if checksum.isNaN { return (0, 0) }
        return (reader.linesRead, reader.bytesRead)
    }
}

/// Streaming `validate` on one file, for `strata bench`.
public struct ValidateBenchmark: Sendable {
    public var lines: Int
    /// Best of the repetitions.
    public var seconds: Double
    /// What the validator held for ids (`ValidationReport.idStateBytes`).
    public var idStateBytes: Int

    public var linesPerSecond: Double { Double(lines) / max(seconds, 1e-9) }
}

extension DatasetLoader {
    /// Times `validate(at:)` on `path`, best of `repetitions` runs.
    public static func benchmarkValidate(at path: String, repetitions: Int = 3) -> ValidateBenchmark {
        let clock = ContinuousClock()
        var best = Double.infinity
        var report = ValidationReport()
        for _ in 0..<max(1, repetitions) {
            let start = clock.now
            report = validate(at: path)
            best = min(best, ReadBenchmark.seconds(clock.now - start))
        }
        return ValidateBenchmark(lines: report.linesRead, seconds: best, idStateBytes: report.idStateBytes)
    }
}

extension DatasetFormat {
    var fieldSeparator: UInt8 {
        switch self {
        case .recBoleAtomic, .movieLens100k: return 0x09
        case .movieLensDat: return 0x3A
        default: return 0x2C
        }
    }
}

extension ReadBenchmark {
    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
