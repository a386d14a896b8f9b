/*
 * C runner of the shared vectors (tests/vectors, compiled into vectors.c by gen_vectors.py).
 * It runs each vector's call through libpaycodes and prints one JSON line per vector: the
 * answer (rendered through the public accessors only, render.h), the error id, or why C
 * cannot express the input. `paycodes-conformance --check c FILE` compares the lines with
 * the vectors, as it does for every language.
 *
 * C-specific mappings, stated once: a null code is a NULL pointer, whose status
 * null_argument is reported as bad_type (the documented C form of it); the typed API cannot
 * take options by key, values of another type, or build arguments in other combinations than
 * its two functions, so those vectors are reported as not expressible.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "paycodes.h"
#include "render.h"
#include "vectors.h"

/* A value's bytes (a repeated text is built; the caller frees *owned). */
static const char *bytes_of(const val *v, size_t *len, char **owned) {
    *owned = NULL;
    if (v->kind == V_REPEAT) {
        size_t pre = strlen(v->prefix), suf = strlen(v->suffix), i;
        char *b = (char *)malloc(pre + v->len * v->times + suf + 1);
        if (b == NULL) {
            exit(2);
        }
        memcpy(b, v->prefix, pre);
        for (i = 0; i < v->times; i++) {
            memcpy(b + pre + i * v->len, v->text, v->len);
        }
        memcpy(b + pre + v->len * v->times, v->suffix, suf);
        *len = pre + v->len * v->times + suf;
        *owned = b;
        return b;
    }
    *len = v->len;
    return v->text;
}

static int is_text(const val *v) { return v->kind == V_TEXT || v->kind == V_REPEAT; }

/* Why a vector cannot be expressed in C, or NULL. */
static const char *skip;

typedef struct {
    paycodes_context ctx;
    const val *message;
    const val *reason, *http_status, *case_code, *detail, *provider;
} options;

/* decode_response's HTTP status: 0 when not given. */
static uint32_t response_http;

/* retry_decision's options. */
static const val *retry_network, *retry_mac, *retry_history, *retry_now, *retry_edition;

/* Reads the keyword options a call takes; sets `skip` for what C cannot express. */
static paycodes_status read_options(const vector *v, options *o) {
    const opt *p;
    memset(o, 0, sizeof *o);
    for (p = v->opts; p->key != NULL; p++) {
        const val *x = &p->v;
        if (x->kind == V_NULL) {
            continue;
        }
        if (strcmp(p->key, "message") == 0 && v->call == CALL_DECODE) {
            o->message = x;
            if (!is_text(x)) {
                skip = "a message that is not text";
            }
            continue;
        }
        if (v->call == CALL_BUILD_SNAP) {
            if (strcmp(p->key, "reason") == 0) {
                o->reason = x;
            } else if (strcmp(p->key, "http_status") == 0) {
                o->http_status = x;
            } else if (strcmp(p->key, "case_code") == 0) {
                o->case_code = x;
            } else if (strcmp(p->key, "detail") == 0) {
                o->detail = x;
            } else if (strcmp(p->key, "provider") == 0) {
                o->provider = x;
            } else {
                skip = "an option key the typed API has no field for";
            }
            continue;
        }
        if (v->call == CALL_RETRY_DECISION) {
            if (strcmp(p->key, "network") == 0) {
                retry_network = x;
            } else if (strcmp(p->key, "mac") == 0) {
                retry_mac = x;
            } else if (strcmp(p->key, "history") == 0) {
                retry_history = x;
            } else if (strcmp(p->key, "now") == 0) {
                retry_now = x;
            } else if (strcmp(p->key, "edition") == 0) {
                retry_edition = x;
            } else {
                skip = "an option key the typed API has no field for";
            }
            continue;
        }
        if (v->call == CALL_DECODE_RESPONSE && strcmp(p->key, "http_status") == 0) {
            if (x->kind != V_INT || x->i <= 0 || x->i > 0xffffffffLL) {
                skip = "an HTTP status that is not a positive integer (C takes a uint32_t)";
            } else {
                response_http = (uint32_t)x->i;
            }
            continue;
        }
        if (!is_text(x) && x->kind != V_NULL) {
            skip = "an option that is not a string";
            continue;
        }
        if (strcmp(p->key, "provider") == 0 && v->call != CALL_CUSTOMER_MESSAGE) {
            o->ctx.provider = x->text;
        } else if (strcmp(p->key, "operation") == 0 && v->call != CALL_CUSTOMER_MESSAGE) {
            o->ctx.operation = x->text;
        } else if (strcmp(p->key, "kind") == 0 && v->call != CALL_CUSTOMER_MESSAGE) {
            o->ctx.kind = x->text;
        } else if (strcmp(p->key, "family") == 0 && v->call != CALL_CUSTOMER_MESSAGE) {
            paycodes_family f;
            paycodes_status s = paycodes_family_from_id((const uint8_t *)x->text, x->len, &f);
            if (s != PAYCODES_OK) {
                return s;
            }
            o->ctx.family = f;
        } else if (strcmp(p->key, "network") == 0 && v->call != CALL_CUSTOMER_MESSAGE) {
            paycodes_network n;
            paycodes_status s = paycodes_network_from_id((const uint8_t *)x->text, x->len, &n);
            if (s != PAYCODES_OK) {
                return s;
            }
            o->ctx.network = n;
        } else if (strcmp(p->key, "locale") == 0) {
            o->ctx.locale = paycodes_locale_from_tag((const uint8_t *)x->text, x->len);
        } else {
            skip = "an option key the typed API has no field for";
        }
    }
    return PAYCODES_OK;
}

