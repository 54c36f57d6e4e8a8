/// Every user-facing string of the portal, by key; the texts are in `PortalText+Tables.swift`.
///
/// A text may hold numbered placeholders `{0}`, `{1}` … for its arguments.
///
///     PortalText.unitMismatch.render(.zh, ["GX-01", "GX-02"])
public enum PortalText: String, Sendable, CaseIterable {
  // MARK: - API errors
  case errorUnauthorized = "error.unauthorized"
  case errorUnknownRound = "error.unknown-round"
  case errorUnknownUnit = "error.unknown-unit"
  case errorNotFound = "error.not-found"
  case errorNoAcceptedVersion = "error.no-accepted-version"
  case errorNoSuchVersion = "error.no-such-version"
  case errorForbidden = "error.forbidden"
  case errorPhase = "error.phase"
  case errorPastDeadline = "error.past-deadline"
  case errorMediaType = "error.media-type"
  case errorTooLarge = "error.too-large"
  case errorRejected = "error.rejected"
  case errorTooMany = "error.too-many"
  case errorCSRF = "error.csrf"
  case errorBadRequest = "error.bad-request"
  case errorInternal = "error.internal"
  case errorRubric = "error.rubric"

  // MARK: - Web pages
  case webTitle = "web.title"
  case webLoginHeading = "web.login.heading"
  case webLoginID = "web.login.id"
  case webLoginCode = "web.login.code"
  case webLoginSubmit = "web.login.submit"
  case webLoginFailed = "web.login.failed"
  case webLogout = "web.logout"
  case webLanguageSwitch = "web.language.switch"
  case webHome = "web.home"
  case webHomeHeading = "web.home.heading"
  case webDeadline = "web.deadline"
  case webDeadlineNone = "web.deadline.none"
  case webDeadlineLeft = "web.deadline.left"
  case webDeadlinePassed = "web.deadline.passed"
  case webStateSubmitting = "web.state.submitting"
  case webStatePastDeadline = "web.state.past-deadline"
  case webStateReviewing = "web.state.reviewing"
  case webStatePublished = "web.state.published"
  case webStatusAccepted = "web.status.accepted"
  case webStatusRejected = "web.status.rejected"
  case webStatusMissing = "web.status.missing"
  case webReceipts = "web.receipts"
  case webColVersion = "web.col.version"
  case webColStatus = "web.col.status"
  case webColReceived = "web.col.received"
  case webColSHA = "web.col.sha256"
  case webColBytes = "web.col.bytes"
  case webColFindings = "web.col.findings"
  case webColLine = "web.col.line"
  case webColSeverity = "web.col.severity"
  case webColMessage = "web.col.message"
  case webColUnit = "web.col.unit"
  case webColName = "web.col.name"
  case webColRegion = "web.col.region"
  case webColLevel = "web.col.level"
  case webColUploads = "web.col.uploads"
  case webColReasons = "web.col.reasons"
  case webAccepted = "web.accepted"
  case webRejected = "web.rejected"
  case webMissing = "web.missing"
  case webSeverityError = "web.severity.error"
  case webSeverityWarning = "web.severity.warning"
  case webUploadHeading = "web.upload.heading"
  case webUploadFile = "web.upload.file"
  case webUploadSubmit = "web.upload.submit"
  case webUploadMissing = "web.upload.missing"
  case webTemplate = "web.template"
  case webFormLink = "web.form.link"
  case webDownload = "web.download"
  case webDetails = "web.details"
  case webReceiptHeading = "web.receipt.heading"
  case webReceiptAccepted = "web.receipt.accepted"
  case webReceiptRejected = "web.receipt.rejected"
  case webReceiptClean = "web.receipt.clean"
  case webReceiptSource = "web.receipt.source"
  case webOfficeHeading = "web.office.heading"
  case webOfficeCounts = "web.office.counts"
  case webOfficeFilter = "web.office.filter"
  case webOfficeAll = "web.office.all"
  case webOfficeClose = "web.office.close"
  case webOfficeExport = "web.office.export"
  case webOfficeVersions = "web.office.versions"
  case webOfficeNoRound = "web.office.no-round"
  case webFormHeading = "web.form.heading"
  case webFormIntro = "web.form.intro"
  case webFormApplicable = "web.form.applicable"
  case webFormNotApplicable = "web.form.not-applicable"
  case webFormReason = "web.form.reason"
  case webFormLevel = "web.form.level"
  case webFormUnanswered = "web.form.unanswered"
  case webFormValue = "web.form.value"
  case webFormBandValue = "web.form.band-value"
  case webFormPoints = "web.form.points"
  case webFormChecks = "web.form.checks"
  case webFormEvidence = "web.form.evidence"
  case webFormMinimumEvidence = "web.form.minimum-evidence"
  case webFormAutomatic = "web.form.automatic"
  case webFormKey = "web.form.key"
  case webFormCheck = "web.form.check"
  case webFormSubmit = "web.form.submit"
  case webFormDownload = "web.form.download"
  case webFormFindings = "web.form.findings"
  case webFormNoFindings = "web.form.no-findings"
  case webFormUnitName = "web.form.unit-name"
  case webFormSubmitted = "web.form.submitted"
  case webFormPoints2 = "web.form.points-suffix"
  case webErrorHeading = "web.error.heading"
  case webBack = "web.back"

  // MARK: - Expert review pages
  case webExpertHeading = "web.expert.heading"
  case webExpertProgress = "web.expert.progress"
  case webExpertUnit = "web.expert.unit"
  case webExpertState = "web.expert.state"
  case webExpertReviewed = "web.expert.reviewed"
  case webExpertPending = "web.expert.pending"
  case webExpertAssigned = "web.expert.assigned"
  case webExpertNotApplicable = "web.expert.not-applicable"
  case webExpertRejected = "web.expert.rejected"
  case webExpertReviewFile = "web.expert.review-file"
  case webExpertCriterion = "web.expert.criterion"
  case webExpertAnswer = "web.expert.answer"
  case webExpertEvidence = "web.expert.evidence"
  case webExpertNotes = "web.expert.notes"
  case webExpertUnitHeading = "web.expert.unit-heading"
  case webProgressHeading = "web.progress.heading"
  case webProgressByExpert = "web.progress.by-expert"
  case webProgressByUnit = "web.progress.by-unit"

  // MARK: - Upload findings the portal adds to validation
  case unitMismatch = "diagnostic.unit-mismatch"
  case roundMismatch = "diagnostic.round-mismatch"
  /// A review's reviewer is not the holder of the code.
  case reviewerMismatch = "diagnostic.reviewer-mismatch"
  /// The expert is not assigned to the unit.
  case errorNotAssigned = "error.not-assigned"
  /// No accepted review by that expert.
  case errorNoReview = "error.no-review"

  /// The text in `language`, with `{n}` replaced by `arguments[n]`.
  public func render(_ language: PortalLanguage, _ arguments: [String] = []) -> String {
    let template = (language == .zh ? Self.zh : Self.en)[self] ?? rawValue
    var text = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      text += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let index = Int(after[..<close]), arguments.indices.contains(index) {
        text += arguments[index]
        rest = after[after.index(after: close)...]
      } else {
        text += "{"
        rest = after
      }
    }
    return text + rest
  }
}
