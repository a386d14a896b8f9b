/*
 * C conformance runner: every vector of tests/vectors (compiled into vectors.c by
 * gen_vectors.py) against libpaycodes. Prints "N passed, M failed"; exits 1 on a failure.
 *
 * Each expected (path, JSON) pair is compared with the same field of paycodes_decoded,
 * rendered as JSON text the way Python's json.dumps renders the vector files.
 *
 * One mapping is C-specific and explicit: a vector whose code is JSON null (bad_type in the
 * dynamic languages) is passed as a NULL pointer, whose status is null_argument.
 */
#include "paycodes.h"
#include "render.h"
#include "vectors.h"

/* Decodes a vector (its options first: an unknown option id is the answer). */
static paycodes_status run(const vector *v, paycodes_decoded *d) {
    paycodes_context ctx;
    const uint8_t *msg = (const uint8_t *)v->message;
    paycodes_status s =
        context_from_ids(&ctx, v->provider, v->family, v->network, v->operation, v->status_kind, v->locale);
    if (s != PAYCODES_OK) {
        return s;
    }
    switch (v->kind) {
    case CODE_TEXT:
        return paycodes_decode((const uint8_t *)v->code, v->code_len, msg, v->message_len, &ctx, d);
    case CODE_INT:
        return paycodes_decode_int((int64_t)v->number, msg, v->message_len, &ctx, d);
    case CODE_DOUBLE:
        return paycodes_decode_double(v->number, msg, v->message_len, &ctx, d);
    case CODE_NULL:
    default:
        return paycodes_decode(NULL, 0, msg, v->message_len, &ctx, d);
    }
}

int main(void) {
    size_t i, passed = 0, failed = 0;
    out_buf got;
    for (i = 0; i < vector_count; i++) {
        const vector *v = &vectors[i];
        paycodes_decoded d;
        paycodes_status s = run(v, &d);
        const char *sid = paycodes_status_id(s).ptr;
        int ok = 1;
        if (v->expect_error != NULL) {
            const char *want = v->expect_error;
            if (v->kind == CODE_NULL && strcmp(want, "bad_type") == 0) {
                want = "null_argument";
            }
            if (s == PAYCODES_OK || sid == NULL || strcmp(sid, want) != 0) {
                printf("FAIL %s: expected error %s, got %s\n", v->name, want, s == PAYCODES_OK ? "an answer" : sid);
                ok = 0;
            }
        } else if (s != PAYCODES_OK) {
            printf("FAIL %s: expected an answer, got %s\n", v->name, sid ? sid : "?");
            ok = 0;
        } else {
            const expect_kv *e;
            for (e = v->expect; e->path != NULL; e++) {
                if (!render(&d, v->kind == CODE_TEXT ? v->code : NULL, v->code_len, v->number, e->path, &got)) {
                    printf("FAIL %s: this runner cannot read %s\n", v->name, e->path);
                    ok = 0;
                } else if (strcmp(got.buf, e->json) != 0) {
                    printf("FAIL %s: %s: expected %s, got %s\n", v->name, e->path, e->json, got.buf);
                    ok = 0;
                }
            }
        }
        if (ok) {
            passed++;
        } else {
            failed++;
        }
    }
    printf("%lu passed, %lu failed\n", (unsigned long)passed, (unsigned long)failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
