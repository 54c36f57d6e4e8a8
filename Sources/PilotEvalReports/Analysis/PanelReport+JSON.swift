import PilotEvalCore

extension ReliabilityValue {
  /// Writes `"name": number`, or `"name": {"notDefined": reason}`.
  func write(_ name: StaticString, to json: inout JSONWriter) {
    json.key(name)
    write(to: &json)
  }

  /// Writes the number, or `{"notDefined": reason}`.
  func write(to json: inout JSONWriter) {
    switch self {
    case .value(let number): json.value(number)
    case .notDefined(let reason):
      json.beginObject()
      json.field("notDefined", reason)
      json.endObject()
    }
  }
}

extension ConfidenceInterval {
  /// Writes `{"lower", "upper", "level"}`.
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("lower", lower)
    json.field("upper", upper)
    json.field("level", level)
    json.endObject()
  }
}

/// Writes `"name": interval`, or `"name": {"notDefined": reason}` when there is none.
func writeInterval(_ name: StaticString, _ interval: ConfidenceInterval?, reason: String, to json: inout JSONWriter) {
  json.key(name)
  if let interval {
    interval.write(to: &json)
  } else {
    ReliabilityValue.notDefined(reason).write(to: &json)
  }
}

extension ICCEstimate {
  /// Writes the estimate: single and average figures with their intervals, and what they rest on.
  func write(to json: inout JSONWriter) {
    json.beginObject()
    single.write("single", to: &json)
    writeInterval(
      "singleInterval", singleInterval, reason: single.reason ?? "the interval could not be computed", to: &json)
    average.write("average", to: &json)
    writeInterval(
      "averageInterval", averageInterval, reason: average.reason ?? "the interval could not be computed", to: &json)
    json.field("subjects", subjects)
    json.field("raters", raters)
    json.field("raterCount", raters.count)
    json.field("ratings", ratings)
    json.field("ratersPerSubject", ratersPerSubject)
    if let blockSearch { json.field("blockSearch", blockSearch.rawValue) }
    json.endObject()
  }
}

extension PanelReport {
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("headline", headline.rawValue)
    json.field("headlineReason", headlineReason)
    json.key("icc1")
    oneWay.write(to: &json)
    json.key("icc2")
    twoWay.write(to: &json)
    alpha.write("alpha", to: &json)
    json.field("subjects", subjects)
    json.field("raterCount", raters)
    json.field("ratings", ratings)
    json.key("consensusNeeded")
    json.beginArray()
    for criterion in criteria where !criterion.needingConsensus.isEmpty {
      json.beginObject()
      json.field("criterion", criterion.criterion)
      json.field("limit", criterion.limit)
      json.field("units", criterion.needingConsensus.map(\.subject))
      json.endObject()
    }
    json.endArray()
    json.key("raters")
    json.beginArray()
    for deviation in raterDeviations {
      json.beginObject()
      json.field("rater", deviation.rater)
      deviation.meanDeviation.write("meanDeviation", to: &json)
      json.field("ratings", deviation.ratings)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }
}
