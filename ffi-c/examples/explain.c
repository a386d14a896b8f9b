/*
 * explain: decode a payment response code and say what to do.
 *   cc explain.c $(pkg-config --cflags --libs paycodes) -o explain
 *   ./explain 4035414 "Insufficient Funds" doku
 */
#include <paycodes.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    paycodes_context ctx;
    paycodes_decoded d;
    paycodes_status s;
    const char *message = argc > 2 ? argv[2] : NULL;
    if (argc < 2) {
        fprintf(stderr, "usage: %s CODE [MESSAGE [PROVIDER]]\n", argv[0]);
        return 2;
    }
    memset(&ctx, 0, sizeof ctx); /* standard profile, detect the family, English */
    ctx.provider = argc > 3 ? argv[3] : NULL;
    s = paycodes_decode((const uint8_t *)argv[1], strlen(argv[1]), (const uint8_t *)message,
                        message ? strlen(message) : 0, &ctx, &d);
    if (s != PAYCODES_OK) {
        char why[256];
        paycodes_status_message(s, why, sizeof why, NULL);
        fprintf(stderr, "%s: %s (%s)\n", argv[1], why, paycodes_status_id(s).ptr);
        return 1;
    }
    {
        /* canonical lives in `d`; detail points into `message`: print both with their length. */
        paycodes_str canonical = paycodes_decoded_canonical(&d);
        paycodes_str detail = paycodes_decoded_detail(&d);
        printf("%.*s: %s\n", (int)canonical.len, canonical.ptr, paycodes_decoded_message(&d).ptr);
        if (detail.ptr != NULL) {
            printf("  detail:   %.*s\n", (int)detail.len, detail.ptr);
        }
    }
    printf("  outcome:  %s\n", paycodes_outcome_id(d.outcome).ptr);
    printf("  action:   %s\n", paycodes_action_id(d.action).ptr);
    printf("  reason:   %s\n", paycodes_reason_id(d.reason).ptr);
    printf("  customer: %s\n", paycodes_decoded_customer_message(&d).ptr);
    if (d.outcome == PAYCODES_OUTCOME_UNKNOWN) {
        printf("  the money may have moved: ask the status API before anything else\n");
    }
    return 0;
}
