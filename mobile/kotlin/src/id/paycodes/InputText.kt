// How a text input crosses to the core (uniffi.toml: the custom type InputText): its UTF-8
// bytes, or, for a string with no UTF-8 form (a lone surrogate), a byte that is never valid
// UTF-8, so the core answers with its stable ids (the code: `invalid_utf8`; a message:
// ignored, with the `message_ignored` warning) instead of a JVM encoder exception escaping
// the documented PaycodesException.
package id.paycodes

internal fun inputTextBytes(s: String): ByteArray = try {
    val encoded = Charsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(s))
    ByteArray(encoded.remaining()).also { encoded.get(it) }
} catch (e: java.nio.charset.CharacterCodingException) {
    byteArrayOf(0xFF.toByte())
}
