// swift-tools-version:6.0
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
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
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
    .executableTarget(
      name: "piloteval",
      dependencies: [
        "PilotEvalCore", "PilotEvalXML", "PilotEvalReports", "PilotEvalHistory",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "piloteval-growth",
      dependencies: ["PilotEvalCore", "PilotEvalXML", "PilotEvalReports"],
      path: "Benchmarks/GrowthCheck",
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalCoreTests",
      dependencies: ["PilotEvalCore"],
      exclude: ["Analysis/Fixtures"],
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
        "PilotEvalReports", "PilotEvalCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "PilotEvalHistoryTests",
      dependencies: ["PilotEvalHistory", "PilotEvalCore", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strict
    ),
    .testTarget(
      name: "pilotevalTests",
      dependencies: ["piloteval", "PilotEvalXML"],
      swiftSettings: strict
    ),
  ]
)
