extension RoundSnapshot {
  /// The snapshot of a scored round: units in rank order with their sections, criteria, exemplar
  /// mark and recommended learning partners, and every rejected file (one entry per file, its
  /// reasons joined with "; ").
  ///
  /// - Parameter arrangedPairings: pairings the programme office actually arranged (unit id → the
  ///   ids it learns from). When given, they replace the recommended partners and `pairings` is
  ///   `.arranged`; units not named have no partners.
  public init(_ result: RoundResult, analysis: RoundAnalysis, arrangedPairings: [String: [String]]? = nil) {
    let rubric = result.rubric
    let cards = result.scorecards
    let exemplarIndexes = Set(analysis.exemplars.exemplars.map(\.index))
    let units = analysis.placements.map { placement -> UnitSnapshot in
      let card = cards[placement.index]
      let recommended = analysis.partners[placement.index]?.map(\.partner) ?? []
      let totals = RatingMatrix.reviewerTotals(card)
      return UnitSnapshot(
        id: card.unit.id, name: card.unit.name, region: card.unit.region ?? "", level: card.unit.level ?? "",
        category: card.unit.category ?? "", score: card.score, selfScore: card.selfScore, rank: placement.rank,
        tier: card.tier, vetoed: card.vetoed, reviewers: card.reviewers,
        reviewerTotals: card.reviewers.map { totals[$0] ?? 0 },
        sections: card.sections.map { PointsEntry(id: $0.id, earned: $0.earned, max: $0.max) },
        criteria: card.criteria.indices.map { index in
          let applies = card.criteria.status(at: index) != .notApplicable
          return PointsEntry(
            id: card.criteria.id(at: index), earned: card.criteria.points(at: index),
            max: applies ? card.criteria.max(at: index) : 0)
        },
        exemplar: exemplarIndexes.contains(placement.index),
        partners: arrangedPairings.map { $0[card.unit.id] ?? [] } ?? recommended)
    }
    let rejected = result.rejected.map { rejection in
      RejectedInput(
        kind: rejection.kind.rawValue, file: rejection.file, line: rejection.errors.first?.line ?? 0,
        reason: rejection.errors.map(\.message).joined(separator: "; "))
    }
    self.init(
      round: result.round ?? "", rubric: RubricShape(rubric), units: units, rejected: rejected,
      reviewsApplied: result.reviewsApplied, submissionsSeen: result.submissionsSeen,
      pairings: arrangedPairings == nil ? .recommended : .arranged)
  }
}

extension RubricShape {
  /// The shape of `rubric`.
  public init(_ rubric: Rubric) {
    let sectionIDs = rubric.sections.map(\.id)
    var sectionOf = [Int: String]()
    for section in rubric.sections { for criterion in section.criteria { sectionOf[criterion] = section.id } }
    self.init(
      id: rubric.id, version: rubric.version, title: rubric.title, total: rubric.total,
      tiers: rubric.tiers.map { TierShape(id: $0.id, name: $0.name, min: $0.min) },
      sections: rubric.sections.map { section in
        SectionShape(
          id: section.id, title: section.title, parent: section.parent.map { sectionIDs[$0] },
          max: section.criteria.reduce(0) { $0 + rubric.criteria[$1].points })
      },
      criteria: rubric.criteria.indices.map { index in
        let criterion = rubric.criteria[index]
        return CriterionShape(
          id: criterion.id, title: criterion.title, section: sectionOf[index] ?? "", points: criterion.points)
      })
  }
}
