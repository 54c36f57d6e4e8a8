extension TierMigration {
  /// The migration from round `earlier` to round `later` of `table`.
  ///
  /// Labels: the later rubric's tier ids highest first; then the earlier rubric's tier ids the later
  /// one lacks, in the earlier order; then any other tier a unit holds in either round (which a
  /// rubric should not allow), in byte order; then `vetoed`. Units scored in both rounds are counted
  /// from their earlier tier to their later one; `left` and `entered` count units scored only in the
  /// earlier or only in the later of the two rounds (rounds in between do not matter).
  init(_ table: TrendTable, from earlier: Int, to later: Int) {
    var labels = [String]()
    var listed = Set([TrendTable.vetoed])
    for id in table.rounds[later].rubric.tiers.map(\.id) + table.rounds[earlier].rubric.tiers.map(\.id)
    where listed.insert(id).inserted {
      labels.append(id)
    }
    let held = table.cells.flatMap { [$0[earlier]?.tier, $0[later]?.tier] }.compactMap { $0 }
    labels += Set(held).subtracting(listed).sorted(by: TrendTable.precedes)
    labels.append(TrendTable.vetoed)
    var position = [String: Int]()
    for (index, label) in labels.enumerated() { position[label] = index }
    var counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    var left = 0
    var entered = 0
    for row in table.cells {
      switch (row[earlier], row[later]) {
      case (let before?, let after?):
        if let i = position[before.tier], let j = position[after.tier] { counts[i][j] += 1 }
      case (.some, nil): left += 1
      case (nil, .some): entered += 1
      case (nil, nil): break
      }
    }
    self.init(
      from: table.rounds[earlier].round, to: table.rounds[later].round, tiers: labels, counts: counts, left: left,
      entered: entered)
  }
}
