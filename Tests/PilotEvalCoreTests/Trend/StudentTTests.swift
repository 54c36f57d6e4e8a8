import Foundation
import Testing

@testable import PilotEvalCore

/// Student's t quantiles behind the β-convergence interval, checked against table values and
/// closed forms.
@Suite("Student's t")
struct StudentTTests {
  @Test(
    "the 0.975 quantile matches the table to 1e-3",
    arguments: [(1.0, 12.7062), (2, 4.3027), (10, 2.2281), (30, 2.0423), (1000, 1.9623)])
  func tableValues(degreesOfFreedom: Double, expected: Double) {
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) - expected) < 1e-3)
  }

  @Test(
    "other levels: t(0.95, 5) = 2.0150, t(0.995, 3) = 5.8409, t(0.9, 20) = 1.3253",
    arguments: [(0.95, 5.0, 2.0150), (0.995, 3, 5.8409), (0.9, 20, 1.3253)])
  func otherLevels(p: Double, degreesOfFreedom: Double, expected: Double) {
    #expect(abs(StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom) - expected) < 1e-3)
  }

  @Test("the CDF matches the closed forms: ν = 1 is ½ + atan(t)/π, ν = 2 is ½ + t / (2√(2 + t²))")
  func closedForms() {
    for t in [-7.5, -1.0, -0.2, 0, 0.3, 1.5, 4, 40] {
      #expect(abs(StudentT.cdf(t, degreesOfFreedom: 1) - (0.5 + atan(t) / Double.pi)) < 1e-12)
      #expect(abs(StudentT.cdf(t, degreesOfFreedom: 2) - (0.5 + t / (2 * (2 + t * t).squareRoot()))) < 1e-12)
    }
  }

  @Test("the quantile inverts the CDF, is symmetric, 0 at ½ and infinite at 0 and 1")
  func inverse() {
    for nu in [1.0, 3, 17, 250] {
      for p in [0.001, 0.2, 0.6, 0.975, 0.999_9] {
        let t = StudentT.quantile(p, degreesOfFreedom: nu)
        #expect(abs(StudentT.cdf(t, degreesOfFreedom: nu) - p) < 1e-10)
        #expect(abs(StudentT.quantile(1 - p, degreesOfFreedom: nu) + t) < 1e-8 * max(1, abs(t)))
      }
      #expect(StudentT.quantile(0.5, degreesOfFreedom: nu) == 0)
    }
    #expect(StudentT.quantile(1, degreesOfFreedom: 4) == .infinity)
    #expect(StudentT.quantile(0, degreesOfFreedom: 4) == -.infinity)
  }

  @Test("the regularized incomplete beta: I_x(a, 1) = xᵃ, I_x(1, b) = 1 − (1 − x)ᵇ, I_½(a, a) = ½")
  func incompleteBeta() {
    for x in [0.01, 0.3, 0.5, 0.77, 0.99] {
      #expect(abs(IncompleteBeta.regularized(x, a: 2.5, b: 1) - pow(x, 2.5)) < 1e-13)
      #expect(abs(IncompleteBeta.regularized(x, a: 1, b: 3.5) - (1 - pow(1 - x, 3.5))) < 1e-13)
    }
    for a in [0.5, 4, 60] { #expect(abs(IncompleteBeta.regularized(0.5, a: a, b: a) - 0.5) < 1e-13) }
    #expect(IncompleteBeta.regularized(0, a: 2, b: 2) == 0)
    #expect(IncompleteBeta.regularized(1, a: 2, b: 2) == 1)
  }
}
