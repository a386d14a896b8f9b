/* A growable buffer of JSON text, for the C test programs. */
#ifndef PAYCODES_TEST_JSON_OUT_H
#define PAYCODES_TEST_JSON_OUT_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paycodes.h"

typedef struct {
    char *buf;
    size_t len, cap;
} json_out;

static void json_bytes(json_out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 256;
        char *grown;
        while (o->len + n + 1 > cap) {
            cap *= 2;
        }
        grown = (char *)realloc(o->buf, cap);
        if (grown == NULL) {
            fputs("out of memory\n", stderr);
            exit(2);
        }
        o->buf = grown;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static void json_raw(json_out *o, const char *s) { json_bytes(o, s, strlen(s)); }

static void json_int(json_out *o, int64_t n) {
    char tmp[32];
    sprintf(tmp, "%lld", (long long)n);
    json_raw(o, tmp);
}

/* A string as JSON (escapes as Python's json.dumps(ensure_ascii=False) does). */
static void json_text(json_out *o, const char *s, size_t n) {
    size_t i;
    json_raw(o, "\"");
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        if (c == '"' || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            json_bytes(o, esc, 2);
        } else if (c == '\n') {
            json_raw(o, "\\n");
        } else if (c == '\r') {
            json_raw(o, "\\r");
        } else if (c == '\t') {
            json_raw(o, "\\t");
        } else if (c < 0x20) {
            sprintf(esc, "\\u%04x", c);
            json_raw(o, esc);
        } else {
            json_bytes(o, (const char *)&s[i], 1);
        }
    }
    json_raw(o, "\"");
}

/* A paycodes_str: null when absent. */
static void json_str(json_out *o, paycodes_str s) {
    if (s.ptr == NULL) {
        json_raw(o, "null");
    } else {
        json_text(o, s.ptr, s.len);
    }
}

/* An enum's id: null for the none value. */
static void json_id(json_out *o, paycodes_str id) { json_str(o, id); }
#endif
