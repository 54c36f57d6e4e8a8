import Foundation
import PilotEvalCore
import Testing

@testable import PilotEvalPortal

extension PortalTests {
  /// What the office types: deadlines and the units file.
  @Suite("Office inputs")
  struct OfficeInputTests {
    @Test("a deadline needs an offset; the same instant compares equal whatever the offset")
    func deadlines() {
      #expect(PortalClock.parse("2026-06-30T18:00:00+08:00") == PortalClock.parse("2026-06-30T10:00:00Z"))
      #expect(PortalClock.parse("2026-06-30T18:00:00") == nil)
      #expect(PortalClock.parse("2026-06-30") == nil)
      #expect(PortalClock.parse("tomorrow at six+08:00") == nil)
      #expect(PortalClock.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00+08:00")
    }

    @Test("units file: quoted fields, any column order, optional organisation; bad rows named by line")
    func units() throws {
      let units = try UnitList.parse(
        "\u{FEFF}name,id,region,level,category,organisation\r\n\"甲, 局\",A-1,福建,省级,局,\"说 \"\"明\"\"\"\r\n乙,B-2,广西,市级,局,\n"
      )
      #expect(units.map(\.id) == ["A-1", "B-2"])
      #expect(units[0].name == "甲, 局")
      #expect(units[0].organisation == "说 \"明\"")
      #expect(throws: UnitList.Problem(line: 3, message: Message(.portalUnitsIdTwice, "A-1"))) {
        try UnitList.parse("id,name,region,level,category\nA-1,a,b,c,d\nA-1,a,b,c,d\n")
      }
      #expect(throws: UnitList.Problem.self) { try UnitList.parse("id,name,region,level\nA,a,b,c\n") }
      #expect(throws: UnitList.Problem.self) { try UnitList.parse("id,name,region,level,category\na/b,a,b,c,d\n") }
      #expect(throws: UnitList.Problem.self) { try UnitList.parse("id,name,region,level,category\nA,a,b,c\n") }
      #expect(!Identifier.isValid("a b") && !Identifier.isValid("") && Identifier.isValid("GX-NN-01"))
    }
  }
}
