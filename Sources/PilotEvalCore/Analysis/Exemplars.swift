/// How a programme office picks its exemplary units (示范单位).
public struct ExemplarPolicy: Sendable, Hashable {
  /// At most so many exemplars per cohort value.
  public struct CohortQuota: Sendable, Hashable {
    /// A number or a share of the cohort's units.
    public enum Limit: Sendable, Hashable {
      /// At most this many.
      case count(Int)
      /// At most this share of the cohort's units, rounded down.
      case share(Double)
    }
    /// The cohort the quota applies within (region, level or category).
    public var cohort: Cohort
    /// The limit in each cohort value.
    public var limit: Limit

    /// Creates a quota.
    public init(cohort: Cohort, limit: Limit) {
      self.cohort = cohort
      self.limit = limit
    }

    /// Reads `region:2` (a number) or `level:10%` (a share).
    public init?(parsing text: String) {
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2, let cohort = Cohort(rawValue: parts[0]) else { return nil }
      if parts[1].hasSuffix("%"), let percent = Double(parts[1].dropLast()), percent >= 0, percent <= 100 {
        self.init(cohort: cohort, limit: .share(percent / 100))
      } else if let count = Int(parts[1]), count >= 0 {
        self.init(cohort: cohort, limit: .count(count))
      } else {
        return nil
      }
    }

    func allowance(cohortSize: Int) -> Int {
      switch limit {
      case .count(let count): count
      case .share(let share): Int((share * Double(cohortSize) + 1e-9).rounded(.down))
      }
    }
  }

  /// An optional cap per cohort value (e.g. at most 2 per region).
  public var quota: CohortQuota?
  /// Exemplars need at least this many accepted expert reviews.
  public var minimumReviewers: Int
  /// Units within this many points below the top tier's min are reported as near misses.
  public var nearMargin: Double

  /// Creates a policy.
  public init(quota: CohortQuota? = nil, minimumReviewers: Int = 0, nearMargin: Double = 5) {
    self.quota = quota
    self.minimumReviewers = minimumReviewers
    self.nearMargin = nearMargin
  }
}

/// Why a unit that is close to being an exemplar is not one.
public enum KeptOutReason: Sendable, Hashable {
  /// Vetoes apply (一票否决).
  case vetoed([String])
  /// Its score reached the top tier but these top-level sections are below the floor.
  case sectionFloor([String])
  /// Its score reached the top tier but these ★ key criteria scored zero.
  case keyItemAtZero([String])
  /// Its score is this many points below the top tier's min.
  case belowTopTier(gap: Double)
  /// It has fewer accepted reviews than the policy asks for.
  case tooFewReviewers(have: Int, need: Int)
  /// Its cohort value's quota was filled by better-ranked units.
  case cohortQuota(cohort: Cohort, value: String?, allowance: Int)
}

/// One exemplar and why it was chosen.
public struct Exemplar: Sendable, Hashable {
  /// Position of its scorecard in the analysed array.
  public var index: Int
  /// The unit id.
  public var unit: String
  /// Its overall rank.
  public var rank: Int
  /// Its verified score.
  public var score: Double
  /// How many accepted reviews back the score.
  public var reviewers: Int
  /// Its rank within the quota's cohort, when a quota applies.
  public var cohortRank: Int?
}

/// A unit close to being an exemplar, and every rule that kept it out.
public struct NearMiss: Sendable, Hashable {
  /// Position of its scorecard in the analysed array.
  public var index: Int
  /// The unit id.
  public var unit: String
  /// Its overall rank.
  public var rank: Int
  /// Its verified score.
  public var score: Double
  /// The reasons, most decisive first.
  public var reasons: [KeptOutReason]
}

/// The exemplars of a round and the units just outside.
public struct ExemplarReport: Sendable {
  /// The policy used.
  public var policy: ExemplarPolicy
  /// The rubric's top tier, whose members are the candidates.
  public var topTier: Tier?
  /// Exemplars, in rank order.
  public var exemplars: [Exemplar]
  /// Near misses, in rank order.
  public var nearMisses: [NearMiss]

  /// Picks exemplars (SPEC §2 step 6–7: the top tier already requires its floor, no ★ item at
  /// zero and no veto), then applies the policy's reviewer minimum and cohort quota in rank order.
  ///
  ///     let report = ExemplarReport(result.scorecards, placements: result.placements(), rubric: rubric,
  ///                                 policy: ExemplarPolicy(quota: .init(parsing: "region:2")))
  public init(_ scorecards: [Scorecard], placements: [Placement], rubric: Rubric, policy: ExemplarPolicy) {
    self.policy = policy
    topTier = rubric.tiers.first
    exemplars = []
    nearMisses = []
    guard let top = topTier else { return }

    var cohortSizes: [String?: Int] = [:]
    var cohortRanks: [Int: Int] = [:]
    if let quota = policy.quota {
      for place in placements {
        let value = quota.cohort.value(of: scorecards[place.index].unit)
        cohortSizes[value, default: 0] += 1
        cohortRanks[place.index] = place.cohortRanks[quota.cohort]
      }
    }
    var taken: [String?: Int] = [:]
    var reasons: [Int: [KeptOutReason]] = [:]
    for place in placements {
      let card = scorecards[place.index]
      var kept: [KeptOutReason] = []
      if card.vetoed { kept.append(.vetoed(card.vetoes.map(\.id))) }
      for block in card.blockedTiers where block.tier == top.id {
        switch block.reason {
        case .sectionFloor(let sections): kept.append(.sectionFloor(sections))
        case .keyItemAtZero(let criteria): kept.append(.keyItemAtZero(criteria))
        case .veto: break
        }
      }
      let shown = round2(card.score)
      if !TierRule.reaches(top, shown: shown) { kept.append(.belowTopTier(gap: top.min - shown)) }
      if card.tier == top.id && card.reviewers.count < policy.minimumReviewers {
        kept.append(.tooFewReviewers(have: card.reviewers.count, need: policy.minimumReviewers))
      }
      if card.tier == top.id && kept.isEmpty, let quota = policy.quota {
        let value = quota.cohort.value(of: card.unit)
        let allowance = quota.allowance(cohortSize: cohortSizes[value] ?? 0)
        if taken[value, default: 0] >= allowance {
          kept.append(.cohortQuota(cohort: quota.cohort, value: value, allowance: allowance))
        } else {
          taken[value, default: 0] += 1
        }
      }
      if card.tier == top.id && kept.isEmpty {
        exemplars.append(
          Exemplar(
            index: place.index, unit: card.unit.id, rank: place.rank, score: card.score,
            reviewers: card.reviewers.count, cohortRank: cohortRanks[place.index]))
      } else {
        reasons[place.index] = kept
      }
    }
    for place in placements {
      guard let kept = reasons[place.index] else { continue }
      let card = scorecards[place.index]
      let close = round2(card.score) >= top.min - policy.nearMargin - scoringEpsilon
      guard close || card.tier == top.id else { continue }
      nearMisses.append(
        NearMiss(index: place.index, unit: card.unit.id, rank: place.rank, score: card.score, reasons: kept))
    }
  }
}

extension CohortRanks {
  /// The rank within `cohort`.
  public subscript(cohort: Cohort) -> Int {
    switch cohort {
    case .region: region
    case .level: level
    case .category: category
    }
  }
}
