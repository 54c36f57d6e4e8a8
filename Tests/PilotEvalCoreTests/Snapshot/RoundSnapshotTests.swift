import PilotEvalCore
import Testing

/// What a scored round keeps for the history store and the trend analysis.
@Suite("Round snapshot")
struct RoundSnapshotTests {
  /// S1 {C1 30, C2 20 (合理缺项 allowed)}, S2 ⊂ S1 {C3 50}; total 100.
  private let rubric: Rubric = {
    var optional = Criterion.judgement("C2", points: 20)
    optional.isOptional = true
    return Rubric.make(
      [.judgement("C1", points: 30), optional, .judgement("C3", points: 50)],
      sections: [.section("S1", ["C1", "C2"]), .section("S2", in: "S1", ["C3"])])
  }()

  private func card(_ id: String, region: String, _ points: [Double?]) -> Scorecard {
    let responses = zip(rubric.criteria, points).map { criterion, points in
      points.map { Response(criterion: criterion.id, points: $0) } ?? .notApplicable(criterion.id)
    }
    return rubric.score(Submission.make(unit: id, region: region, level: "市级", round: "2025H1", responses))
  }

  private var result: RoundResult {
    RoundResult(
      rubric: rubric, round: "2025H1",
      scorecards: [
        card("B", region: "广西", [10, 10, 20]),
        card("A", region: "广西", [30, 20, 45]),
        card("C", region: "湖南", [30, nil, 44]),
      ],
      rejected: [
        Rejection(
          file: "x.xml", kind: .submission,
          errors: [
            .error(Message(.submissionUnknownLevel, "Z", "C4", "A, B"), line: 12),
            .error(Message(.submissionUnitIDMissing), line: 3),
          ])
      ],
      submissionsSeen: 4, reviewsApplied: 0)
  }

  @Test("units are kept in rank order with their rank, tier, sections and criteria")
  func unitsInRankOrder() {
    let snapshot = RoundSnapshot(result, analysis: RoundAnalysis(result))
    #expect(snapshot.round == "2025H1")
    #expect(snapshot.units.map(\.id) == ["A", "C", "B"])
    #expect(snapshot.units.map(\.rank) == [1, 2, 3])
    #expect(snapshot.units[0].tier == "exemplary")
    #expect(snapshot.units[0].region == "广西")
    #expect(snapshot.units[0].sections.map(\.id) == ["S1", "S2"])
    #expect(snapshot.units[2].criteria.map(\.earned) == [10, 10, 20])
    #expect(snapshot.submissionsSeen == 4)
  }

  @Test("a criterion declared not applicable keeps 0 full points, so shares stay honest")
  func notApplicableHasNoMaximum() throws {
    let snapshot = RoundSnapshot(result, analysis: RoundAnalysis(result))
    let unitC = try #require(snapshot.units.first { $0.id == "C" })
    #expect(unitC.criteria.map(\.max) == [30, 0, 50])
  }

  @Test("the rubric's shape: nested sections name their parent, criteria their innermost section")
  func rubricShape() {
    let shape = RubricShape(rubric)
    #expect(shape.total == 100)
    #expect(shape.sections.map(\.parent) == [nil, "S1"])
    #expect(shape.sections.map(\.max) == [100, 50])
    #expect(shape.criteria.map(\.section) == ["S1", "S1", "S2"])
    #expect(shape.tiers.map(\.id) == ["exemplary", "good", "pass", "fail"])
  }

  @Test("a rejected file keeps its first line and every reason")
  func rejectedFiles() {
    let snapshot = RoundSnapshot(result, analysis: RoundAnalysis(result))
    #expect(
      snapshot.rejected == [
        RejectedInput(
          kind: "submission", file: "x.xml", line: 12,
          reason: "unknown level 'Z' for criterion C4 (expected A, B); the unit id is missing: <unit id=\"…\">")
      ])
  }

  @Test("recommended partners by default; arranged pairings replace them and say so")
  func partnersRecommendedOrArranged() throws {
    let analysis = RoundAnalysis(result)
    let recommended = RoundSnapshot(result, analysis: analysis)
    #expect(recommended.pairings == .recommended)
    let unitB = try #require(recommended.units.first { $0.id == "B" })
    #expect(unitB.partners == ["A", "C"])
    #expect(recommended.units.first { $0.id == "A" }?.exemplar == true)

    let arranged = RoundSnapshot(result, analysis: analysis, arrangedPairings: ["B": ["C"]])
    #expect(arranged.pairings == .arranged)
    #expect(arranged.units.first { $0.id == "A" }?.partners == [])
    #expect(arranged.units.first { $0.id == "B" }?.partners == ["C"])
  }

  @Test("percent is the score's share of the rubric total")
  func percentOfTotal() {
    let shape = RubricShape(rubric)
    var snapshot = RoundSnapshot(round: "R", rubric: shape, units: [UnitSnapshot(id: "A", score: 45, tier: "fail")])
    #expect(snapshot.percent(snapshot.units[0]) == 45)
    snapshot.rubric.total = 90
    #expect(snapshot.percent(snapshot.units[0]) == 50)
  }
}

/// The pairings file a programme office writes after a round (结对帮扶名单).
@Suite("Arranged pairings")
struct ArrangedPairingsTests {
  @Test("one pairing per line; a unit may have several partners; repeats count once")
  func parsesPairings() throws {
    let pairings = try ArrangedPairings(
      csv: "\u{FEFF}unit,partner\r\nGX-NN-02,JS-SZ-01\n\n GX-NN-02 , \"SC-00-01\" \n"
        + "GX-NN-02,JS-SZ-01\nYN-BS-02,SC-00-01\n")
    #expect(pairings.partners["GX-NN-02"] == ["JS-SZ-01", "SC-00-01"])
    #expect(pairings.partners["YN-BS-02"] == ["SC-00-01"])
    #expect(pairings.count == 3)
  }

  @Test("every malformed line is reported with its line number")
  func reportsEveryBadLine() {
    #expect(throws: PairingsError.self) { try ArrangedPairings(csv: "") }
    do {
      _ = try ArrangedPairings(csv: "unit,partner\nA\nB,B\nC,D,E\nF,G\n")
      Issue.record("malformed pairings were accepted")
    } catch {
      #expect(error.diagnostics.map(\.line) == [2, 3, 4])
      #expect(error.diagnostics[1].message.contains("own partner"))
    }
  }

  @Test("a missing header is an error on line 1")
  func requiresHeader() {
    do {
      _ = try ArrangedPairings(csv: "A,B\n")
      Issue.record("a file without header was accepted")
    } catch {
      #expect(error.diagnostics.map(\.line) == [1])
    }
  }

  @Test("units named in the pairings but not scored are listed in byte order")
  func unknownUnits() throws {
    let pairings = try ArrangedPairings(csv: "unit,partner\nB,A\nZ,A\nC,Y\n")
    #expect(pairings.unknownUnits(["A", "B", "C"]) == ["Y", "Z"])
  }
}
