// Translated from input.py by asynctranslate.

#include <asynctranslate/async.hpp>
#include <asynctranslate/collections.hpp>

namespace program {
using namespace std::string_literals;

struct BankAccount;

boost::asio::awaitable<void> async_main();

// An account whose operations take time.
struct BankAccount
{
    std::string owner{};
    double _balance{};
    py::Lock _lock{};

    BankAccount(std::string owner, double balance = 0.0)
    {
        this->owner = owner;
        this->_balance = balance;
        this->_lock = py::Lock();
    }

    double balance()
    {
        return this->_balance;
    }

    boost::asio::awaitable<void> deposit(double amount)
    {
        {
            auto guard = co_await this->_lock.hold();
            auto current = this->_balance;
            co_await py::sleep(0.001);
            this->_balance = current + amount;
        }
    }

    boost::asio::awaitable<bool> withdraw(double amount)
    {
        {
            auto guard2 = co_await this->_lock.hold();
            if (amount > this->_balance)
            {
                co_return false;
            }
            co_await py::sleep(0.001);
            this->_balance -= amount;
            co_return true;
        }
    }

    std::string str() const
    {
        return fmt::format("{}: {:.2f}", this->owner, this->_balance);
    }
};

boost::asio::awaitable<void> async_main()
{
    auto account = std::make_shared<BankAccount>("alice"s, 100.0);
    co_await py::gather([&] {
        std::vector<boost::asio::awaitable<void>> out;
        for ([[maybe_unused]] const auto& _ : py::range(5)) out.push_back(account->deposit(10.0));
        return out;
    }());
    py::print(account);
    auto ok = co_await account->withdraw(500.0);
    py::print("withdraw 500:"s, ok);
    ok = co_await account->withdraw(25.5);
    py::print("withdraw 25.5:"s, ok);
    py::print("balance:"s, account->balance());
}
}  // namespace program

int main()
{
    return py::run(program::async_main());
}
