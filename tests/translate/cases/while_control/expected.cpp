// Translated from input.py by asynctranslate.

#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

int collatz(int n);
int first_prime_after(int n);
void sync_main();

int collatz(int n)
{
    auto steps = 0;
    while (n != 1)
    {
        if (py::mod(n, 2) == 0)
        {
            n = py::floordiv(n, 2);
        }
        else
        {
            n = 3 * n + 1;
        }
        steps += 1;
    }
    return steps;
}

int first_prime_after(int n)
{
    auto candidate = n + 1;
    while (true)
    {
        auto is_prime = true;
        for (int d = 2; d < candidate; ++d)
        {
            if (d * d > candidate)
            {
                break;
            }
            if (py::mod(candidate, d) == 0)
            {
                is_prime = false;
                break;
            }
        }
        if (is_prime)
        {
            return candidate;
        }
        candidate += 1;
    }
}

void sync_main()
{
    py::print([&] {
        std::vector<int> out;
        for (const auto& n : py::range(1, 11)) out.push_back(collatz(n));
        return out;
    }());
    py::print(py::in_order{first_prime_after(100), first_prime_after(13)});
    auto odd_sum = 0;
    for (int i = 0; i < 20; ++i)
    {
        if (py::mod(i, 2) == 0)
        {
            continue;
        }
        if (i > 15)
        {
            break;
        }
        odd_sum += i;
    }
    py::print(odd_sum);
    auto countdown = 5;
    while (countdown > 0)
    {
        py::print_with({.end = " "}, countdown);
        countdown -= 1;
    }
    py::print("liftoff");
    for (int i = 10; i > 0; i -= 3)
    {
        py::print_with({.end = ","}, i);
    }
    py::print();
}
}  // namespace program

int main()
{
    return py::run_sync(program::sync_main);
}
