/// The positions of a fixed list of identifiers (a rubric's criterion or
/// section ids), found by an open-addressing table over an FNV-1a hash of the
/// UTF-8 bytes.
///
/// Every response, score and evidence rejection of a round is looked up once or
/// twice, so this replaces a `Dictionary` whose per-process seeded SipHash
/// cost more than the rest of the lookup. The table holds only the rubric's
/// own ids: a key from an untrusted file can only probe it, never grow or
/// crowd it, so the unseeded hash opens no way to slow a run down.
///
/// Ids match as Swift strings do, by canonical equivalence (docs/DECISIONS.md).
/// For ASCII that is byte equality, which the table tests; a key or an id with
/// any other character is looked up in a `Dictionary`, which compares canonically.
struct IdentifierTable: Sendable {
  private let ids: [String]
  /// Positions into `ids`, or -1 for an empty slot; the length is a power of two.
  private let slots: [Int32]
  /// Every id (first position kept), for keys the byte table cannot answer.
  private let canonical: [String: Int]
  /// Whether every id is ASCII, so that an ASCII key can only equal an id byte for byte.
  private let allASCII: Bool

  /// Indexes `ids`; when an id appears twice, its first position is kept.
  init(_ ids: [String]) {
    self.ids = ids
    canonical = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var capacity = 8
    while capacity < ids.count * 2 { capacity *= 2 }
    var slots = [Int32](repeating: -1, count: capacity)
    var allASCII = true
    for (position, id) in ids.enumerated() {
      let (hash, ascii) = Self.hash(id)
      allASCII = allASCII && ascii
      var slot = hash & (capacity - 1)
      while slots[slot] >= 0 && ids[Int(slots[slot])] != id { slot = (slot + 1) & (capacity - 1) }
      if slots[slot] < 0 { slots[slot] = Int32(position) }
    }
    self.slots = slots
    self.allASCII = allASCII
  }

  /// The position of `id`, or `nil` when it is not in the list.
  func position(of id: String) -> Int? {
    let (hash, ascii) = Self.hash(id)
    guard ascii && allASCII else { return canonical[id] }
    let mask = slots.count - 1
    var slot = hash & mask
    while true {
      let position = Int(slots[slot])
      if position < 0 { return nil }
      if ids[position] == id { return position }
      slot = (slot + 1) & mask
    }
  }

  /// FNV-1a of the UTF-8 bytes, and whether they are all ASCII.
  private static func hash(_ id: String) -> (Int, ascii: Bool) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt8 = 0
    let hashed: Void? = id.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        high |= byte
      }
    }
    if hashed == nil {
      for byte in id.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        high |= byte
      }
    }
    return (Int(truncatingIfNeeded: hash ^ (hash >> 32)), high < 0x80)
  }
}
