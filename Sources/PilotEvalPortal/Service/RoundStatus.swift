/// Where every unit of a round stands: what `GET …/status` and `POST …/close` answer.
public struct RoundStatus: Sendable, Equatable {
  /// One unit's line.
  public struct UnitLine: Sendable, Equatable {
    /// The unit.
    public var unit: UnitRecord
    /// `missing`, `accepted` or `rejected`.
    public var status: String
    /// The latest accepted version (the one that counts).
    public var accepted: UploadRecord?
    /// The latest upload, accepted or not (its findings explain a rejection).
    public var latest: UploadRecord?
    /// How many uploads the unit made.
    public var uploads: Int
  }

  /// The round id.
  public var round: String
  /// The deadline, if set.
  public var deadline: String?
  /// `submitting`, `past-deadline`, `reviewing` or `published`.
  public var state: String
  /// Every unit, by id.
  public var units: [UnitLine]

  /// Builds the status from the units and every upload of the round.
  init(round: RoundRecord, state: String, units: [UnitRecord], uploads: [UploadRecord]) {
    self.round = round.id
    deadline = round.deadline
    self.state = state
    let byUnit = Dictionary(grouping: uploads, by: \.unit)
    self.units = units.map { unit in
      let mine = byUnit[unit.id] ?? []
      let accepted = mine.last { $0.status == .accepted }
      let status = accepted != nil ? "accepted" : (mine.isEmpty ? "missing" : "rejected")
      return UnitLine(unit: unit, status: status, accepted: accepted, latest: mine.last, uploads: mine.count)
    }
  }
}
