// The Swift runner of the shared vectors: every vector's call through the generated bindings,
// one JSON line per vector (the answer rendered from the records by Render.swift, the error
// id, or why Swift's typed API cannot express the input), for the checker every language
// shares (`paycodes-conformance --check swift FILE`). Parsed here; run with `swift test` where
// a Swift toolchain exists.
import Foundation
@testable import Paycodes

/// The stable id and batch index an error carries.
func errorOf(_ error: Error) -> (String, UInt32?)? {
    switch error as? PaycodesError {
    case let .InvalidCode(code, _, index), let .InvalidArgument(code, _, index), let .InvalidValue(code, _, index),
         let .UnknownOption(code, _, index), let .Build(code, _, index), let .InvalidBody(code, _, index),
         let .Internal(code, _, index):
        return (code, index)
    case nil:
        return nil
    }
}

struct NotExpressible: Error {
    let why: String
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

/// A string input (nil for null); `$repeat` expanded; anything else is not expressible.
func text(_ v: Any?) throws -> String? {
    switch v {
    case nil, is NSNull: return nil
    case let s as String: return s
    case let o as [String: Any] where o["$repeat"] != nil:
        let unit = o["$repeat"] as? String ?? ""
        let times = (o["times"] as? NSNumber)?.intValue ?? 0
        return (o["prefix"] as? String ?? "") + String(repeating: unit, count: times) + (o["suffix"] as? String ?? "")
    default: throw NotExpressible(why: "a value of another type than a string")
    }
}

func integer(_ v: Any?) throws -> Int64? {
    switch v {
    case nil, is NSNull: return nil
    case let n as NSNumber where CFNumberIsFloatType(n) == false: return n.int64Value
    default: throw NotExpressible(why: "a number that is not a 64-bit integer")
    }
}

let decodeKeys: Set<String> = ["message", "provider", "family", "network", "operation", "kind", "locale"]

func options(_ input: [String: Any], _ positional: String, _ allowed: Set<String>) throws -> [String: Any] {
    let o = input.filter { $0.key != positional }
    if o.keys.contains(where: { !allowed.contains($0) }) { throw NotExpressible(why: "an option key the typed API has no field for") }
    return o
}

func decodeOptions(_ o: [String: Any]) throws -> DecodeOptions {
    DecodeOptions(message: try text(o["message"]), provider: try text(o["provider"]), family: try text(o["family"]),
                  network: try text(o["network"]), operation: try text(o["operation"]), kind: try text(o["kind"]),
                  locale: try text(o["locale"]))
}

func call(_ name: String, _ input: [String: Any]) throws -> Any {
    switch name {
    case "decode":
        let o = try decodeOptions(try options(input, "code", decodeKeys))
        if let n = input["code"] as? NSNumber, !(input["code"] is String) {
            var answer = CFNumberIsFloatType(n) ? try decodeNumber(code: n.doubleValue, options: o).json()
                : try decodeInteger(code: n.int64Value, options: o).json()
            answer["raw"] = n  // `raw` is text in the record; a number is reported as the number
            return answer
        }
        return try decode(code: try text(input["code"]), options: o).json()
    case "decode_many":
        let o = try options(input, "codes", decodeKeys.subtracting(["message"]))
        guard let items = input["codes"] as? [Any] else { throw NotExpressible(why: "a batch that is not a list") }
        let inputs = try items.map { item -> CodeInput in
            if let pair = item as? [Any], pair.count == 2 {
                guard let code = try text(pair[0]) else { throw NotExpressible(why: "a null item") }
                return CodeInput(code: code, message: try text(pair[1]))
            }
            guard let code = item as? String else { throw NotExpressible(why: "an item that is not a string") }
            return CodeInput(code: code, message: nil)
        }
        return try decodeMany(items: inputs, options: DecodeManyOptions(
            provider: try text(o["provider"]), family: try text(o["family"]), network: try text(o["network"]),
            operation: try text(o["operation"]), kind: try text(o["kind"]), locale: try text(o["locale"]))).map { $0.json() }
    case "build_snap":
        let o = try options(input, "service", ["reason", "http_status", "case_code", "detail", "provider"])
        guard let service = try text(input["service"]) else { throw NotExpressible(why: "a null service") }
        return try buildSnap(service: service, options: BuildSnapOptions(
            reason: try text(o["reason"]), httpStatus: try integer(o["http_status"]), caseCode: try integer(o["case_code"]),
            detail: try text(o["detail"]), provider: try text(o["provider"]))).json()
    case "customer_message":
        let o = try options(input, "reason", ["locale"])
        return try customerMessage(reason: try text(input["reason"]), options: CustomerMessageOptions(locale: try text(o["locale"]))).json()
    case "decode_response":
        let o = try options(input, "body", ["provider", "operation", "http_status", "locale"])
        var body: String?
        if let object = input["body"] as? [String: Any], !object.keys.contains(where: { $0.hasPrefix("$") }) {
            // A body given as JSON goes in as its JSON text (Foundation does not keep key order,
            // so references may come in another order than the vector's).
            body = String(data: try JSONSerialization.data(withJSONObject: object), encoding: .utf8)
        } else if let list = input["body"] as? [Any] {
            body = String(data: try JSONSerialization.data(withJSONObject: list), encoding: .utf8)
        } else if input["body"] is NSNumber {
            throw NotExpressible(why: "a body that is not text (the API takes a string)")
        } else {
            body = try text(input["body"])
        }
        return try decodeResponse(body: body, options: DecodeResponseOptions(
            provider: try text(o["provider"]), operation: try text(o["operation"]),
            httpStatus: try integer(o["http_status"]), locale: try text(o["locale"]))).json()
    case "retry_decision":
        let o = try options(input, "code", ["network", "mac", "history", "now", "edition", "provider"])
        guard let code = input["code"] as? String else { throw NotExpressible(why: "a code that is not a string") }
        func asText(_ v: Any?) throws -> String? {
            if let n = v as? NSNumber { return n.intValue < 10 ? "0\(n.intValue)" : n.stringValue }
            if let list = v as? [Any] { return String(data: try JSONSerialization.data(withJSONObject: list), encoding: .utf8) }
            return try text(v)
        }
        let now: String? = (o["now"] as? NSNumber)?.stringValue ?? (try text(o["now"]))
        return try retryDecision(code: code, options: RetryDecisionOptions(
            network: try text(o["network"]), mac: try asText(o["mac"]), history: try asText(o["history"]),
            now: now, edition: try text(o["edition"]), provider: try text(o["provider"]))).json()
    case "export":
        let o = try options(input, "name", ["provider", "format"])
        guard let name = try text(input["name"]) else { throw NotExpressible(why: "a null name") }
        return try exportTable(name: name, options: ExportOptions(provider: try text(o["provider"]), format: try text(o["format"])))
    default:
        throw NotExpressible(why: "a call the API does not have")
    }
}

/// Runs every vector and writes the answers as JSON lines to `out`; returns how many.
func writeAnswers(to out: URL) throws -> Int {
    let dir = vectorsDirectory()
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
    var lines: [String] = []
    for file in files {
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(file))) as? [String: Any] ?? [:]
        for c in doc["cases"] as? [[String: Any]] ?? [] {
            var line: [String: Any] = ["file": String(file.dropLast(5)), "name": c["name"] as? String ?? "?"]
            do {
                line["answer"] = try call(c["call"] as? String ?? "decode", c["input"] as? [String: Any] ?? [:])
            } catch let e as NotExpressible {
                line["skip"] = e.why
            } catch {
                guard let (code, index) = errorOf(error) else { throw error }
                line["error"] = code
                if let index { line["index"] = Int(index) }
            }
            let data = try JSONSerialization.data(withJSONObject: line, options: [.fragmentsAllowed])
            lines.append(String(decoding: data, as: UTF8.self))
        }
    }
    try (lines.joined(separator: "\n") + "\n").write(to: out, atomically: true, encoding: .utf8)
    return lines.count
}
