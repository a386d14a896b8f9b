/*
 * Thread stress of libpaycodes (pthreads): the workload of every language's stress test
 * (tests/rust/src/stress_main.rs describes it): 8 threads each decode 1,000,000 items of the
 * vectors' (code, message) pairs at once; every answer must equal the single-threaded one,
 * rendered as JSON through the accessors. Usage: stress [threads] [per_thread]
 */
#include "json_out.h"
#include "paycodes.h"
#include "render.h"
#include "vectors.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 4096

typedef struct {
    const char *code, *message;
    size_t code_len, message_len;
} item;

static item items[MAX_ITEMS];
static char *reference[MAX_ITEMS];
static size_t item_count;
static size_t per_thread = 1000000;

/* An answer as JSON text, read through the accessors (the caller frees it). */
static char *answer(const item *it) {
    paycodes_decoded d;
    json_out o;
    memset(&o, 0, sizeof o);
    if (paycodes_decode((const uint8_t *)it->code, it->code_len, (const uint8_t *)it->message, it->message_len, NULL,
                        &d) != PAYCODES_OK) {
        return NULL;
    }
    render_decoded(&o, &d, "null");
    return o.buf;
}

static void *worker(void *arg) {
    size_t t = (size_t)arg, i, *mismatches = malloc(sizeof *mismatches);
    if (mismatches == NULL) {
        abort();
    }
    *mismatches = 0;
    for (i = 0; i < per_thread; i++) {
        size_t k = (i * 7919 + t * 104729) % item_count;
        char *a = answer(&items[k]);
        if (a == NULL || strcmp(a, reference[k]) != 0) {
            (*mismatches)++;
        }
        free(a);
    }
    return mismatches;
}

int main(int argc, char **argv) {
    size_t threads = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 8, t, total = 0, i;
    pthread_t ids[64];
    if (argc > 2) {
        per_thread = (size_t)strtoul(argv[2], NULL, 10);
    }
    if (threads == 0 || threads > 64) {
        return 2;
    }
    /* The items: decode vectors with a text code and at most a text message that answer. */
    for (i = 0; i < vector_count && item_count < MAX_ITEMS; i++) {
        const vector *v = &vectors[i];
        const opt *o = v->opts;
        item it;
        memset(&it, 0, sizeof it);
        if (v->call != CALL_DECODE || v->first.kind != V_TEXT) {
            continue;
        }
        if (o[0].key != NULL && (strcmp(o[0].key, "message") != 0 || o[0].v.kind != V_TEXT || o[1].key != NULL)) {
            continue;
        }
        it.code = v->first.text;
        it.code_len = v->first.len;
        if (o[0].key != NULL) {
            it.message = o[0].v.text;
            it.message_len = o[0].v.len;
        }
        reference[item_count] = answer(&it);
        if (reference[item_count] != NULL) {
            items[item_count++] = it;
        }
    }
    for (t = 0; t < threads; t++) {
        if (pthread_create(&ids[t], NULL, worker, (void *)t) != 0) {
            return 1;
        }
    }
    for (t = 0; t < threads; t++) {
        void *r;
        pthread_join(ids[t], &r);
        total += *(size_t *)r;
        free(r);
    }
    for (i = 0; i < item_count; i++) {
        free(reference[i]);
    }
    printf("%lu threads x %lu decodes of %lu items: %lu differ from the single-threaded answers\n",
           (unsigned long)threads, (unsigned long)per_thread, (unsigned long)item_count, (unsigned long)total);
    return total == 0 ? 0 : 1;
}
