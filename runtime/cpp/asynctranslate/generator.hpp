// asynctranslate C++ runtime: async generators (`async def` with `yield`,
// consumed by `async for`).
//
// py::async_generator<T> is a coroutine type of its own: the translated body
// keeps `co_yield` for `yield` and `co_await`s the program's Asio awaitables
// like any other coroutine. It behaves as Python's async generator:
//  - it starts on the first next() and runs only while a consumer waits in
//    next(): from there it runs inline up to its next `co_yield` (no event
//    loop turn between items when it does not await);
//  - each awaitable it awaits is co_spawned on the running loop (asyncio.sleep
//    really sleeps on the io_context) and resumes the generator when it
//    completes; the consumer waiting in next() resumes at the next `co_yield`;
//  - an exception escaping the body is raised by the consumer's next();
//  - copies are handles to the same generator (a second `async for` goes on
//    where the first stopped); the frame is destroyed with the last handle.
// Difference: a generator abandoned before its end (`break` out of
// `async for`) runs its locals' destructors, such as a `finally` scope guard,
// when its last handle dies rather than when asyncio finalizes it.
#pragma once

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include <boost/asio/any_completion_handler.hpp>

#include "asynctranslate/async.hpp"

namespace py {

template <class T>
class async_generator {
 public:
  struct promise_type;
  using handle_type = std::coroutine_handle<promise_type>;

  struct promise_type {
    std::optional<T> item;               // the value of the last `co_yield`
    std::exception_ptr error;            // escaped the body
    bool running = false;                // a consumer is inside next()
    bool awaiting = false;               // suspended on an awaited operation
    // next() waiting for that operation. In an optional: Boost 1.81's
    // any_completion_handler move assignment recurses without end.
    std::optional<boost::asio::any_completion_handler<void()>> consumer;

    async_generator get_return_object() { return async_generator(handle_type::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T value) {
      item = std::move(value);
      return {};
    }
    void return_void() {}
    void unhandled_exception() { error = std::current_exception(); }

    // `co_await aw` in the body: aw runs as its own coroutine on the loop.
    template <class U>
    struct awaiter {
      boost::asio::awaitable<U> aw;
      std::optional<std::conditional_t<std::is_void_v<U>, None, U>> value;
      std::exception_ptr error;
      bool suspending = true, completed = false;

      bool await_ready() const noexcept { return false; }
      // co_spawn starts the operation at once (it dispatches); one that
      // completes before co_spawn returns does not suspend the generator, so
      // a run of such awaits does not nest resumptions on the stack.
      bool await_suspend(handle_type h) {
        promise_type& p = h.promise();
        p.awaiting = true;
        auto run = [](boost::asio::awaitable<U> a, awaiter* self) -> boost::asio::awaitable<void> {
          if constexpr (std::is_void_v<U>) co_await std::move(a), self->value.emplace();
          else self->value.emplace(co_await std::move(a));
        };
        // The consumer inside next() keeps the frame (and this awaiter in it)
        // alive until the generator resumes here.
        boost::asio::co_spawn(detail::loop(), run(std::move(aw), this), [this, h](std::exception_ptr e) {
          error = e;
          if (suspending) {
            completed = true;
            return;
          }
          promise_type& pr = h.promise();
          pr.awaiting = false;
          h.resume();  // on to the next co_yield, the end, or the next await (this awaiter is gone then)
          if (!pr.awaiting && pr.consumer) {
            boost::asio::any_completion_handler<void()> wake(std::move(*pr.consumer));
            pr.consumer.reset();
            std::move(wake)();
          }
        });
        suspending = false;
        if (completed) p.awaiting = false;
        return !completed;
      }
      U await_resume() {
        if (error) std::rethrow_exception(error);
        if constexpr (!std::is_void_v<U>) return std::move(*value);
      }
    };
    template <class U>
    awaiter<U> await_transform(boost::asio::awaitable<U> aw) {
      return awaiter<U>{std::move(aw), std::nullopt, nullptr};
    }
  };

  // The next item, or nullopt at the end (`async for`'s __anext__).
  boost::asio::awaitable<std::optional<T>> next() {
    auto frame = frame_;  // the generator lives at least until this returns
    handle_type h = frame->h;
    promise_type& p = h.promise();
    if (h.done()) co_return std::nullopt;
    if (p.running) throw RuntimeError("anext(): asynchronous generator is already running");
    p.running = true;
    h.resume();
    if (p.awaiting)
      co_await boost::asio::async_initiate<decltype(boost::asio::use_awaitable), void()>(
          [&p](auto handler) { p.consumer.emplace(std::move(handler)); }, boost::asio::use_awaitable);
    p.running = false;
    if (p.error) std::rethrow_exception(std::exchange(p.error, nullptr));
    if (h.done()) co_return std::nullopt;
    std::optional<T> out = std::move(p.item);
    p.item.reset();
    co_return out;
  }

 private:
  struct frame_owner {
    handle_type h;
    explicit frame_owner(handle_type x) : h(x) {}
    frame_owner(const frame_owner&) = delete;
    frame_owner& operator=(const frame_owner&) = delete;
    ~frame_owner() { h.destroy(); }
  };
  explicit async_generator(handle_type h) : frame_(std::make_shared<frame_owner>(h)) {}
  std::shared_ptr<frame_owner> frame_;
};

}  // namespace py
