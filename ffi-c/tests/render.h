/*
 * Shared by the C test runners (conformance.c, bad_inputs.c): renders a field of
 * paycodes_decoded as JSON text, the way Python's json.dumps renders the vector files, so an
 * expected (path, JSON) pair compares as a string; and builds a context from option strings.
 */
#ifndef PAYCODES_TEST_RENDER_H
#define PAYCODES_TEST_RENDER_H
#include "paycodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAP 4096

typedef struct {
    char buf[CAP];
    size_t len;
} out_buf;

static inline void put(out_buf *o, const char *s, size_t n) {
    if (o->len + n + 1 > CAP) {
        n = CAP - 1 - o->len;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static inline void puts_(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* A JSON string, escaped exactly as Python's json.dumps(ensure_ascii=False) does. */
static inline void put_json_string(out_buf *o, const char *s, size_t n) {
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

static inline void put_str(out_buf *o, paycodes_str s) {
    if (s.ptr == NULL) {
        puts_(o, "null");
    } else {
        put_json_string(o, s.ptr, s.len);
    }
}

static inline void put_cstr_or_null(out_buf *o, const char *s) {
    if (s[0] == '\0') {
        puts_(o, "null");
    } else {
        put_json_string(o, s, strlen(s));
    }
}

static inline void put_bool(out_buf *o, bool b) { puts_(o, b ? "true" : "false"); }

static inline void put_uint(out_buf *o, unsigned long v) {
    char tmp[32];
    sprintf(tmp, "%lu", v);
    puts_(o, tmp);
}

/* Renders the field at `path` as JSON text; returns 0 for a path this runner cannot read. */
static inline int render(const paycodes_decoded *d, const char *raw, size_t raw_len, double number, const char *path,
                  out_buf *o) {
    o->len = 0;
    o->buf[0] = '\0';
    if (strcmp(path, "family") == 0) {
        put_str(o, paycodes_family_id(d->family));
    } else if (strcmp(path, "raw") == 0) {
        if (raw != NULL) {
            put_json_string(o, raw, raw_len);
        } else {
            char tmp[40];
            sprintf(tmp, "%.0f", number);
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

/* Builds a context from option strings (NULL: not given); a non-OK status for unknown ids. */
static inline paycodes_status context_from_ids(paycodes_context *ctx, const char *provider, const char *family,
                                               const char *network, const char *operation, const char *status_kind,
                                               const char *locale) {
    paycodes_status s;
    memset(ctx, 0, sizeof *ctx);
    ctx->provider = provider;
    ctx->operation = operation;
    if (family != NULL) {
        paycodes_family f;
        if ((s = paycodes_family_from_id((const uint8_t *)family, strlen(family), &f)) != PAYCODES_OK) {
            return s;
        }
        ctx->family = f;
    }
    if (network != NULL) {
        paycodes_network n;
        if ((s = paycodes_network_from_id((const uint8_t *)network, strlen(network), &n)) != PAYCODES_OK) {
            return s;
        }
        ctx->network = n;
    }
    if (status_kind != NULL) {
        paycodes_status_kind k;
        if ((s = paycodes_status_kind_from_id((const uint8_t *)status_kind, strlen(status_kind), &k)) != PAYCODES_OK) {
            return s;
        }
        ctx->status_kind = k;
    }
    if (locale != NULL) {
        ctx->locale = paycodes_locale_from_tag((const uint8_t *)locale, strlen(locale));
    }
    return PAYCODES_OK;
}

#endif
