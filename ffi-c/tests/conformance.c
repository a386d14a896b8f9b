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
#include "vectors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAP 4096

typedef struct {
    char buf[CAP];
    size_t len;
} out_buf;

static void put(out_buf *o, const char *s, size_t n) {
    if (o->len + n + 1 > CAP) {
        n = CAP - 1 - o->len;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void puts_(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* A JSON string, escaped exactly as Python's json.dumps(ensure_ascii=False) does. */
static void put_json_string(out_buf *o, const char *s, size_t n) {
    size_t i;
    put(o, "\"", 1);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        switch (c) {
        case '"': put(o, "\\\"", 2); break;
        case '\\': put(o, "\\\\", 2); break;
        case '\n': put(o, "\\n", 2); break;
        case '\r': put(o, "\\r", 2); break;
        case '\t': put(o, "\\t", 2); break;
        case '\b': put(o, "\\b", 2); break;
        case '\f': put(o, "\\f", 2); break;
        default:
            if (c < 0x20) {
                sprintf(esc, "\\u%04x", c);
                put(o, esc, 6);
            } else {
                put(o, (const char *)&s[i], 1);
            }
        }
    }
    put(o, "\"", 1);
}

static void put_str(out_buf *o, paycodes_str s) {
    if (s.ptr == NULL) {
        puts_(o, "null");
    } else {
        put_json_string(o, s.ptr, s.len);
    }
}

static void put_cstr_or_null(out_buf *o, const char *s) {
    if (s[0] == '\0') {
        puts_(o, "null");
    } else {
        put_json_string(o, s, strlen(s));
    }
}

static void put_bool(out_buf *o, bool b) { puts_(o, b ? "true" : "false"); }

static void put_uint(out_buf *o, unsigned long v) {
    char tmp[32];
    sprintf(tmp, "%lu", v);
    puts_(o, tmp);
}

/* Renders the field at `path` as JSON text; returns 0 for a path this runner cannot read. */
static int render(const paycodes_decoded *d, const vector *v, const char *path, out_buf *o) {
    o->len = 0;
    o->buf[0] = '\0';
    if (strcmp(path, "family") == 0) {
        put_str(o, paycodes_family_id(d->family));
    } else if (strcmp(path, "raw") == 0) {
        if (v->kind == CODE_TEXT) {
            put_json_string(o, v->code, v->code_len);
        } else {
            char tmp[40];
            sprintf(tmp, "%.0f", v->number);
            puts_(o, tmp);
        }
    } else if (strcmp(path, "canonical") == 0) {
        put_json_string(o, d->canonical, strlen(d->canonical));
    } else if (strcmp(path, "known") == 0) {
        put_bool(o, d->known);
    } else if (strcmp(path, "template") == 0) {
        put_bool(o, d->is_template);
    } else if (strcmp(path, "http_status") == 0) {
        if (d->family == PAYCODES_FAMILY_SNAP) {
            put_uint(o, d->http_status);
        } else {
            puts_(o, "null");
        }
    } else if (strcmp(path, "service_code") == 0) {
        put_cstr_or_null(o, d->service_code);
    } else if (strcmp(path, "case_code") == 0) {
        put_cstr_or_null(o, d->case_code);
    } else if (strcmp(path, "service") == 0) {
        if (d->has_service) {
            puts_(o, "{...}");
        } else {
            puts_(o, "null");
        }
    } else if (strncmp(path, "service.", 8) == 0) {
        const char *k = path + 8;
        if (!d->has_service) {
            puts_(o, "<no service>");
        } else if (strcmp(k, "code") == 0) {
            put_json_string(o, d->service_code, strlen(d->service_code));
        } else if (strcmp(k, "name") == 0) {
            put_str(o, d->service_name);
        } else if (strcmp(k, "product") == 0) {
            put_str(o, d->service_product);
        } else if (strcmp(k, "kind") == 0) {
            put_str(o, paycodes_service_kind_id(d->service_kind));
        } else if (strcmp(k, "moves_money") == 0) {
            put_bool(o, d->service_moves_money);
        } else if (strcmp(k, "status_service") == 0) {
            put_str(o, d->service_status_service);
        } else {
            return 0;
        }
    } else if (strcmp(path, "message") == 0) {
        put_str(o, d->message);
    } else if (strcmp(path, "detail") == 0) {
        put_str(o, d->detail);
    } else if (strcmp(path, "category") == 0) {
        put_str(o, paycodes_category_id(d->category));
    } else if (strcmp(path, "outcome") == 0) {
        put_str(o, paycodes_outcome_id(d->outcome));
    } else if (strcmp(path, "reason") == 0) {
        put_str(o, paycodes_reason_id(d->reason));
    } else if (strcmp(path, "action") == 0) {
        put_str(o, paycodes_action_id(d->action));
    } else if (strcmp(path, "customer_message") == 0) {
        put_str(o, d->customer_message);
    } else if (strcmp(path, "masked") == 0) {
        put_bool(o, d->masked);
    } else if (strcmp(path, "merchant_message") == 0) {
        put_str(o, d->merchant_message);
    } else if (strcmp(path, "provider") == 0) {
        put_str(o, d->provider);
    } else if (strcmp(path, "source") == 0) {
        put_str(o, d->source);
    } else if (strcmp(path, "operation") == 0) {
        put_str(o, d->operation);
    } else if (strcmp(path, "network") == 0) {
        put_str(o, paycodes_network_id(d->network));
    } else if (strcmp(path, "card_category") == 0) {
        put_str(o, paycodes_category_id(d->card_category));
    } else if (strcmp(path, "status_kind") == 0) {
        put_str(o, paycodes_status_kind_id(d->status_kind));
    } else if (strcmp(path, "network_variants") == 0) {
        puts_(o, d->family == PAYCODES_FAMILY_ISO8583 ? "[...]" : "null");
    } else if (strcmp(path, "network_variants.#") == 0) {
        if (d->family == PAYCODES_FAMILY_ISO8583) {
            put_uint(o, d->network_variant_count);
        } else {
            puts_(o, "null");
        }
    } else if (strncmp(path, "network_variants.", 17) == 0) {
        char *end;
        unsigned long i = strtoul(path + 17, &end, 10);
        const paycodes_network_variant *nv;
        if (*end != '.' || i >= d->network_variant_count) {
            puts_(o, "<no such variant>");
            return 1;
        }
        nv = &d->network_variants[i];
        end++;
        if (strcmp(end, "network") == 0) {
            put_str(o, paycodes_network_id(nv->network));
        } else if (strcmp(end, "message") == 0) {
            put_str(o, nv->message);
        } else if (strcmp(end, "category") == 0) {
            put_str(o, paycodes_category_id(nv->category));
        } else if (strcmp(end, "reason") == 0) {
            put_str(o, paycodes_reason_id(nv->reason));
        } else if (strcmp(end, "outcome") == 0) {
            put_str(o, paycodes_outcome_id(nv->outcome));
        } else if (strcmp(end, "action") == 0) {
            put_str(o, paycodes_action_id(nv->action));
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    return 1;
}

/* Builds the context from the vector's strings; returns a non-OK status for unknown ids. */
static paycodes_status context_for(const vector *v, paycodes_context *ctx) {
    paycodes_status s;
    memset(ctx, 0, sizeof *ctx);
    ctx->provider = v->provider;
    ctx->operation = v->operation;
    if (v->family != NULL) {
        paycodes_family f;
        s = paycodes_family_from_id((const uint8_t *)v->family, strlen(v->family), &f);
        if (s != PAYCODES_OK) {
            return s;
        }
        ctx->family = f;
    }
    if (v->network != NULL) {
        paycodes_network n;
        s = paycodes_network_from_id((const uint8_t *)v->network, strlen(v->network), &n);
        if (s != PAYCODES_OK) {
            return s;
        }
        ctx->network = n;
    }
    if (v->status_kind != NULL) {
        paycodes_status_kind k;
        s = paycodes_status_kind_from_id((const uint8_t *)v->status_kind, strlen(v->status_kind), &k);
        if (s != PAYCODES_OK) {
            return s;
        }
        ctx->status_kind = k;
    }
    if (v->locale != NULL) {
        ctx->locale = paycodes_locale_from_tag((const uint8_t *)v->locale, strlen(v->locale));
    }
    return PAYCODES_OK;
}

static paycodes_status run(const vector *v, paycodes_decoded *d) {
    paycodes_context ctx;
    const uint8_t *msg = (const uint8_t *)v->message;
    paycodes_status s = context_for(v, &ctx);
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
                if (!render(&d, v, e->path, &got)) {
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
