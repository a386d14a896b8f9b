// Thread stress on the JVM: 8 threads each decode 1,000,000 mixed items at once, in batches
// of 10,000 through decodeMany, and every answer equals the single-threaded one (records
// compare by value). The workload is the one every language uses: the vectors' (code,
// message) pairs (tests/rust/src/stress_main.rs describes it).
// Usage: Stress <vectors dir> [threads] [per thread]
package id.paycodes.test

import id.paycodes.*
import java.io.File
import java.util.concurrent.atomic.AtomicLong
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val threads = args.getOrNull(1)?.toInt() ?: 8
    val perThread = args.getOrNull(2)?.toInt() ?: 1_000_000
    val batch = 10_000
    val pool = loadVectors(File(args.getOrElse(0) { "tests/vectors" }))
        .filter { v ->
            v.call == "decode" && v.expect != null && v.input.keys.all { it == "code" || it == "message" } &&
                v.input["code"] is String && (v.input["message"] == null || v.input["message"] is String)
        }
        .map { CodeInput(it.input["code"] as String, it.input["message"] as String?) }
        .distinct()
        .sortedWith(compareBy({ it.code }, { it.message ?: "" }))
    val reference = decodeMany(pool)
    val mismatches = AtomicLong()
    val decoded = AtomicLong()
    val errors = java.util.Collections.synchronizedList(mutableListOf<Throwable>())
    val started = System.nanoTime()
    val workers = (0 until threads).map { t ->
        Thread {
            try {
                var start = 0
                while (start < perThread) {
                    val ks = (start until minOf(start + batch, perThread)).map { i -> ((i.toLong() * 7919 + t.toLong() * 104729) % pool.size).toInt() }
                    val answers = decodeMany(ks.map { pool[it] })
                    mismatches.addAndGet(ks.indices.count { answers[it] != reference[ks[it]] }.toLong())
                    decoded.addAndGet(answers.size.toLong())
                    start += batch
                }
            } catch (e: Throwable) {
                errors.add(e)
            }
        }.apply { start() }
    }
    workers.forEach { it.join() }
    val seconds = (System.nanoTime() - started) / 1e9
    println("$threads threads x $perThread decodes of ${pool.size} mixed items in ${"%.1f".format(seconds)} s: " +
        "${mismatches.get()} differ from the single-threaded answers, ${errors.size} errors")
    errors.forEach { println("ERROR $it") }
    if (mismatches.get() != 0L || errors.isNotEmpty() || decoded.get() != threads.toLong() * perThread) exitProcess(1)
}
