/// A checked review kept for scoring in a fraction of a `Review`'s memory:
/// rubric positions instead of id strings, no comments, no per-element lines.
/// A round of 400,000 reviews stays in about a hundred megabytes.
struct PackedReview: Sendable {
  let unitID: String
  let round: String
  let reviewer: String
  let line: Int32
  private let changes: [Change]
  private let evidence: [Count]
  private let rejectedBonuses: [Int32]
  private let deductions: [Count]
  private let vetoes: [Int32]
  private let overflowChecks: [[String]]

  private struct Change: Sendable {
    var criterion: Int32
    var level: Int32
    var value: Double
    var points: Double
    var checks: UInt64
  }

  private struct Count: Sendable {
    var position: Int32
    var count: Double
  }

  private static let noChecks = UInt64.max
  private static let overflow = UInt64(1) << 62

  /// Packs `review`, which has passed `ReviewChecker` (every id it names exists).
  init(_ review: Review, rubric: Rubric) {
    unitID = review.unitID
    round = review.round
    reviewer = review.reviewer
    line = Int32(clamping: review.line)
    var overflow: [[String]] = []
    changes = review.scores.compactMap { score in
      guard let position = rubric.criterionPosition(score.criterion) else { return nil }
      var change = Change(
        criterion: Int32(position), level: -1, value: score.value ?? .nan, points: score.points ?? .nan,
        checks: Self.noChecks)
      switch rubric.criteria[position].method {
      case .levels(let levels):
        if let level = score.level, let index = levels.firstIndex(where: { $0.code == level }) {
          change.level = Int32(index)
        }
      case .checklist(let items):
        if let checks = score.checks {
          if items.count < 62 {
            change.checks = 0
            for check in checks {
              if let index = items.firstIndex(where: { $0.id == check }) { change.checks |= 1 << UInt64(index) }
            }
          } else {
            change.checks = Self.overflow | UInt64(overflow.count)
            overflow.append(checks)
          }
        }
      default:
        break
      }
      return change
    }
    evidence = review.evidenceRejections.compactMap { rejection in
      rubric.criterionPosition(rejection.criterion).map { Count(position: Int32($0), count: rejection.count) }
    }
    rejectedBonuses = review.bonusVerdicts.filter(\.rejected).compactMap { verdict in
      rubric.bonuses.firstIndex { $0.id == verdict.id }.map(Int32.init)
    }
    deductions = review.deductions.compactMap { claim in
      rubric.deductions.firstIndex { $0.id == claim.id }.map { Count(position: Int32($0), count: claim.count) }
    }
    vetoes = review.vetoes.filter(\.triggered).compactMap { finding in
      rubric.vetoes.firstIndex { $0.id == finding.id }.map(Int32.init)
    }
    overflowChecks = overflow
  }

  /// The review again, as scoring sees it (comments and element lines are not kept).
  func unpacked(rubric: Rubric) -> Review {
    var review = Review(rubricID: rubric.id, unitID: unitID, round: round, reviewer: reviewer, line: Int(line))
    review.scores = changes.map { change in
      let criterion = rubric.criteria[Int(change.criterion)]
      var score = ScoreChange(
        criterion: criterion.id, value: change.value.isNaN ? nil : change.value,
        points: change.points.isNaN ? nil : change.points)
      switch criterion.method {
      case .levels(let levels) where change.level >= 0:
        score.level = levels[Int(change.level)].code
      case .checklist(let items) where change.checks != Self.noChecks:
        if change.checks & Self.overflow != 0 {
          score.checks = overflowChecks[Int(change.checks & ~Self.overflow)]
        } else {
          score.checks = items.indices.filter { change.checks & (1 << UInt64($0)) != 0 }.map { items[$0].id }
        }
      default:
        break
      }
      return score
    }
    review.evidenceRejections = evidence.map {
      EvidenceRejection(criterion: rubric.criteria[Int($0.position)].id, count: $0.count)
    }
    review.bonusVerdicts = rejectedBonuses.map { BonusVerdict(id: rubric.bonuses[Int($0)].id, rejected: true) }
    review.deductions = deductions.map { Claim(id: rubric.deductions[Int($0.position)].id, count: $0.count) }
    review.vetoes = vetoes.map { VetoFinding(id: rubric.vetoes[Int($0)].id, triggered: true) }
    return review
  }
}
