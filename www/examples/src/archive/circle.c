#include "shapes.h"

double circle_area(double r) { return PI * r * r; }
double circle_perimeter(double r) { return 2 * PI * r; }
