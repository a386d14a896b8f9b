/*
 * C API tests beyond the vectors: NULL handling, buffers, outputs only on success, statuses,
 * version, customer messages for every reason and locale.
 */
#include "paycodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                          \
    do {                                                                                     \
        checks++;                                                                            \
        if (!(cond)) {                                                                       \
            failures++;                                                                      \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                           \
        }                                                                                    \
    } while (0)

static paycodes_status decode(const char *code, paycodes_decoded *out) {
    return paycodes_decode((const uint8_t *)code, strlen(code), NULL, 0, NULL, out);
}

static void test_null_and_bad_arguments(void) {
    paycodes_decoded d, before;
    char buf[PAYCODES_MESSAGE_MAX];
    paycodes_built built;
    paycodes_str s;
    CHECK(decode("2002400", &d) == PAYCODES_OK);
    before = d;
    CHECK(paycodes_decode(NULL, 7, NULL, 0, NULL, &d) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode(NULL, 0, NULL, 0, NULL, &d) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode((const uint8_t *)"4035414", 7, NULL, 5, NULL, &d) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode((const uint8_t *)"4035414", 7, NULL, 0, NULL, NULL) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode((const uint8_t *)"40\xff" "5414", 7, NULL, 0, NULL, &d) == PAYCODES_INVALID_UTF8);
    CHECK(paycodes_decode((const uint8_t *)"403541", 6, NULL, 0, NULL, &d) == PAYCODES_BAD_LENGTH);
    CHECK(paycodes_decode((const uint8_t *)"4O35414", 7, NULL, 0, NULL, &d) == PAYCODES_BAD_CHARACTER);
    CHECK(paycodes_decode((const uint8_t *)"6005400", 7, NULL, 0, NULL, &d) == PAYCODES_BAD_HTTP_STATUS);
    CHECK(paycodes_decode((const uint8_t *)"  \t", 3, NULL, 0, NULL, &d) == PAYCODES_EMPTY);
    /* An embedded NUL is a character like any other: not a code. */
    CHECK(paycodes_decode((const uint8_t *)"403\0" "414", 7, NULL, 0, NULL, &d) == PAYCODES_BAD_CHARACTER);
    CHECK(paycodes_decode_int(-5, NULL, 0, NULL, &d) == PAYCODES_NEGATIVE_NUMBER);
    CHECK(paycodes_decode_double(2002400.5, NULL, 0, NULL, &d) == PAYCODES_NOT_AN_INTEGER);
    /* No failed call wrote its output (fields compared: padding bytes are unspecified). */
    CHECK(d.family == before.family && d.outcome == before.outcome && d.reason == before.reason &&
          d.http_status == before.http_status);
    CHECK(strcmp(paycodes_decoded_canonical(&d).ptr, "2002400") == 0);

    memset(buf, 'x', sizeof buf);
    CHECK(paycodes_snap_build(400, (const uint8_t *)"25", 2, 1, (const uint8_t *)"amount", 6, NULL, &built, buf, 10) ==
          PAYCODES_BUFFER_TOO_SMALL);
    CHECK(buf[0] == 'x');
    CHECK(paycodes_snap_build(400, (const uint8_t *)"25", 2, 1, NULL, 0, NULL, NULL, buf, sizeof buf) ==
          PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_snap_build(400, (const uint8_t *)"99", 2, 1, NULL, 0, NULL, &built, buf, sizeof buf) ==
          PAYCODES_UNKNOWN_SERVICE);
    CHECK(paycodes_snap_build(403, (const uint8_t *)"25", 2, 99, NULL, 0, NULL, &built, buf, sizeof buf) ==
          PAYCODES_UNKNOWN_CASE);
    /* Numbers are checked, never narrowed: 65940 is not an HTTP status (it is not 404). */
    CHECK(paycodes_snap_build(65940, (const uint8_t *)"24", 2, 12, NULL, 0, NULL, &built, buf, sizeof buf) ==
          PAYCODES_BAD_HTTP_STATUS);
    CHECK(paycodes_snap_build(404, (const uint8_t *)"24", 2, 268, NULL, 0, NULL, &built, buf, sizeof buf) ==
          PAYCODES_OUT_OF_RANGE);
    CHECK(paycodes_snap_build(404, (const uint8_t *)"24", 2, -1, NULL, 0, NULL, &built, buf, sizeof buf) ==
          PAYCODES_OUT_OF_RANGE);
    CHECK(paycodes_snap_build(400, (const uint8_t *)"25", 2, 1, NULL, 0, "paypal", &built, buf, sizeof buf) ==
          PAYCODES_UNKNOWN_PROVIDER);
    CHECK(paycodes_snap_build_for_reason(PAYCODES_REASON_LOST_CARD, (const uint8_t *)"54", 2, NULL, 0, NULL, &built,
                                         buf, sizeof buf) == PAYCODES_NO_SNAP_CODE);
    CHECK(paycodes_customer_message(9999, PAYCODES_LOCALE_EN, &s, NULL) == PAYCODES_UNKNOWN_REASON);
    CHECK(paycodes_customer_message(PAYCODES_REASON_SUCCESS, PAYCODES_LOCALE_EN, NULL, NULL) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_status_message(PAYCODES_OK, NULL, 10, NULL) == PAYCODES_NULL_ARGUMENT);
}

