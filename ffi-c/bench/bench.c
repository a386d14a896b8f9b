/*
 * C loop over paycodes_decode: the same codes as the core's criterion benchmark (read from
 * stdin, one per line; `decode_loop codes` prints them). Prints the best of 7 runs in
 * nanoseconds per decode. `bench ROUNDS` with ROUNDS = 0 decodes nothing (for callgrind
 * baselines).
 */
#define _POSIX_C_SOURCE 199309L
#include "paycodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_CODES 256

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int main(int argc, char **argv) {
    static char codes[MAX_CODES][16];
    size_t n = 0, i, r, rounds = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 200000;
    int run, runs = argc > 2 ? atoi(argv[2]) : 7;
    double best = 1e30;
    volatile unsigned sink = 0;
    while (n < MAX_CODES && fgets(codes[n], sizeof codes[n], stdin)) {
        codes[n][strcspn(codes[n], "\r\n")] = '\0';
        if (codes[n][0]) {
            n++;
        }
    }
    if (n == 0) {
        fprintf(stderr, "no codes on stdin\n");
        return 2;
    }
    for (run = 0; run < runs; run++) {
        double start = now_ns(), per;
        for (r = 0; r < rounds; r++) {
            for (i = 0; i < n; i++) {
                paycodes_decoded d;
                if (paycodes_decode((const uint8_t *)codes[i], 7, NULL, 0, NULL, &d) == PAYCODES_OK) {
                    sink += (unsigned)d.reason;
                }
            }
        }
        per = (now_ns() - start) / (double)(rounds * n);
        if (per < best) {
            best = per;
        }
    }
    if (rounds > 0) {
        printf("%.2f\n", best);
    }
    return sink == 12345 ? 1 : 0;
}
