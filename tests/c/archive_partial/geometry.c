#include <stdio.h>
double square(double x) {
    printf("geometry.o pulled in via shapes.o\n");
    return x * x;
}
