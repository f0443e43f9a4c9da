// Uses the same template instance and inline function as main.cc, so this object carries
// duplicate copies of them that the linker drops.
#include "stack.h"

int total_area(const Shape *const *shapes, int count) {
    int total = 0;
    for (int i = 0; i < count; i++) total += shapes[i]->area();
    return total;
}

void fill(Stack<int, 8> &stack) {
    for (int i = 1; i <= 5; i++) stack.push(square(i));
}
