/* The vectors' inputs as C data (see gen_vectors.py). */
#ifndef PAYCODES_TEST_VECTORS_H
#define PAYCODES_TEST_VECTORS_H
#include <stddef.h>
#include <stdint.h>

/* An input value: absent, JSON null, text or bytes, a 64-bit integer, a double, a long
 * repeated text (built at run time), or something C's typed API cannot take. */
typedef enum { V_ABSENT, V_NULL, V_TEXT, V_INT, V_DOUBLE, V_REPEAT, V_OTHER } val_kind;

typedef struct {
    val_kind kind;
    const char *text; /* V_TEXT: the bytes; V_REPEAT: the unit; V_OTHER: what it is */
    size_t len;       /* V_TEXT, V_REPEAT: bytes of text */
    int64_t i;
    double d;
    const char *prefix, *suffix; /* V_REPEAT */
    size_t times;                /* V_REPEAT */
} val;

typedef struct {
    const char *key; /* NULL ends the list */
    val v;
} opt;

typedef enum { CALL_DECODE, CALL_DECODE_MANY, CALL_BUILD_SNAP, CALL_CUSTOMER_MESSAGE, CALL_DECODE_RESPONSE, CALL_RETRY_DECISION, CALL_OTHER } call_kind;

typedef struct {
    const char *file, *name;
    call_kind call;
    val first;                  /* the positional argument */
    const val *items;           /* decode_many: the items, and their messages */
    const val *item_messages;
    size_t item_count;
    const opt *opts;            /* keyword options */
} vector;

extern const size_t vector_count;
extern const vector vectors[];
#endif
