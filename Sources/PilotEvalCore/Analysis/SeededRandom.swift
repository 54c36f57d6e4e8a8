/// A seeded pseudo-random generator whose output is the same on every platform and Swift version:
/// xoshiro256** (Blackman & Vigna, 2018), its state filled by SplitMix64.
///
/// Every `(seed, stream)` pair has its own generator, so independent pieces of work (the draws of
/// `Robustness.analyse`) can run on any thread, in any order, and give the same numbers. The type does
/// not conform to `RandomNumberGenerator` on purpose: the standard library's `random(in:using:)` may change
/// how it maps bits to values between releases, so the mappings used here are written out below.
///
///     var random = SeededRandom(seed: 1, stream: 7)
///     random.nextUnit()      // a Double in [0, 1)
///     random.next(below: 5)  // an Int in 0..<5
package struct SeededRandom: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// A generator with this raw xoshiro256** state (not all zero).
  package init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(state != (0, 0, 0, 0), "xoshiro256** needs a state that is not all zero")
    (s0, s1, s2, s3) = state
  }

  /// The generator of stream `stream` under `seed`.
  ///
  /// SplitMix64 started at `seed` gives a key; a second SplitMix64 started at `key ^ mix(stream)` gives the
  /// four state words. `mix` is SplitMix64's bijective finaliser, so for one seed every stream starts from a
  /// different state, and the state is never all zero (four outputs of a bijection on distinct inputs).
  package init(seed: UInt64, stream: UInt64) {
    var outer = SplitMix64(state: seed)
    var inner = SplitMix64(state: outer.next() ^ SplitMix64.mix(stream))
    self.init(state: (inner.next(), inner.next(), inner.next(), inner.next()))
  }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3.rotatedLeft(by: 45)
    return result
  }

  /// A uniform `Double` in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
  package mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform integer in `0..<bound` (`bound` ≥ 1), without bias: Lemire's multiply-and-reject method.
  package mutating func next(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): a 64-bit generator used here only to fill xoshiro256**'s state.
package struct SplitMix64: Sendable {
  /// The current state; each output adds the golden-ratio increment to it first.
  package var state: UInt64

  /// A generator starting at `state`.
  package init(state: UInt64) {
    self.state = state
  }

  /// The next output.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// SplitMix64's finaliser: a bijection of 64-bit words that spreads every input bit over the output.
  package static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension UInt64 {
  fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
    (self << count) | (self >> (64 - count))
  }
}
