// asynctranslate C++ runtime: aiohttp and requests on Boost.Beast (http://
// only; https is reported as unsupported), and JSON values for `.json()`.
// Uses Boost.JSON header-only: include this header in one translation unit, or
// define ASYNCTRANSLATE_NO_JSON_SRC and compile <boost/json/src.hpp> once.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
// Boost.JSON's definitions, unless the program compiles them elsewhere.
#ifndef ASYNCTRANSLATE_NO_JSON_SRC
#include <boost/json/src.hpp>
#endif

#include "asynctranslate/async.hpp"
#include "asynctranslate/collections.hpp"

namespace py {

// A JSON value of unknown shape (`Any` in `dict[str, Any] = await r.json()`),
// printed as Python prints the parsed value.
class object {
 public:
  object() = default;
  explicit object(boost::json::value v) : v_(std::move(v)) {}
  // Values of a dict[str, Any] literal: {"user": "ada", "score": 42}.
  object(const char* s) : v_(s) {}  // NOLINT: implicit, as Python values are
  object(const std::string& s) : v_(s) {}  // NOLINT
  template <class T>
    requires std::is_arithmetic_v<T>
  object(T x) : v_(x) {}  // NOLINT
  std::string str() const { return v_.is_string() ? std::string(v_.get_string()) : repr(); }
  std::string repr() const { return repr_of(v_); }
  const boost::json::value& json() const { return v_; }
  friend bool operator==(const object& a, const object& b) { return a.v_ == b.v_; }

 private:
  static std::string repr_of(const boost::json::value& v) {
    switch (v.kind()) {
      case boost::json::kind::null: return "None";
      case boost::json::kind::bool_: return v.get_bool() ? "True" : "False";
      case boost::json::kind::int64: return std::to_string(v.get_int64());
      case boost::json::kind::uint64: return std::to_string(v.get_uint64());
      case boost::json::kind::double_: return float_repr(v.get_double());
      case boost::json::kind::string: return py::repr(std::string(v.get_string()));
      case boost::json::kind::array: {
        std::string s = "[";
        for (size_t i = 0; i < v.get_array().size(); ++i) s += (i ? ", " : "") + repr_of(v.get_array()[i]);
        return s + "]";
      }
      case boost::json::kind::object: {
        std::string s = "{";
        bool first = true;
        for (const auto& kv : v.get_object()) {
          s += (first ? "" : ", ") + py::repr(std::string(kv.key())) + ": " + repr_of(kv.value());
          first = false;
        }
        return s + "}";
      }
    }
    return "None";
  }
  boost::json::value v_;
};

namespace detail {
template <class T>
T from_json(const boost::json::value& v) {
  if constexpr (std::is_same_v<T, object>) return object(v);
  else if constexpr (std::is_same_v<T, bool>) return v.as_bool();
  else if constexpr (std::is_integral_v<T>) return static_cast<T>(v.to_number<long long>());
  else if constexpr (std::is_floating_point_v<T>) return v.to_number<double>();
  else if constexpr (std::is_same_v<T, std::string>) return std::string(v.as_string());
  else if constexpr (is_vector<T>::value) {
    T out;
    for (const auto& e : v.as_array()) out.push_back(from_json<typename T::value_type>(e));
    return out;
  } else if constexpr (is_dict_like<T>) {
    T out;
    for (const auto& kv : v.as_object()) out[std::string(kv.key())] = from_json<typename T::mapped_type>(kv.value());
    return out;
  } else {
    static_assert(sizeof(T) == 0, "from_json: unsupported type");
  }
}

template <class T>
boost::json::value to_json(const T& x) {
  if constexpr (std::is_same_v<T, object>) return x.json();
  else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) return boost::json::value(x);
  else if constexpr (std::is_convertible_v<const T&, std::string_view>) return boost::json::value(std::string_view(x));
  else if constexpr (is_vector<T>::value) {
    boost::json::array a;
    for (const auto& e : x) a.push_back(to_json(e));
    return a;
  } else if constexpr (is_dict_like<T>) {
    boost::json::object o;
    for (const auto& [k, v] : x.items()) o[k] = to_json(v);
    return o;
  } else {
    static_assert(sizeof(T) == 0, "to_json: unsupported type");
  }
}

struct url_parts {
  std::string host, port, target;
};
inline url_parts parse_url(const std::string& url) {
  if (url.starts_with("https://"))
    throw ClientError("https is not supported by the translation (no TLS): " + url);
  if (!url.starts_with("http://")) throw ClientError("unsupported URL: " + url);
  std::string rest = url.substr(7);
  size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  url_parts p{hostport, "80", slash == std::string::npos ? "/" : rest.substr(slash)};
  if (size_t colon = hostport.find(':'); colon != std::string::npos) p.host = hostport.substr(0, colon), p.port = hostport.substr(colon + 1);
  return p;
}
}  // namespace detail

