// Sample: what an Android checkout screen shows a customer when a payment does not go
// through, in Bahasa Indonesia. The text comes from paycodes (customer-safe: fraud and
// lost/stolen card reasons are shown as a generic decline); the app only picks a title and
// whether to offer "try again".
package id.paycodes.sample

import id.paycodes.*

data class DeclineScreen(val title: String, val body: String, val offerRetry: Boolean)

fun declineScreen(responseCode: String, responseMessage: String? = null, provider: String? = null): DeclineScreen {
    val d = decode(responseCode, DecodeOptions(message = responseMessage, provider = provider, locale = "id"))
    val title = when (d.outcome) {
        Outcome.SUCCESS -> "Pembayaran berhasil"
        Outcome.PENDING -> "Pembayaran sedang diproses"
        // The money may have moved: the app asks its server to check before anything else.
        Outcome.UNKNOWN -> "Status pembayaran sedang kami periksa"
        Outcome.FAILED -> "Pembayaran gagal"
    }
    // Retry only when nothing happened and trying again can help; never on an unknown outcome.
    val offerRetry = d.outcome == Outcome.FAILED && (d.action == Action.RETRY_LATER || d.action == Action.ASK_CUSTOMER)
    return DeclineScreen(title, d.customerMessage, offerRetry)
}

fun main() {
    for (code in listOf("4035414", "51", "43", "5001800", "2021800")) {
        val s = declineScreen(code)
        println("$code  ${s.title}: ${s.body}${if (s.offerRetry) "  [Coba lagi]" else ""}")
    }
}
