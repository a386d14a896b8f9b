/* The conformance vectors as C data (see gen_vectors.py). */
#ifndef PAYCODES_TEST_VECTORS_H
#define PAYCODES_TEST_VECTORS_H
#include <stddef.h>

typedef struct {
    const char *path;  /* "outcome", "service.name", "network_variants.#", ... */
    const char *json;  /* the expected value as JSON text */
} expect_kv;

typedef enum { CODE_TEXT, CODE_INT, CODE_DOUBLE, CODE_NULL } code_kind;

typedef struct {
    const char *name;
    code_kind kind;
    const char *code;
    size_t code_len;
    double number; /* CODE_INT values fit a double exactly here; kept as double for both */
    const char *message;
    size_t message_len;
    const char *provider, *family, *network, *operation, *status_kind, *locale;
    const char *expect_error; /* NULL when an answer is expected */
    const expect_kv *expect;  /* terminated by {NULL, NULL} */
} vector;

extern const size_t vector_count;
extern const vector vectors[];
#endif