namespace http {

namespace beast = boost::beast;

// A response with its body read (aiohttp.ClientResponse, requests.Response).
class Response {
 public:
  Response() = default;
  Response(int status, std::string body) : status(status), body_(std::move(body)) {}
  int status = 0;
  asio::awaitable<std::string> text() const { co_return body_; }
  template <class T>
  asio::awaitable<T> json() const { co_return detail::from_json<T>(boost::json::parse(body_)); }
  const std::string& body() const { return body_; }
  bool ok() const { return status < 400; }
  void raise_for_status() const {
    if (status >= 400) throw ClientResponseError(fmt::format("{}, url=...", status));
  }

 private:
  std::string body_;
};

// One HTTP/1.1 exchange over a Beast tcp_stream.
inline asio::awaitable<Response> request(beast::http::verb verb, std::string url, std::string body = {},
                                         std::string content_type = {}) {
  detail::url_parts u = detail::parse_url(url);
  auto ex = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(ex);
  beast::tcp_stream stream(ex);
  auto endpoints = co_await resolver.async_resolve(u.host, u.port, asio::use_awaitable);
  co_await stream.async_connect(endpoints, asio::use_awaitable);
  beast::http::request<beast::http::string_body> req{verb, u.target, 11};
  req.set(beast::http::field::host, u.host);
  req.set(beast::http::field::user_agent, "asynctranslate");
  if (!content_type.empty()) req.set(beast::http::field::content_type, content_type);
  req.body() = std::move(body);
  req.prepare_payload();
  co_await beast::http::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> res;
  co_await beast::http::async_read(stream, buffer, res, asio::use_awaitable);
  boost::system::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  co_return Response(static_cast<int>(res.result_int()), std::move(res.body()));
}

inline asio::awaitable<Response> get(std::string url) { return request(beast::http::verb::get, std::move(url)); }

// aiohttp.ClientSession: connection-less here (one connection per request).
class ClientSession {
 public:
  asio::awaitable<Response> get(std::string url) const { return request(beast::http::verb::get, std::move(url)); }
  template <class T>
  asio::awaitable<Response> post_json(std::string url, const T& json) const {
    return request(beast::http::verb::post, std::move(url), boost::json::serialize(detail::to_json(json)), "application/json");
  }
  asio::awaitable<Response> post(std::string url, std::string data) const {
    return request(beast::http::verb::post, std::move(url), std::move(data), "text/plain");
  }
};

// requests.get outside the event loop: runs its own io_context to completion.
inline Response get_blocking(std::string url) {
  asio::io_context context;
  std::optional<Response> out;
  std::exception_ptr error;
  asio::co_spawn(context, get(std::move(url)), [&](std::exception_ptr e, std::optional<Response> r) {
    error = e;
    out = std::move(r);
  });
  context.run();
  if (error) std::rethrow_exception(error);
  return *out;
}

}  // namespace http

}  // namespace py
