// The Kotlin runner of the shared vectors: every vector's call through the generated
// bindings, on the JVM, against the built library. It prints one JSON line per vector (the
// answer rendered from the records, the error id, or why Kotlin's typed API cannot express
// the input) to the output file; `paycodes-conformance --check kotlin FILE` compares them
// with the vectors, as for every language. Usage: Conformance <vectors dir> <out file>
package id.paycodes.test

import id.paycodes.*
import java.io.File

/** An input Kotlin's typed API cannot take. */
class NotExpressible(why: String) : Exception(why)

/** The stable id and batch index an exception carries. */
fun errorOf(e: PaycodesException): Pair<String, UInt?> = when (e) {
    is PaycodesException.InvalidCode -> e.code to e.index
    is PaycodesException.InvalidArgument -> e.code to e.index
    is PaycodesException.InvalidValue -> e.code to e.index
    is PaycodesException.UnknownOption -> e.code to e.index
    is PaycodesException.Build -> e.code to e.index
    is PaycodesException.InvalidBody -> e.code to e.index
    is PaycodesException.Internal -> e.code to e.index
}

/** A string input: text, or null (absent); anything else is not expressible. */
private fun str(v: Any?): String? = when (v) {
    null, is String -> v as String?
    is Map<*, *> -> when {
        v.containsKey("\$repeat") -> (v["prefix"] as String? ?: "") + (v["\$repeat"] as String).repeat((v["times"] as Long).toInt()) + (v["suffix"] as String? ?: "")
        v.containsKey("\$bytes") -> throw NotExpressible("bytes (the API takes strings)")
        v.containsKey("\$lone_surrogate") -> "ab\uD800cd"
        else -> throw NotExpressible("a value of another type than a string")
    }
    else -> throw NotExpressible("a value of another type than a string")
}

private fun long(v: Any?): Long? = when (v) {
    null -> null
    is Long -> v
    else -> throw NotExpressible("a number that is not a 64-bit integer")
}

private fun options(input: Map<String, Any?>, positional: String, fields: Set<String>): Map<String, Any?> {
    val out = input.filterKeys { it != positional }
    out.keys.firstOrNull { it !in fields }?.let { throw NotExpressible("an option key the typed API has no field for") }
    return out
}

private fun decodeOptions(o: Map<String, Any?>) = DecodeOptions(
    message = str(o["message"]), provider = str(o["provider"]), family = str(o["family"]), network = str(o["network"]),
    operation = str(o["operation"]), kind = str(o["kind"]), locale = str(o["locale"]),
)

private val DECODE_KEYS = setOf("message", "provider", "family", "network", "operation", "kind", "locale")

