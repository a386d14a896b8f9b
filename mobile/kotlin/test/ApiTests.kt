// Tests of the Kotlin surface: errors (what `message` and `toString()` show, pinned), enums
// and their stable ids, batches, building, customer messages, tables, the Bahasa sample.
// Prints `N checks passed, M failed`; exits 1 on a failure.
package id.paycodes.test

import id.paycodes.*
import id.paycodes.sample.declineScreen
import kotlin.system.exitProcess
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue

private var passed = 0
private val failed = mutableListOf<String>()

private fun check(name: String, body: () -> Unit) {
    try {
        body()
        passed++
    } catch (e: Throwable) {
        failed.add("$name: $e")
    }
}

fun main() {
    check("errors: message and toString are pinned") {
        val e = assertFailsWith<PaycodesException.InvalidCode> { decode("") }
        assertEquals("empty", e.code)
        assertEquals("code=empty, description=the code is empty, index=null", e.message)
        assertEquals("the code is empty (empty)", e.toString())
        val b = assertFailsWith<PaycodesException.InvalidCode> { decode("403541") }
        assertEquals(
            "not a payment code: expected 7 characters (SNAP), 2 (ISO 8583) or an UPPER_SNAKE provider code, got 6 characters (bad_length)",
            b.toString(),
        )
        assertTrue(b is PaycodesException, "a PaycodesException")
        assertTrue(b is Exception, "an Exception")
    }
    check("errors: each kind of failure has its class and stable id") {
        assertEquals("bad_type", assertFailsWith<PaycodesException.InvalidArgument> { decode(null) }.code)
        assertEquals("negative_number", assertFailsWith<PaycodesException.InvalidCode> { decodeNumber(-2002400.0) }.code)
        assertEquals("not_an_integer", assertFailsWith<PaycodesException.InvalidCode> { decodeNumber(2002400.5) }.code)
        assertEquals("unknown_provider", assertFailsWith<PaycodesException.UnknownOption> { decode("4035414", DecodeOptions(provider = "nope")) }.code)
        assertEquals("kind_required", assertFailsWith<PaycodesException.UnknownOption> { decode("03", DecodeOptions(family = "status")) }.code)
        assertEquals("unknown_family", assertFailsWith<PaycodesException.UnknownOption> { decode("03", DecodeOptions(family = "card")) }.code)
        assertEquals("unknown_case", assertFailsWith<PaycodesException.Build> { buildSnap("25", BuildSnapOptions(httpStatus = 400, caseCode = 77)) }.code)
        assertEquals("no_snap_code", assertFailsWith<PaycodesException.Build> { buildSnap("25", BuildSnapOptions(reason = "lost_card")) }.code)
        assertEquals("unknown_export_format", assertFailsWith<PaycodesException.UnknownOption> { exportTable("reasons", ExportOptions(format = "xml")) }.code)
        // Numbers are checked, never narrowed: 65940 is not 404.
        assertEquals("bad_http_status", assertFailsWith<PaycodesException.InvalidCode> { buildSnap("24", BuildSnapOptions(httpStatus = 65940, caseCode = 12)) }.code)
        assertEquals("out_of_range", assertFailsWith<PaycodesException.InvalidValue> { buildSnap("24", BuildSnapOptions(httpStatus = 404, caseCode = 268)) }.code)
        assertEquals("conflicting_arguments", assertFailsWith<PaycodesException.InvalidValue> { buildSnap("24", BuildSnapOptions(reason = "bill_paid", httpStatus = 404)) }.code)
        // A number without a family is a whole SNAP code: 0 is not card code 00.
        assertEquals("bad_length", assertFailsWith<PaycodesException.InvalidCode> { decodeNumber(0.0) }.code)
    }
    check("decode: the money semantics come through") {
        val d = decode("4035414", DecodeOptions(message = "Insufficient Funds"))
        assertEquals(Outcome.FAILED, d.outcome)
        assertEquals(Reason.INSUFFICIENT_FUNDS, d.reason)
        assertEquals(Action.ASK_CUSTOMER, d.action)
        assertEquals(true, d.service?.movesMoney)
        assertEquals(Outcome.PENDING, decode("2021800").outcome)
        assertEquals(Outcome.UNKNOWN, decode("5041800").outcome)
        assertEquals(Action.INQUIRE_STATUS, decode("5041800").action)
        assertEquals(Outcome.FAILED, decode("5001600").outcome)
        assertEquals("virtualAccountNo", decode("4002501", DecodeOptions(message = "Invalid Field Format virtualAccountNo")).detail)
        assertEquals("2002400", decodeNumber(2002400.0).canonical)
        assertEquals(listOf("message_ignored"), decode("4002501", DecodeOptions(message = "Invalid Field Format \uD800")).warnings.map { warningId(it) })
        val card = decode("70")
        assertEquals(listOf(Network.VISA, Network.MASTERCARD), card.networkVariants?.map { it.network })
        assertNull(decode("4035414").networkVariants)
    }
    check("records are values: equal answers are equal and hash alike") {
        assertEquals(decode("4035414"), decode("4035414"))
        assertEquals(decode("4035414").hashCode(), decode("4035414").hashCode())
    }
    check("decodeMany keeps order and reports the failing item") {
        val out = decodeMany(listOf(CodeInput("4035414"), CodeInput("4002501", "Invalid Field Format amount"), CodeInput("70")), DecodeManyOptions(provider = "doku"))
        assertEquals(listOf(Reason.INSUFFICIENT_FUNDS, Reason.INVALID_FIELD_FORMAT, Reason.DECLINED), out.map { it.reason })
        assertEquals("amount", out[1].detail)
        val e = assertFailsWith<PaycodesException.InvalidCode> { decodeMany(listOf(CodeInput("4035414"), CodeInput("nope!"))) }
        assertEquals(1u, e.index)
        assertTrue(e.toString().startsWith("item 1: "), e.toString())
    }
    check("enums: every value has its stable id; options are ids, read leniently") {
        assertEquals("three_d_secure_failed", reasonId(Reason.THREE_D_SECURE_FAILED))
        assertEquals(listOf("unknown", "success", "pending", "failed"), Outcome.values().map { outcomeId(it) })
        assertEquals(Family.ISO8583, decode("51", DecodeOptions(family = "ISO8583")).family)
        assertEquals("direct_debit", decode("07", DecodeOptions(family = "status", kind = "Direct Debit")).statusKind)
        assertEquals(Network.VISA, decode("70", DecodeOptions(network = "visa")).network)
    }
    check("customer messages: every reason in en and id, masked reasons hidden") {
        val id = CustomerMessageOptions(locale = "id")
        val declined = customerMessage("declined", id)
        for (r in Reason.values()) {
            for (locale in listOf("en", "id", "in", "id-ID", null)) {
                val m = customerMessage(reasonId(r), CustomerMessageOptions(locale = locale))
                assertTrue(m.text.isNotBlank() && m.text.none { it in "{}[]" }, "${reasonId(r)} $locale")
            }
            if (customerMessage(reasonId(r), id).masked) assertEquals(declined.text, customerMessage(reasonId(r), id).text)
        }
        assertTrue(customerMessage("stolen_card").masked)
        assertTrue(customerMessage("INSUFFICIENT_FUNDS", id).text.startsWith("Saldo Anda"))
    }
    check("buildSnap answers callbacks") {
        assertEquals(Built("4042414", "Paid Bill", "Paid Bill", Reason.BILL_PAID), buildSnap("24", BuildSnapOptions(reason = "bill_paid")))
        val b = buildSnap("25", BuildSnapOptions(httpStatus = 400, caseCode = 1, detail = "virtualAccountNo"))
        assertEquals("4002501", b.responseCode)
        assertEquals("Invalid Field Format virtualAccountNo", b.responseMessage)
    }
    check("tables and explain") {
        assertEquals(listOf("snap_services", "snap_cases", "reasons", "iso8583", "provider_strings", "statuses", "providers",
            "retry_rules", "mastercard_advice", "visa_categories"), tables())
        assertTrue(exportTable("reasons", ExportOptions(format = "csv")).startsWith("id,number,masked,"))
        assertTrue(explain("51", DecodeOptions(network = "visa", locale = "id")).contains("Saldo Anda"))
        assertEquals(version(), version().trim())
    }
    check("the Bahasa sample renders declines for customers") {
        val funds = declineScreen("4035414")
        assertEquals("Pembayaran gagal", funds.title)
        assertTrue(funds.body.startsWith("Saldo Anda"), funds.body)
        assertTrue(funds.offerRetry)
        val stolen = declineScreen("43")
        assertEquals(customerMessage("declined", CustomerMessageOptions(locale = "id")).text, stolen.body, "a stolen card is shown as a generic decline")
        val unknown = declineScreen("5001800")
        assertEquals("Status pembayaran sedang kami periksa", unknown.title)
        assertTrue(!unknown.offerRetry, "no retry when the money may have moved")
    }

    failed.forEach { println("FAIL $it") }
    println("$passed checks passed, ${failed.size} failed")
    if (failed.isNotEmpty()) exitProcess(1)
}
