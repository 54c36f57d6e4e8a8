import Foundation

/// The units file of `portal add-units`: CSV with a header `id,name,region,level,category` and
/// an optional `organisation` column, in any order; extra columns are refused.
public enum UnitList {
  /// Why a units file cannot be used.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// What is wrong.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
  }

  static let required = ["id", "name", "region", "level", "category"]

  /// The units of `text`, in file order.
  public static func parse(_ text: String) throws(Problem) -> [UnitRecord] {
    let rows = try CSVReader.rows(text)
    guard let header = rows.first else { throw Problem(line: 1, message: "the file is empty") }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var column: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      guard required.contains(name) || name == "organisation" else {
        throw Problem(
          line: 1, message: "unknown column '\(name)' (expected id,name,region,level,category[,organisation])")
      }
      guard column[name] == nil else { throw Problem(line: 1, message: "column '\(name)' appears twice") }
      column[name] = index
    }
    for name in required where column[name] == nil {
      throw Problem(line: 1, message: "the header has no '\(name)' column")
    }
    var units: [UnitRecord] = []
    var seen: Set<String> = []
    for row in rows.dropFirst() where !(row.fields.count == 1 && row.fields[0].isEmpty) {
      guard row.fields.count == names.count else {
        throw Problem(line: row.line, message: "\(row.fields.count) fields, the header has \(names.count)")
      }
      func field(_ name: String) -> String { column[name].map { row.fields[$0] } ?? "" }
      let id = field("id")
      guard Identifier.isValid(id) else {
        throw Problem(
          line: row.line,
          message:
            "unit id '\(id)' is not usable (1–128 characters, no spaces, '/', '?', '#', '%' or control characters)")
      }
      guard seen.insert(id).inserted else { throw Problem(line: row.line, message: "unit id '\(id)' appears twice") }
      units.append(
        UnitRecord(
          id: id, name: field("name"), region: field("region"), level: field("level"), category: field("category"),
          organisation: field("organisation")))
    }
    return units
  }
}
