// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>
#include <numbers>

namespace program {
using namespace std::string_literals;

struct Shape;
struct Circle;
struct Square;

void sync_main();

struct Shape
{
    std::string name{};

    virtual ~Shape() = default;

    Shape(std::string name)
    {
        this->name = name;
    }

    virtual double area()
    {
        return 0.0;
    }

    virtual std::string describe()
    {
        return fmt::format("{} with area {:.2f}", this->name, this->area());
    }
};

struct Circle : public Shape
{
    double radius{};

    Circle(double radius) : Shape("circle")
    {
        this->radius = radius;
    }

    double area() override
    {
        return std::numbers::pi * py::pow(this->radius, 2);
    }
};

struct Square : public Shape
{
    double side{};

    Square(double side) : Shape("square")
    {
        this->side = side;
    }

    double area() override
    {
        return this->side * this->side;
    }
};

void sync_main()
{
    auto shapes = std::vector<std::shared_ptr<Shape>>{std::make_shared<Circle>(1.0), std::make_shared<Square>(2.0), std::make_shared<Circle>(0.5)};
    for (const auto& s : shapes)
    {
        py::print(s->describe());
    }
    auto total = py::sum([&] {
        std::vector<double> out;
        for (const auto& s : shapes) out.push_back(s->area());
        return out;
    }());
    py::print(fmt::format("total area: {:.3f}", total));
    auto largest = py::max(shapes, [&](const auto& s) { return s->area(); });
    py::print("largest:", largest->name);
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
