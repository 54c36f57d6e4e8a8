import Glibc
// libFuzzer target: random rubric XPath × random submissions (issue 12).
//
// The input is split on the separator "\n<!--FUZZ-SPLIT-->\n": the first part holds up to
// three XPath expressions, one per line; the rest is a submission. The expressions become a
// measure, a veto select and a deduction select of a small rubric (prefix `s` bound to the
// submission namespace). A rubric that is refused (the expression does not compile, names a
// variable, fails on the blank submission) ends the input. Otherwise the submission, and a fixed
// submission with 8,000 elements in <data>, are read and their XPath evaluated with the real
// operation bound, and the target traps when
//   - one read takes more CPU time than the bound allows (a hang past the bound),
//   - a measured value is ±∞, or a deduction count is not a finite number in 0…10^12,
//   - an XPath error is neither a rejection nor a stop of the run.
import PilotEvalCore
import PilotEvalXML

private let separator = Array("\n<!--FUZZ-SPLIT-->\n".utf8)
/// Set PILOTEVAL_FUZZ_VERBOSE=1 to print what each input produced (for checking seeds).
private let verbose = getenv("PILOTEVAL_FUZZ_VERBOSE") != nil
/// The most CPU time one read may take: three evaluations at the bound (about 0.6 s each
/// without a sanitizer, a few times that under AddressSanitizer) and the parse, with room to
/// spare. CPU time, not wall-clock time: the fuzzer runs at low priority beside other builds.
private let readLimit = 30.0

/// The CPU time this process has used, in seconds.
private func processSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// The first `separator`-delimited part of `bytes` and the rest.
private func split(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt8], [UInt8]) {
  let n = bytes.count
  let m = separator.count
  var i = 0
  while i + m <= n {
    if (0..<m).allSatisfy({ bytes[i + $0] == separator[$0] }) {
      return (Array(bytes[0..<i]), Array(bytes[(i + m)..<n]))
    }
    i += 1
  }
  return (Array(bytes), [])
}

/// `text` escaped for a double-quoted attribute.
private func attribute(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case "\"": result += "&quot;"
    case "\n", "\r", "\t": result += " "
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result
}

/// A rubric whose measure, veto and deduction are the given expressions (missing ones left out).
private func rubric(_ expressions: [String]) -> String {
  func at(_ index: Int) -> String? { index < expressions.count ? attribute(expressions[index]) : nil }
  return """
    <rubric xmlns="urn:piloteval:rubric:1" id="fuzz" version="1">
      <namespace prefix="s" uri="urn:piloteval:submission:1"/>
      <tiers><tier id="pass" min="1">合格</tier><tier id="fail" min="0">不合格</tier></tiers>
      <section id="S1" title="一">
        <criterion id="C1" title="指标" points="4">
          <bands><band min="0" points="4"/></bands>
          \(at(0).map { "<measure select=\"\($0)\"/>" } ?? "")
        </criterion>
      </section>
      <vetoes>\(at(1).map { "<veto id=\"V1\" title=\"否决\" select=\"\($0)\"/>" } ?? "")</vetoes>
      <deductions>\(at(2).map { "<deduction id=\"D1\" title=\"扣分\" points=\"1\" select=\"\($0)\"/>" } ?? "")</deductions>
    </rubric>
    """
}

/// A valid submission with 8,000 small elements in `<data>` (about 220 KB): every accepted
/// rubric is also evaluated on it, so that expressions the fuzzer makes quadratic reach the
/// operation bound (the fuzzed documents are too small to).
private let large: [UInt8] = Array(
  """
  <submission xmlns="urn:piloteval:submission:1" rubric="fuzz" rubric-version="1">
    <unit id="LARGE">大文件</unit><round id="R1"/>
    <data>\(String(repeating: #"<m v="1"><x a="2">t</x></m>"#, count: 8_000))</data>
  </submission>
  """.utf8)

/// Reads `document` with `reader`, trapping when the read breaks an invariant of the bound.
private func check(_ reader: SubmissionReader, _ document: [UInt8], expressions: [String]) -> LoadedFile<Submission> {
  let start = processSeconds()
  let read = reader.read(bytes: document, file: "fuzz-submission.xml")
  let elapsed = processSeconds() - start
  if elapsed > readLimit {
    fatalError("one read took \(elapsed) s of CPU, past the operation bound: \(expressions)")
  }
  if read.value == nil && read.errors.isEmpty { fatalError("rejected without a reason") }
  if let submission = read.value {
    for value in submission.derived.measured.values where value.isInfinite {
      fatalError("a measure gave ±∞: \(expressions)")
    }
    for count in submission.derived.deductionCounts.values where !(count >= 0 && count <= numberMagnitudeLimit) {
      fatalError("a deduction count of \(count): \(expressions)")
    }
  }
  if verbose {
    print(
      "expressions: \(expressions.count), bytes: \(document.count), accepted: \(read.value != nil),",
      "stops run: \(read.stopsRun != nil), errors: \(read.errors.map(\.message)), took \(elapsed) s of CPU")
  }
  return read
}

/// libFuzzer calls this with each input; a crash or sanitizer report is a finding, the return value is ignored.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let (head, document) = split(UnsafeBufferPointer(start: data, count: size))
  let expressions = String(decoding: head, as: UTF8.self).split(separator: "\n").prefix(3).map(String.init)
  guard !expressions.isEmpty, case .success(let loaded) = RubricReader.load(
    bytes: Array(rubric(expressions).utf8), file: "fuzz-rubric.xml")
  else { return 0 }
  let reader = SubmissionReader(rubric: loaded.rubric)
  _ = check(reader, document, expressions: expressions)
  _ = check(reader, large, expressions: expressions)
  return 0
}
