// Fuzz seed: a second C++ file with the same COMDATs as cxx.cpp (linked together, one copy of
// each group is kept and the other file's symbols in it are dropped), and its own initializer.
template <typename T> struct Box { T v; T get() const { return v; } };
inline int twice(int x) { return x * 2; }
static int start() { return Box<int>{twice(5)}.get(); }
int started = start();
extern "C" int cxx_other(long x) { return twice((int)Box<long>{x}.get()) + started; }
