// Panic safety on the JVM, against the library built with the test-panic feature
// (mobile/scripts/test.sh builds it separately into target/test-panic: never a release
// build). Decoding the core's test-panic code (paycodes::testing::PANIC_CODE) makes the Rust
// core panic on purpose: Kotlin sees PaycodesException.Internal and the JVM lives on.
package id.paycodes.test

import id.paycodes.*
import kotlin.system.exitProcess
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue

const val PANIC_CODE = "__paycodes_test_panic__"

fun main() {
    val e = assertFailsWith<PaycodesException.Internal> { decode(PANIC_CODE) }
    assertEquals("internal", e.code)
    assertTrue(e.toString().contains("panicked"), e.toString())
    assertFailsWith<PaycodesException.Internal> { decodeMany(listOf(CodeInput("4035414"), CodeInput(PANIC_CODE))) }
    assertFailsWith<PaycodesException.Internal> { explain(PANIC_CODE) }
    // The JVM and the library are still fine.
    assertEquals(Reason.INSUFFICIENT_FUNDS, decode("4035414").reason)
    assertEquals(1000, decodeMany(List(1000) { CodeInput("4035414") }).size)
    println("a panic in the core is PaycodesException.Internal and the JVM lives on: ok")
    exitProcess(0)
}
