import PilotEvalCore

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
enum CSVReader {
  struct Row: Equatable {
    var line: Int
    var fields: [String]
  }

  static func rows(_ text: String) throws(UnitList.Problem) -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var line = 1
    var rowLine = 1
    var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
    while let character = characters.first {
      characters = characters.dropFirst()
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters = characters.dropFirst()
          } else {
            quoted = false
          }
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        fields.append(field)
        field = ""
      case "\n", "\r\n", "\r":
        fields.append(field)
        rows.append(Row(line: rowLine, fields: fields))
        fields = []
        field = ""
        line += 1
        rowLine = line
      default: field.append(character)
      }
    }
    if quoted { throw UnitList.Problem(line: rowLine, message: Message(.portalUnitsUnclosedQuote)) }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      rows.append(Row(line: rowLine, fields: fields))
    }
    return rows
  }
}
