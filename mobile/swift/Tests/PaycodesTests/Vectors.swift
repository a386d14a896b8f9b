// What the Swift tests share: the answer as the CLI's JSON object (snake_case keys, stable
// ids), the conformance vectors, and the comparison every language's runner uses.
import Foundation
@testable import Paycodes

extension Decoded {
    /// The answer as `paycodes explain --json` prints it.
    func json() -> [String: Any] {
        var o: [String: Any] = [
            "family": familyId(family: family),
            "raw": raw,
            "canonical": canonical,
            "known": known,
            "template": template,
            "message": message,
            "category": categoryId(category: category),
            "outcome": outcomeId(outcome: outcome),
            "reason": reasonId(reason: reason),
            "action": actionId(action: action),
            "customer_message": customerMessage,
            "masked": masked,
            "merchant_message": merchantMessage,
            "provider": provider,
            "source": source,
        ]
        o["http_status"] = httpStatus.map { Int($0) } ?? NSNull()
        o["service_code"] = serviceCode ?? NSNull()
        o["case_code"] = caseCode ?? NSNull()
        o["detail"] = detail ?? NSNull()
        o["operation"] = operation ?? NSNull()
        o["network"] = network.map { networkId(network: $0) } ?? NSNull()
        o["card_category"] = cardCategory.map { categoryId(category: $0) } ?? NSNull()
        o["status_kind"] = statusKind.map { statusKindId(kind: $0) } ?? NSNull()
        if let s = service {
            o["service"] = [
                "code": s.code, "name": s.name, "product": s.product, "kind": serviceKindId(kind: s.kind),
                "moves_money": s.movesMoney, "status_service": s.statusService ?? NSNull(),
            ] as [String: Any]
        } else {
            o["service"] = NSNull()
        }
        if let variants = networkVariants {
            o["network_variants"] = variants.map { v -> [String: Any] in
                [
                    "network": networkId(network: v.network), "message": v.message,
                    "category": categoryId(category: v.category), "reason": reasonId(reason: v.reason),
                    "outcome": outcomeId(outcome: v.outcome), "action": actionId(action: v.action),
                ]
            }
        } else {
            o["network_variants"] = NSNull()
        }
        return o
    }
}

/// The stable id an error carries.
func errorCode(_ error: Error) -> String? {
    switch error as? PaycodesError {
    case let .InvalidCode(code, _, _), let .InvalidArgument(code, _, _), let .UnknownOption(code, _, _),
         let .Build(code, _, _), let .Internal(code, _, _):
        return code
    case nil:
        return nil
    }
}

struct Vector {
    let name: String
    let input: [String: Any]
    let expect: [String: Any]?
    let expectError: String?
}

/// tests/vectors of the repository (or PAYCODES_VECTORS).
func vectorsDirectory() -> URL {
    if let dir = ProcessInfo.processInfo.environment["PAYCODES_VECTORS"] {
        return URL(fileURLWithPath: dir)
    }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }  // Tests/PaycodesTests/X.swift -> repository root
    return url.appendingPathComponent("tests/vectors")
}

func loadVectors() throws -> [Vector] {
    let dir = vectorsDirectory()
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
    var out: [Vector] = []
    for file in files {
        let data = try Data(contentsOf: dir.appendingPathComponent(file))
        let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        for c in doc["cases"] as? [[String: Any]] ?? [] {
            out.append(Vector(
                name: "\(file.dropLast(5))/\(c["name"] as? String ?? "?")",
                input: c["input"] as? [String: Any] ?? [:],
                expect: c["expect"] as? [String: Any],
                expectError: c["expect_error"] as? String
            ))
        }
    }
    return out
}

/// The options of a vector's input (family, network and kind read with their `...FromId`
/// functions, which throw the same `unknown_*` errors as every other language).
func options(_ input: [String: Any]) throws -> DecodeOptions {
    DecodeOptions(
        message: input["message"] as? String,
        provider: input["provider"] as? String,
        family: try (input["family"] as? String).map { try familyFromId(id: $0) },
        network: try (input["network"] as? String).map { try networkFromId(id: $0) },
        operation: input["operation"] as? String,
        kind: try (input["kind"] as? String).map { try statusKindFromId(id: $0) },
        locale: input["locale"] as? String
    )
}

/// Decodes a vector's code: a string (or null) with `decode`, a number with `decodeNumber`.
func decodeInput(_ input: [String: Any]) throws -> Decoded {
    let opts = try options(input)
    if let n = input["code"] as? NSNumber, !(input["code"] is String) {
        return try decodeNumber(code: n.doubleValue, options: opts)
    }
    return try decode(code: input["code"] as? String, options: opts)
}

/// Objects compare as subsets, arrays element by element (same length), scalars by equality.
/// `raw` is text in Swift: an expected number compares with its decimal text.
func compare(_ path: String, _ expect: Any, _ actual: Any, _ diffs: inout [String]) {
    if let e = expect as? [String: Any], let a = actual as? [String: Any] {
        for (k, v) in e {
            if let av = a[k] { compare("\(path)\(k).", v, av, &diffs) } else { diffs.append("\(path)\(k): missing") }
        }
    } else if let e = expect as? [Any], let a = actual as? [Any], e.count == a.count {
        for i in 0..<e.count { compare("\(path)\(i).", e[i], a[i], &diffs) }
    } else if expect is NSNull || actual is NSNull {
        if !(expect is NSNull && actual is NSNull) { diffs.append("\(path): expected \(expect), got \(actual)") }
    } else if let e = expect as? String, let a = actual as? String {
        if e != a { diffs.append("\(path): expected \(e), got \(a)") }
    } else if let a = actual as? Bool, let e = expect as? NSNumber {
        if e.boolValue != a { diffs.append("\(path): expected \(e), got \(a)") }
    } else if let e = expect as? NSNumber, let a = actual as? String, path == "raw." {
        if e.stringValue != a { diffs.append("raw: expected \(e), got \(a)") }
    } else if let e = expect as? NSNumber, let a = actual as? Int {
        if e.intValue != a { diffs.append("\(path): expected \(e), got \(a)") }
    } else {
        diffs.append("\(path): expected \(expect), got \(actual)")
    }
}
