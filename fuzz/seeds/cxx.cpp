// Fuzz seed: C++ COMDATs (inline functions, template instances) and a static initializer.
template <typename T> struct Box { T v; T get() const { return v; } };
inline int twice(int x) { return x * 2; }
static int init() { return twice(3); }
int initialized = init();
extern "C" int cxx_entry(int x) { Box<int> b{x}; Box<long> c{x}; return b.get() + (int)c.get() + initialized; }
