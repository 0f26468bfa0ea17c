// Drives `asynclint server` as an editor would: spawned with pipes, framed
// JSON-RPC in both directions, every reply checked.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class ServerProcess {
 public:
  ServerProcess() {
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      ::close(in[1]);
      ::close(out[0]);
      ::execl(ASYNCLINT_BINARY, ASYNCLINT_BINARY, "server", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    to_ = in[1];
    from_ = out[0];
    std::signal(SIGPIPE, SIG_IGN);
  }
  ~ServerProcess() {
    if (to_ >= 0) ::close(to_);
    ::close(from_);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void send(const json& msg) { send_body(msg.dump()); }
  void send_body(const std::string& body) {
    std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    ASSERT_EQ(::write(to_, frame.data(), frame.size()), static_cast<ssize_t>(frame.size()));
  }
  void request(int id, const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  }
  void notify(const std::string& method, const json& params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }

  // The next message, or nullopt after a 10 s timeout.
  std::optional<json> receive() {
    while (true) {
      auto header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        auto pos = buffer_.find("Content-Length: ");
        size_t length = std::stoul(buffer_.substr(pos + 16, header_end - pos - 16));
        if (buffer_.size() >= header_end + 4 + length) {
          json msg = json::parse(buffer_.substr(header_end + 4, length));
          buffer_.erase(0, header_end + 4 + length);
          return msg;
        }
      }
      pollfd p{from_, POLLIN, 0};
      if (::poll(&p, 1, 10000) <= 0) return std::nullopt;
      char buf[4096];
      ssize_t n = ::read(from_, buf, sizeof buf);
      if (n <= 0) return std::nullopt;
      buffer_.append(buf, static_cast<size_t>(n));
    }
  }
  // Skips other messages (log messages) until one satisfies `pred`.
  template <typename Pred>
  json receive_until(Pred pred) {
    for (int i = 0; i < 20; ++i) {
      auto m = receive();
      if (!m) break;
      if (pred(*m)) return *m;
    }
    ADD_FAILURE() << "expected message not received";
    return json();
  }
  json response(int id) {
    return receive_until([&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  json diagnostics_for(const std::string& uri) {
    return receive_until([&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
    });
  }
  int wait_exit() {
    ::close(to_);
    to_ = -1;
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        reaped_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      ::usleep(50000);
    }
    return -2;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  bool reaped_ = false;
  std::string buffer_;
};

const char* kBlocking = "import time\n\nasync def f():\n    s = 'é'; time.sleep(1)\n";

TEST(LanguageServer, EditorSessionFromInitializeToExit) {
  fs::path dir = fs::temp_directory_path() / ("asynclint_lsp_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "pyproject.toml") << "[tool.asynclint]\nignore = [\"ASYNC210\"]\n";
  std::string uri = "file://" + (dir / "my%20mod.py").string();  // percent-encoded space
  ServerProcess s;

  // Requests before initialize are refused.
  s.request(1, "textDocument/codeAction", json::object());
  EXPECT_EQ(s.response(1)["error"]["code"], -32002);

  s.request(2, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
  json init = s.response(2);
  EXPECT_EQ(init["result"]["capabilities"]["textDocumentSync"]["change"], 1);
  EXPECT_TRUE(init["result"]["capabilities"].contains("codeActionProvider"));
  EXPECT_EQ(init["result"]["serverInfo"]["name"], "asynclint");
  s.notify("initialized", json::object());

  s.notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", kBlocking}}}});
  json published = s.diagnostics_for(uri);
  ASSERT_EQ(published["params"]["diagnostics"].size(), 1u) << published.dump();
  json d = published["params"]["diagnostics"][0];
  EXPECT_EQ(d["code"], "ASYNC251");
  EXPECT_EQ(d["source"], "asynclint");
  EXPECT_EQ(published["params"]["version"], 1);
  // 0-based line, UTF-16 character (the `é` is one unit).
  EXPECT_EQ(d["range"]["start"], (json{{"line", 3}, {"character", 13}}));
  EXPECT_EQ(d["range"]["end"], (json{{"line", 3}, {"character", 23}}));

  // The configuration next to the file applies: ASYNC210 is ignored there.
  std::string changed = std::string(kBlocking) + "    import requests\n    requests.get('u')\n    time.sleep(2)\n";
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", changed}}}}});
  published = s.diagnostics_for(uri);
  EXPECT_EQ(published["params"]["version"], 2);
  ASSERT_EQ(published["params"]["diagnostics"].size(), 2u) << published.dump();
  EXPECT_EQ(published["params"]["diagnostics"][1]["range"]["start"]["line"], 6);

  s.request(3, "textDocument/codeAction",
            {{"textDocument", {{"uri", uri}}},
             {"range", {{"start", {{"line", 6}, {"character", 4}}}, {"end", {{"line", 6}, {"character", 4}}}}},
             {"context", {{"diagnostics", json::array()}}}});
  json actions = s.response(3)["result"];
  ASSERT_TRUE(actions.is_array());
  json quickfix;
  bool fix_all = false;
  for (const auto& a : actions) {
    if (a["kind"] == "quickfix") quickfix = a;
    if (a["kind"] == "source.fixAll.asynclint") fix_all = true;
  }
  ASSERT_FALSE(quickfix.is_null()) << actions.dump();
  EXPECT_TRUE(fix_all);
  EXPECT_NE(quickfix["title"].get<std::string>().find("asyncio.sleep"), std::string::npos);
  const json& edits = quickfix["edit"]["changes"][uri];
  ASSERT_EQ(edits.size(), 2u) << quickfix.dump();
  EXPECT_EQ(edits[0]["newText"], "\nimport asyncio");
  EXPECT_EQ(edits[1]["newText"], "await asyncio.sleep(2)");
  EXPECT_EQ(edits[1]["range"]["start"], (json{{"line", 6}, {"character", 4}}));

  s.request(4, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_EQ(s.response(4)["error"]["code"], -32601);

  s.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  EXPECT_EQ(s.diagnostics_for(uri)["params"]["diagnostics"].size(), 2u);
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_TRUE(s.diagnostics_for(uri)["params"]["diagnostics"].empty());

  s.request(5, "shutdown", nullptr);
  EXPECT_TRUE(s.response(5)["result"].is_null());
  s.notify("exit", nullptr);
  EXPECT_EQ(s.wait_exit(), 0);
  fs::remove_all(dir);
}

TEST(LanguageServer, UnsafeFixIsAQuickFixButNotPartOfFixAll) {
  fs::path dir = fs::temp_directory_path() / ("asynclint_lsp_unsafe_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string uri = "file://" + (dir / "m.py").string();
  const char* text =
      "import time\n\n\nclass C:\n    async def load(self):\n        return 1\n\n"
      "    async def run(self):\n        time.sleep(1)\n        self.load()\n";
  ServerProcess s;
  s.request(1, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}});
  s.response(1);
  s.notify("initialized", json::object());
  s.notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text}}}});
  json published = s.diagnostics_for(uri);
  ASSERT_EQ(published["params"]["diagnostics"].size(), 2u) << published.dump();
  EXPECT_EQ(published["params"]["diagnostics"][1]["code"], "AL201");

  s.request(2, "textDocument/codeAction",
            {{"textDocument", {{"uri", uri}}},
             {"range", {{"start", {{"line", 8}, {"character", 0}}}, {"end", {{"line", 9}, {"character", 20}}}}},
             {"context", {{"diagnostics", json::array()}}}});
  json actions = s.response(2)["result"];
  json await_fix, fix_all;
  for (const auto& a : actions) {
    if (a["kind"] == "quickfix" && a["diagnostics"][0]["code"] == "AL201") await_fix = a;
    if (a["kind"] == "source.fixAll.asynclint") fix_all = a;
  }
  ASSERT_FALSE(await_fix.is_null()) << actions.dump();
  EXPECT_EQ(await_fix["title"], "Add `await` (AL201)");
  EXPECT_EQ(await_fix["isPreferred"], false);  // unsafe: offered, never preferred
  const json& edits = await_fix["edit"]["changes"][uri];
  ASSERT_EQ(edits.size(), 1u) << await_fix.dump();
  EXPECT_EQ(edits[0]["newText"], "await ");
  EXPECT_EQ(edits[0]["range"]["start"], (json{{"line", 9}, {"character", 8}}));
  // Fix-all applies the safe fixes only.
  ASSERT_FALSE(fix_all.is_null()) << actions.dump();
  std::string all = fix_all["edit"]["changes"][uri][0]["newText"];
  EXPECT_NE(all.find("await asyncio.sleep(1)"), std::string::npos) << all;
  EXPECT_NE(all.find("\n        self.load()\n"), std::string::npos) << all;

  s.request(3, "shutdown", nullptr);
  s.response(3);
  s.notify("exit", nullptr);
  EXPECT_EQ(s.wait_exit(), 0);
  fs::remove_all(dir);
}

TEST(LanguageServer, ExitWithoutShutdownIsAnErrorAndBadJsonIsAnswered) {
  ServerProcess s;
  auto error_without_id = [&] {
    return s.receive_until([](const json& m) { return m.contains("id") && m["id"].is_null(); })["error"]["code"];
  };
  s.send_body("{oops");
  EXPECT_EQ(error_without_id(), -32700);
  s.send_body("[1, 2]");  // not a request object
  EXPECT_EQ(error_without_id(), -32600);
  s.notify("exit", nullptr);
  EXPECT_EQ(s.wait_exit(), 1);
}

}  // namespace