static void test_context_errors(void) {
    paycodes_decoded d;
    paycodes_context ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.provider = "paypal";
    CHECK(paycodes_decode((const uint8_t *)"4035414", 7, NULL, 0, &ctx, &d) == PAYCODES_UNKNOWN_PROVIDER);
    memset(&ctx, 0, sizeof ctx);
    ctx.family = 77;
    CHECK(paycodes_decode((const uint8_t *)"4035414", 7, NULL, 0, &ctx, &d) == PAYCODES_UNKNOWN_FAMILY);
    memset(&ctx, 0, sizeof ctx);
    ctx.family = PAYCODES_FAMILY_STATUS;
    CHECK(paycodes_decode((const uint8_t *)"03", 2, NULL, 0, &ctx, &d) == PAYCODES_KIND_REQUIRED);
    ctx.kind = "qris";
    CHECK(paycodes_decode((const uint8_t *)"03", 2, NULL, 0, &ctx, &d) == PAYCODES_OK);
    CHECK(d.outcome == PAYCODES_OUTCOME_PENDING);
    CHECK(strcmp(paycodes_decoded_status_kind(&d).ptr, "qris") == 0);
    ctx.kind = "Direct Debit"; /* ids are read leniently, as in every language */
    CHECK(paycodes_decode((const uint8_t *)"07", 2, NULL, 0, &ctx, &d) == PAYCODES_OK);
    CHECK(strcmp(paycodes_decoded_status_kind(&d).ptr, "direct_debit") == 0);
    ctx.kind = "nope";
    CHECK(paycodes_decode((const uint8_t *)"07", 2, NULL, 0, &ctx, &d) == PAYCODES_UNKNOWN_KIND);
    memset(&ctx, 0, sizeof ctx);
    ctx.provider = "Bank Neo Commerce";
    ctx.locale = PAYCODES_LOCALE_ID;
    CHECK(paycodes_decode((const uint8_t *)"2001200", 7, NULL, 0, &ctx, &d) == PAYCODES_OK);
    CHECK(paycodes_decoded_service(&d) != NULL &&
          strcmp(paycodes_service_name(paycodes_decoded_service(&d)).ptr, "Transaction Status Inquiry - Static") == 0);
    CHECK(strcmp(paycodes_decoded_customer_message(&d).ptr, "Pembayaran Anda berhasil.") == 0);
    memset(&ctx, 0, sizeof ctx);
    ctx.network = PAYCODES_NETWORK_VISA;
    CHECK(paycodes_decode((const uint8_t *)"70", 2, NULL, 0, &ctx, &d) == PAYCODES_OK);
    CHECK(d.reason == PAYCODES_REASON_PIN_REQUIRED && paycodes_decoded_network(&d) == PAYCODES_NETWORK_VISA);
    CHECK(paycodes_decode((const uint8_t *)"70", 2, NULL, 0, NULL, &d) == PAYCODES_OK);
    {
        paycodes_network_variant v;
        CHECK(paycodes_decoded_network_variants_count(&d) == 2);
        CHECK(paycodes_decoded_network_variants_get(&d, 1, &v) == PAYCODES_OK && v.network == PAYCODES_NETWORK_MASTERCARD);
        CHECK(paycodes_decoded_network_variants_get(&d, 2, &v) == PAYCODES_INDEX_OUT_OF_RANGE);
    }
}

