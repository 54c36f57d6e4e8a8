/// A request checked and put in a fixed order: units and experts sorted by id (UTF-8 byte order),
/// regions and organisations numbered, reviewed assignments as index pairs.
///
/// Sorting before anything is drawn is what makes the plan independent of the order of the input.
struct PlanningRoster {
  let units: [AssignmentRequest.Unit]
  let experts: [AssignmentRequest.Expert]
  let perUnit: Int
  let seed: UInt64
  /// Region number per unit and per expert (one numbering for both).
  let unitRegion: [Int32]
  let expertRegion: [Int32]
  /// Organisation number per unit and per expert, −1 when none (one numbering for both).
  let unitOrganisation: [Int32]
  let expertOrganisation: [Int32]
  /// The reviewed assignments, without repeats, by unit then expert index.
  let reviewed: [(unit: Int, expert: Int)]
  let unitIndex: [String: Int]
  let expertIndex: [String: Int]

  init(_ request: AssignmentRequest) throws(AssignmentInputError) {
    guard (2...AssignmentRequest.maximumPerUnit).contains(request.perUnit) else {
      throw .perUnitOutOfRange(request.perUnit)
    }
    guard request.units.count <= AssignmentRequest.maximumUnits,
      request.experts.count <= AssignmentRequest.maximumExperts
    else { throw .tooLarge(units: request.units.count, experts: request.experts.count) }
    let byId: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    units = request.units.sorted { byId($0.id, $1.id) }
    experts = request.experts.sorted { byId($0.id, $1.id) }
    perUnit = request.perUnit
    seed = request.seed
    for id in units.map(\.id) + experts.map(\.id) where id.isEmpty { throw .emptyId }
    for unit in units where ConflictRule.trimmed(unit.region).isEmpty { throw .emptyRegion(id: unit.id) }
    for expert in experts where ConflictRule.trimmed(expert.region).isEmpty { throw .emptyRegion(id: expert.id) }
    var unitIndex = [String: Int]()
    for (index, unit) in units.enumerated() {
      guard unitIndex.updateValue(index, forKey: unit.id) == nil else { throw .duplicateUnit(unit.id) }
    }
    var expertIndex = [String: Int]()
    for (index, expert) in experts.enumerated() {
      guard expertIndex.updateValue(index, forKey: expert.id) == nil else { throw .duplicateExpert(expert.id) }
    }
    self.unitIndex = unitIndex
    self.expertIndex = expertIndex

    var regions = [String: Int32]()
    var organisations = [String: Int32]()
    func region(_ text: String) -> Int32 {
      let key = ConflictRule.trimmed(text)
      if let number = regions[key] { return number }
      regions[key] = Int32(regions.count)
      return Int32(regions.count - 1)
    }
    func organisation(_ text: String?) -> Int32 {
      let key = ConflictRule.trimmed(text ?? "")
      guard !key.isEmpty else { return -1 }
      if let number = organisations[key] { return number }
      organisations[key] = Int32(organisations.count)
      return Int32(organisations.count - 1)
    }
    unitRegion = units.map { region($0.region) }
    expertRegion = experts.map { region($0.region) }
    unitOrganisation = units.map { organisation($0.organisation) }
    expertOrganisation = experts.map { organisation($0.organisation) }

    var pairs = Set<[Int]>()
    for assignment in request.reviewed {
      guard let unit = unitIndex[assignment.unit] else { throw .unknownUnit(assignment.unit) }
      guard let expert = expertIndex[assignment.reviewer] else { throw .unknownExpert(assignment.reviewer) }
      pairs.insert([unit, expert])
    }
    reviewed = pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { (unit: $0[0], expert: $0[1]) }
  }

  /// The part of 回避 that expert `expert` reviewing unit `unit` breaks, if any.
  func conflict(_ unit: Int, _ expert: Int) -> ConflictRule? {
    if unitRegion[unit] == expertRegion[expert] { return .region }
    if unitOrganisation[unit] >= 0, unitOrganisation[unit] == expertOrganisation[expert] { return .organisation }
    return nil
  }
}
