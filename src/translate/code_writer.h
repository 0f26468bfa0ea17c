// The one printer every backend writes through: it owns indentation (a scope
// object that dedents when it ends), comments and blank-line discipline.
#pragma once

#include <string>
#include <string_view>

namespace asl::tr {

class CodeWriter {
 public:
  explicit CodeWriter(std::string indent_unit = "    ") : unit_(std::move(indent_unit)) {}

  // Writes one line at the current indentation; embedded newlines start new lines.
  void line(std::string_view text);
  // A blank line, never two in a row and never right after an opening brace.
  void blank();
  // `// text` lines (`//` alone for empty lines).
  void comment(std::string_view text, std::string_view marker = "//");

  class Indent {
   public:
    explicit Indent(CodeWriter& w) : w_(w) { ++w_.depth_; }
    ~Indent() { --w_.depth_; }
    Indent(const Indent&) = delete;
    Indent& operator=(const Indent&) = delete;

   private:
    CodeWriter& w_;
  };

  // `header` then `{`, indented body, and `}` + `close_suffix` when the scope ends.
  class Block {
   public:
    Block(CodeWriter& w, std::string_view header, std::string close_suffix);
    ~Block();
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;

   private:
    CodeWriter& w_;
    std::string suffix_;
  };

  [[nodiscard]] Indent indent() { return Indent(*this); }
  [[nodiscard]] Block block(std::string_view header, std::string close_suffix = {}) {
    return Block(*this, header, std::move(close_suffix));
  }

  const std::string& str() const { return out_; }

 private:
  std::string unit_;
  std::string out_;
  int depth_ = 0;
  bool after_open_ = false;
};

}  // namespace asl::tr
