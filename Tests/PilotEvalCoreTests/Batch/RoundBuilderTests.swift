import PilotEvalCore
import Testing

/// SPEC §2, §3 and §4 rules of a run: which files are accepted, and that every file is accounted for.
@Suite("§4 a run: round, duplicates, reviews, accounting")
struct RoundBuilderTests {
  private let rubric = Rubric.make([.abc("C1", points: 100)])

  private func file(
    _ path: String, unit: String = "U1", round: String = "R1", level: String = "A"
  ) -> LoadedFile<Submission> {
    LoadedFile(file: path, value: .make(unit: unit, round: round, [Response(criterion: "C1", level: level)]))
  }

  private func reviewFile(_ path: String, _ review: Review) -> LoadedFile<Review> {
    LoadedFile(file: path, value: review)
  }

  /// Adds `files` in the order given (the caller's path byte order) and finishes the run.
  private func run(
    _ files: [LoadedFile<Submission>], round: String? = nil, reviews: [LoadedFile<Review>] = []
  ) -> RoundResult {
    var builder = RoundBuilder(rubric: rubric, round: round, reviews: reviews)
    for file in files { builder.add(file) }
    return builder.finish()
  }

  private func rejectedFiles(_ result: RoundResult) -> [String] { result.rejected.map(\.file) }

  // MARK: - Round

  @Test("by default the run's round is the round of the first accepted submission")
  func defaultRound() {
    var wrongRubric = file("a.xml", unit: "U0", round: "R0")
    wrongRubric.value?.rubricID = "other"
    let result = run([wrongRubric, file("b.xml", unit: "U1", round: "R1"), file("c.xml", unit: "U2", round: "R2")])
    #expect(result.round == "R1")
    #expect(result.scorecards.map(\.file) == ["b.xml"])
    #expect(rejectedFiles(result) == ["a.xml", "c.xml"])
  }

  @Test("a submission of another round than the run's is rejected")
  func otherRoundRejected() {
    let result = run([file("a.xml", unit: "U1", round: "R1"), file("b.xml", unit: "U2", round: "R2")], round: "R2")
    #expect(result.round == "R2")
    #expect(result.scorecards.map(\.unit.id) == ["U2"])
    #expect(rejectedFiles(result) == ["a.xml"])
    #expect(result.rejected.first?.errors.first?.message.contains("round R1") == true)
  }

  @Test("a file that could not be read is rejected and does not set the round")
  func unreadableFirst() {
    let unreadable = LoadedFile<Submission>(file: "a.xml", errors: [.error(Message(.inputCannotRead, "gone"))])
    let result = run([unreadable, file("b.xml", round: "R7")])
    #expect(result.round == "R7")
    #expect(rejectedFiles(result) == ["a.xml"])
  }

  // MARK: - Duplicates

  @Test("a later file holding an accepted unit and round is rejected; the first in path order wins")
  func duplicateUnit() {
    let result = run([file("a/x.xml", level: "A"), file("b/x.xml", level: "C")])
    #expect(result.scorecards.map(\.file) == ["a/x.xml"])
    #expect(result.scorecards.first?.score == 100)
    #expect(rejectedFiles(result) == ["b/x.xml"])
    #expect(result.rejected.first?.errors.first?.message.contains("a/x.xml") == true)
  }

  @Test("canonically equivalent unit ids are the same unit (docs/DECISIONS.md): the later file is a duplicate")
  func duplicateByCanonicalEquivalence() {
    // "\u{E9}" (é, NFC) and "e\u{301}" (e + combining acute, NFD) look the same to every reader;
    // treating them as two units would let one office submit twice under a visually identical id.
    let result = run([file("a.xml", unit: "\u{E9}"), file("b.xml", unit: "e\u{301}")])
    #expect(result.scorecards.map(\.file) == ["a.xml"])
    #expect(rejectedFiles(result) == ["b.xml"])
  }

  @Test("a rejected earlier file does not make a later one a duplicate")
  func duplicateOfRejected() {
    let bad = LoadedFile(file: "a.xml", value: Submission.make([Response(criterion: "C1", level: "Z")]))
    let result = run([bad, file("b.xml")])
    #expect(result.scorecards.map(\.file) == ["b.xml"])
    #expect(rejectedFiles(result) == ["a.xml"])
  }

  @Test("a submission that breaks a rule is rejected and the batch goes on with the others")
  func checkerErrorsReject() {
    let bad = LoadedFile(file: "b.xml", value: Submission.make(unit: "U2", [Response(criterion: "C9")]))
    let result = run([file("a.xml"), bad])
    #expect(result.scorecards.map(\.unit.id) == ["U1"])
    #expect(result.rejected.map(\.kind) == [.submission])
  }

  // MARK: - Reviews

  @Test("a review is applied to the accepted submission with its unit and round")
  func reviewApplied() {
    let review = reviewFile("r/e1.xml", .by("E1", scores: [ScoreChange(criterion: "C1", level: "B")]))
    let result = run([file("a.xml")], reviews: [review])
    #expect(result.scorecards.first?.score == 50)
    #expect(result.scorecards.first?.reviewers == ["E1"])
    #expect(result.reviewsApplied == 1)
    #expect(result.rejected.isEmpty)
  }

