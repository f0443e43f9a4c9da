// No virtual destructor and no pure virtuals: they would need the C++ runtime
// (operator delete, __cxa_pure_virtual).
struct Shape {
    virtual int area() const { return 0; }
    virtual const char* name() const { return "shape"; }
};

int register_shape(const Shape*);
int registry_count();

struct Square : Shape {
    int side;
    explicit Square(int s) : side(s) { register_shape(this); }
    int area() const override { return side * side; }
    const char* name() const override { return "square"; }
};

struct Circle : Shape {
    int r;
    explicit Circle(int radius) : r(radius) { register_shape(this); }
    int area() const override { return 3 * r * r; }
    const char* name() const override { return "circle"; }
};

const Shape* make_triangle();

template <typename T> T twice(T v) { return v + v; }

template <int N> struct Accumulate {
    static int value() { return N * N + Accumulate<N - 1>::value(); }
};
template <> struct Accumulate<0> {
    static int value() { return 0; }
};
