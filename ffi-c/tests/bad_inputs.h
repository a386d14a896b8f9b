/* The bad-input matrix (tests/bad_inputs.json) as C data (see gen_bad_inputs.py). */
#ifndef PAYCODES_TEST_BAD_INPUTS_H
#define PAYCODES_TEST_BAD_INPUTS_H
#include "vectors.h"

#include <stddef.h>

/* BI_OTHER: a boolean, array or object where a code belongs, which C's typed API cannot
   express. */
typedef enum { BI_TEXT, BI_INT, BI_DOUBLE, BI_NULL, BI_OTHER } bi_kind;

/* Text (bytes, possibly not UTF-8): prefix, then unit repeated `times` times, then suffix. */
typedef struct {
    const char *prefix;
    size_t prefix_len;
    const char *unit;
    size_t unit_len;
    size_t times;
    const char *suffix;
    size_t suffix_len;
} bi_text;

typedef struct {
    const char *name;
    bi_kind kind;
    bi_text code;
    long long integer;
    double number;
    int has_message;
    bi_text message;
    /* 0 when an option has a type other than string (C's context takes strings). */
    int options_expressible;
    const char *provider, *family, *network, *operation, *status_kind, *locale;
    const char *expect_error; /* NULL when an answer is expected */
    const expect_kv *expect;  /* terminated by {NULL, NULL} */
} bad_input;

extern const size_t bad_input_count;
extern const bad_input bad_inputs[];
#endif
