import Foundation
public import PilotEvalCore

/// The units file of `portal add-units`: CSV with a header `id,name,region,level,category` and
/// an optional `organisation` column, in any order; extra columns are refused.
public enum UnitList {
  /// Why a units file cannot be used.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// What is wrong, in any language.
    public var message: Message

    /// A problem on `line`.
    public init(line: Int, message: Message) {
      self.line = line
      self.message = message
    }

    /// `line N: message`, in English.
    public var description: String { "line \(line): \(message.text(in: .en))" }

    /// The problem as a located error of the units file `file`.
    public func diagnostic(file: String) -> Diagnostic { Diagnostic.error(message, line: line).inFile(file) }
  }

  static let required = ["id", "name", "region", "level", "category"]

  /// The units of `text`, in file order.
  public static func parse(_ text: String) throws(Problem) -> [UnitRecord] {
    let rows = try CSVReader.rows(text)
    guard let header = rows.first else { throw Problem(line: 1, message: Message(.portalUnitsEmpty)) }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var column: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard required.contains(name) || name == "organisation" else {
        throw Problem(
          line: 1, message: Message(.portalUnitsUnknownColumn, name))
      }
      guard column[name] == nil else { throw Problem(line: 1, message: Message(.portalUnitsColumnTwice, name)) }
      column[name] = index
    }
    for name in required where column[name] == nil {
      throw Problem(line: 1, message: Message(.portalUnitsMissingColumn, name))
    }
    var units: [UnitRecord] = []
    var seen: Set<String> = []
    for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
      guard row.fields.count == names.count else {
        throw Problem(
          line: row.line, message: Message(.portalUnitsFieldCount, String(row.fields.count), String(names.count)))
      }
      func field(_ name: String) -> String { column[name].map { row.fields[$0] } ?? "" }
      let id = field("id")
      guard Identifier.isValid(id) else {
        throw Problem(
          line: row.line,
          message: Message(.portalUnitsBadId, id))
      }
      guard seen.insert(id).inserted else { throw Problem(line: row.line, message: Message(.portalUnitsIdTwice, id)) }
      units.append(
        UnitRecord(
          id: id, name: field("name"), region: field("region"), level: field("level"), category: field("category"),
          organisation: field("organisation")))
    }
    return units
  }
}