  @Test("a review with no accepted submission of its unit and round is rejected")
  func reviewWithoutSubmission() {
    let result = run(
      [file("a.xml", unit: "U1", round: "R1")],
      reviews: [reviewFile("r/1.xml", .by("E1", of: "U9")), reviewFile("r/2.xml", .by("E1", of: "U1", round: "R2"))])
    #expect(rejectedFiles(result) == ["r/1.xml", "r/2.xml"])
    #expect(result.rejected.allSatisfy { $0.kind == .review })
    #expect(result.scorecards.first?.reviewers == [])
  }

  @Test("a review of a rejected submission is rejected")
  func reviewOfRejectedSubmission() {
    let bad = LoadedFile(file: "a.xml", value: Submission.make([Response(criterion: "C9")]))
    let result = run([bad], reviews: [reviewFile("r/1.xml", .by("E1"))])
    #expect(rejectedFiles(result) == ["a.xml", "r/1.xml"])
  }

  @Test("the same reviewer twice for one unit: the later review in path order is rejected")
  func duplicateReviewer() {
    let result = run(
      [file("a.xml")],
      reviews: [
        reviewFile("r/1.xml", .by("E1", scores: [ScoreChange(criterion: "C1", level: "B")])),
        reviewFile("r/2.xml", .by("E1", scores: [ScoreChange(criterion: "C1", level: "C")])),
      ])
    #expect(result.scorecards.first?.score == 50)  // only r/1.xml's B counts
    #expect(rejectedFiles(result) == ["r/2.xml"])
    #expect(result.rejected.first?.errors.first?.message.contains("r/1.xml") == true)
  }

  @Test("one reviewer may review several units")
  func reviewerSeveralUnits() {
    let result = run(
      [file("a.xml", unit: "U1"), file("b.xml", unit: "U2")],
      reviews: [reviewFile("r/1.xml", .by("E1", of: "U1")), reviewFile("r/2.xml", .by("E1", of: "U2"))])
    #expect(result.rejected.isEmpty)
    #expect(result.reviewsApplied == 2)
  }

  @Test("a review the checker rejects is not an accepted review: the same reviewer's next one counts")
  func rejectedReviewDoesNotBlock() {
    let result = run(
      [file("a.xml")],
      reviews: [
        reviewFile("r/1.xml", .by("E1", scores: [ScoreChange(criterion: "C1", level: "Z")])),
        reviewFile("r/2.xml", .by("E1", scores: [ScoreChange(criterion: "C1", level: "C")])),
      ])
    #expect(rejectedFiles(result) == ["r/1.xml"])
    #expect(result.scorecards.first?.score == 0)
  }

  @Test("an unreadable review is rejected with its reasons")
  func unreadableReview() {
    let result = run(
      [file("a.xml")], reviews: [LoadedFile(file: "r/1.xml", errors: [.error(Message(.xmlNotWellFormed))])])
    #expect(rejectedFiles(result) == ["r/1.xml"])
    #expect(result.rejected.first?.errors.map(\.message) == ["not well-formed XML"])
  }

  @Test("all accepted submissions of the run are ranked together")
  func rankedTogether() {
    let result = run([file("a.xml", unit: "U1", level: "B"), file("b.xml", unit: "U2", level: "A")])
    #expect(result.ranked().map(\.scorecard.unit.id) == ["U2", "U1"])  // 100, then 50
    #expect(result.ranked().map(\.rank) == [1, 2])
  }

  // MARK: - Accounting

  @Test("every submission file is accounted for: seen = scored + rejected; rejected in path byte order")
  func everyFileAccountedFor() {
    var wrongRubric = file("c.xml", unit: "U3")
    wrongRubric.value?.rubricVersion = "9"
    let files = [
      file("a.xml", unit: "U1"), file("b.xml", unit: "U1"), wrongRubric,
      LoadedFile<Submission>(file: "d.xml", errors: [.error(Message(.xmlEmpty))]),
      file("e.xml", unit: "U5", round: "R2"),
      file("f.xml", unit: "U6"),
    ]
    let result = run(
      files, reviews: [reviewFile("Z.xml", .by("E1", of: "U9")), reviewFile("r.xml", .by("E1", of: "U6"))])
    let summary = result.summary
    #expect(result.submissionsSeen == 6)
    #expect(summary.submissions == summary.scored + summary.rejectedSubmissions)
    #expect(summary.scored == 2)
    #expect(summary.rejectedSubmissions == 4)
    #expect(summary.reviewsApplied == 1)
    #expect(summary.rejectedReviews == 1)
    // 'Z' (0x5A) sorts before 'b' (0x62).
    #expect(rejectedFiles(result) == ["Z.xml", "b.xml", "c.xml", "d.xml", "e.xml"])
  }
}
