public import Foundation

extension PortalService {
  /// The round's status at `now`.
  public func status(of round: RoundRecord, now: Date) async throws -> RoundStatus {
    async let units = store.units(round: round.id)
    async let uploads = store.uploads(round: round.id)
    return try await RoundStatus(round: round, state: state(of: round, now: now), units: units, uploads: uploads)
  }

  /// Ends submitting (idempotent) and returns the status after it.
  public func close(_ round: RoundRecord, now: Date) async throws -> RoundStatus {
    try await store.close(round: round.id)
    guard let after = try await store.round(round.id) else { throw PortalFailure.unknownRound(round.id) }
    return try await status(of: after, now: now)
  }

  /// The round as a ZIP: the rubric, each unit's latest accepted submission and the manifest.
  public func export(_ round: RoundRecord) async throws -> [UInt8] {
    let (rubric, submissions, reviews) = try await exportContents(round)
    return try await pool.run {
      Result { try ExportArchive.zip(rubric: rubric, submissions: submissions, reviews: reviews) }
    }.get()
  }

  /// The files of `round`'s export, by path, as the ZIP holds them.
  public func exportFiles(_ round: RoundRecord) async throws -> [(path: String, bytes: [UInt8])] {
    let (rubric, submissions, reviews) = try await exportContents(round)
    return ExportArchive.entries(rubric: rubric, submissions: submissions, reviews: reviews)
  }

  private func exportContents(
    _ round: RoundRecord
  ) async throws -> ([UInt8], [ExportArchive.Submission], [ExportArchive.Review]) {
    let uploads = try await store.uploads(round: round.id)
    var latest: [String: UploadRecord] = [:]
    for upload in uploads where upload.status == .accepted { latest[upload.unit] = upload }
    var submissions: [ExportArchive.Submission] = []
    for (unit, upload) in latest {
      guard let bytes = try await store.bytes(round: round.id, unit: unit, version: upload.version) else { continue }
      submissions.append(ExportArchive.Submission(unit: unit, version: upload.version, bytes: bytes))
    }
    let rubric = round.rubricXML
    let included = submissions
    let reviews = try await reviewStore().acceptedReviews(round: round.id).filter { latest[$0.unit] != nil }.map {
      ExportArchive.Review(unit: $0.unit, reviewer: $0.reviewer, version: $0.version, bytes: $0.bytes)
    }
    return (rubric, included, reviews)
  }
}
