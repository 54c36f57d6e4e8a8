public import PilotEvalCore

extension RoundResult {
  /// One row per unit in rank order: rank, id, name, cohorts, scores, tier, vetoed, then each top-level section.
  public func csv() -> String {
    let topSections = rubric.sections.enumerated().filter { $0.element.parent == nil }
    var writer = CSVWriter(
      header: ["rank", "unit", "name", "region", "level", "category", "score", "selfScore", "tier", "vetoed"]
        + topSections.map { "\($0.element.id) \($0.element.title)" })
    for unit in ranked() {
      let card = unit.scorecard
      writer.append(
        [
          .integer(unit.rank), .text(card.unit.id), .text(card.unit.name), .text(card.unit.region ?? ""),
          .text(card.unit.level ?? ""), .text(card.unit.category ?? ""), .number(card.score),
          .number(card.selfScore), .text(card.tier), .text(card.vetoed ? "true" : "false"),
        ] + topSections.map { .number(card.sections[$0.offset].earned) })
    }
    return writer.render()
  }

  /// Rejected files, one row per reason: file, kind, line, message.
  public func rejectedCSV() -> String {
    var writer = CSVWriter(header: ["file", "kind", "line", "reason"])
    for rejection in rejected {
      for error in rejection.errors {
        writer.append([
          .text(rejection.file), .text(rejection.kind.rawValue), .integer(error.line), .text(error.message),
        ])
      }
    }
    return writer.render()
  }

  /// The closing account of a run, for standard error, in `language`.
  public func summaryLine(in language: Language = .en) -> String {
    let s = summary
    let counts = [s.submissions, s.scored, s.rejectedSubmissions, s.reviewsApplied, s.rejectedReviews].map(String.init)
    return Message(.commandAccount, parts: counts.map(Message.Argument.text)).text(in: language)
      + (round.map { Message(.commandAccountRound, $0).text(in: language) } ?? "")
      + (notes.isEmpty
        ? ""
        : Message(
          .commandAccountNotes, String(notes.count),
          notes.prefix(3).map { sanitized($0.description(in: language)) }.joined(separator: "; ")
        ).text(in: language))
  }
}

extension RoundResult {
  /// The closing account as a small text file: every input counted, rejections by reason.
  public func summaryText() -> String {
    let s = summary
    var lines = [
      "round: \(round ?? "-")",
      "rubric: \(rubric.id) \(rubric.version)",
      "submissions seen: \(s.submissions)",
      "  scored: \(s.scored)",
      "  rejected: \(s.rejectedSubmissions)",
      "reviews applied: \(s.reviewsApplied)",
      "reviews rejected: \(s.rejectedReviews)",
      "rejections by reason:",
    ]
    var counts: [String: Int] = [:]
    for rejection in rejected {
      counts["\(rejection.kind.rawValue): \(reasonKind(rejection.errors.first?.message ?? ""))", default: 0] += 1
    }
    for (reason, count) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
      lines.append("  \(count)  \(reason)")
    }
    if !notes.isEmpty {
      lines.append("notes: \(notes.count)")
      lines += notes.map { "  " + sanitized($0.description) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A rejection message without the quoted values, so like reasons group together.
  private func reasonKind(_ message: String) -> String {
    var result = ""
    var quoted = false
    for character in message {
      if character == "'" {
        quoted.toggle()
        if quoted { result += "'…'" }
      } else if !quoted {
        result.append(character)
      }
    }
    if let cut = result.firstIndex(of: "(") { result = String(result[..<cut]) }
    return String(result.prefix(80)).trimmingTrailingSpaces()
  }
}
