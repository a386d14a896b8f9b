// What the Kotlin runners share: the answer as the CLI's JSON object (snake_case keys, stable
// ids), the vectors, and the comparison every language's runner uses.
package id.paycodes.test

import id.paycodes.*
import java.io.File

/** The answer as `paycodes explain --json` prints it, keys in the same order. */
fun Decoded.toJson(): Map<String, Any?> = linkedMapOf(
    "family" to familyId(family),
    "raw" to raw,
    "canonical" to canonical,
    "known" to known,
    "template" to template,
    "http_status" to httpStatus?.toLong(),
    "service_code" to serviceCode,
    "service" to service?.let {
        linkedMapOf(
            "code" to it.code, "name" to it.name, "product" to it.product, "kind" to serviceKindId(it.kind),
            "moves_money" to it.movesMoney, "status_service" to it.statusService,
        )
    },
    "case_code" to caseCode,
    "message" to message,
    "detail" to detail,
    "category" to categoryId(category),
    "outcome" to outcomeId(outcome),
    "reason" to reasonId(reason),
    "action" to actionId(action),
    "customer_message" to customerMessage,
    "masked" to masked,
    "merchant_message" to merchantMessage,
    "provider" to provider,
    "source" to source,
    "operation" to operation,
    "network" to network?.let { networkId(it) },
    "card_category" to cardCategory?.let { categoryId(it) },
    "network_variants" to networkVariants?.map {
        linkedMapOf(
            "network" to networkId(it.network), "message" to it.message, "category" to categoryId(it.category),
            "reason" to reasonId(it.reason), "outcome" to outcomeId(it.outcome), "action" to actionId(it.action),
        )
    },
    "status_kind" to statusKind?.let { statusKindId(it) },
)

class Vector(val name: String, val input: Map<String, Any?>, val expect: Map<String, Any?>?, val expectError: String?)

fun loadVectors(dir: File): List<Vector> {
    val files = dir.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name } ?: error("no vectors in $dir")
    return files.flatMap { f ->
        @Suppress("UNCHECKED_CAST")
        val doc = Json.parse(f.readText()) as Map<String, Any?>
        @Suppress("UNCHECKED_CAST")
        (doc["cases"] as List<Map<String, Any?>>).map { c ->
            @Suppress("UNCHECKED_CAST")
            Vector("${f.nameWithoutExtension}/${c["name"]}", c["input"] as Map<String, Any?>,
                c["expect"] as Map<String, Any?>?, c["expect_error"] as String?)
        }
    }
}

/**
 * The options of a vector's input. Family, network and kind are typed enums in Kotlin: their
 * ids are read with `familyFromId` and friends, which throw the same `unknown_*` errors the
 * other languages report for an unknown option.
 */
fun optionsOf(input: Map<String, Any?>): DecodeOptions = DecodeOptions(
    message = input["message"] as String?,
    provider = input["provider"] as String?,
    family = (input["family"] as String?)?.let { familyFromId(it) },
    network = (input["network"] as String?)?.let { networkFromId(it) },
    operation = input["operation"] as String?,
    kind = (input["kind"] as String?)?.let { statusKindFromId(it) },
    locale = input["locale"] as String?,
)

/** Decodes a vector's code: a string (or null) with `decode`, a number with `decodeNumber`. */
fun decodeInput(input: Map<String, Any?>, options: DecodeOptions): Decoded = when (val code = input["code"]) {
    is Number -> decodeNumber(code.toDouble(), options)
    else -> decode(code as String?, options)
}

/**
 * Objects compare as subsets, arrays element by element (same length), scalars by equality.
 * `raw` is text in Kotlin: an expected number compares with its decimal text.
 */
fun compare(path: String, expect: Any?, actual: Any?, diffs: MutableList<String>) {
    when {
        expect is Map<*, *> && actual is Map<*, *> -> for ((k, v) in expect) {
            if (!actual.containsKey(k)) diffs.add("$path$k: missing") else compare("$path$k.", v, actual[k], diffs)
        }
        expect is List<*> && actual is List<*> && expect.size == actual.size ->
            expect.indices.forEach { compare("$path$it.", expect[it], actual[it], diffs) }
        expect is Number && actual is String && path == "raw." -> if (expect.toString() != actual) diffs.add("raw: expected $expect, got $actual")
        expect is Number && actual is Number -> if (expect.toLong() != actual.toLong()) diffs.add("${path.trimEnd('.')}: expected $expect, got $actual")
        expect != actual -> diffs.add("${path.trimEnd('.')}: expected $expect, got $actual")
    }
}