static void test_statuses(void) {
    static const paycodes_status all[] = {
        PAYCODES_OK, PAYCODES_EMPTY, PAYCODES_BAD_LENGTH, PAYCODES_BAD_CHARACTER, PAYCODES_BAD_HTTP_STATUS,
        PAYCODES_INVALID_UTF8, PAYCODES_NEGATIVE_NUMBER, PAYCODES_NOT_AN_INTEGER, PAYCODES_BAD_TYPE,
        PAYCODES_BAD_JSON, PAYCODES_OUT_OF_RANGE, PAYCODES_NULL_ARGUMENT, PAYCODES_BUFFER_TOO_SMALL,
        PAYCODES_INDEX_OUT_OF_RANGE, PAYCODES_UNKNOWN_PROVIDER, PAYCODES_UNKNOWN_FAMILY, PAYCODES_UNKNOWN_NETWORK,
        PAYCODES_UNKNOWN_KIND, PAYCODES_UNKNOWN_OPERATION, PAYCODES_UNKNOWN_REASON, PAYCODES_KIND_REQUIRED,
        PAYCODES_UNKNOWN_TABLE, PAYCODES_UNKNOWN_SERVICE, PAYCODES_UNKNOWN_CASE, PAYCODES_NO_SNAP_CODE,
        PAYCODES_BAD_DETAIL, PAYCODES_MESSAGE_TOO_LONG, PAYCODES_BODY_TOO_LARGE, PAYCODES_INTERNAL, PAYCODES_PANIC};
    size_t n = sizeof all / sizeof all[0], i, j;
    char buf[256];
    size_t len = 0;
    for (i = 0; i < n; i++) {
        paycodes_str id = paycodes_status_id(all[i]);
        CHECK(id.ptr != NULL && strlen(id.ptr) == id.len);
        CHECK(paycodes_status_message(all[i], buf, sizeof buf, &len) == PAYCODES_OK);
        CHECK(len > 0 && strlen(buf) == len);
        for (j = i + 1; j < n; j++) {
            CHECK(all[i] != all[j]);
        }
    }
    CHECK(paycodes_status_id(12345).ptr == NULL);
    CHECK(paycodes_status_message(PAYCODES_PANIC, buf, 5, &len) == PAYCODES_BUFFER_TOO_SMALL);
}

static void test_version(void) {
    char expected[32];
    paycodes_str v = paycodes_version();
    sprintf(expected, "%d.%d.%d", PAYCODES_VERSION_MAJOR, PAYCODES_VERSION_MINOR, PAYCODES_VERSION_PATCH);
    CHECK(strcmp(v.ptr, expected) == 0 && v.len == strlen(expected));
}

