public import Foundation
public import PilotEvalCore
import PilotEvalXML

/// What the portal does, apart from HTTP: who someone is, what they may see, and every
/// action on rounds and uploads. Routes read the request, call one of these, and render.
public final class PortalService: Sendable {
  /// Where everything is kept.
  public let store: any PortalStore
  /// Limits and throttling.
  public let configuration: PortalConfiguration
  let pool: ValidationPool
  private let validators = ValidatorCache()
  private let perCode: Throttle
  private let perLogin: Throttle
  private let perAddress: Throttle?

  /// A service on `store`.
  public init(store: any PortalStore, configuration: PortalConfiguration = PortalConfiguration()) {
    self.store = store
    self.configuration = configuration
    pool = ValidationPool(width: configuration.validationWidth)
    perCode = Throttle(limit: configuration.requestsPerCodePerMinute, window: 60)
    perLogin = Throttle(limit: configuration.failedLoginsPerID, window: TimeInterval(configuration.failureWindow))
    perAddress = configuration.failuresPerAddress.map {
      Throttle(limit: $0, window: TimeInterval(configuration.failureWindow))
    }
  }

  /// Who may use a route.
  public enum Audience: Sendable {
    /// The unit named in the path, with a code of that round.
    case unit
    /// That unit or the office.
    case unitOrOffice
    /// The office.
    case office
  }

  // MARK: - Identity

  /// The holder of a bearer code, or 401; 429 when the code, or the address (when configured),
  /// has been refused too often or the code asks too often.
  public func principal(code: String?, address: String, now: Date) async throws -> Principal {
    if let perAddress, let wait = await perAddress.retryAfter(address, now: now) {
      throw PortalFailure.tooMany(retryAfter: wait)
    }
    guard let code, AccessCode.isWellFormed(code),
      let principal = try await store.principal(codeHash: AccessCode.hash(of: code))
    else {
      await perAddress?.record(address, now: now)
      throw PortalFailure.unauthorized
    }
    if let wait = await perCode.admit(AccessCode.hash(of: code), now: now) {
      throw PortalFailure.tooMany(retryAfter: wait)
    }
    return principal
  }

  /// Logs a unit (or the office, with id `office`) in from the web form; 401 for a wrong
  /// pair, 429 after too many failures for that id (or address, when configured).
  public func login(id: String, code: String, address: String, now: Date) async throws -> Principal {
    let key = "login\u{0}\(id)"
    if let wait = await perLogin.retryAfter(key, now: now) { throw PortalFailure.tooMany(retryAfter: wait) }
    if let perAddress, let wait = await perAddress.retryAfter(address, now: now) {
      throw PortalFailure.tooMany(retryAfter: wait)
    }
    if AccessCode.isWellFormed(code), let principal = try await store.principal(codeHash: AccessCode.hash(of: code)),
      principal.subject == id
    {
      await perLogin.reset(key)
      return principal
    }
    await perLogin.record(key, now: now)
    await perAddress?.record(address, now: now)
    throw PortalFailure.unauthorized
  }

  // MARK: - Access

  /// The round and unit of a path if `principal` may use them: 404 for an unknown round or a
  /// unit not in it, 403 for a code of another unit, round or role.
  public func access(
    _ principal: Principal, round id: String, unit unitID: String?, audience: Audience
  ) async throws -> (round: RoundRecord, unit: UnitRecord?) {
    guard let round = try await store.round(id) else { throw PortalFailure.unknownRound(id) }
    var unit: UnitRecord?
    if let unitID {
      unit = try await store.unit(round: id, id: unitID)
      if unit == nil { throw PortalFailure.unknownUnit(unitID, round: id) }
    }
    let isTheUnit = principal.role == .unit && principal.subject == unitID && principal.round == id
    let allowed =
      switch audience {
      case .unit: isTheUnit
      case .unitOrOffice: isTheUnit || principal.role == .office
      case .office: principal.role == .office
      }
    guard allowed else { throw PortalFailure.forbidden }
    return (round, unit)
  }

  /// 409 unless `round` takes uploads at `now` (phase `submitting`, at or before its deadline).
  public func checkOpen(_ round: RoundRecord, now: Date) throws {
    guard round.phase == .submitting else {
      throw PortalFailure(409, "conflict", .errorPhase, [round.id, round.phase.rawValue])
    }
    if let deadline = round.deadline, let date = PortalClock.parse(deadline), now > date {
      throw PortalFailure(409, "conflict", .errorPastDeadline, [round.id, deadline])
    }
  }

  /// The state the status route reports.
  public func state(of round: RoundRecord, now: Date) -> String {
    switch round.phase {
    case .submitting:
      if let deadline = round.deadline, let date = PortalClock.parse(deadline), now > date { return "past-deadline" }
      return "submitting"
    case .reviewing: return "reviewing"
    case .published: return "published"
    }
  }

  // MARK: - Uploads

  /// Validates `bytes` off the event loop, stores them durably as the unit's next version,
  /// and returns the record (accepted or rejected).
  public func upload(
    _ bytes: [UInt8], round: RoundRecord, unit: String, received: Date, audit: AuditEntry
  ) async throws -> UploadRecord {
    let validator = try await validator(for: round)
    let outcome = await pool.run { validator.validate(bytes, round: round.id, unit: unit) }
    let upload = NewUpload(
      round: round.id, unit: unit, status: outcome.status, bytes: bytes,
      received: PortalClock.timestamp(received, offsetSeconds: configuration.offsetSeconds),
      diagnostics: outcome.diagnostics)
    return try await store.append(upload, audit: audit)
  }

  /// The rubric of `round`, parsed once per round.
  public func rubric(for round: RoundRecord) async throws -> Rubric {
    try await validator(for: round).rubric
  }

  func validator(for round: RoundRecord) async throws -> UploadValidator {
    if let cached = await validators.get(round.id) { return cached }
    let sizeLimit = configuration.sizeLimit
    let made: UploadValidator? = await pool.run {
      guard case .success(let loaded) = RubricReader.load(bytes: round.rubricXML, file: "rubric.xml") else {
        return nil
      }
      return UploadValidator(rubric: loaded.rubric, sizeLimit: sizeLimit)
    }
    guard let made else { throw PortalFailure(500, "internal", .errorRubric, [round.id]) }
    await validators.put(round.id, made)
    return made
  }

  /// Rubrics and schemas parsed once per round.
  private actor ValidatorCache {
    private var byRound: [String: UploadValidator] = [:]
    func get(_ round: String) -> UploadValidator? { byRound[round] }
    func put(_ round: String, _ validator: UploadValidator) { byRound[round] = validator }
  }
}

extension PortalService {
  /// Validates `bytes` as an upload of `unit` in `round` would be, without keeping them
  /// (the online form's Check button).
  public func check(_ bytes: [UInt8], round: RoundRecord, unit: String) async throws -> UploadValidator.Outcome {
    let validator = try await validator(for: round)
    return await pool.run { validator.validate(bytes, round: round.id, unit: unit) }
  }
}
