/// One submission's responses and its reviews' changes, indexed by criterion
/// position, so that scoring a unit is linear in its answers.
struct AnswerLookup {
  let derived: DerivedData
  private let responses: [Response?]
  private let changes: [[ScoreChange?]]
  private let rejections: [[Double]]

  init(rubric: Rubric, submission: Submission, reviews: [Review]) {
    derived = submission.derived
    let count = rubric.criteria.count
    var responses = [Response?](repeating: nil, count: count)
    for response in submission.responses {
      if let index = rubric.criterionPosition(response.criterion), responses[index] == nil {
        responses[index] = response
      }
    }
    self.responses = responses
    changes = reviews.map { review in
      var byCriterion = [ScoreChange?](repeating: nil, count: count)
      for change in review.scores {
        if let index = rubric.criterionPosition(change.criterion), byCriterion[index] == nil {
          byCriterion[index] = change
        }
      }
      return byCriterion
    }
    rejections = reviews.map { review in
      var byCriterion = [Double](repeating: 0, count: count)
      for rejection in review.evidenceRejections {
        if let index = rubric.criterionPosition(rejection.criterion) { byCriterion[index] += rejection.count }
      }
      return byCriterion
    }
  }

  /// The unit's first response to the criterion at `index`.
  func response(_ index: Int) -> Response? { responses[index] }

  /// Review `review`'s score of the criterion at `index`.
  func change(review: Int, criterion index: Int) -> ScoreChange? { changes[review][index] }

  /// How many evidence items review `review` rejects for the criterion at `index`.
  func rejectedEvidence(review: Int, criterion index: Int) -> Double { rejections[review][index] }
}
