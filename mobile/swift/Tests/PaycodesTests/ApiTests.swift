// The Swift surface: errors (the Display text the Rust side exports, pinned), enums and their
// stable ids, batches, building, customer messages.
import XCTest
@testable import Paycodes

final class ApiTests: XCTestCase {
    func testErrorsCarryTheStableIdAndShowTheRustDisplay() {
        XCTAssertThrowsError(try decode(code: "")) { error in
            guard case let .InvalidCode(code, description, index)? = error as? PaycodesError else {
                return XCTFail("expected PaycodesError.InvalidCode, got \(error)")
            }
            XCTAssertEqual(code, "empty")
            XCTAssertEqual(description, "the code is empty")
            XCTAssertNil(index)
            XCTAssertEqual((error as? PaycodesError)?.description, "the code is empty (empty)")
        }
        XCTAssertThrowsError(try decode(code: nil)) { XCTAssertEqual(errorOf($0)?.0, "bad_type") }
        XCTAssertThrowsError(try decodeNumber(code: -2002400)) { XCTAssertEqual(errorOf($0)?.0, "negative_number") }
        XCTAssertThrowsError(try decodeNumber(code: 0)) { XCTAssertEqual(errorOf($0)?.0, "bad_length") }
        XCTAssertThrowsError(try decode(code: "4035414", options: DecodeOptions(provider: "nope"))) {
            XCTAssertEqual(errorOf($0)?.0, "unknown_provider")
        }
        XCTAssertThrowsError(try buildSnap(service: "25", options: BuildSnapOptions(reason: "lost_card"))) {
            XCTAssertEqual(errorOf($0)?.0, "no_snap_code")
        }
        XCTAssertThrowsError(try buildSnap(service: "24", options: BuildSnapOptions(httpStatus: 65940, caseCode: 12))) {
            XCTAssertEqual(errorOf($0)?.0, "bad_http_status")
        }
    }

    func testMoneySemantics() throws {
        let d = try decode(code: "4035414", options: DecodeOptions(message: "Insufficient Funds", locale: "id"))
        XCTAssertEqual(d.outcome, .failed)
        XCTAssertEqual(d.reason, .insufficientFunds)
        XCTAssertEqual(d.action, .askCustomer)
        XCTAssertTrue(d.customerMessage.hasPrefix("Saldo Anda"))
        XCTAssertEqual(try decode(code: "2021800").outcome, .pending)
        XCTAssertEqual(try decode(code: "5041800").action, .inquireStatus)
        XCTAssertEqual(try decodeNumber(code: 2002400).canonical, "2002400")
    }

    func testBatchesBuildingAndIds() throws {
        let out = try decodeMany(items: [CodeInput(code: "4035414", message: nil), CodeInput(code: "4002501", message: "Invalid Field Format amount")])
        XCTAssertEqual(out.map { $0.reason }, [.insufficientFunds, .invalidFieldFormat])
        XCTAssertEqual(out[1].detail, "amount")
        XCTAssertThrowsError(try decodeMany(items: [CodeInput(code: "4035414", message: nil), CodeInput(code: "nope!", message: nil)])) {
            XCTAssertEqual(errorOf($0)?.1, 1)
        }
        XCTAssertEqual(try buildSnap(service: "24", options: BuildSnapOptions(reason: "bill_paid")).responseCode, "4042414")
        XCTAssertEqual(reasonId(value: .threeDSecureFailed), "three_d_secure_failed")
        XCTAssertTrue(try customerMessage(reason: "stolen_card", options: CustomerMessageOptions(locale: "id")).masked)
        XCTAssertEqual(try decode(code: "07", options: DecodeOptions(family: "status", kind: "Direct Debit")).statusKind, "direct_debit")
    }
}
