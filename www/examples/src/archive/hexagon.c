#include "shapes.h"

// Never referenced: hexagon.o stays in the archive, and so does its table.
static const double unit_hexagon[] = {1.0, 0.5, -0.5, -1.0, -0.5, 0.5};
double hexagon_area(double side) { return 2.598076211353316 * side * side * unit_hexagon[0]; }
