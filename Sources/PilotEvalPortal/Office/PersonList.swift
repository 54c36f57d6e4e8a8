import Foundation
import PilotEvalCore

/// The people files of `portal add-reviewers` (header `id,name,region,organisation`) and
/// `portal add-leaders` (header `id,name`): CSV, columns in any order, no others.
public enum PersonList {
  /// One expert or leader as listed.
  public struct Person: Sendable, Hashable {
    /// The id, unique in the file.
    public var id: String
    /// The full name.
    public var name: String
    /// The region (empty for a leader).
    public var region: String
    /// The organisation (empty for a leader).
    public var organisation: String
  }

  /// Which file: experts or leaders.
  public enum Kind: Sendable {
    /// `id,name,region,organisation`.
    case reviewers
    /// `id,name`.
    case leaders

    var columns: [String] { self == .reviewers ? ["id", "name", "region", "organisation"] : ["id", "name"] }
  }

  /// The people of `text`, in file order.
  public static func parse(_ text: String, kind: Kind) throws(UnitList.Problem) -> [Person] {
    let rows = try CSVReader.rows(text)
    guard let header = rows.first else {
      throw UnitList.Problem(line: 1, message: Message(.portalPeopleEmpty, kind.columns.joined(separator: ",")))
    }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var column: [String: Int] = [:]
    let expected = kind.columns.joined(separator: ",")
    for (index, name) in names.enumerated() {
      guard kind.columns.contains(name) else {
        throw UnitList.Problem(line: 1, message: Message(.portalPeopleUnknownColumn, name, expected))
      }
      guard column[name] == nil else {
        throw UnitList.Problem(line: 1, message: Message(.portalUnitsColumnTwice, name))
      }
      column[name] = index
    }
    for name in kind.columns where column[name] == nil {
      throw UnitList.Problem(line: 1, message: Message(.portalUnitsMissingColumn, name))
    }
    var people: [Person] = []
    var seen: Set<String> = []
    for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
      guard row.fields.count == names.count else {
        throw UnitList.Problem(
          line: row.line, message: Message(.portalUnitsFieldCount, String(row.fields.count), String(names.count)))
      }
      func field(_ name: String) -> String { column[name].map { row.fields[$0] } ?? "" }
      let id = field("id")
      guard Identifier.isValid(id) else {
        throw UnitList.Problem(
          line: row.line,
          message: Message(.portalPeopleBadId, id))
      }
      guard seen.insert(id).inserted else {
        throw UnitList.Problem(line: row.line, message: Message(.portalPeopleIdTwice, id))
      }
      if kind == .reviewers, field("region").trimmingCharacters(in: .whitespaces).isEmpty {
        throw UnitList.Problem(line: row.line, message: Message(.portalPeopleNoRegion, id))
      }
      people.append(Person(id: id, name: field("name"), region: field("region"), organisation: field("organisation")))
    }
    return people
  }
}
