#pragma once
// A broken invariant in a fuzz target: print what broke and abort, so libFuzzer (and the replay
// driver) report the input as a crash.

#include <cstdio>
#include <cstdlib>

#define FUZZ_ASSERT(cond, what)                                                    \
    do {                                                                           \
        if (!(cond)) {                                                             \
            std::fprintf(stderr, "fuzz invariant broken: %s (%s)\n", what, #cond); \
            std::abort();                                                          \
        }                                                                          \
    } while (0)