static void test_every_customer_message(void) {
    unsigned r, seen = 0;
    for (r = 0; r < 200; r++) {
        paycodes_str en, id;
        bool masked_en = false, masked_id = false;
        if (paycodes_reason_id(r).ptr == NULL) {
            CHECK(paycodes_customer_message(r, PAYCODES_LOCALE_EN, &en, NULL) == PAYCODES_UNKNOWN_REASON);
            continue;
        }
        seen++;
        CHECK(paycodes_customer_message(r, PAYCODES_LOCALE_EN, &en, &masked_en) == PAYCODES_OK);
        CHECK(paycodes_customer_message(r, PAYCODES_LOCALE_ID, &id, &masked_id) == PAYCODES_OK);
        CHECK(en.len > 10 && id.len > 10 && strlen(en.ptr) == en.len && strlen(id.ptr) == id.len);
        CHECK(strchr(en.ptr, '{') == NULL && strchr(id.ptr, '[') == NULL);
        CHECK(masked_en == masked_id);
        CHECK(strcmp(en.ptr, id.ptr) != 0);
    }
    CHECK(seen == 113);
}

static void test_accessors(void) {
    paycodes_decoded d, zeroed;
    const char *msg = "Invalid Field Format virtualAccountNo";
    memset(&zeroed, 0, sizeof zeroed);
    /* A struct paycodes did not fill answers nothing (and does not crash). */
    CHECK(paycodes_decoded_canonical(&zeroed).ptr == NULL && paycodes_decoded_service(&zeroed) == NULL);
    CHECK(paycodes_decoded_canonical(NULL).ptr == NULL && paycodes_decoded_warnings_count(NULL) == 0);
    CHECK(paycodes_service_name(NULL).ptr == NULL);
    CHECK(paycodes_decode((const uint8_t *)"4002501", 7, (const uint8_t *)msg, strlen(msg), NULL, &d) == PAYCODES_OK);
    /* The detail points into the message buffer. */
    CHECK(paycodes_decoded_detail(&d).ptr == msg + 21 && paycodes_decoded_detail(&d).len == 16);
    CHECK(paycodes_decoded_http_status(&d) == 400 && d.http_status == 400);
    CHECK(strcmp(paycodes_service_code(paycodes_decoded_service(&d)).ptr, "25") == 0);
    CHECK(paycodes_service_kind_of(paycodes_decoded_service(&d)) == PAYCODES_SERVICE_KIND_PAYMENT);
    CHECK(paycodes_decoded_network_variants_present(&d) == false);
    /* Not UTF-8: the message is ignored and the answer says so. */
    CHECK(paycodes_decode((const uint8_t *)"4002501", 7, (const uint8_t *)"Inv\xff", 4, NULL, &d) == PAYCODES_OK);
    CHECK(paycodes_decoded_detail(&d).ptr == NULL && paycodes_decoded_warnings_count(&d) == 1 &&
          paycodes_decoded_warnings_get(&d, 0) == PAYCODES_WARNING_MESSAGE_IGNORED);
    CHECK(paycodes_decoded_warnings_get(&d, 1) == PAYCODES_WARNING_NONE);
    /* A number without a family is a whole SNAP code: 0 is not card code 00. */
    CHECK(paycodes_decode_int(0, NULL, 0, NULL, &d) == PAYCODES_BAD_LENGTH);
    CHECK(paycodes_decode_double(-0.0, NULL, 0, NULL, &d) == PAYCODES_BAD_LENGTH);
}

static void test_build(void) {
    char buf[PAYCODES_MESSAGE_MAX];
    paycodes_built b;
    CHECK(paycodes_snap_build_for_reason(PAYCODES_REASON_BILL_PAID, (const uint8_t *)"24", 2, NULL, 0, NULL, &b, buf,
                                         sizeof buf) == PAYCODES_OK);
    CHECK(strcmp(b.code, "4042414") == 0 && strcmp(buf, "Paid Bill") == 0 && b.message_len == 9);
    CHECK(paycodes_snap_build(409, (const uint8_t *)"43", 2, 2, NULL, 0, "doku", &b, buf, sizeof buf) == PAYCODES_OK);
    CHECK(strcmp(b.code, "4094302") == 0 && strcmp(buf, "Transaction Has Been Processed") == 0);
}

