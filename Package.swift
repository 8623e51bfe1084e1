// swift-tools-version: 6.1
import PackageDescription

/// The stages of the library, in pipeline order: each is the target `VinhDanh<Stage>` at
/// `Sources/VinhDanh/<Stage>`.
let stages = ["Text", "Support", "Config", "Vocabulary", "Content", "Markdown", "Index", "Render", "Output", "Build",
              "Editing", "Publish"]

/// Settings of every Swift target of ours. Release builds optimise across modules, so that
/// the generics and small functions of one stage are still specialised and inlined in the
/// later ones, as they were when the library was one module.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
]

let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let mustache: Target.Dependency = .product(name: "Mustache", package: "swift-mustache")

/// The target of one stage.
func stage(_ name: String, dependencies: [Target.Dependency]) -> Target {
    .target(name: "VinhDanh" + name, dependencies: dependencies, path: "Sources/VinhDanh/" + name, swiftSettings: swiftSettings)
}

let package = Package(
    name: "vinhdanh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vinhdanh", targets: ["vinhdanh"]),
        .library(name: "VinhDanh", targets: stages.map { "VinhDanh" + $0 }),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev + libcmark-gfm-extensions-dev; only Markdown/ imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Small C shims: renameat2 (not in Swift's Glibc overlay), ICU collation keys
        // (Debian's libicu-dev; Foundation's locale compare is not a consistent order) and
        // XXH3 content hashes of output files (Debian's libxxhash-dev).
        .target(
            name: "CVinhDanhSys",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("xxhash")]
        ),
        // The default theme, shipped beside the binary as a resource bundle so that
        // `vinhdanh` finds it when run from any directory.
        .target(
            name: "VinhDanhTheme",
            path: "theme",
            exclude: ["README.md"],
            sources: ["Theme.swift"],
            resources: [.copy("layouts"), .copy("partials"), .copy("assets"), .copy("archetypes"), .copy("strings.yaml")]
        ),
        // The library, one target per stage of the pipeline (Sources/VinhDanh/<Stage>). A
        // stage depends only on the stages before it, so the compiler keeps the flow one-way:
        // Text, Support, Config, Vocabulary, Content, Markdown, Index, Render, Output, Build,
        // then Editing and Publish (docs/architecture.md).
        stage("Text", dependencies: ["CVinhDanhSys"]),
        stage("Support", dependencies: ["VinhDanhText", "CVinhDanhSys", yams]),
        stage("Config", dependencies: ["VinhDanhSupport", "VinhDanhText", yams]),
        stage("Vocabulary", dependencies: ["VinhDanhSupport", "VinhDanhText", "VinhDanhConfig", yams]),
        stage("Content", dependencies: ["VinhDanhSupport", "VinhDanhText", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhTheme", yams]),
        stage("Markdown", dependencies: ["VinhDanhSupport", "VinhDanhText", "CCmarkGFM"]),
        stage("Index", dependencies: ["VinhDanhSupport", "VinhDanhText", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent"]),
        stage("Render", dependencies: ["VinhDanhSupport", "VinhDanhText", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent",
                                       "VinhDanhMarkdown", "VinhDanhIndex", "VinhDanhTheme", mustache]),
        stage("Output", dependencies: ["VinhDanhSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        stage("Build", dependencies: ["VinhDanhSupport", "VinhDanhConfig", "VinhDanhContent", "VinhDanhIndex", "VinhDanhRender",
                                      "VinhDanhOutput"]),
        stage("Editing", dependencies: ["VinhDanhSupport", "VinhDanhText", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent",
                                        "VinhDanhOutput", mustache, .product(name: "SwiftCSV", package: "SwiftCSV")]),
        stage("Publish", dependencies: ["VinhDanhSupport"]),
        // The preview server (Hummingbird); the CLI's `serve` is a thin call into it.
        .target(
            name: "VinhDanhServer",
            dependencies: [
                "VinhDanhText", "VinhDanhSupport", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent", "VinhDanhMarkdown",
                "VinhDanhRender", "VinhDanhBuild", "VinhDanhEditing",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The editor's form posts (multipart/form-data, for its photo upload).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "vinhdanh",
            dependencies: [
                "VinhDanhText", "VinhDanhSupport", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent", "VinhDanhMarkdown", "VinhDanhRender",
                "VinhDanhOutput", "VinhDanhBuild", "VinhDanhEditing", "VinhDanhPublish",
                "VinhDanhServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes
            // millions of small strings and tables from many threads, and runs ~9% faster.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // Unit tests beside the stage they test (Tests/VinhDanh<Stage>Tests); the tests that
        // build whole sites are the Build stage's, those that run the binary the CLI's.
        .target(
            name: "VinhDanhTestSupport",
            dependencies: ["VinhDanhVocabulary", "VinhDanhConfig", "VinhDanhContent", "VinhDanhBuild"],
            path: "Tests/VinhDanhTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "VinhDanhTextTests", dependencies: ["VinhDanhText"]),
        .testTarget(name: "VinhDanhSupportTests", dependencies: ["VinhDanhSupport"]),
        .testTarget(name: "VinhDanhVocabularyTests", dependencies: ["VinhDanhVocabulary", "VinhDanhTestSupport"]),
        .testTarget(name: "VinhDanhContentTests", dependencies: ["VinhDanhSupport", "VinhDanhContent", "VinhDanhTestSupport"]),
        .testTarget(name: "VinhDanhMarkdownTests", dependencies: ["VinhDanhSupport", "VinhDanhMarkdown"]),
        .testTarget(
            name: "VinhDanhIndexTests",
            dependencies: ["VinhDanhText", "VinhDanhSupport", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent", "VinhDanhIndex",
                           "VinhDanhTestSupport"]
        ),
        .testTarget(
            name: "VinhDanhRenderTests",
            dependencies: ["VinhDanhConfig", "VinhDanhContent", "VinhDanhIndex", "VinhDanhRender", "VinhDanhTestSupport"]
        ),
        .testTarget(
            name: "VinhDanhBuildTests",
            dependencies: ["VinhDanhText", "VinhDanhSupport", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent", "VinhDanhIndex",
                           "VinhDanhRender", "VinhDanhOutput", "VinhDanhBuild", "VinhDanhTestSupport", yams]
        ),
        .testTarget(
            name: "VinhDanhEditingTests",
            dependencies: ["VinhDanhSupport", "VinhDanhConfig", "VinhDanhVocabulary", "VinhDanhContent", "VinhDanhRender", "VinhDanhEditing",
                           "VinhDanhTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "VinhDanhPublishTests",
            dependencies: ["VinhDanhSupport", "VinhDanhConfig", "VinhDanhOutput", "VinhDanhBuild", "VinhDanhPublish", "VinhDanhTestSupport"]
        ),
        .testTarget(name: "vinhdanhTests", dependencies: ["VinhDanhSupport", "VinhDanhBuild", "VinhDanhTestSupport"]),
        .testTarget(name: "VinhDanhServerTests", dependencies: ["VinhDanhServer"]),
    ],
    swiftLanguageModes: [.v6]
)
