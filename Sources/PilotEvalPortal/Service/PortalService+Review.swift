public import Foundation
import PilotEvalXML

extension PortalService {
  /// The database's review tables (the portal keeps them in its SQLite store).
  public func reviewStore() throws -> SQLitePortalStore {
    guard let store = store as? SQLitePortalStore else { throw PortalFailure(500, "internal", .errorNotFound) }
    return store
  }

  /// The round of a path if `principal` is an expert of that round assigned to `unit`: 404 for
  /// an unknown round or a unit not in it, 403 for anyone else or an unassigned expert.
  public func expertAccess(_ principal: Principal, round id: String, unit: String) async throws -> RoundRecord {
    guard let round = try await store.round(id) else { throw PortalFailure.unknownRound(id) }
    guard try await store.unit(round: id, id: unit) != nil else { throw PortalFailure.unknownUnit(unit, round: id) }
    guard principal.role == .reviewer, principal.round == id,
      try await reviewStore().isAssigned(round: id, unit: unit, reviewer: principal.subject)
    else { throw PortalFailure.forbidden }
    return round
  }

  /// Validates `bytes` as `reviewer`'s review of `unit` (as the CLI validates reviews, against the
  /// unit's latest accepted submission) and keeps it durably as the next version.
  public func review(
    _ bytes: [UInt8], round: RoundRecord, unit: String, reviewer: String, received: Date, audit: AuditEntry
  ) async throws -> ReviewRecord {
    let uploads = try await store.uploads(round: round.id, unit: unit)
    guard let accepted = uploads.last(where: { $0.status == .accepted }),
      let submission = try await store.bytes(round: round.id, unit: unit, version: accepted.version)
    else { throw PortalFailure(404, "not-found", .errorNoAcceptedVersion, [unit, round.id]) }
    let rubric = try await rubric(for: round)
    let sizeLimit = configuration.sizeLimit
    let outcome = await pool.run {
      ReviewValidator(rubric: rubric, sizeLimit: sizeLimit).validate(
        bytes, round: round.id, unit: unit, reviewer: reviewer, submission: submission)
    }
    let record = ReviewRecord(
      round: round.id, unit: unit, reviewer: reviewer, status: outcome.status, sha256: SHA256.hex(bytes),
      submissionSHA256: accepted.sha256,
      received: PortalClock.timestamp(received, offsetSeconds: configuration.offsetSeconds), bytes: bytes,
      diagnostics: outcome.diagnostics)
    return try await reviewStore().appendReview(record, audit: audit)
  }
}
