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
        XCTAssertThrowsError(try decode(code: nil)) { XCTAssertEqual(errorCode($0), "bad_type") }
        XCTAssertThrowsError(try decodeNumber(code: -2002400)) { XCTAssertEqual(errorCode($0), "negative_number") }
        XCTAssertThrowsError(try decode(code: "4035414", options: DecodeOptions(provider: "nope"))) {
            XCTAssertEqual(errorCode($0), "unknown_provider")
        }
        XCTAssertThrowsError(try buildSnapForReason(service: "25", reason: .lostCard)) { XCTAssertEqual(errorCode($0), "no_snap_code") }
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
        let out = try decodeMany(items: [CodeInput(code: "4035414"), CodeInput(code: "4002501", message: "Invalid Field Format amount")])
        XCTAssertEqual(out.map { $0.reason }, [.insufficientFunds, .invalidFieldFormat])
        XCTAssertEqual(out[1].detail, "amount")
        XCTAssertThrowsError(try decodeMany(items: [CodeInput(code: "4035414"), CodeInput(code: "nope!")])) { error in
            guard case let .InvalidCode(_, _, index)? = error as? PaycodesError else { return XCTFail("\(error)") }
            XCTAssertEqual(index, 1)
        }
        XCTAssertEqual(try buildSnapForReason(service: "24", reason: .billPaid).responseCode, "4042414")
        XCTAssertEqual(reasonId(reason: .threeDSecureFailed), "three_d_secure_failed")
        XCTAssertEqual(try reasonFromId(id: "insufficient_funds"), .insufficientFunds)
        XCTAssertTrue(customerMessage(reason: .stolenCard, locale: "id").masked)
        XCTAssertEqual(try table(name: "snap-services").rows.count, 81)
    }
}
