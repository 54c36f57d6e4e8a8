/// The planner's answer: who reviews which unit, the exceptions, and the measured quality of the design.
///
/// Assignments are sorted by unit id, then reviewer id (UTF-8 byte order), so the same request gives
/// the same plan, value for value and (through `csv()`) byte for byte.
public struct AssignmentPlan: Sendable, Hashable {
  /// One unit given to one expert, with the expert's region and organisation.
  public struct Entry: Sendable, Hashable {
    /// The unit id.
    public var unit: String
    /// The expert id.
    public var reviewer: String
    /// The expert's region.
    public var region: String
    /// The expert's organisation (empty when none).
    public var organisation: String
    /// Whether this assignment was already reviewed, and so kept as it was.
    public var reviewed: Bool

    /// An assignment as stored, for checking swaps and writing CSV outside the planner.
    public init(unit: String, reviewer: String, region: String, organisation: String, reviewed: Bool) {
      self.unit = unit
      self.reviewer = reviewer
      self.region = region
      self.organisation = organisation
      self.reviewed = reviewed
    }
  }

  /// K, the experts asked for per unit.
  public var perUnit: Int
  /// The seed the plan was drawn with.
  public var seed: UInt64
  /// The assignments, by unit then reviewer.
  public var assignments: [Entry]
  /// The rules the plan could not keep, by unit (units in id order), then those about the whole plan.
  public var exceptions: [AssignmentException]
  /// The measured quality of the design.
  public var quality: AssignmentQuality

  /// The reviewers of `unit`, in id order.
  public func reviewers(of unit: String) -> [String] {
    assignments.filter { $0.unit == unit }.map(\.reviewer)
  }
}
