// The Kotlin runner of the bad-input matrix (tests/bad_inputs.json): every case through the
// generated bindings on the JVM gives the error id (or answer) every other language gives,
// and nothing crashes. Kotlin cannot express bytes that are not UTF-8 (strings are Unicode),
// booleans, arrays or objects where a code belongs, or options that are not strings (the
// API is typed); those cases are listed. Prints `N passed, M failed`.
// Usage: BadInputs <tests/bad_inputs.json>
package id.paycodes.test

import id.paycodes.*
import java.io.File
import kotlin.system.exitProcess

private class NotExpressible(why: String) : Exception(why)

/** A matrix value as the Kotlin value a caller would pass. */
private fun value(v: Any?): Any? = when {
    v is Map<*, *> && v.containsKey("\$repeat") ->
        (v["prefix"] as String? ?: "") + (v["\$repeat"] as String).repeat((v["times"] as Long).toInt()) + (v["suffix"] as String? ?: "")
    v is Map<*, *> && v.containsKey("\$bytes") -> throw NotExpressible("bytes that are not UTF-8: Kotlin strings are Unicode")
    v is Map<*, *> && v.containsKey("\$float") -> when (v["\$float"]) {
        "nan" -> Double.NaN
        "inf" -> Double.POSITIVE_INFINITY
        else -> Double.NEGATIVE_INFINITY
    }
    v is Map<*, *> || v is List<*> || v is Boolean -> throw NotExpressible("a ${v::class.simpleName} where a code belongs: the API is typed")
    else -> v
}

private fun string(options: Map<*, *>, key: String): String? = when (val v = options[key]) {
    null, is String -> v as String?
    else -> throw NotExpressible("option $key of type ${v::class.simpleName}: options are typed")
}

fun main(args: Array<String>) {
    @Suppress("UNCHECKED_CAST")
    val cases = (Json.parse(File(args.getOrElse(0) { "tests/bad_inputs.json" }).readText()) as Map<String, Any?>)["cases"] as List<Map<String, Any?>>
    var passed = 0
    val failures = mutableListOf<String>()
    val skipped = mutableListOf<String>()
    for (c in cases) {
        val name = c["name"] as String
        val problem: String? = try {
            val o = c["options"] as Map<*, *>? ?: emptyMap<String, Any?>()
            val code = value(c["code"])
            val message = o["message"]?.let { value(it) as? String ?: throw NotExpressible("a message that is not text") }
            val options = DecodeOptions(
                message = message,
                provider = string(o, "provider"),
                family = string(o, "family")?.let { familyFromId(it) },
                network = string(o, "network")?.let { networkFromId(it) },
                operation = string(o, "operation"),
                kind = string(o, "kind")?.let { statusKindFromId(it) },
                locale = string(o, "locale"),
            )
            val d = when (code) {
                is Number -> decodeNumber(code.toDouble(), options)
                else -> decode(code as String?, options)
            }
            @Suppress("UNCHECKED_CAST")
            val expect = c["expect"] as Map<String, Any?>?
            if (expect == null) "expected error ${c["expect_error"]}, got an answer" else {
                val diffs = mutableListOf<String>()
                compare("", expect, d.toJson(), diffs)
                diffs.takeIf { it.isNotEmpty() }?.joinToString("; ")
            }
        } catch (e: NotExpressible) {
            skipped.add("$name (${e.message})")
            continue
        } catch (e: PaycodesException) {
            val code = errorCode(e)
            when (c["expect_error"]) {
                null -> "expected an answer, got error $code ($e)"
                code -> null
                else -> "expected error ${c["expect_error"]}, got $code"
            }
        }
        if (problem == null) passed++ else failures.add("$name: $problem")
    }
    failures.forEach { println("FAIL $it") }
    println("not expressible in Kotlin: ${skipped.joinToString("; ")}")
    println("$passed passed, ${failures.size} failed")
    if (failures.isNotEmpty() || passed < 30) exitProcess(1)
}
