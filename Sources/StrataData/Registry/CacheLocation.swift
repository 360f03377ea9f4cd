import Foundation

/// Where Strata keeps fetched datasets: `$STRATA_CACHE_DIR`, else `$XDG_CACHE_HOME/strata`,
/// else `~/.cache/strata`. Datasets live in `datasets/NAME/` below it, never in the repository.
public enum CacheLocation {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["STRATA_CACHE_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("strata") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".cache/strata")
    }
}
