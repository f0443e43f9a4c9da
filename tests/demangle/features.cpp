// C++ whose symbol names exercise the demangler's rarer paths: lambdas (generic, with
// template parameter lists, in unevaluated operands and template arguments), concepts and
// requires-clauses, fold expressions, packs, floating-point and class-type template
// arguments, explicit object parameters, friends, vendor type transforms, expressions of
// every operator in decltype, thunks, guard variables, thread-local wrappers. No headers:
// tests/demangle_names.rs compiles it with clang++-19 and compares every symbol's
// demangled name with llvm-cxxfilt-19's.
namespace std {
class type_info;
using size_t = decltype(sizeof(0));
template <typename T, T V> struct integral_constant { static constexpr T value = V; };
template <bool B, typename T = void> struct enable_if {};
template <typename T> struct enable_if<true, T> { using type = T; };
template <bool B, typename T = void> using enable_if_t = typename enable_if<B, T>::type;
template <typename A, typename B> concept same_as = __is_same(A, B);
template <typename T> concept integral = __is_integral(T);
}  // namespace std
inline void* operator new(std::size_t, void* p) noexcept { return p; }

template <typename T> concept Small = sizeof(T) <= 4;
template <Small T> int small(T t) { return t; }
template <typename T> requires std::integral<T> int integ(T t) { return t + 1; }
template <auto V> int val() { return 0; }
struct P { int a, b; };
template <P p> int pval() { return p.a; }
template <double D> double dval() { return D; }
template <float F> double fval() { return F; }
template <long double L> long double lval() { return L; }
template <typename T> struct Arr { char s[4]; };
template <Arr A> int arrp() { return 0; }
template <typename... Ts> int count(Ts... ts) { return (0 + ... + ts); }
template <typename... Ts> auto fold_right(Ts... ts) { return (ts && ...); }
template <typename... Ts> auto fold_left(Ts... ts) { return (... || ts); }
template <typename T> auto deref(T t) -> decltype(*t) { return *t; }
template <typename T, typename U> auto add(T t, U u) -> decltype(t + u) { return t + u; }
template <typename T> auto idx(T t) -> decltype(t[0]) { return t[0]; }
template <typename... T> auto szp(T...) -> std::integral_constant<int, sizeof...(T)> { return {}; }
template <typename T> auto thr(T t) -> decltype(throw t, 1) { return 1; }
template <typename T> auto gt(T) -> std::enable_if_t<(sizeof(T) > 2), int> { return 1; }
template <typename T, std::enable_if_t<std::integral<T>, int> = 0> int ei(T) { return 2; }
template <typename T> auto neg(T t) -> decltype(-t, !t, ~t, +t, &t, *&t, t++, ++t, t--, --t, 0) { return 0; }
template <typename T> auto ops(T t) -> decltype(t * t / t % t - t << t >> t, t < t, t <= t, t >= t, t == t, t != t,
    t & t, t ^ t, t | t, t && t, t || t, t = t, t += t, t -= t, t *= t, t /= t, t %= t, t <<= t, t >>= t, t &= t,
    t |= t, t ^= t, t ? t : t, 0) { return 0; }
template <typename T> auto cas(T t) -> decltype(const_cast<T*>(&t), reinterpret_cast<long>(&t), (long)t, long(t),
    long{t}, typeid(t), typeid(T), sizeof(T), alignof(T), noexcept(t), 0) { return 0; }
