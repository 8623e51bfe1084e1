// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "vinhdanh",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vinhdanh", targets: ["vinhdanh"]),
        .library(name: "VinhDanh", targets: ["VinhDanh"]),
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
        .target(
            name: "VinhDanh",
            dependencies: [
                "CCmarkGFM",
                "CVinhDanhSys",
                "VinhDanhTheme",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        // The preview server (Hummingbird); the CLI's `serve` is a thin call into it.
        .target(
            name: "VinhDanhServer",
            dependencies: [
                "VinhDanh",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The editor's form posts (multipart/form-data, for its photo upload).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "vinhdanh",
            dependencies: [
                "VinhDanh",
                "VinhDanhServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes
            // millions of small strings and tables from many threads, and runs ~9% faster.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "VinhDanhTests",
            dependencies: ["VinhDanh"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "VinhDanhServerTests", dependencies: ["VinhDanhServer"]),
    ],
    swiftLanguageModes: [.v6]
)
