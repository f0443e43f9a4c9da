// C++ names as wasm-ld writes them into the name section and the map, as LLVM's demangler
// prints them: nested template argument lists closing with `>>`, integer template
// arguments of types with a literal suffix (`8u`, `3ul`, `-2l`), a pack, closure types as
// template arguments (a generic lambda's `auto` is its own template parameter), and a
// non-type template parameter of a dependent type (clang 19 mangles it with `Tn`).
// CFLAGS: -fno-exceptions -fno-rtti -O0
// LDFLAGS: -Map={out}/cpp_template_names.map
#include <stdio.h>

template <class T> struct Box { T value; };
template <class T, unsigned N> struct Array { T items[N]; };
template <unsigned long N, long M> struct Shape { int area() const { return (int)(N * (unsigned long)(M < 0 ? -M : M)); } };

template <class T> __attribute__((noinline)) int unbox(const Box<Box<T>>& b) { return (int)b.value.value; }
template <class T, unsigned N> __attribute__((noinline)) int first(const Array<Box<T>, N>& a) { return (int)a.items[0].value; }
template <unsigned long N, long M> __attribute__((noinline)) int area(Shape<N, M> s) { return s.area(); }

template <class T, class... Rest> struct Tuple {};
template <class T, class... Rest> __attribute__((noinline)) int tuple_size(Tuple<T, Rest...>) { return 1 + (int)sizeof...(Rest); }

template <bool B, class T = void> struct EnableIf {};
template <class T> struct EnableIf<true, T> { using type = T; };
template <class T, typename EnableIf<(sizeof(T) > 1), int>::type = 0> __attribute__((noinline)) int wide(T t) { return (int)t; }
template <class F> __attribute__((noinline)) int apply(F f) { return f(2); }
inline __attribute__((noinline)) int use_lambdas() {
    auto twice = [](auto x) { return x * 2; };
    return apply(twice) + apply([](int x) { return x + 1; });
}

int main() {
    Box<Box<int>> b = {{41}};
    Array<Box<char>, 8u> a = {};
    a.items[0].value = 1;
    printf("%d %d %d\n", unbox(b), first(a), area(Shape<3ul, -2l>()));
    printf("%d %d\n", tuple_size(Tuple<int>()), tuple_size(Tuple<char, Box<int>, long>()));
    printf("%d %d\n", wide(7L), use_lambdas());
    return 0;
}
