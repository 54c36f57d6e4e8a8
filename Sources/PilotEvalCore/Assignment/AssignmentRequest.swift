/// What the review assignment planner is asked: the units to review, the experts, how many experts
/// each unit needs, the seed, and the assignments already reviewed (kept as they are).
///
/// The order of the arrays does not matter: the planner sorts units and experts by id (UTF-8 byte
/// order) before it draws anything, so the same roster and seed always give the same plan.
///
///     let request = AssignmentRequest(
///       units: [.init(id: "GX-NN-01", region: "广西"), .init(id: "HN-CS-01", region: "湖南")],
///       experts: [
///         .init(id: "E01", name: "张伟", region: "江苏", organisation: "江苏省机关事务管理局"),
///         .init(id: "E02", name: "李娜", region: "四川", organisation: "四川省机关事务管理局"),
///       ],
///       perUnit: 2, seed: 7)
///     let plan = try AssignmentPlanner.plan(request)
public struct AssignmentRequest: Sendable, Hashable {
  /// A unit with an accepted submission, to be reviewed.
  public struct Unit: Sendable, Hashable {
    /// The unit id.
    public var id: String
    /// The unit's region: no expert of this region reviews it (回避).
    public var region: String
    /// The unit's organisation, where UNITS.csv gives one: no expert of this organisation reviews it.
    public var organisation: String?

    /// A unit; an empty organisation counts as none.
    public init(id: String, region: String, organisation: String? = nil) {
      self.id = id
      self.region = region
      self.organisation = organisation
    }
  }

  /// An expert who reviews units.
  public struct Expert: Sendable, Hashable {
    /// The expert id (the `reviewer` of their review files).
    public var id: String
    /// The expert's name, as shown to the office.
    public var name: String
    /// The expert's region: they review no unit of it.
    public var region: String
    /// The expert's organisation: they review no unit of it. Empty counts as none.
    public var organisation: String?

    /// An expert.
    public init(id: String, name: String, region: String, organisation: String? = nil) {
      self.id = id
      self.name = name
      self.region = region
      self.organisation = organisation
    }
  }

  /// The units to review.
  public var units: [Unit]
  /// The experts.
  public var experts: [Expert]
  /// K: experts per unit (2 or more).
  public var perUnit: Int
  /// The seed of the planner's own random generator.
  public var seed: UInt64
  /// Assignments already reviewed: kept as they are, even where they break 回避 (then listed as an
  /// exception); they count towards the unit's K and the expert's load.
  public var reviewed: [ReviewAssignment]

  /// A request.
  public init(units: [Unit], experts: [Expert], perUnit: Int, seed: UInt64, reviewed: [ReviewAssignment] = []) {
    self.units = units
    self.experts = experts
    self.perUnit = perUnit
    self.seed = seed
    self.reviewed = reviewed
  }

  /// The most experts one request may name; beyond it the planner refuses (its pair table grows as
  /// the square of the count). Real panels have tens.
  public static let maximumExperts = 1000
  /// The most units one request may name.
  public static let maximumUnits = 20000
  /// The largest K accepted.
  public static let maximumPerUnit = 100
}
