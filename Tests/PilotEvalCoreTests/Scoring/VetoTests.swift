import PilotEvalCore
import Testing

/// SPEC §2 step 6: vetoes (一票否决).
@Suite("§2.6 vetoes")
struct VetoTests {
  private let rubric = Rubric.make(
    [.judgement("C1", points: 100)],
    vetoes: [Veto(id: "V1", title: "安全事故", select: "boolean(//s:accident)"), Veto(id: "V2", title: "数据造假")])

  private func submission(points: Double = 95, vetoes: Set<String> = []) -> Submission {
    .make([Response(criterion: "C1", points: points)], derived: DerivedData(triggeredVetoes: vetoes))
  }

  @Test("a veto whose select is true on the submission vetoes the unit: tier `vetoed`, whatever the score")
  func vetoFromData() {
    let card = rubric.score(submission(vetoes: ["V1"]))
    #expect(card.vetoed)
    #expect(card.tier == "vetoed")
    #expect(card.vetoes.map(\.id) == ["V1"])
    #expect(card.vetoes.map(\.fromData) == [true])
    #expect(card.score == 95)  // the score itself is not changed
  }

  @Test("a veto an accepted review triggers vetoes the unit")
  func vetoFromReview() {
    let review = Review.by("E1", vetoes: [VetoFinding(id: "V2", triggered: true, reason: "台账造假")])
    let card = rubric.score(submission(), reviews: [.by("E0"), review])
    #expect(card.vetoed)
    #expect(card.tier == "vetoed")
    #expect(card.vetoes.map(\.id) == ["V2"])
    #expect(card.vetoes.map(\.fromData) == [false])
    #expect(card.vetoes.map(\.reviewers) == [["E1"]])
  }

  @Test("a review's finding that a veto is not triggered does not veto")
  func vetoNotTriggered() {
    let card = rubric.score(submission(), reviews: [.by("E1", vetoes: [VetoFinding(id: "V2", triggered: false)])])
    #expect(!card.vetoed)
    #expect(card.tier == "exemplary")
  }

  @Test("reviews cannot clear a veto the data triggers")
  func reviewsCannotClear() {
    let clearing = Review.by("E1", vetoes: [VetoFinding(id: "V1", triggered: false, reason: "已整改")])
    let card = rubric.score(submission(vetoes: ["V1"]), reviews: [clearing])
    #expect(card.vetoed)
    #expect(card.tier == "vetoed")
  }

  @Test("a vetoed unit is never an exemplar: the tier it reached is recorded as blocked by the veto")
  func vetoBlocksTier() {
    let card = rubric.score(submission(points: 100, vetoes: ["V1"]))
    #expect(card.tier == "vetoed")
    #expect(card.blockedTiers.map(\.tier) == ["exemplary"])
    #expect(card.blockedTiers.map(\.reason) == [.veto(["V1"])])
  }

  @Test("several vetoes are listed in rubric order, with everyone who triggered them")
  func vetoesListed() {
    let card = rubric.score(
      submission(vetoes: ["V1"]),
      reviews: [
        .by("E1", vetoes: [VetoFinding(id: "V2", triggered: true)]),
        .by("E2", vetoes: [VetoFinding(id: "V2", triggered: true), VetoFinding(id: "V1", triggered: true)]),
      ])
    #expect(card.vetoes.map(\.id) == ["V1", "V2"])
    #expect(card.vetoes.map(\.fromData) == [true, false])
    #expect(card.vetoes.map(\.reviewers) == [["E2"], ["E1", "E2"]])
  }

  @Test("the self tier knows only data-driven vetoes (reviews are what the self score leaves out)")
  func selfTierVetoes() {
    let byReview = rubric.score(submission(), reviews: [.by("E1", vetoes: [VetoFinding(id: "V2", triggered: true)])])
    #expect(byReview.selfTier == "exemplary")
    #expect(rubric.score(submission(vetoes: ["V1"])).selfTier == "vetoed")
  }
}
