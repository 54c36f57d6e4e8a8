extension RubricChange {
  /// What changed from `earlier`'s rubric to `later`'s.
  ///
  /// Criteria are matched by id (a criterion listed twice counts by its first entry): `added` are the
  /// later rubric's criteria the earlier lacks, in its document order; `removed` the reverse, in the
  /// earlier document order; `repointed` are criteria in both whose full points differ, in the later
  /// order. Tiers changed when the list of (tier id, minimum) pairs differs in any way: a tier added,
  /// removed, reordered or moved; a new display name alone is no change. The rubrics are named
  /// `id version`.
  init(from earlier: RoundSnapshot, to later: RoundSnapshot) {
    let before = earlier.rubric
    let after = later.rubric
    var beforePoints = [String: Double]()
    for criterion in before.criteria where beforePoints[criterion.id] == nil {
      beforePoints[criterion.id] = criterion.points
    }
    let afterIDs = Set(after.criteria.map(\.id))
    var added = [String]()
    var repointed = [Repointed]()
    var seen = Set<String>()
    for criterion in after.criteria where seen.insert(criterion.id).inserted {
      if let points = beforePoints[criterion.id] {
        if points != criterion.points {
          repointed.append(Repointed(id: criterion.id, from: points, to: criterion.points))
        }
      } else {
        added.append(criterion.id)
      }
    }
    var removedSeen = Set<String>()
    let removed = before.criteria.map(\.id).filter { !afterIDs.contains($0) && removedSeen.insert($0).inserted }
    let tiersChanged =
      !before.tiers.map(\.id).elementsEqual(after.tiers.map(\.id))
      || !before.tiers.map(\.min).elementsEqual(after.tiers.map(\.min))
    self.init(
      from: earlier.round, to: later.round, fromRubric: "\(before.id) \(before.version)",
      toRubric: "\(after.id) \(after.version)", added: added, removed: removed, repointed: repointed,
      fromTotal: before.total, toTotal: after.total, tiersChanged: tiersChanged)
  }
}
