/// What every scorecard of one rubric shares about its criteria: ids, full
/// points, level codes and item ids. Built once per rubric.
final class CriterionLayout: Sendable {
  let ids: [String]
  let maxima: [Double]
  let levelCodes: [[String]]
  let itemIDs: [[String]]
  let isJudgement: [Bool]

  init(rubric: Rubric) {
    isJudgement = rubric.criteria.map { criterion in
      if case .judgement = criterion.method { return true }
      return false
    }
    ids = rubric.criteria.map(\.id)
    maxima = rubric.criteria.map(\.points)
    levelCodes = rubric.criteria.map { criterion in
      if case .levels(let levels) = criterion.method { return levels.map(\.code) }
      return []
    }
    itemIDs = rubric.criteria.map { criterion in
      if case .checklist(let items) = criterion.method { return items.map(\.id) }
      return []
    }
  }
}

/// The per-criterion results of one scorecard, in rubric order.
///
/// Each element is a `CriterionResult`. They are stored column by column
/// (points, statuses, a criterion × reviewer matrix, packed answers), so that
/// a round of 100,000 units keeps its scorecards in a few hundred megabytes.
public struct CriterionResults: RandomAccessCollection, Sendable {
  private let layout: CriterionLayout
  /// Reviewer ids, in the order of each result's `reviews`.
  public let reviewerIDs: [String]
  private var points: [Double] = []
  private var selfPoints: [Double] = []
  private var statuses: [UInt8] = []
  private var reviewerPoints: [Double] = []
  private var reviewerStatuses: [UInt8] = []
  private var answerNumbers: [Double] = []
  private var answerChoices: [UInt64] = []
  private var answerEvidence: [Double] = []
  private var overflowChecks: [Int: [String]] = [:]

  private static let noChoice = UInt64.max

  init(layout: CriterionLayout, reviewerIDs: [String]) {
    self.layout = layout
    self.reviewerIDs = reviewerIDs
    let count = layout.ids.count
    points.reserveCapacity(count)
    selfPoints.reserveCapacity(count)
    statuses.reserveCapacity(count)
    reviewerPoints.reserveCapacity(count * reviewerIDs.count)
    reviewerStatuses.reserveCapacity(count * reviewerIDs.count)
    answerNumbers.reserveCapacity(count)
    answerChoices.reserveCapacity(count)
    answerEvidence.reserveCapacity(count)
  }

  /// Appends the next criterion's result; `views` holds one entry per reviewer, in `reviewerIDs` order.
  mutating func append(
    points: Double, selfPoints: Double, status: CriterionStatus, selfStatus: CriterionStatus, selfAnswer: Answer,
    views: [(points: Double, status: CriterionStatus, changed: Bool)]
  ) {
    let index = self.points.count
    self.points.append(points)
    self.selfPoints.append(selfPoints)
    statuses.append(status.code | selfStatus.code << 4)
    for view in views {
      reviewerPoints.append(view.points)
      reviewerStatuses.append(view.status.code | (view.changed ? 0x80 : 0))
    }
    answerNumbers.append(selfAnswer.value ?? selfAnswer.points ?? .nan)
    answerEvidence.append(selfAnswer.evidence)
    answerChoices.append(pack(selfAnswer, criterion: index))
  }

  // MARK: - Collection

  /// The first position.
  public var startIndex: Int { 0 }
  /// One past the last position.
  public var endIndex: Int { points.count }

  /// The result of the criterion at `index` (rubric order).
  public subscript(index: Int) -> CriterionResult {
    let reviewers = reviewerIDs.count
    let code = statuses[index]
    return CriterionResult(
      id: layout.ids[index], max: layout.maxima[index], points: points[index], selfPoints: selfPoints[index],
      status: CriterionStatus(code: code & 0x0F), selfStatus: CriterionStatus(code: code >> 4),
      selfAnswer: unpack(index),
      reviews: (0..<reviewers).map { reviewer in
        let position = index * reviewers + reviewer
        let viewCode = reviewerStatuses[position]
        return ReviewerView(
          reviewer: reviewerIDs[reviewer], points: reviewerPoints[position],
          status: CriterionStatus(code: viewCode & 0x0F), changed: viewCode & 0x80 != 0)
      })
  }

  /// The id of the criterion at `index`.
  public func id(at index: Int) -> String { layout.ids[index] }
  /// The full points of the criterion at `index`.
  public func max(at index: Int) -> Double { layout.maxima[index] }
  /// Verified points of the criterion at `index`, without building the whole result.
  public func points(at index: Int) -> Double { points[index] }
  /// Self points of the criterion at `index`.
  public func selfPoints(at index: Int) -> Double { selfPoints[index] }
  /// The verified status of the criterion at `index`.
  public func status(at index: Int) -> CriterionStatus { CriterionStatus(code: statuses[index] & 0x0F) }
  /// The self status of the criterion at `index`.
  public func selfStatus(at index: Int) -> CriterionStatus { CriterionStatus(code: statuses[index] >> 4) }

  /// Reviewer `reviewer`'s points for the criterion at `index`.
  public func reviewerPoints(criterion index: Int, reviewer: Int) -> Double {
    reviewerPoints[index * reviewerIDs.count + reviewer]
  }

  // MARK: - Packing answers

  private mutating func pack(_ answer: Answer, criterion index: Int) -> UInt64 {
    if let level = answer.level {
      return layout.levelCodes[index].firstIndex(of: level).map { UInt64($0) } ?? Self.noChoice
    }
    if let checks = answer.checks {
      let items = layout.itemIDs[index]
      guard items.count < 64 else {
        overflowChecks[index] = checks
        return 1 << 63
      }
      var mask: UInt64 = 1 << 63
      for check in checks {
        if let position = items.firstIndex(of: check) { mask |= 1 << UInt64(position) }
      }
      return mask
    }
    return Self.noChoice
  }

  private func unpack(_ index: Int) -> Answer {
    var answer = Answer(evidence: answerEvidence[index])
    let number = answerNumbers[index]
    let choice = answerChoices[index]
    let levels = layout.levelCodes[index]
    let items = layout.itemIDs[index]
    if !levels.isEmpty {
      if choice != Self.noChoice { answer.level = levels[Int(choice)] }
    } else if !items.isEmpty {
      if choice != Self.noChoice {
        answer.checks =
          overflowChecks[index]
          ?? items.enumerated().filter { choice & (1 << UInt64($0.offset)) != 0 }.map(\.element)
      }
    } else if !number.isNaN {
      if layout.isJudgement[index] { answer.points = number } else { answer.value = number }
    }
    return answer
  }
}

extension CriterionStatus {
  var code: UInt8 {
    switch self {
    case .scored: 0
    case .notApplicable: 1
    case .missing: 2
    case .insufficientEvidence: 3
    }
  }

  init(code: UInt8) {
    switch code {
    case 0: self = .scored
    case 1: self = .notApplicable
    case 2: self = .missing
    default: self = .insufficientEvidence
    }
  }
}
