#!/usr/bin/env bash
# Checks that the compiler refuses to hand libxml2's tree to another thread (issue 18,
# item 4): snippets that pass a ParsedDocument or an Element across threads must fail
# to type-check, and a control snippet that uses the same modules correctly must pass
# (so a failure is the compiler's refusal, not a missing module).
#
#   Tools/check-sendable.sh        # after `swift build` (debug)
set -euo pipefail
cd "$(dirname "$0")/.."
modules="$(swift build --show-bin-path)/Modules"
[ -d "$modules" ] || { echo "check-sendable: no $modules; run swift build first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

typecheck() {
  # shellcheck disable=SC2046  # pkg-config prints several flags
  swiftc -typecheck -swift-version 6 -I "$modules" \
    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
    $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') "$1"
}

header='@testable import PilotEvalCore
@testable import PilotEvalXML
'

cat >"$work/control.swift" <<EOF
$header
// Allowed: a Sendable result crosses; elements are read inside withRoot on the parsing thread.
func control(_ bytes: [UInt8]) {
  OrderedParallel.forEach(count: 2, jobs: 2, transform: { index -> [String] in
    guard case .success(let document) = bytes.withUnsafeBytes({ ParsedDocument.parse(\$0, file: "a.xml") })
    else { return [] }
    return document.withRoot { root in root.map { [\$0.name] } ?? [] }
  }, consume: { _, _ in })
}
EOF

cat >"$work/document-result.swift" <<EOF
$header
// Refused: a worker's result is a parsed document.
func documents(_ bytes: [UInt8]) {
  OrderedParallel.forEach(count: 2, jobs: 2, transform: { _ -> ParsedDocument? in
    guard case .success(let document) = bytes.withUnsafeBytes({ ParsedDocument.parse(\$0, file: "a.xml") })
    else { return nil }
    return document
  }, consume: { _, _ in })
}
EOF

cat >"$work/element-result.swift" <<EOF
$header
// Refused: a worker's result is an element of a tree.
func elements(_ document: ParsedDocument) {
  OrderedParallel.forEach(count: 2, jobs: 2, transform: { _ -> Element? in nil }, consume: { _, _ in })
}
EOF

cat >"$work/document-captured.swift" <<EOF
$header
// Refused: a worker's transform captures a document parsed on the calling thread.
func captured(_ document: ParsedDocument) {
  OrderedParallel.forEach(count: 2, jobs: 2, transform: { _ in document.withRoot { \$0?.name } }, consume: { _, _ in })
}
EOF

status=0
if ! typecheck "$work/control.swift" >"$work/control.log" 2>&1; then
  echo "check-sendable: the control snippet does not type-check:" >&2
  cat "$work/control.log" >&2
  exit 1
fi
for snippet in document-result element-result document-captured; do
  if typecheck "$work/$snippet.swift" >"$work/$snippet.log" 2>&1; then
    echo "check-sendable: $snippet type-checks, but it sends libxml2's tree to another thread" >&2
    status=1
  elif ! grep -q "Sendable" "$work/$snippet.log"; then
    echo "check-sendable: $snippet fails for another reason:" >&2
    cat "$work/$snippet.log" >&2
    status=1
  else
    echo "refused as it should be: $snippet ($(grep -m1 'error:' "$work/$snippet.log" | sed 's/.*error: //'))"
  fi
done
exit $status
