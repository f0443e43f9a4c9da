// C++ across two objects: templates, inline functions and vtables emitted in both, kept once
// (see "Other definitions" on Stack<int, 8>::push in Symbols), names shown demangled, and a
// global object whose constructor runs from __wasm_call_ctors.
#include "stack.h"

extern "C" int printf(const char *, ...);

struct Square : Shape {
    explicit Square(int side) : side(side) {}
    const char *name() const override { return "square"; }
    int area() const override { return square(side); }
    int side;
};

struct Banner {
    Banner() { printf("constructed before main\n"); }
};
static Banner banner;

int main() {
    Stack<int, 8> numbers;
    fill(numbers);
    numbers.push(square(7));
    int sum = 0;
    while (numbers.size()) sum += numbers.pop();
    printf("sum of the stack: %d\n", sum);

    Square a(3), b(4);
    const Shape *shapes[] = {&a, &b};
    printf("%s %d + %s %d: area %d\n", a.name(), a.side, b.name(), b.side, total_area(shapes, 2));
    return 0;
}