/* Issue 13: a whole body, the transaction's outcome, and the answer's parts. */
static void test_decode_response(void) {
    const char *body = "{\"responseCode\":\"2005500\",\"responseMessage\":\"Successful\","
                       "\"originalPartnerReferenceNo\":\"X-1\",\"latestTransactionStatus\":\"06\"}";
    paycodes_response r, copy;
    paycodes_decoded code;
    paycodes_field_reading status;
    paycodes_reference ref;
    paycodes_context ctx;
    char *deep;
    size_t i;
    CHECK(paycodes_decode_response((const uint8_t *)body, strlen(body), 200, NULL, &r) == PAYCODES_OK);
    CHECK(r.outcome == PAYCODES_OUTCOME_FAILED && r.decided_by == PAYCODES_EVIDENCE_TRANSACTION_STATUS);
    CHECK(r.http_status == 200 && paycodes_response_http_status(&r) == 200);
    CHECK(paycodes_response_code(&r, &code) && code.outcome == PAYCODES_OUTCOME_SUCCESS);
    CHECK(paycodes_decoded_raw(&code).len == 7 && !paycodes_decoded_raw_is_number(&code));
    CHECK(paycodes_response_status(&r, &status) && status.value.len == 2 && memcmp(status.value.ptr, "06", 2) == 0);
    CHECK(!paycodes_response_decline(&r, &status));
    CHECK(paycodes_response_references_count(&r) == 1);
    CHECK(paycodes_response_references_get(&r, 0, &ref) == PAYCODES_OK && ref.value.len == 3);
    CHECK(paycodes_response_references_get(&r, 1, &ref) == PAYCODES_INDEX_OUT_OF_RANGE);
    CHECK(paycodes_response_warnings_count(&r) == 1 &&
          paycodes_response_warnings_get(&r, 0) == PAYCODES_WARNING_STATUS_OVERRIDES_CODE);
    /* The answer owns its data: a copy reads the same. */
    copy = r;
    CHECK(paycodes_response_outcome(&copy) == PAYCODES_OUTCOME_FAILED);
    /* No response at all on a payment: unknown, inquire. */
    memset(&ctx, 0, sizeof ctx);
    ctx.operation = "direct_debit";
    CHECK(paycodes_decode_response(NULL, 0, 0, &ctx, &r) == PAYCODES_OK);
    CHECK(r.outcome == PAYCODES_OUTCOME_UNKNOWN && r.action == PAYCODES_ACTION_INQUIRE_STATUS);
    CHECK(r.decided_by == PAYCODES_EVIDENCE_NO_RESPONSE);
    /* Errors: NULL with a length, out, the limits, a context field the call does not read. */
    CHECK(paycodes_decode_response(NULL, 3, 0, NULL, &r) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode_response((const uint8_t *)"{}", 2, 0, NULL, NULL) == PAYCODES_NULL_ARGUMENT);
    CHECK(paycodes_decode_response((const uint8_t *)"{}", 2, 70000, NULL, &r) == PAYCODES_BAD_HTTP_STATUS);
    ctx.family = PAYCODES_FAMILY_SNAP;
    CHECK(paycodes_decode_response((const uint8_t *)"{}", 2, 0, &ctx, &r) == PAYCODES_UNKNOWN_OPTION);
    deep = (char *)malloc(100000);
    for (i = 0; i < 100000; i++) {
        deep[i] = '[';
    }
    CHECK(paycodes_decode_response((const uint8_t *)deep, 100000, 0, NULL, &r) == PAYCODES_BODY_TOO_DEEP);
    free(deep);
    /* A struct paycodes did not fill answers nothing. */
    memset(&copy, 0, sizeof copy);
    CHECK(!paycodes_response_code(&copy, &code) && paycodes_response_references_count(&copy) == 0);
}

int main(void) {
    test_null_and_bad_arguments();
    test_context_errors();
    test_statuses();
    test_version();
    test_every_customer_message();
    test_build();
    test_accessors();
    test_decode_response();
    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
