// An archive where only some members are needed: a member pulled in by main pulls in
// another member; members nobody references (one with a constructor) stay out.
// ARCHIVE: libparts.a: shapes.c geometry.c unused_ctor.c unused_data.c
#include <stdio.h>

double area_of_square(double side);

int main(void) {
    printf("area=%.2f\n", area_of_square(3.5));
    return 0;
}
