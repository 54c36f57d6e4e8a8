/// One submission's responses and its reviews' changes, indexed by criterion
/// position, so that scoring a unit is linear in its answers.
///
/// It keeps positions into the submission's and reviews' own arrays (one
/// table of small integers), not copies of their answers: the scorer reads
/// each answer's fields in place.
struct AnswerLookup {
  let derived: DerivedData
  private let responses: [Response]
  private let reviews: [Review]
  private let criterionCount: Int
  /// For each criterion, the position of its first response in `responses`, or -1.
  private let responseAt: [Int32]
  /// For each review, then each criterion: the position of the review's first
  /// score of it in that review's `scores`, or -1.
  private let changeAt: [Int32]
  /// For each review, then each criterion: the evidence items it rejects.
  private let rejections: [Double]

  init(rubric: Rubric, submission: Submission, reviews: [Review]) {
    derived = submission.derived
    responses = submission.responses
    self.reviews = reviews
    let count = rubric.criteria.count
    criterionCount = count
    var responseAt = [Int32](repeating: -1, count: count)
    for (position, response) in submission.responses.enumerated() {
      if let index = rubric.criterionPosition(response.criterion), responseAt[index] < 0 {
        responseAt[index] = Int32(position)
      }
    }
    self.responseAt = responseAt
    var changeAt = [Int32](repeating: -1, count: count * reviews.count)
    var rejections = [Double](repeating: 0, count: count * reviews.count)
    for (row, review) in reviews.enumerated() {
      for (position, change) in review.scores.enumerated() {
        if let index = rubric.criterionPosition(change.criterion), changeAt[row * count + index] < 0 {
          changeAt[row * count + index] = Int32(position)
        }
      }
      for rejection in review.evidenceRejections {
        if let index = rubric.criterionPosition(rejection.criterion) {
          rejections[row * count + index] += rejection.count
        }
      }
    }
    self.changeAt = changeAt
    self.rejections = rejections
  }

  /// Whether the unit answered the criterion at `index` as not applicable.
  func isNotApplicable(_ index: Int) -> Bool {
    let at = Int(responseAt[index])
    return at >= 0 && !responses[at].applicable
  }

  /// The evidence the unit lists for the criterion at `index` (0 without a response).
  func evidenceCount(_ index: Int) -> Int {
    let at = Int(responseAt[index])
    return at >= 0 ? responses[at].evidenceCount : 0
  }

  /// The level the unit chose for the criterion at `index`.
  func level(_ index: Int) -> String? {
    let at = Int(responseAt[index])
    return at >= 0 ? responses[at].level : nil
  }

  /// The value the unit wrote for the criterion at `index`.
  func value(_ index: Int) -> Double? {
    let at = Int(responseAt[index])
    return at >= 0 ? responses[at].value : nil
  }

  /// The points the unit judged for the criterion at `index`.
  func points(_ index: Int) -> Double? {
    let at = Int(responseAt[index])
    return at >= 0 ? responses[at].points : nil
  }

  /// The items the unit checked for the criterion at `index`; `nil` without a response.
  func checks(_ index: Int) -> [String]? {
    let at = Int(responseAt[index])
    return at >= 0 ? responses[at].checks : nil
  }

  /// Review `review`'s score of the criterion at `index`.
  func change(review: Int, criterion index: Int) -> ScoreChange? {
    let at = Int(changeAt[review * criterionCount + index])
    return at >= 0 ? reviews[review].scores[at] : nil
  }

  /// How many evidence items review `review` rejects for the criterion at `index`.
  func rejectedEvidence(review: Int, criterion index: Int) -> Double { rejections[review * criterionCount + index] }
}