template <typename T> auto nw(T t) -> decltype(new T, new T[3], new (&t) T(t), ::new T{t}, delete &t, delete[] &t) {}
template <typename T> auto mem(T t) -> decltype(t.x, (&t)->x, t.*(&T::x), (&t)->*(&T::x), t.template g<int>(), T::sm, t.~T()) {}
template <typename T, typename... U> auto pe(T t, U... u) -> decltype(t(u...)) { return t(u...); }
template <typename T> auto lt(T) -> decltype([] { return 1; }()) { return 1; }
template <auto F> struct Holder { static int h() { return 0; } };
template <int (*F)(int)> int fptr() { return 0; }
template <typename T> void init(decltype(T{1, .2}) = {}) {}
template <typename T> void tr(__remove_reference_t(T)*) {}
template <typename T> void ap(__add_pointer(T)) {}
template <typename T> concept C = true;
template <typename T> void ca(C auto, T) {}
template <typename... T> void packs(T&&...) {}
template <typename T> struct Outer { template <typename U> struct Inner { static void f(T, U); }; };
template <typename T> template <typename U> void Outer<T>::Inner<U>::f(T, U) {}
template struct Outer<int>::Inner<char>;
template <typename T> struct Fr {
    template <typename U> friend void frf(Fr<T>, U) requires(sizeof(U) > 1) {}
};
template <typename T> struct Tmpl { Tmpl(); ~Tmpl(); virtual void v(); };
template <typename T> Tmpl<T>::Tmpl() {}
template <typename T> Tmpl<T>::~Tmpl() {}
template <typename T> void Tmpl<T>::v() {}
template struct Tmpl<Arr<int>>;

struct S {
    template <typename T> operator T*() { return nullptr; }
    int foo(int, int) { return 0; }
    int x;
    void cf() const &;
    void rf() &&;
    void vf() volatile;
    void f(this S& self, int);
    template <typename T> void g(this T&& self);
};
void S::cf() const & {}
void S::rf() && {}
void S::vf() volatile {}
void S::f(this S&, int) {}
template <typename T> void S::g(this T&&) {}
template void S::g<S&>(this S&);
template <int S::*M> int memp() { return 0; }
struct M { int x; static int sm; template <typename U> void g() {} };
int M::sm;
struct Ag { int a; double b; };
struct Q { Q(int, int = 0) {} virtual ~Q() {} operator long() const { return 0; } };
struct B1 { virtual void x(); };
struct B2 { virtual void y(); };
struct D : B1, virtual B2 { void x() override; void y() override; };
void B1::x() {}
void B2::y() {}
void D::x() {}
void D::y() {}
namespace { struct Anon { void f(); }; void Anon::f() {} }
thread_local int tls = 5;
const int& tempref = 42;
int idf(int x) { return x; }
void takes(int (*)[3], int (&)[4], int (S::*)(int, int), void (S::*)() const &, char16_t, char32_t, char8_t,
    wchar_t, __int128, unsigned __int128, long double, __float128, decltype(nullptr), _Float16) {}
void vec(int __attribute__((vector_size(16))), double __attribute__((vector_size(32)))) {}
void bitint(_BitInt(37), unsigned _BitInt(7)) {}
void deflt(int = [] { return 1; }()) {}
int local() { struct L { int q() { return 3; } }; static int s1 = L().q(); return s1; }
auto variadic_lambda() { return [](auto&&... xs) { return sizeof...(xs); }; }

int use() {
    S s;
    int* ip = s;
    char* cp = s;
    (void)ip;
    (void)cp;
    auto l = [](auto x, auto y) { return x + y; };
    auto l2 = []<typename T>(T x, int) { return x; };
    auto l3 = [](int x) { return [x](double d) { return d + x; }; };
    int arr[3] = {};
    static int st = l(1, 2) + l2(3, 4) + (int)l3(1)(2.0);
    int i = 1;
    Anon a;
    a.f();
    deflt();
    frf(Fr<int>{}, 1L);
    mem(M{});
    nw(1);
    init<Ag>();
    tr<int&>(&i);
    ap<int>(&i);
    ca<int, long>(1L, 1);
    packs<int&, const int&, int>(i, i, 1);
    return small(1) + integ(2) + val<5>() + val<'c'>() + val<true>() + val<nullptr>() + pval<P{1, 2}>()
        + (int)dval<1.5>() + (int)fval<2.25f>() + (int)lval<3.5L>() + (int)dval<-0.0>() + arrp<Arr<int>{"ab"}>()
        + count(1, 2, 3) + fold_right(1, 2) + fold_left(true) + deref(&arr[0]) + add(1, 2.0) + idx(arr)
        + szp(1, 2).value + thr(1) + gt(1L) + ei(1) + neg(i) + ops(i) + cas(Q(1)) + pe(idf, 2) + lt(1)
        + Holder<[](int x) { return x; }>::h() + fptr<&idf>() + memp<&S::x>() + local()
        + (int)variadic_lambda()(1, 2.0) + tls + tempref + st;
}
