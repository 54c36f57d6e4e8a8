/// One element of a rubric document as the rubric checker reads it: what the XML reader found, before any rule
/// is applied (SPEC §1).
///
/// The XML module turns a parsed document into these nodes; `RubricChecker` judges them. Only the unqualified
/// attributes a rubric element can carry (`attributeNames`) are kept.
public struct RubricNode: Sendable, Hashable {
  /// The element's local name.
  public var name: String
  /// Its namespace URI (`nil` when it has none).
  public var namespace: String?
  /// Its line in the document (1-based).
  public var line: Int
  /// Its unqualified attributes among `attributeNames`, by name.
  public var attributes: [String: String]
  /// Its text content, trimmed of surrounding white space.
  public var text: String
  /// Its child elements, in document order.
  public var children: [RubricNode]

  /// The attributes SPEC §1 gives the elements of a rubric.
  public static let attributeNames: Set<String> = [
    "id", "version", "prefix", "uri", "title", "points", "applicable", "key", "select", "min", "max", "from", "to",
    "code", "step", "section-floor", "method", "trim", "section", "cap",
  ]

  /// Creates a node.
  public init(
    name: String, namespace: String?, line: Int, attributes: [String: String] = [:], text: String = "",
    children: [RubricNode] = []
  ) {
    self.name = name
    self.namespace = namespace
    self.line = line
    self.attributes = attributes
    self.text = text
    self.children = children
  }

  /// An attribute's value.
  func attribute(_ name: String) -> String? { attributes[name] }

  /// Whether the node is `name` in `namespace`.
  func isNamed(_ name: String, in namespace: String) -> Bool { self.name == name && self.namespace == namespace }

  /// Child elements named `name` in `namespace`.
  func children(named name: String, in namespace: String) -> [RubricNode] {
    children.filter { $0.isNamed(name, in: namespace) }
  }

  /// The first child element named `name` in `namespace`.
  func child(named name: String, in namespace: String) -> RubricNode? {
    children.first { $0.isNamed(name, in: namespace) }
  }
}

/// `true` for XML Schema's true values, `true` and `1`.
package func isTrue(_ text: String?) -> Bool { text == "true" || text == "1" }
