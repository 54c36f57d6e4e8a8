// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault")
]

let package = Package(
  name: "PilotEval",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "piloteval", targets: ["piloteval"]),
    .library(name: "PilotEvalCore", targets: ["PilotEvalCore"]),
    .library(name: "PilotEvalXML", targets: ["PilotEvalXML"]),
    .library(name: "PilotEvalReports", targets: ["PilotEvalReports"]),
    .library(name: "PilotEvalHistory", targets: ["PilotEvalHistory"]),
    .library(name: "PilotEvalPortal", targets: ["PilotEvalPortal"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    // The portal's server. Its default traits pull swift-configuration, which the portal does not use.
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    // What Hummingbird builds on, named here because the portal's connection handler uses it directly.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
    .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "PilotEvalCore", swiftSettings: strict),
    .target(name: "PilotEvalXML", dependencies: ["CLibXML2", "PilotEvalCore"], swiftSettings: strict),
    .target(
      name: "PilotEvalReports",
      dependencies: ["PilotEvalCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: strict
    ),
    .target(
      name: "PilotEvalHistory",
      dependencies: ["PilotEvalCore", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict
    ),
    .target(
      name: "PilotEvalPortal",
      dependencies: [
        "PilotEvalCore", "PilotEvalXML", "PilotEvalReports",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      resources: [.copy("Static")],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "piloteval",
      dependencies: [
        "PilotEvalCore", "PilotEvalXML", "PilotEvalReports", "PilotEvalHistory", "PilotEvalPortal",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    // What only tests use (HTMLInspector, golden files): no product names it, so it never ships.
    .target(
      name: "PilotEvalTestSupport",
      dependencies: ["CLibXML2"],
      path: "Tests/TestSupport",
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalCoreTests",
      dependencies: ["PilotEvalCore", "PilotEvalTestSupport"],
      exclude: ["Analysis/Fixtures", "Analysis/Golden"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalXMLTests",
      dependencies: ["PilotEvalXML", "PilotEvalCore"],
      resources: [.copy("Fixtures")],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalReportsTests",
      dependencies: [
        "PilotEvalReports", "PilotEvalCore", "PilotEvalTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Charts/Golden"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalHistoryTests",
      dependencies: ["PilotEvalHistory", "PilotEvalCore", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalPortalTests",
      dependencies: [
        "PilotEvalPortal", "PilotEvalCore", "PilotEvalXML", "PilotEvalReports",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "pilotevalTests",
      dependencies: ["piloteval", "PilotEvalTestSupport"],
      swiftSettings: strict
    ),
  ]
)
