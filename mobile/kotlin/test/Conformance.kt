// The Kotlin conformance runner: every vector of tests/vectors through the generated
// bindings, on the JVM, against the built library. Prints `N passed, M failed`; exits 1 on a
// failure. Usage: Conformance <vectors dir>
package id.paycodes.test

import id.paycodes.*
import java.io.File
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val vectors = loadVectors(File(args.getOrElse(0) { "tests/vectors" }))
    var passed = 0
    val failures = mutableListOf<String>()
    for (v in vectors) {
        val problem: String? = try {
            val d = decodeInput(v.input, optionsOf(v.input))
            if (v.expect == null) "expected error ${v.expectError}, got an answer" else {
                val diffs = mutableListOf<String>()
                compare("", v.expect, d.toJson(), diffs)
                diffs.takeIf { it.isNotEmpty() }?.joinToString("; ")
            }
        } catch (e: PaycodesException) {
            val code = errorCode(e)
            when {
                v.expectError == null -> "expected an answer, got error $code ($e)"
                v.expectError != code -> "expected error ${v.expectError}, got $code"
                else -> null
            }
        }
        if (problem == null) passed++ else failures.add("${v.name}: $problem")
    }
    failures.forEach { println("FAIL $it") }
    println("$passed passed, ${failures.size} failed")
    if (failures.isNotEmpty() || passed == 0) exitProcess(1)
}

/** The stable id an exception carries. */
fun errorCode(e: PaycodesException): String = when (e) {
    is PaycodesException.InvalidCode -> e.code
    is PaycodesException.InvalidArgument -> e.code
    is PaycodesException.UnknownOption -> e.code
    is PaycodesException.Build -> e.code
    is PaycodesException.Internal -> e.code
}
