import Foundation
public import PilotEvalCore

/// The language of a page, an error message or a receipt.
public enum PortalLanguage: String, Sendable, CaseIterable {
  /// Chinese, the default.
  case zh
  /// English, on request.
  case en

  /// The language a request asks for: English when the first tag of its `Accept-Language`
  /// starts with `en` (case-insensitive), Chinese otherwise.
  public static func negotiate(acceptLanguage: String?) -> PortalLanguage {
    guard let header = acceptLanguage, let first = header.split(separator: ",").first else { return .zh }
    return first.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("en") ? .en : .zh
  }

  /// The same language in Core's catalog.
  public var core: Language {
    switch self {
    case .zh: .zh
    case .en: .en
    }
  }
}
