// Every vector of tests/vectors through the Swift bindings, checked by the checker every
// language shares (run with `swift test` where a Swift toolchain exists, with
// PAYCODES_CONFORMANCE naming the paycodes-conformance binary; this repository's test
// command only parses this file).
import XCTest
@testable import Paycodes

final class ConformanceTests: XCTestCase {
    func testEveryVector() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("answers-swift.jsonl")
        XCTAssertGreaterThan(try writeAnswers(to: out), 900)
        guard let checker = ProcessInfo.processInfo.environment["PAYCODES_CONFORMANCE"] else {
            return XCTFail("set PAYCODES_CONFORMANCE to the paycodes-conformance binary (cargo build -p paycodes-conformance)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: checker)
        p.arguments = ["--check", "swift", out.path, vectorsDirectory().path]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "paycodes-conformance --check swift failed")
    }
}
