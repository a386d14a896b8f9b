// Every vector of tests/vectors through the Swift bindings (run with `swift test` where a
// Swift toolchain exists; this repository's test command only parses this file).
import XCTest
@testable import Paycodes

final class ConformanceTests: XCTestCase {
    func testEveryVector() throws {
        let vectors = try loadVectors()
        XCTAssertGreaterThan(vectors.count, 800)
        var failures: [String] = []
        for v in vectors {
            do {
                let d = try decodeInput(v.input)
                if let expect = v.expect {
                    var diffs: [String] = []
                    compare("", expect, d.json(), &diffs)
                    if !diffs.isEmpty { failures.append("\(v.name): \(diffs.joined(separator: "; "))") }
                } else {
                    failures.append("\(v.name): expected error \(v.expectError ?? "?"), got an answer")
                }
            } catch {
                let code = errorCode(error)
                if v.expectError == nil || v.expectError != code {
                    failures.append("\(v.name): expected \(v.expectError ?? "an answer"), got error \(code ?? "\(error)")")
                }
            }
        }
        print("\(vectors.count - failures.count) passed, \(failures.count) failed")
        XCTAssertEqual(failures, [])
    }
}
