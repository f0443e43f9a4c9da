// Uses two of the four shapes in libshapes.a: only circle.o and square.o are pulled in.
#include <stdio.h>

double circle_area(double r);
double square_area(double side);

int main(void) {
    printf("circle r=2: %.2f\n", circle_area(2.0));
    printf("square a=3: %.2f\n", square_area(3.0));
    return 0;
}
