/*
 * Thread stress of libpaycodes (pthreads): the workload of every language's stress test
 * (tests/rust/src/stress_main.rs describes it): 8 threads each decode 1,000,000 items of the
 * vectors' (code, message) pairs at once; every answer must equal the single-threaded one,
 * field by field (strings by content). Usage: stress [threads] [per_thread]
 */
#include "paycodes.h"
#include "vectors.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ITEMS 1024

static const vector *items[MAX_ITEMS];
static paycodes_decoded reference[MAX_ITEMS];
static size_t item_count;
static size_t per_thread = 1000000;

static int same_str(paycodes_str a, paycodes_str b) {
    if (a.ptr == NULL || b.ptr == NULL) {
        return a.ptr == b.ptr;
    }
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

static int same(const paycodes_decoded *a, const paycodes_decoded *b) {
    uint32_t i;
    if (a->family != b->family || a->known != b->known || a->is_template != b->is_template ||
        a->http_status != b->http_status || strcmp(a->canonical, b->canonical) != 0 ||
        strcmp(a->service_code, b->service_code) != 0 || strcmp(a->case_code, b->case_code) != 0 ||
        a->has_service != b->has_service || !same_str(a->service_name, b->service_name) ||
        !same_str(a->service_product, b->service_product) || a->service_kind != b->service_kind ||
        a->service_moves_money != b->service_moves_money ||
        !same_str(a->service_status_service, b->service_status_service) || !same_str(a->message, b->message) ||
        !same_str(a->detail, b->detail) || a->category != b->category || a->outcome != b->outcome ||
        a->reason != b->reason || a->action != b->action || !same_str(a->customer_message, b->customer_message) ||
        a->masked != b->masked || !same_str(a->merchant_message, b->merchant_message) ||
        !same_str(a->provider, b->provider) || !same_str(a->source, b->source) ||
        !same_str(a->operation, b->operation) || a->network != b->network || a->card_category != b->card_category ||
        a->network_variant_count != b->network_variant_count || a->status_kind != b->status_kind) {
        return 0;
    }
    for (i = 0; i < a->network_variant_count; i++) {
        const paycodes_network_variant *x = &a->network_variants[i], *y = &b->network_variants[i];
        if (x->network != y->network || !same_str(x->message, y->message) || x->category != y->category ||
            x->reason != y->reason || x->outcome != y->outcome || x->action != y->action) {
            return 0;
        }
    }
    return 1;
}

static paycodes_status decode_item(const vector *v, paycodes_decoded *out) {
    return paycodes_decode((const uint8_t *)v->code, v->code_len, (const uint8_t *)v->message, v->message_len, NULL,
                           out);
}

static void *worker(void *arg) {
    size_t t = (size_t)arg, i, *mismatches = malloc(sizeof *mismatches);
    if (mismatches == NULL) {
        abort();
    }
    *mismatches = 0;
    for (i = 0; i < per_thread; i++) {
        size_t k = (i * 7919 + t * 104729) % item_count;
        paycodes_decoded d;
        if (decode_item(items[k], &d) != PAYCODES_OK || !same(&d, &reference[k])) {
            (*mismatches)++;
        }
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
    /* The items: vectors with a text code, no option but an optional message, an answer. */
    for (i = 0; i < vector_count && item_count < MAX_ITEMS; i++) {
        const vector *v = &vectors[i];
        if (v->kind == CODE_TEXT && v->expect_error == NULL && v->provider == NULL && v->family == NULL &&
            v->network == NULL && v->operation == NULL && v->status_kind == NULL && v->locale == NULL) {
            if (decode_item(v, &reference[item_count]) != PAYCODES_OK) {
                printf("FAIL %s does not decode\n", v->name);
                return 1;
            }
            items[item_count++] = v;
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
    printf("%lu threads x %lu decodes of %lu items: %lu differ from the single-threaded answers\n",
           (unsigned long)threads, (unsigned long)per_thread, (unsigned long)item_count, (unsigned long)total);
    return total == 0 ? 0 : 1;
}
