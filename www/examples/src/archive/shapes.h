#define PI 3.14159265358979323846
double circle_area(double r);
double square_area(double side);
double triangle_area(double base, double height);
double hexagon_area(double side);
