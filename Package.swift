// swift-tools-version:6.1
import PackageDescription

// Dependency arrow: StrataCore ← StrataData, StrataTUI ← strata (Docs/architecture.md).
let package = Package(
    name: "Strata",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "strata", targets: ["strata"]),
        .library(name: "StrataCore", targets: ["StrataCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Config files (`--config FILE`, Docs/research.md design notes).
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "StrataCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: [.define("STRATA_INTERNAL_CHECKS", .when(configuration: .debug))]
        ),
        .target(
            name: "StrataData",
            dependencies: [
                "StrataCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "CNcursesw",
            linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
        ),
        .target(name: "StrataTUI", dependencies: ["StrataCore", "CNcursesw"]),
        // BLAS for the sentence encoder (Debian's libopenblas-dev, Scripts/install-dependencies).
        .target(name: "COpenBLAS", linkerSettings: [.linkedLibrary("openblas")]),
        // The language model: BERT tokenizer, safetensors, encoder, pooling (Docs/language-model.md).
        .target(name: "StrataLanguage", dependencies: ["COpenBLAS"]),
        .executableTarget(
            name: "strata",
            dependencies: [
                "StrataCore", "StrataData", "StrataTUI", "StrataLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "StrataTestSupport",
            dependencies: ["StrataCore", "StrataData"],
            path: "Tests/StrataTestSupport"
        ),
        .testTarget(
            name: "StrataCoreTests",
            dependencies: [
                "StrataCore", "StrataData", "StrataTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "StrataDataTests", dependencies: ["StrataData", "StrataTestSupport"]),
        .testTarget(name: "StrataLanguageTests", dependencies: ["StrataLanguage", "StrataData", "StrataTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "StrataTUITests", dependencies: ["StrataTUI", "StrataTestSupport"], exclude: ["Snapshots/Golden"]),
        .testTarget(name: "StrataEndToEndTests", dependencies: ["StrataCore", "StrataData", "StrataLanguage", "StrataTestSupport"]),
    ]
)
