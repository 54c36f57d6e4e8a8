/// Union–find with path halving and union by size, over `0..<count`.
struct DisjointSets {
  private var parent: [Int]
  private var size: [Int]

  init(count: Int) {
    parent = Array(0..<count)
    size = Array(repeating: 1, count: count)
  }

  mutating func find(_ element: Int) -> Int {
    var x = element
    while parent[x] != x {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }

  mutating func union(_ a: Int, _ b: Int) {
    var (x, y) = (find(a), find(b))
    guard x != y else { return }
    if size[x] < size[y] { (x, y) = (y, x) }
    parent[y] = x
    size[x] += size[y]
  }

  /// A label per element, labels 0, 1, … in the order of each set's first element, and the set count.
  mutating func labels() -> (label: [Int], count: Int) {
    var labelOfRoot = [Int: Int]()
    var label = [Int]()
    label.reserveCapacity(parent.count)
    for element in parent.indices {
      let root = find(element)
      if let known = labelOfRoot[root] {
        label.append(known)
      } else {
        labelOfRoot[root] = labelOfRoot.count
        label.append(labelOfRoot.count - 1)
      }
    }
    return (label, labelOfRoot.count)
  }
}
