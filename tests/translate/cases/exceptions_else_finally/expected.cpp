// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct ValidationError;

int parse_age(std::string text);
void check(std::string text);
void sync_main();

struct ValidationError : public py::Exception
{
    using py::Exception::Exception;
    const char* type_name() const noexcept override { return "ValidationError"; }
};

int parse_age(std::string text)
{
    if (!py::isdigit(text))
    {
        throw ValidationError(fmt::format("not a number: {}", text));
    }
    auto age = py::to_int(text);
    if (age > 150)
    {
        throw py::ValueError("too old");
    }
    return age;
}

void check(std::string text)
{
    int age{};
    {
        py::finally cleanup([&] {
            py::print("checked", text);
        });
        bool completed = false;
        try
        {
            age = parse_age(text);
            completed = true;
        }
        catch (const ValidationError& e)
        {
            py::print("validation:", e);
        }
        catch (const py::ValueError& e)
        {
            py::print("value:", e);
        }
        if (completed)
        {
            py::print("parsed", age);
        }
    }
}

void sync_main()
{
    for (const auto& t : std::vector<std::string>{"42", "abc", "200"})
    {
        check(t);
    }
    try
    {
        {
            py::finally cleanup([&] {
                py::print("cleanup");
            });
            throw py::KeyError(py::repr("inner"));
        }
    }
    catch (const py::KeyError&)
    {
        py::print("caught KeyError");
    }
    try
    {
        py::print(py::floordiv(10, 0));
    }
    catch (const py::ZeroDivisionError&)
    {
        py::print("division by zero");
    }
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
