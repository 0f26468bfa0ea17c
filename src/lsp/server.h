// `asynclint server`: a Language Server Protocol server on stdio. Documents
// are synchronised whole; each open, change and save re-lints the document
// with the configuration found for its path and publishes the findings;
// fixes are offered as quick-fix code actions (and a fix-all source action).
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "lint/configured_linter.h"

namespace asl::lsp {

class Server {
 public:
  Server(const Catalog& catalog, std::ostream& out);
  // Handles one message; false once `exit` was received.
  bool handle(const nlohmann::json& message);
  // 0 when `shutdown` came before `exit`, 1 otherwise (the protocol's rule).
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document {
    std::string text;
    std::optional<int64_t> version;
  };
  nlohmann::json request(const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize_result() const;
  nlohmann::json code_actions(const nlohmann::json& params);
  void publish(const std::string& uri);
  void clear(const std::string& uri);
  void reset_configuration();
  const ConfiguredLinter& linter_for(const std::string& path);
  FileResult lint(const std::string& uri, const SourceFile& file);
  SourceFile load(const std::string& uri, const Document& doc) const;
  void send(const nlohmann::json& message);

  const Catalog& catalog_;
  std::ostream& out_;
  bool initialized_ = false, shutdown_ = false;
  std::map<std::string, Document> documents_;
  std::unique_ptr<ConfigResolver> resolver_;
  std::unique_ptr<LinterSet> linters_;
  std::unique_ptr<ConfiguredLinter> fallback_;  // when a configuration file is broken
};

// Reads messages from `in` until `exit` or end of input; returns the exit code.
int run_server(const Catalog& catalog, std::istream& in, std::ostream& out);

}  // namespace asl::lsp
