import Foundation
import Testing
@testable import StrataTUI

/// The key map is one table: no key bound twice, every command reachable, and every key
/// documented in Docs/explorer.md (STYLE.md "one table drives several outputs").
@Suite("Key map")
struct KeyMapTests {
    @Test("no key is bound to two commands")
    func uniqueKeys() {
        var seen: Set<Key> = []
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(!seen.contains(key), "\(key) is bound twice")
                seen.insert(key)
            }
        }
    }

    @Test("every command has a key")
    func everyCommandBound() {
        let bound = Set(KeyMap.standard.bindings.map(\.command))
        #expect(bound == Set(ExplorerCommand.allCases))
    }

    @Test("every key and its summary appear in Docs/explorer.md")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/explorer.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(text.contains("`\(key.description)`"), "Docs/explorer.md does not mention the key `\(key.description)`")
            }
            #expect(text.contains(binding.summary), "Docs/explorer.md does not describe '\(binding.summary)'")
        }
        for (keys, summary) in KeyMap.textInputKeys + KeyMap.terminalKeys {
            #expect(text.contains(keys), "Docs/explorer.md does not mention \(keys)")
            #expect(text.contains(summary))
        }
    }

    @Test("the help overlay lists every binding")
    func helpListsEverything() {
        let lines = HelpOverlay.sections(keyWidth: 13).flatMap { $0 }.map(\.plainText)
        for binding in KeyMap.standard.bindings {
            #expect(lines.contains { $0.contains(binding.keyText) && $0.contains(binding.summary) })
        }
    }
}
