// Translated from input.py by asynctranslate.
// Retry with exponential backoff around a flaky async operation.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct FlakyService;

const int MAX_ATTEMPTS = 5;
const double BASE_DELAY = 0.01;

boost::asio::awaitable<std::string> with_retry(std::shared_ptr<FlakyService> service, int attempts = MAX_ATTEMPTS);
boost::asio::awaitable<void> async_main();

struct FlakyService
{
    int failures{};
    int calls{};

    FlakyService(int failures)
    {
        this->failures = failures;
        this->calls = 0;
    }

    boost::asio::awaitable<std::string> fetch()
    {
        this->calls += 1;
        co_await py::sleep(0.001);
        if (this->calls <= this->failures)
        {
            throw py::ConnectionError(fmt::format("attempt {} failed", this->calls));
        }
        co_return "payload"s;
    }
};

boost::asio::awaitable<std::string> with_retry(std::shared_ptr<FlakyService> service, int attempts)
{
    auto delay = BASE_DELAY;
    for (int attempt = 1, attempt_stop = attempts + 1; attempt < attempt_stop; ++attempt)
    {
        std::exception_ptr error;
        int handler = 0;
        try
        {
            co_return co_await service->fetch();
        }
        catch (const py::ConnectionError&)
        {
            error = std::current_exception();
            handler = 1;
        }
        if (handler == 1)
        {
            const auto e = py::caught<py::ConnectionError>(error);
            py::print(fmt::format("retry {}: {}; waiting {:.2f}s", attempt, py::str(e), delay));
            co_await py::sleep(delay);
            delay *= 2;
        }
    }
    throw py::RuntimeError("gave up"s);
}

boost::asio::awaitable<void> async_main()
{
    py::print(co_await with_retry(std::make_shared<FlakyService>(3)));
    try
    {
        co_await with_retry(std::make_shared<FlakyService>(10), 2);
    }
    catch (const py::RuntimeError& e)
    {
        py::print("error:"s, e);
    }
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
