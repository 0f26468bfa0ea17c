#include "lsp/server.h"

#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "lint/fix_apply.h"
#include "lint/fix_files.h"
#include "lint/syntax_errors.h"
#include "lsp/jsonrpc.h"
#include "lsp/positions.h"

using nlohmann::json;

namespace asl::lsp {

namespace {

struct RpcError : std::runtime_error {
  RpcError(int c, const std::string& m) : std::runtime_error(m), code(c) {}
  int code;
};

constexpr const char* kFixAllKind = "source.fixAll.asynclint";

// Positions compare as (line, character).
bool before(const json& a, const json& b) {
  return a["line"].get<int64_t>() < b["line"].get<int64_t>() ||
         (a["line"] == b["line"] && a["character"].get<int64_t>() < b["character"].get<int64_t>());
}

bool wanted(const json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const auto& k : only)
    if (k.is_string() && (kind == k.get<std::string>() || kind.starts_with(k.get<std::string>() + ".")))
      return true;
  return false;
}

json to_lsp(const SourceFile& file, const Diagnostic& d) {
  return {{"range", range_of(file, d.start_byte, d.end_byte)},
          {"severity", d.code == kSyntaxErrorCode ? 1 : 2},
          {"code", d.code},
          {"source", "asynclint"},
          {"message", d.message}};
}

}  // namespace

Server::Server(const Catalog& catalog, std::ostream& out) : catalog_(catalog), out_(out) { reset_configuration(); }

void Server::send(const json& message) { write_message(out_, message); }

void Server::reset_configuration() {
  linters_.reset();
  resolver_ = std::make_unique<ConfigResolver>(catalog_, SettingsOverrides{});
  linters_ = std::make_unique<LinterSet>(catalog_, *resolver_);
}

bool Server::handle(const json& msg) {
  if (!msg.is_object()) {
    send({{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", kInvalidRequest}, {"message", "not a JSON-RPC message"}}}});
    return true;
  }
  bool has_id = msg.contains("id");
  if (!msg.contains("method") || !msg["method"].is_string()) {
    if (has_id && !msg.contains("result") && !msg.contains("error"))
      send({{"jsonrpc", "2.0"}, {"id", msg["id"]}, {"error", {{"code", kInvalidRequest}, {"message", "no method"}}}});
    return true;  // otherwise a response to a request we never sent
  }
  std::string method = msg["method"];
  json params = msg.value("params", json::object());
  if (!has_id) {
    if (method == "exit") return false;
    if (initialized_) {
      try {
        notification(method, params);
      } catch (const std::exception& e) {
        // Notifications have no reply: tell the user instead of dying.
        send({{"jsonrpc", "2.0"}, {"method", "window/logMessage"},
              {"params", {{"type", 1}, {"message", fmt::format("asynclint: {}: {}", method, e.what())}}}});
      }
    }
    return true;
  }
  json reply = {{"jsonrpc", "2.0"}, {"id", msg["id"]}};
  try {
    if (!initialized_ && method != "initialize") throw RpcError(kServerNotInitialized, "initialize first");
    if (shutdown_) throw RpcError(kInvalidRequest, "the server is shutting down");
    reply["result"] = request(method, params);
  } catch (const RpcError& e) {
    reply["error"] = {{"code", e.code}, {"message", e.what()}};
  } catch (const json::exception& e) {
    reply["error"] = {{"code", kInvalidParams}, {"message", e.what()}};
  }
  send(reply);
  return true;
}

json Server::initialize_result() const {
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}}}},
          {"serverInfo", {{"name", "asynclint"}, {"version", ASYNCLINT_VERSION}}}};
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcError(kInvalidRequest, "already initialized");
    initialized_ = true;
    return initialize_result();
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_actions(params);
  throw RpcError(kMethodNotFound, fmt::format("method not found: {}", method));
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "textDocument/didOpen") {
    const json& td = params.at("textDocument");
    std::string uri = td.at("uri");
    documents_[uri] = {td.at("text").get<std::string>(), td.value("version", int64_t{0})};
    publish(uri);
  } else if (method == "textDocument/didChange") {
    std::string uri = params.at("textDocument").at("uri");
    auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    for (const auto& change : params.at("contentChanges"))
      if (!change.contains("range")) it->second.text = change.at("text").get<std::string>();  // full sync
    if (params["textDocument"].contains("version")) it->second.version = params["textDocument"]["version"].get<int64_t>();
    publish(uri);
  } else if (method == "textDocument/didSave") {
    std::string uri = params.at("textDocument").at("uri");
    std::string name = std::filesystem::path(uri_to_path(uri)).filename().string();
    if (name == "pyproject.toml" || name == "asynclint.toml") {
      // The configuration changed: every open document may lint differently.
      reset_configuration();
      for (const auto& [u, doc] : documents_) publish(u);
      return;
    }
    auto it = documents_.find(uri);
    if (it == documents_.end()) return;
    if (params.contains("text")) it->second.text = params["text"].get<std::string>();
    publish(uri);
  } else if (method == "textDocument/didClose") {
    std::string uri = params.at("textDocument").at("uri");
    documents_.erase(uri);
    clear(uri);
  } else if (method == "workspace/didChangeWatchedFiles" || method == "workspace/didChangeConfiguration") {
    reset_configuration();
    for (const auto& [u, doc] : documents_) publish(u);
  }
}

