// What the Kotlin runners share: the vectors, read with the small JSON reader of Json.kt.
package id.paycodes.test

import java.io.File

class Vector(val file: String, val name: String, val call: String, val input: Map<String, Any?>, val expect: Any?)

fun loadVectors(dir: File): List<Vector> {
    val files = dir.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name } ?: error("no vectors in $dir")
    return files.flatMap { f ->
        @Suppress("UNCHECKED_CAST")
        val doc = Json.parse(f.readText()) as Map<String, Any?>
        @Suppress("UNCHECKED_CAST")
        (doc["cases"] as List<Map<String, Any?>>).map { c ->
            @Suppress("UNCHECKED_CAST")
            Vector(f.nameWithoutExtension, c["name"] as String, (c["call"] as String?) ?: "decode",
                c["input"] as Map<String, Any?>, c["expect"])
        }
    }
}
