import PilotEvalCore

extension Rubric {
  /// One block a criterion, in the rubric's order, with the section's heading (`<h2>ID 标题</h2>`)
  /// before the first criterion of each section: how the unit's form and the expert's form read.
  func sectionedBlocks(_ block: (Criterion) -> SafeHTML) -> [SafeHTML] {
    var blocks: [SafeHTML] = []
    var section: Int?
    for criterion in criteria {
      if criterion.section != section, let position = criterion.section {
        section = position
        let heading = sections[position]
        blocks.append("<h2>\(heading.id) \(heading.title)</h2>")
      }
      blocks.append(block(criterion))
    }
    return blocks
  }
}
