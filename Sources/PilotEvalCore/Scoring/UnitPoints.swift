/// A unit's verified or self-assessed points, as the tier rule reads them.
struct UnitPoints: TierEvidence {
  /// The unit's sections, as `Scorecard.sections` lists them.
  let sections: [SectionResult]
  /// `TierRule.topLevelSections`.
  let topLevel: [Int]
  let criteria: CriterionResults
  /// Whether to read the unit's own (self-assessed) points rather than the verified ones.
  let selfAssessed: Bool

  func sectionEarned(_ slot: Int) -> Double {
    selfAssessed ? sections[topLevel[slot]].selfEarned : sections[topLevel[slot]].earned
  }

  func sectionMax(_ slot: Int) -> Double { sections[topLevel[slot]].max }

  func applies(_ criterion: Int) -> Bool {
    (selfAssessed ? criteria.selfStatus(at: criterion) : criteria.status(at: criterion)) != .notApplicable
  }

  func points(_ criterion: Int) -> Double {
    selfAssessed ? criteria.selfPoints(at: criterion) : criteria.points(at: criterion)
  }
}
