double square(double x);
double area_of_square(double side) { return square(side); }
