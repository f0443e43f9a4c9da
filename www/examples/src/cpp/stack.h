// A class template and an inline function: every object that uses them gets its own copy,
// each in a COMDAT group named after the symbol, and the linker keeps one copy of each.
// (noinline keeps the copies: at -O2 these small functions would be inlined away.)
#pragma once

#define KEEP [[gnu::noinline]]

template <typename T, int N> class Stack {
  public:
    KEEP bool push(T value) {
        if (size_ == N) return false;
        items_[size_++] = value;
        return true;
    }
    KEEP T pop() { return size_ ? items_[--size_] : T(); }
    int size() const { return size_; }

  private:
    T items_[N] = {};
    int size_ = 0;
};

KEEP inline int square(int x) { return x * x; }

// A polymorphic base: its vtable and inline methods are COMDATs too.
struct Shape {
    KEEP virtual const char *name() const { return "shape"; }
    KEEP virtual int area() const { return 0; }
};

int total_area(const Shape *const *shapes, int count);
void fill(Stack<int, 8> &stack);
