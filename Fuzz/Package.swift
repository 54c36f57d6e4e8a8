// swift-tools-version:6.0
// libFuzzer targets for PilotEval. Build and run with Tools/fuzz.sh; see docs/FUZZING.md.
import PackageDescription

let fuzzTarget: (String) -> Target = { name in
  .executableTarget(
    name: name,
    dependencies: [
      .product(name: "PilotEvalXML", package: "PilotEval"),
      .product(name: "PilotEvalCore", package: "PilotEval"),
    ]
  )
}

let package = Package(
  name: "PilotEvalFuzz",
  platforms: [.macOS(.v13)],
  // Named, so the products above resolve whatever the checkout's folder is called
  // (without a name the package is known by its folder: "main" in one checkout, not in another).
  dependencies: [.package(name: "PilotEval", path: "..")],
  targets: ["FuzzRubric", "FuzzSubmission", "FuzzReview", "FuzzScoring", "FuzzXPath"].map(fuzzTarget)
)