fun call(v: Vector): Any? {
    val i = v.input
    return when (v.call) {
        "decode" -> {
            val o = decodeOptions(options(i, "code", DECODE_KEYS))
            when (val code = i["code"]) {
                is Long -> decodeInteger(code, o)
                is Double -> decodeNumber(code, o)
                is Map<*, *> -> if (code.containsKey("\$float")) decodeNumber(when (code["\$float"]) {
                    "nan" -> Double.NaN; "inf" -> Double.POSITIVE_INFINITY; "-inf" -> Double.NEGATIVE_INFINITY; else -> -0.0
                }, o) else decode(str(code), o)
                else -> decode(str(code), o)
            }.toJson().let { answer ->
                // `raw` is text in the Kotlin record (a record field has one type): a number
                // given as the code is reported as that number, as every language reports it.
                if (i["code"] is Long || i["code"] is Double) answer + ("raw" to i["code"]) else answer
            }
        }
        "decode_many" -> {
            val o = options(i, "codes", DECODE_KEYS - "message")
            val items = (i["codes"] as? List<*> ?: throw NotExpressible("a batch that is not a list")).map { item ->
                when (item) {
                    is List<*> -> if (item.size == 2) CodeInput(str(item[0]) ?: throw NotExpressible("a null item"), str(item[1]))
                        else throw NotExpressible("an item of another type")
                    is String -> CodeInput(item)
                    else -> throw NotExpressible("an item that is not a string")
                }
            }
            decodeMany(items, DecodeManyOptions(provider = str(o["provider"]), family = str(o["family"]), network = str(o["network"]),
                operation = str(o["operation"]), kind = str(o["kind"]), locale = str(o["locale"]))).map { it.toJson() }
        }
        "build_snap" -> {
            val o = options(i, "service", setOf("reason", "http_status", "case_code", "detail", "provider"))
            buildSnap(str(i["service"]) ?: throw NotExpressible("a null service"), BuildSnapOptions(reason = str(o["reason"]),
                httpStatus = long(o["http_status"]), caseCode = long(o["case_code"]), detail = str(o["detail"]),
                provider = str(o["provider"]))).toJson()
        }
        "customer_message" -> {
            val o = options(i, "reason", setOf("locale"))
            customerMessage(str(i["reason"]), CustomerMessageOptions(locale = str(o["locale"]))).toJson()
        }
        "decode_response" -> {
            val o = options(i, "body", setOf("provider", "operation", "http_status", "locale"))
            val raw = i["body"]
            // A body given as JSON goes in as its JSON text, in the vector's key order.
            val body = if ((raw is Map<*, *> && raw.keys.none { (it as String).startsWith("\$") }) || raw is List<*>) JsonWriter.write(raw)
                else if (raw is Long || raw is Boolean || raw is Double) throw NotExpressible("a body that is not text (the API takes a string)")
                else str(raw)
            val answer = decodeResponse(body, DecodeResponseOptions(provider = str(o["provider"]), operation = str(o["operation"]),
                httpStatus = long(o["http_status"]), locale = str(o["locale"]))).toJson()
            // `raw` is text in the Kotlin record: a responseCode the body sent as a number is
            // reported as that number, as every language reports it.
            val sent = (raw as? Map<*, *>)?.get("responseCode")
            val code = answer["code"]
            if (sent is Long && code is Map<*, *>) answer + ("code" to (code + ("raw" to sent))) else answer
        }
        "retry_decision" -> {
            val o = options(i, "code", setOf("network", "mac", "history", "now", "edition", "provider"))
            val code = i["code"] as? String ?: throw NotExpressible("a code that is not a string (the API takes a string)")
            // Numbers cross as their digits (the record fields are text); a history list as its JSON.
            fun text(v: Any?): String? = when (v) {
                null -> null
                is Long -> if (v in 0..9) "0$v" else v.toString()
                is List<*> -> JsonWriter.write(v)
                else -> str(v)
            }
            val now = o["now"].let { if (it is Long) it.toString() else str(it) }
            retryDecision(code, RetryDecisionOptions(network = str(o["network"]), mac = text(o["mac"]), history = text(o["history"]),
                now = now, edition = str(o["edition"]), provider = str(o["provider"]))).toJson()
        }
        "export" -> {
            val o = options(i, "name", setOf("provider", "format"))
            exportTable(str(i["name"]) ?: throw NotExpressible("a null name"), ExportOptions(provider = str(o["provider"]), format = str(o["format"])))
        }
        else -> throw NotExpressible("a call the API does not have")
    }
}

fun main(args: Array<String>) {
    val vectors = loadVectors(File(args.getOrElse(0) { "tests/vectors" }))
    File(args.getOrElse(1) { "answers-kotlin.jsonl" }).printWriter().use { out ->
        for (v in vectors) {
            val line = linkedMapOf<String, Any?>("file" to v.file, "name" to v.name)
            try {
                line["answer"] = call(v)
            } catch (e: NotExpressible) {
                line["skip"] = e.message
            } catch (e: PaycodesException) {
                val (code, index) = errorOf(e)
                line["error"] = code
                if (index != null) line["index"] = index.toLong()
            }
            out.println(JsonWriter.write(line))
        }
    }
    println("${vectors.size} answers written")
}
