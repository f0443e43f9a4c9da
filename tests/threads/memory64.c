// A wasm64 program without function pointers (Node 20 runs memory64 behind
// --experimental-wasm-memory64 but has no 64-bit tables): pointers in data
// (R_WASM_MEMORY_ADDR_I64), addresses in code (R_WASM_MEMORY_ADDR_SLEB64 / LEB64), an i64
// __stack_pointer and i64 memory limits.

struct node { struct node *next; long long value; };
struct node n3 = {0, 30};
struct node n2 = {&n3, 20};
struct node n1 = {&n2, 10};
struct node *head = &n1;
long long values[8] = {1, 2, 3, 4, 5, 6, 7, 8};
long long *value_ptrs[2] = {&values[2], &values[7]};
static char big[100000];
const char message[] = "memory64";
const char *message_ptr = message + 2;

long long sum_list(void) {
    long long s = 0;
    for (struct node *n = head; n; n = n->next)
        s += n->value;
    return s;
}

long long deref(int i) { return *value_ptrs[i & 1]; }
unsigned long long addr_of_big(void) { return (unsigned long long)(unsigned long)&big[99999]; }
int touch_big(int i) {
    big[i] = (char)i;
    return big[i] + message[i % 8];
}
int message_char(int i) { return message_ptr[i - 2]; }
unsigned long ptr_size(void) { return sizeof(void *); }

// Recursion with arrays on the stack: __stack_pointer arithmetic in i64.
static long long rec(long long n) {
    volatile long long buf[16];
    buf[n & 15] = n;
    return n ? buf[n & 15] + rec(n - 1) : 0;
}
long long stack_sum(int n) { return rec(n); }
