/*
 * C runner of the bad-input matrix (tests/bad_inputs.json, compiled into bad_inputs.c by
 * gen_bad_inputs.py): every case through libpaycodes, under valgrind and ASan/UBSan in the
 * test command. Prints failures, what C cannot express, and "N passed, M failed".
 *
 * C-specific, explicit mappings: a null code is a NULL pointer, whose status is
 * null_argument (bad_type in the dynamic languages); booleans, arrays and objects where a
 * code belongs, and options that are not strings, cannot be expressed through the typed C
 * API and are listed as such.
 */
#include "bad_inputs.h"
#include "paycodes.h"
#include "render.h"

/* The bytes of a text spec, in a fresh allocation (freed by the caller). */
static char *materialize(const bi_text *t, size_t *len) {
    size_t i, n = t->prefix_len + t->unit_len * t->times + t->suffix_len;
    char *buf = malloc(n + 1), *p;
    if (buf == NULL) {
        abort();
    }
    p = buf;
    memcpy(p, t->prefix, t->prefix_len);
    p += t->prefix_len;
    for (i = 0; i < t->times; i++) {
        memcpy(p, t->unit, t->unit_len);
        p += t->unit_len;
    }
    memcpy(p, t->suffix, t->suffix_len);
    buf[n] = '\0';
    *len = n;
    return buf;
}

int main(void) {
    size_t i, passed = 0, failed = 0, skipped = 0;
    out_buf got;
    for (i = 0; i < bad_input_count; i++) {
        const bad_input *c = &bad_inputs[i];
        paycodes_decoded d;
        paycodes_context ctx;
        paycodes_status s;
        char *code = NULL, *message = NULL;
        size_t code_len = 0, message_len = 0;
        const char *want = c->expect_error, *sid;
        int ok = 1;
        if (c->kind == BI_OTHER || !c->options_expressible) {
            printf("not expressible in C: %s\n", c->name);
            skipped++;
            continue;
        }
        if (c->has_message) {
            message = materialize(&c->message, &message_len);
        }
        s = context_from_ids(&ctx, c->provider, c->family, c->network, c->operation, c->status_kind, c->locale);
        if (s == PAYCODES_OK) {
            switch (c->kind) {
            case BI_TEXT:
                code = materialize(&c->code, &code_len);
                s = paycodes_decode((const uint8_t *)code, code_len, (const uint8_t *)message, message_len, &ctx, &d);
                break;
            case BI_INT:
                s = paycodes_decode_int((int64_t)c->integer, (const uint8_t *)message, message_len, &ctx, &d);
                break;
            case BI_DOUBLE:
                s = paycodes_decode_double(c->number, (const uint8_t *)message, message_len, &ctx, &d);
                break;
            default:
                s = paycodes_decode(NULL, 0, (const uint8_t *)message, message_len, &ctx, &d);
                if (want != NULL && strcmp(want, "bad_type") == 0) {
                    want = "null_argument";
                }
                break;
            }
        }
        sid = paycodes_status_id(s).ptr;
        if (want != NULL) {
            if (s == PAYCODES_OK || sid == NULL || strcmp(sid, want) != 0) {
                printf("FAIL %s: expected error %s, got %s\n", c->name, want, s == PAYCODES_OK ? "an answer" : sid);
                ok = 0;
            }
        } else if (s != PAYCODES_OK) {
            printf("FAIL %s: expected an answer, got %s\n", c->name, sid ? sid : "?");
            ok = 0;
        } else {
            const expect_kv *e;
            for (e = c->expect; e->path != NULL; e++) {
                double number = c->kind == BI_INT ? (double)c->integer : c->number;
                if (!render(&d, c->kind == BI_TEXT ? code : NULL, code_len, number, e->path, &got)) {
                    printf("FAIL %s: this runner cannot read %s\n", c->name, e->path);
                    ok = 0;
                } else if (strcmp(got.buf, e->json) != 0) {
                    printf("FAIL %s: %s: expected %s, got %s\n", c->name, e->path, e->json, got.buf);
                    ok = 0;
                }
            }
        }
        free(code);
        free(message);
        if (ok) {
            passed++;
        } else {
            failed++;
        }
    }
    printf("%lu passed, %lu failed (%lu not expressible in C)\n", (unsigned long)passed, (unsigned long)failed,
           (unsigned long)skipped);
    return failed == 0 && passed >= 30 ? 0 : 1;
}
