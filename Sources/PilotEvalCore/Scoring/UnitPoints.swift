/// A unit's verified or self-assessed points, as the tier rule reads them.
package struct UnitPoints: TierEvidence {
  /// The unit's sections, as `Scorecard.sections` lists them.
  package let sections: [SectionResult]
  /// `TierRule.topLevelSections`.
  package let topLevel: [Int]
  /// The unit's criterion results.
  package let criteria: CriterionResults
  /// Whether to read the unit's own (self-assessed) points rather than the verified ones.
  package let selfAssessed: Bool

  /// The points of `criteria` and `sections`, read through `topLevel`.
  package init(sections: [SectionResult], topLevel: [Int], criteria: CriterionResults, selfAssessed: Bool) {
    self.sections = sections
    self.topLevel = topLevel
    self.criteria = criteria
    self.selfAssessed = selfAssessed
  }

  package func sectionEarned(_ slot: Int) -> Double {
    selfAssessed ? sections[topLevel[slot]].selfEarned : sections[topLevel[slot]].earned
  }

  package func sectionMax(_ slot: Int) -> Double { sections[topLevel[slot]].max }

  package func applies(_ criterion: Int) -> Bool {
    (selfAssessed ? criteria.selfStatus(at: criterion) : criteria.status(at: criterion)) != .notApplicable
  }

  package func points(_ criterion: Int) -> Double {
    selfAssessed ? criteria.selfPoints(at: criterion) : criteria.points(at: criterion)
  }
}