/* The input as JSON, for the answer's `raw` (C does not hand the caller's buffer back). */
static void raw_json(json_out *o, const val *v) {
    char *owned;
    size_t len;
    const char *b;
    char tmp[64];
    switch (v->kind) {
    case V_INT:
        json_int(o, v->i);
        return;
    case V_DOUBLE:
        sprintf(tmp, "%.17g", v->d);
        json_raw(o, tmp);
        return;
    case V_TEXT:
    case V_REPEAT:
        b = bytes_of(v, &len, &owned);
        json_text(o, b, len);
        free(owned);
        return;
    default:
        json_raw(o, "null");
    }
}

static paycodes_status decode_one(const val *code, const val *message, const paycodes_context *ctx,
                                  paycodes_decoded *d) {
    char *owned_code = NULL;
    size_t code_len = 0, msg_len = message != NULL ? message->len : 0;
    const char *msg = message != NULL ? message->text : NULL;
    paycodes_status s;
    if (message != NULL && message->kind != V_TEXT) {
        skip = "a message that is not plain text";
        return PAYCODES_INTERNAL;
    }
    switch (code->kind) {
    case V_TEXT:
    case V_REPEAT: {
        const char *c = bytes_of(code, &code_len, &owned_code);
        s = paycodes_decode((const uint8_t *)c, code_len, (const uint8_t *)msg, msg_len, ctx, d);
        break;
    }
    case V_INT:
        s = paycodes_decode_int(code->i, (const uint8_t *)msg, msg_len, ctx, d);
        break;
    case V_DOUBLE:
        s = paycodes_decode_double(code->d, (const uint8_t *)msg, msg_len, ctx, d);
        break;
    case V_ABSENT:
    case V_NULL:
        s = paycodes_decode(NULL, 0, (const uint8_t *)msg, msg_len, ctx, d);
        /* The documented C form of bad_type for a missing code. */
        if (s == PAYCODES_NULL_ARGUMENT) {
            s = PAYCODES_BAD_TYPE;
        }
        break;
    default:
        skip = code->text;
        s = PAYCODES_INTERNAL;
    }
    free(owned_code);
    return s;
}

static void print_error(json_out *o, paycodes_status s, long index) {
    json_raw(o, ",\"error\":");
    json_str(o, paycodes_status_id(s));
    if (index >= 0) {
        json_raw(o, ",\"index\":");
        json_int(o, index);
    }
}

