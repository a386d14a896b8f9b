// A small JSON reader for the test runners (no JSON library is available without Maven
// Central). Objects become LinkedHashMap<String, Any?>, arrays List<Any?>, numbers Long when
// integral and Double otherwise, plus String, Boolean and null.
package id.paycodes.test

class JsonError(message: String) : Exception(message)

class Json private constructor(private val s: String) {
    private var i = 0

    companion object {
        fun parse(text: String): Any? {
            val p = Json(text)
            val v = p.value()
            p.ws()
            if (p.i != text.length) throw JsonError("trailing data at ${p.i}")
            return v
        }
    }

    private fun ws() {
        while (i < s.length && s[i] in " \t\r\n") i++
    }

    private fun value(): Any? {
        ws()
        if (i >= s.length) throw JsonError("unexpected end")
        return when (s[i]) {
            '{' -> obj()
            '[' -> arr()
            '"' -> str()
            't' -> word("true", true)
            'f' -> word("false", false)
            'n' -> word("null", null)
            else -> num()
        }
    }

    private fun word(w: String, v: Any?): Any? {
        if (!s.startsWith(w, i)) throw JsonError("bad literal at $i")
        i += w.length
        return v
    }

    private fun obj(): Map<String, Any?> {
        val m = LinkedHashMap<String, Any?>()
        i++
        ws()
        if (s[i] == '}') { i++; return m }
        while (true) {
            ws()
            val k = str()
            ws()
            if (s[i] != ':') throw JsonError("expected : at $i")
            i++
            m[k] = value()
            ws()
            when (s[i]) {
                ',' -> i++
                '}' -> { i++; return m }
                else -> throw JsonError("expected , or } at $i")
            }
        }
    }

    private fun arr(): List<Any?> {
        val l = ArrayList<Any?>()
        i++
        ws()
        if (s[i] == ']') { i++; return l }
        while (true) {
            l.add(value())
            ws()
            when (s[i]) {
                ',' -> i++
                ']' -> { i++; return l }
                else -> throw JsonError("expected , or ] at $i")
            }
        }
    }

    private fun str(): String {
        if (s[i] != '"') throw JsonError("expected string at $i")
        i++
        val b = StringBuilder()
        while (true) {
            val c = s[i++]
            when (c) {
                '"' -> return b.toString()
                '\\' -> {
                    when (val e = s[i++]) {
                        '"', '\\', '/' -> b.append(e)
                        'b' -> b.append('\b')
                        'f' -> b.append('\u000c')
                        'n' -> b.append('\n')
                        'r' -> b.append('\r')
                        't' -> b.append('\t')
                        'u' -> { b.append(s.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                        else -> throw JsonError("bad escape \\$e at $i")
                    }
                }
                else -> b.append(c)
            }
        }
    }

    private fun num(): Any {
        val start = i
        while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
        val t = s.substring(start, i)
        if (t.isEmpty()) throw JsonError("unexpected ${s[start]} at $start")
        // Integers beyond 64 bits (sample bodies have them) stay exact as BigInteger.
        return if (t.any { it in ".eE" }) t.toDouble() else t.toLongOrNull() ?: java.math.BigInteger(t)
    }
}

/** Writes JSON: maps in their order, lists, strings, numbers, booleans and null. */
object JsonWriter {
    fun write(v: Any?): String = StringBuilder().also { write(it, v) }.toString()

    private fun write(out: StringBuilder, v: Any?) {
        when (v) {
            null -> out.append("null")
            is String -> string(out, v)
            is Boolean -> out.append(v)
            is Long, is Int -> out.append(v)
            is java.math.BigInteger -> out.append(v.toString())
            is ULong, is UInt -> out.append(v.toString())
            is Double -> if (v == Math.floor(v) && Math.abs(v) < 1e15) out.append(v.toLong()) else out.append(v)
            is Map<*, *> -> {
                out.append('{')
                v.entries.forEachIndexed { i, (k, x) ->
                    if (i > 0) out.append(',')
                    string(out, k as String)
                    out.append(':')
                    write(out, x)
                }
                out.append('}')
            }
            is List<*> -> {
                out.append('[')
                v.forEachIndexed { i, x ->
                    if (i > 0) out.append(',')
                    write(out, x)
                }
                out.append(']')
            }
            else -> throw JsonError("cannot write ${v::class}")
        }
    }

    private fun string(out: StringBuilder, s: String) {
        out.append('"')
        for (c in s) {
            when {
                c == '"' -> out.append("\\\"")
                c == '\\' -> out.append("\\\\")
                c == '\n' -> out.append("\\n")
                c == '\r' -> out.append("\\r")
                c == '\t' -> out.append("\\t")
                c < ' ' -> out.append("\\u%04x".format(c.code))
                else -> out.append(c)
            }
        }
        out.append('"')
    }
}
