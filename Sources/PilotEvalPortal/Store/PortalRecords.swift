/// Who holds an access code.
public enum Role: String, Sendable, Hashable, Codable {
  /// The programme office: everything.
  case office
  /// A pilot unit, in one round.
  case unit
  /// An expert reviewer, in one round.
  case reviewer
  /// Leadership: published reports only.
  case leader
}

/// The holder of a valid access code or session.
public struct Principal: Sendable, Hashable {
  /// What they may do.
  public var role: Role
  /// Their id (unit id, reviewer id …); "office" for the office.
  public var subject: String
  /// The round the code belongs to (units, reviewers); nil for the office.
  public var round: String?

  /// Creates a principal.
  public init(role: Role, subject: String, round: String?) {
    self.role = role
    self.subject = subject
    self.round = round
  }
}

/// Where a round is in its life.
public enum Phase: String, Sendable, Codable {
  /// Units upload until the deadline, when one is set.
  case submitting
  /// Closed to uploads; experts review.
  case reviewing
  /// Read-only.
  case published
}

/// A round as stored.
public struct RoundRecord: Sendable, Hashable {
  /// The round id (e.g. `2026H1`).
  public var id: String
  /// The rubric file, byte for byte.
  public var rubricXML: [UInt8]
  /// The deadline, ISO-8601 with an offset, if one is set.
  public var deadline: String?
  /// The phase.
  public var phase: Phase

  /// Creates a round record.
  public init(id: String, rubricXML: [UInt8], deadline: String?, phase: Phase) {
    self.id = id
    self.rubricXML = rubricXML
    self.deadline = deadline
    self.phase = phase
  }
}

/// A pilot unit registered in a round.
public struct UnitRecord: Sendable, Hashable {
  /// The unit id, as in submissions.
  public var id: String
  /// The unit's name.
  public var name: String
  /// Region (for filters).
  public var region: String
  /// Level (for filters).
  public var level: String
  /// Category.
  public var category: String
  /// Organisation, when given.
  public var organisation: String

  /// Creates a unit record.
  public init(id: String, name: String, region: String, level: String, category: String, organisation: String = "") {
    self.id = id
    self.name = name
    self.region = region
    self.level = level
    self.category = category
    self.organisation = organisation
  }
}

/// Whether an upload passed validation.
public enum UploadStatus: String, Sendable, Codable {
  /// Validated without errors; the latest accepted one counts.
  case accepted
  /// Validation found errors.
  case rejected
}

/// One finding kept with an upload.
///
/// The message is kept as `text` (English) with room for a message key and its
/// arguments (`key`, `arguments`), so that receipts can be rendered in the
/// reader's language once diagnostics carry typed messages.
public struct StoredDiagnostic: Sendable, Hashable, Codable {
  /// 1-based line, 0 for the whole file.
  public var line: Int
  /// `error` or `warning`.
  public var severity: String
  /// A message id, when the finding has one.
  public var key: String?
  /// The message's arguments, in order.
  public var arguments: [String]
  /// The message as first written (English).
  public var text: String

  /// Creates a stored diagnostic.
  public init(line: Int, severity: String, key: String? = nil, arguments: [String] = [], text: String) {
    self.line = line
    self.severity = severity
    self.key = key
    self.arguments = arguments
    self.text = text
  }
}

/// An upload as validated, before it is stored.
public struct NewUpload: Sendable {
  /// The round.
  public var round: String
  /// The unit.
  public var unit: String
  /// Accepted or rejected.
  public var status: UploadStatus
  /// The body, unchanged.
  public var bytes: [UInt8]
  /// SHA-256 of `bytes`, hex.
  public var sha256: String
  /// When it arrived, ISO-8601 with offset.
  public var received: String
  /// The findings, sorted by line.
  public var diagnostics: [StoredDiagnostic]

  /// Creates an upload to store.
  public init(
    round: String, unit: String, status: UploadStatus, bytes: [UInt8], received: String,
    diagnostics: [StoredDiagnostic]
  ) {
    self.round = round
    self.unit = unit
    self.status = status
    self.bytes = bytes
    self.sha256 = SHA256.hex(bytes)
    self.received = received
    self.diagnostics = diagnostics
  }
}

/// A stored upload without its bytes: what a receipt shows.
public struct UploadRecord: Sendable, Hashable {
  /// The round.
  public var round: String
  /// The unit.
  public var unit: String
  /// 1, 2, 3 … per unit and round.
  public var version: Int
  /// Accepted or rejected.
  public var status: UploadStatus
  /// SHA-256 of the bytes, hex.
  public var sha256: String
  /// Size in bytes.
  public var size: Int
  /// When it arrived.
  public var received: String
  /// The findings.
  public var diagnostics: [StoredDiagnostic]

  /// Creates an upload record.
  public init(
    round: String, unit: String, version: Int, status: UploadStatus, sha256: String, size: Int, received: String,
    diagnostics: [StoredDiagnostic]
  ) {
    self.round = round
    self.unit = unit
    self.version = version
    self.status = status
    self.sha256 = sha256
    self.size = size
    self.received = received
    self.diagnostics = diagnostics
  }
}

/// One line of the audit log.
public struct AuditEntry: Sendable, Hashable {
  /// When, ISO-8601 with offset.
  public var at: String
  /// Who (`unit:GX-01`, `office`, `anonymous`, `cli`).
  public var actor: String
  /// What (`login`, `upload`, `download`, `close`, `export`, `open-round` …).
  public var action: String
  /// The round concerned, if any.
  public var round: String?
  /// The unit concerned, if any.
  public var unit: String?
  /// The HTTP status answered (0 for CLI actions).
  public var status: Int
  /// The client's address, as the server sees it.
  public var address: String
  /// Free detail (version, sha256 …).
  public var detail: String

  /// Creates an audit entry.
  public init(
    at: String, actor: String, action: String, round: String? = nil, unit: String? = nil, status: Int = 0,
    address: String = "", detail: String = ""
  ) {
    self.at = at
    self.actor = actor
    self.action = action
    self.round = round
    self.unit = unit
    self.status = status
    self.address = address
    self.detail = detail
  }
}

/// A web session: a random token in an HttpOnly cookie, kept as its hash, with its CSRF token.
public struct SessionRecord: Sendable, Hashable {
  /// Whose session it is.
  public var principal: Principal
  /// The token every form of the session carries.
  public var csrf: String
  /// When it ends, seconds since 1970.
  public var expires: Int64

  /// Creates a session record.
  public init(principal: Principal, csrf: String, expires: Int64) {
    self.principal = principal
    self.csrf = csrf
    self.expires = expires
  }
}