static void run(const vector *v, json_out *o) {
    options opts;
    paycodes_status s;
    skip = NULL;
    json_raw(o, "{\"file\":");
    json_text(o, v->file, strlen(v->file));
    json_raw(o, ",\"name\":");
    json_text(o, v->name, strlen(v->name));
    response_http = 0;
    retry_network = retry_mac = retry_history = retry_now = retry_edition = NULL;
    s = read_options(v, &opts);
    if (skip == NULL && s != PAYCODES_OK) {
        print_error(o, s, -1);
        json_raw(o, "}");
        return;
    }
    if (skip == NULL && v->call == CALL_DECODE) {
        paycodes_decoded d;
        /* The message must outlive the rendering (the detail points into it). */
        char *owned_msg = NULL;
        size_t msg_len = 0;
        const char *msg = opts.message != NULL ? bytes_of(opts.message, &msg_len, &owned_msg) : NULL;
        val m = {V_TEXT, NULL, 0, 0, 0, NULL, NULL, 0};
        m.text = msg;
        m.len = msg_len;
        s = decode_one(&v->first, msg != NULL ? &m : NULL, &opts.ctx, &d);
        if (skip == NULL) {
            if (s == PAYCODES_OK) {
                json_out raw;
                memset(&raw, 0, sizeof raw);
                raw_json(&raw, &v->first);
                json_raw(o, ",\"answer\":");
                render_decoded(o, &d, raw.buf);
                free(raw.buf);
            } else {
                print_error(o, s, -1);
            }
        }
        free(owned_msg);
    } else if (skip == NULL && v->call == CALL_DECODE_MANY) {
        size_t i;
        json_out answers;
        memset(&answers, 0, sizeof answers);
        if (v->items == NULL) {
            skip = "a batch that is not a list";
        }
        for (i = 0; skip == NULL && i < v->item_count; i++) {
            paycodes_decoded d;
            const val *m = v->item_messages[i].kind == V_ABSENT ? NULL : &v->item_messages[i];
            s = decode_one(&v->items[i], m, &opts.ctx, &d);
            if (skip != NULL) {
                break;
            }
            if (s != PAYCODES_OK) {
                print_error(o, s, (long)i);
                break;
            }
            {
                json_out raw;
                memset(&raw, 0, sizeof raw);
                raw_json(&raw, &v->items[i]);
                json_raw(&answers, i > 0 ? "," : "[");
                render_decoded(&answers, &d, raw.buf);
                free(raw.buf);
            }
        }
        if (skip == NULL && (s == PAYCODES_OK || v->item_count == 0)) {
            json_raw(o, ",\"answer\":");
            json_raw(o, v->item_count == 0 ? "[]" : answers.buf);
            if (v->item_count > 0) {
                json_raw(o, "]");
            }
        }
        free(answers.buf);
    } else if (skip == NULL && v->call == CALL_BUILD_SNAP) {
        char buf[PAYCODES_MESSAGE_MAX];
        paycodes_built b;
        const char *provider = opts.provider != NULL ? opts.provider->text : NULL;
        const char *detail = opts.detail != NULL && opts.detail->kind == V_TEXT ? opts.detail->text : NULL;
        size_t detail_len = detail != NULL ? opts.detail->len : 0;
        if (v->first.kind != V_TEXT || (opts.detail != NULL && opts.detail->kind != V_TEXT) ||
            (opts.provider != NULL && opts.provider->kind != V_TEXT)) {
            skip = "an argument of another type";
        } else if (opts.reason != NULL && opts.http_status == NULL && opts.case_code == NULL) {
            paycodes_reason r;
            if (opts.reason->kind != V_TEXT) {
                skip = "an argument of another type";
            } else if ((s = paycodes_reason_from_id((const uint8_t *)opts.reason->text, opts.reason->len, &r)) ==
                       PAYCODES_OK) {
                s = paycodes_snap_build_for_reason(r, (const uint8_t *)v->first.text, v->first.len,
                                                   (const uint8_t *)detail, detail_len, provider, &b, buf, sizeof buf);
            }
        } else if (opts.reason == NULL && opts.http_status != NULL && opts.case_code != NULL) {
            if (opts.http_status->kind != V_INT || opts.case_code->kind != V_INT) {
                skip = "a number that is not a 64-bit integer";
            } else {
                s = paycodes_snap_build(opts.http_status->i, (const uint8_t *)v->first.text, v->first.len,
                                        opts.case_code->i, (const uint8_t *)detail, detail_len, provider, &b, buf,
                                        sizeof buf);
            }
        } else {
            skip = "a combination of build arguments (the typed API has one function per form)";
        }
        if (skip == NULL && s == PAYCODES_OK) {
            json_raw(o, ",\"answer\":{\"response_code\":");
            json_text(o, b.code, strlen(b.code));
            json_raw(o, ",\"response_message\":");
            json_text(o, buf, b.message_len);
            json_raw(o, ",\"reason\":");
            json_id(o, paycodes_reason_id((uint32_t)b.reason));
            json_raw(o, "}");
        } else if (skip == NULL) {
            print_error(o, s, -1);
        }
    } else if (skip == NULL && v->call == CALL_DECODE_RESPONSE) {
        paycodes_response r;
        char *owned = NULL;
        size_t len = 0;
        const char *body = NULL;
        if (v->first.kind == V_TEXT || v->first.kind == V_REPEAT) {
            body = bytes_of(&v->first, &len, &owned);
            if (body == NULL) {
                body = "";
            }
        } else if (v->first.kind != V_NULL && v->first.kind != V_ABSENT) {
            skip = "a body that is not bytes (the C API takes a buffer)";
        }
        if (skip == NULL) {
            s = paycodes_decode_response((const uint8_t *)body, len, response_http, &opts.ctx, &r);
            if (s == PAYCODES_OK) {
                json_raw(o, ",\"answer\":");
                render_response(o, &r);
            } else {
                print_error(o, s, -1);
            }
        }
        free(owned);
    } else if (skip == NULL && v->call == CALL_RETRY_DECISION) {
        paycodes_retry r;
        paycodes_network network = PAYCODES_NETWORK_NONE;
        int64_t now = -1;
        char mac[8] = {0};
        char *owned = NULL;
        const char *history = NULL;
        size_t history_len = 0;
        s = PAYCODES_OK;
        if (v->first.kind != V_TEXT) {
            skip = "a code that is not text (the C API takes bytes)";
        }
        if (skip == NULL && retry_network != NULL) {
            s = retry_network->kind == V_TEXT
                    ? paycodes_network_from_id((const uint8_t *)retry_network->text, retry_network->len, &network)
                    : PAYCODES_BAD_TYPE;
        }
        if (skip == NULL && s == PAYCODES_OK && retry_now != NULL) {
            if (retry_now->kind == V_INT) {
                now = retry_now->i;
            } else if (retry_now->kind == V_TEXT) {
                s = paycodes_parse_time((const uint8_t *)retry_now->text, retry_now->len, &now);
            } else {
                skip = "a time that is neither text nor an integer";
            }
        }
        if (skip == NULL && retry_mac != NULL) {
            if (retry_mac->kind == V_TEXT && retry_mac->len < sizeof mac) {
                memcpy(mac, retry_mac->text, retry_mac->len);
            } else if (retry_mac->kind == V_INT && retry_mac->i >= 0 && retry_mac->i < 1000) {
                sprintf(mac, "%02d", (int)retry_mac->i);
            } else {
                skip = "a MAC of another type";
            }
        }
        if (skip == NULL && retry_history != NULL) {
            if (is_text(retry_history)) {
                history = bytes_of(retry_history, &history_len, &owned);
            } else {
                skip = "a history that is not JSON text";
            }
        }
        if (skip == NULL && s == PAYCODES_OK) {
            const char *edition = retry_edition != NULL && retry_edition->kind == V_TEXT ? retry_edition->text : NULL;
            s = paycodes_retry_decision((const uint8_t *)v->first.text, v->first.len, network,
                                        retry_mac != NULL ? mac : NULL, (const uint8_t *)history, history_len, now,
                                        edition, &r);
        }
        if (skip == NULL && s == PAYCODES_OK) {
            json_raw(o, ",\"answer\":{\"decision\":");
            json_id(o, paycodes_verdict_id((uint32_t)r.decision));
            json_raw(o, ",\"not_before\":");
            if (r.not_before < 0) {
                json_raw(o, "null");
            } else {
                json_text(o, r.not_before_text, strlen(r.not_before_text));
            }
            json_raw(o, ",\"rule\":");
            json_str(o, r.rule);
            json_raw(o, ",\"edition\":");
            json_str(o, r.edition);
            json_raw(o, ",\"source\":");
            json_str(o, r.source);
            json_raw(o, ",\"attempts_left\":");
            if (r.attempts_left < 0) {
                json_raw(o, "null");
            } else {
                json_int(o, r.attempts_left);
            }
            json_raw(o, ",\"network\":");
            json_id(o, paycodes_network_id((uint32_t)r.network));
            json_raw(o, ",\"code\":");
            json_text(o, r.code, strlen(r.code));
            json_raw(o, ",\"category\":");
            json_id(o, paycodes_category_id((uint32_t)r.category));
            json_raw(o, ",\"reason\":");
            json_id(o, paycodes_reason_id((uint32_t)r.reason));
            json_raw(o, ",\"outcome\":");
            json_id(o, paycodes_outcome_id((uint32_t)r.outcome));
            json_raw(o, "}");
        } else if (skip == NULL) {
            print_error(o, s, -1);
        }
        free(owned);
    } else if (skip == NULL && v->call == CALL_CUSTOMER_MESSAGE) {
        paycodes_reason r;
        paycodes_str text;
        bool masked = false;
        if (v->first.kind == V_ABSENT || v->first.kind == V_NULL) {
            skip = "a missing argument (C passes a reason number)";
        } else if (v->first.kind != V_TEXT) {
            skip = "an argument of another type";
        } else if ((s = paycodes_reason_from_id((const uint8_t *)v->first.text, v->first.len, &r)) == PAYCODES_OK &&
                   (s = paycodes_customer_message(r, opts.ctx.locale, &text, &masked)) == PAYCODES_OK) {
            json_raw(o, ",\"answer\":{\"text\":");
            json_str(o, text);
            json_raw(o, masked ? ",\"masked\":true}" : ",\"masked\":false}");
        } else {
            print_error(o, s, -1);
        }
    } else if (skip == NULL) {
        skip = "a call the C API does not have";
    }
    if (skip != NULL) {
        json_raw(o, ",\"skip\":");
        json_text(o, skip, strlen(skip));
    }
    json_raw(o, "}");
}

int main(void) {
    size_t i;
    for (i = 0; i < vector_count; i++) {
        json_out o;
        memset(&o, 0, sizeof o);
        run(&vectors[i], &o);
        puts(o.buf);
        free(o.buf);
    }
    return 0;
}
