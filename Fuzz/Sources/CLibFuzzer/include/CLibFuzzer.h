// libFuzzer's entry point for a program with its own main. SwiftPM gives every executable a main of its own (it
// renames Swift's and points `main` at it), so libFuzzer's main never runs: each target's main calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
