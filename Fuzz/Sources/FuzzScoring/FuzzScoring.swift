import Glibc
// libFuzzer target: score one submission with up to five reviews and analyse the round.
//
// The input is split on the separator "\n<!--FUZZ-SPLIT-->\n": the first part is a
// submission, the next (at most five) are reviews; all are read against the fixed rubric
// Rubrics/jgsw-pilot.xml (PILOTEVAL_FUZZ_RUBRIC overrides it), then scored with RoundBuilder
// and analysed with RoundAnalysis (5 robustness draws).
import PilotEvalCore
import PilotEvalXML

private let rubric: Rubric = {
  let path = rubricPath()
  switch RubricReader.load(path: path) {
  case .success(let loaded): return loaded.rubric
  case .failure(let refusal): fatalError("cannot load \(path): \(refusal.diagnostics)")
  }
}()
private let submissions = SubmissionReader(rubric: rubric)
private let reviewReader = ReviewReader()
/// Set PILOTEVAL_FUZZ_VERBOSE=1 to print what each input produced (for checking seeds).
private let verbose = getenv("PILOTEVAL_FUZZ_VERBOSE") != nil
private let separator = Array("\n<!--FUZZ-SPLIT-->\n".utf8)

/// Splits `bytes` on `separator` into at most `limit` parts; the last part keeps any further separators.
private func split(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [[UInt8]] {
  var parts: [[UInt8]] = []
  var start = 0
  var i = 0
  let n = bytes.count, m = separator.count
  while i + m <= n && parts.count < limit - 1 {
    var match = true
    for j in 0..<m where bytes[i + j] != separator[j] {
      match = false
      break
    }
    if match {
      parts.append(Array(bytes[start..<i]))
      i += m
      start = i
    } else {
      i += 1
    }
  }
  if parts.count < limit { parts.append(Array(bytes[start..<n])) }
  return parts
}

/// The rubric: $PILOTEVAL_FUZZ_RUBRIC, or else Rubrics/jgsw-pilot.xml of the checkout this
/// file was compiled from (#filePath is …/Fuzz/Sources/<target>/<target>.swift).
private func rubricPath() -> String {
  if let path = getenv("PILOTEVAL_FUZZ_RUBRIC") { return String(cString: path) }
  let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(4).joined(separator: "/")
  return root + "/Rubrics/jgsw-pilot.xml"
}

/// libFuzzer calls this with each input; a crash or sanitizer report is a finding, the return value is ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let parts = split(UnsafeBufferPointer(start: data, count: size), limit: 6)
  let submission = submissions.read(bytes: parts[0], file: "fuzz-submission.xml")
  let reviews = parts.dropFirst().enumerated().map { index, part in
    reviewReader.read(bytes: part, file: "fuzz-review-\(index + 1).xml")
  }
  var builder = RoundBuilder(rubric: rubric, round: nil, reviews: reviews)
  _ = builder.add(submission)
  let result = builder.finish()
  let analysis = RoundAnalysis(result, options: AnalysisOptions(robustness: RobustnessOptions(draws: 5)))
  if verbose {
    print(
      "submission errors: \(submission.errors.count), review errors: \(reviews.map(\.errors.count)),",
      "scorecards: \(result.scorecards.count), reviews applied: \(result.reviewsApplied),",
      "rejected: \(result.rejected.count), exemplars: \(analysis.exemplars.exemplars.count)")
  }
  return 0
}
