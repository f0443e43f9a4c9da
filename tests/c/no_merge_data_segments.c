// --no-merge-data-segments: one data segment per input data section (with -fdata-sections,
// one per variable) instead of merged .rodata/.data.
// LDFLAGS: --no-merge-data-segments
#include <stdio.h>

static const char first[] = "first";
static const char second[] = "second";
static int numbers[] = {1, 2, 3};
int counter = 42;
static const double ratios[] = {0.5, 0.25};

int main(void) {
    printf("%s %s %d %d %.2f\n", first, second, numbers[2], counter, ratios[1]);
    return 0;
}
