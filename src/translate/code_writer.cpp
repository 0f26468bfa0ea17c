#include "translate/code_writer.h"

namespace asl::tr {

void CodeWriter::line(std::string_view text) {
  size_t b = 0;
  while (true) {
    size_t e = text.find('\n', b);
    std::string_view l = text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    if (!l.empty()) {
      for (int i = 0; i < depth_; ++i) out_ += unit_;
      out_ += l;
    }
    out_ += '\n';
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  after_open_ = !text.empty() && text.back() == '{';
}

void CodeWriter::blank() {
  if (out_.empty() || after_open_ || out_.ends_with("\n\n")) return;
  out_ += '\n';
}

void CodeWriter::comment(std::string_view text, std::string_view marker) {
  size_t b = 0;
  while (true) {
    size_t e = text.find('\n', b);
    std::string_view l = text.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\r')) l.remove_suffix(1);
    // Python comments keep their own leading space (`# text` -> `// text`).
    line(l.empty() ? std::string(marker) : std::string(marker) + (l.starts_with(" ") ? "" : " ") + std::string(l));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
}

CodeWriter::Block::Block(CodeWriter& w, std::string_view header, std::string close_suffix)
    : w_(w), suffix_(std::move(close_suffix)) {
  if (!header.empty()) w_.line(header);
  w_.line("{");
  ++w_.depth_;
}

CodeWriter::Block::~Block() {
  --w_.depth_;
  w_.line("}" + suffix_);
}

}  // namespace asl::tr
