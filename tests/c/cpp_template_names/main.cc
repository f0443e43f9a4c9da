// C++ names as wasm-ld writes them into the name section and the map: nested template
// argument lists closing with `>>`, and integer template arguments of types with a
// literal suffix (`8u`, `3ul`, `-2l`), as LLVM's demangler prints them.
// CFLAGS: -fno-exceptions -fno-rtti -O0
// LDFLAGS: -Map={out}/cpp_template_names.map
#include <stdio.h>

template <class T> struct Box { T value; };
template <class T, unsigned N> struct Array { T items[N]; };
template <unsigned long N, long M> struct Shape { int area() const { return (int)(N * (unsigned long)(M < 0 ? -M : M)); } };

template <class T> __attribute__((noinline)) int unbox(const Box<Box<T>>& b) { return (int)b.value.value; }
template <class T, unsigned N> __attribute__((noinline)) int first(const Array<Box<T>, N>& a) { return (int)a.items[0].value; }
template <unsigned long N, long M> __attribute__((noinline)) int area(Shape<N, M> s) { return s.area(); }

int main() {
    Box<Box<int>> b = {{41}};
    Array<Box<char>, 8u> a = {};
    a.items[0].value = 1;
    printf("%d %d %d\n", unbox(b), first(a), area(Shape<3ul, -2l>()));
    return 0;
}