const ConfiguredLinter& Server::linter_for(const std::string& path) {
  try {
    return linters_->for_path(path.empty() ? "." : path);
  } catch (const ConfigException& e) {
    send({{"jsonrpc", "2.0"}, {"method", "window/showMessage"},
          {"params", {{"type", 1}, {"message", fmt::format("asynclint: {} (using the defaults)", e.what())}}}});
    if (!fallback_) {
      ConfigResolver isolated(catalog_, {}, ConfigResolver::Mode::Isolated);
      fallback_ = std::make_unique<ConfiguredLinter>(catalog_, isolated.for_path("."));
    }
    return *fallback_;
  }
}

SourceFile Server::load(const std::string& uri, const Document& doc) const {
  std::string path = uri_to_path(uri);
  LoadError e;
  return SourceFile::from_bytes(path.empty() ? uri : path, doc.text, &e);
}

FileResult Server::lint(const std::string& uri, const SourceFile& file) {
  if (!file.valid()) return {};
  return linter_for(uri_to_path(uri)).lint(file);
}

void Server::publish(const std::string& uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  SourceFile file = load(uri, it->second);
  json diagnostics = json::array();
  for (const Diagnostic& d : lint(uri, file).diagnostics) diagnostics.push_back(to_lsp(file, d));
  json params = {{"uri", uri}, {"diagnostics", diagnostics}};
  if (it->second.version) params["version"] = *it->second.version;
  send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", params}});
}

void Server::clear(const std::string& uri) {
  send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

json Server::code_actions(const json& params) {
  std::string uri = params.at("textDocument").at("uri");
  json actions = json::array();
  auto it = documents_.find(uri);
  if (it == documents_.end()) return actions;
  SourceFile file = load(uri, it->second);
  if (!file.valid()) return actions;
  const json& range = params.at("range");
  json only = params.value("context", json::object()).value("only", json());
  FileResult result = lint(uri, file);
  if (wanted(only, "quickfix")) {
    for (const Diagnostic& d : result.diagnostics) {
      if (!d.fix) continue;
      json diag = to_lsp(file, d);
      if (before(diag["range"]["end"], range["start"]) || before(range["end"], diag["range"]["start"])) continue;
      json edits = json::array();
      for (const Edit& e : d.fix->edits) edits.push_back({{"range", range_of(file, e.start, e.end)}, {"newText", e.replacement}});
      actions.push_back({{"title", fmt::format("{} ({})", d.fix->title, d.code)},
                         {"kind", "quickfix"},
                         {"diagnostics", {diag}},
                         {"isPreferred", d.fix->safe},
                         {"edit", {{"changes", {{uri, edits}}}}}});
    }
  }
  if (wanted(only, kFixAllKind)) {
    const ConfiguredLinter& linter = linter_for(uri_to_path(uri));
    FixedFile fixed = fix_until_stable(file, [&](const SourceFile& f) { return linter.lint(f); }, false);
    if (fixed.changed) {
      json whole = {{"start", {{"line", 0}, {"character", 0}}}, {"end", position_at(file, static_cast<uint32_t>(file.text().size()))}};
      actions.push_back({{"title", "asynclint: fix all safely fixable findings"},
                         {"kind", kFixAllKind},
                         {"edit", {{"changes", {{uri, {{{"range", whole}, {"newText", file_bytes(file, fixed.source->text())}}}}}}}}});
    }
  }
  return actions;
}

int run_server(const Catalog& catalog, std::istream& in, std::ostream& out) {
  Server server(catalog, out);
  while (auto incoming = read_message(in)) {
    if (incoming->parse_error) {
      write_message(out, {{"jsonrpc", "2.0"}, {"id", nullptr}, {"error", {{"code", kParseError}, {"message", "invalid JSON"}}}});
      continue;
    }
    if (!server.handle(incoming->message)) return server.exit_code();
  }
  return 1;  // the client went away without `exit`
}

}  // namespace asl::lsp
