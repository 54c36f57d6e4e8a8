// swift-tools-version:6.0
// libFuzzer targets for PilotEval. Build and run with Tools/fuzz.sh; see docs/FUZZING.md.
import PackageDescription

let fuzzTarget: (String) -> Target = { name in
  .executableTarget(
    name: name,
    dependencies: [
      .product(name: "PilotEvalXML", package: "main"),
      .product(name: "PilotEvalCore", package: "main"),
    ]
  )
}

let package = Package(
  name: "PilotEvalFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: ["FuzzRubric", "FuzzSubmission", "FuzzReview", "FuzzScoring", "FuzzXPath"].map(fuzzTarget)
)
