// swift-tools-version:6.1
// The memory-growth check (BENCHMARKS.md, "Memory across repeated runs"), kept out of the
// product package as Fuzz/ is. From the repository's root:
//
//   swift run -c release --package-path Benchmarks/GrowthCheck piloteval-growth RUBRIC REVIEWS SUBMISSIONS [PASSES]
import PackageDescription

let package = Package(
  name: "PilotEvalGrowthCheck",
  platforms: [.macOS(.v13)],
  // Named, so the products below resolve whatever the checkout's folder is called.
  dependencies: [.package(name: "PilotEval", path: "../..")],
  targets: [
    .executableTarget(
      name: "piloteval-growth",
      dependencies: [
        .product(name: "PilotEvalCore", package: "PilotEval"),
        .product(name: "PilotEvalXML", package: "PilotEval"),
        .product(name: "PilotEvalReports", package: "PilotEval"),
      ],
      swiftSettings: [.enableUpcomingFeature("InternalImportsByDefault")]
    )
  ]
)
