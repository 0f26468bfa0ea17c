#include "lint/notebook.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/source_file.h"

namespace asl {

bool is_notebook_path(std::string_view path) { return path.ends_with(".ipynb"); }

namespace {

// Scans one line for where the next one starts: inside brackets, a
// triple-quoted string or after a backslash, a line is no statement of its
// own (`% b` continuing `(a` is a modulo, not a magic). Returns the last
// character of code on the line (0 when none).
char scan_line(std::string_view line, LineScanState& st) {
  char last = 0;
  st.continued = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (st.quote) {
      if (c == '\\') {
        ++i;
      } else if (c == st.quote && line.substr(i, 3) == std::string(3, st.quote)) {
        st.quote = 0;
        i += 2;
        last = c;
      }
      continue;
    }
    if (c == '#') break;
    if (c == '"' || c == '\'') {
      if (line.substr(i, 3) == std::string(3, c)) {
        st.quote = c;
        i += 2;
        continue;
      }
      // A one-line string: to its closing quote (or the end of the line).
      for (++i; i < line.size() && line[i] != c; ++i)
        if (line[i] == '\\') ++i;
      last = c;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') ++st.depth;
    if ((c == ')' || c == ']' || c == '}') && st.depth > 0) --st.depth;
    if (c == '\\' && i + 1 == line.size()) {
      st.continued = true;
      continue;
    }
    if (c != ' ' && c != '\t' && c != '\r') last = c;
  }
  return last;
}

}  // namespace

std::string replace_magic(std::string_view line, LineScanState& st) {
  auto backslash = [](std::string_view l) {
    size_t end = l.find_last_not_of(" \t\r");
    return end != std::string_view::npos && l[end] == '\\';
  };
  // A magic's continuation lines: blank, which Python accepts at any indentation.
  if (st.magic_continues) {
    st.magic_continues = backslash(line);
    return "";
  }
  bool statement = st.depth == 0 && st.quote == 0 && !st.continued;
  LineScanState before = st;
  char last = scan_line(line, st);
  if (!statement) return std::string(line);
  size_t indent = line.find_first_not_of(" \t");
  if (indent == std::string_view::npos) return std::string(line);
  std::string lead(line.substr(0, indent));
  char first = line[indent];
  // `%time f()`, `!pip install x`, `?obj`, `obj?`: IPython's, not Python's.
  if (first == '%' || first == '!' || first == '?' || (last == '?' && st.depth == 0)) {
    st = before;
    st.magic_continues = backslash(line);
    return lead + "pass";
  }
  // `files = !ls`, `t = %timeit -o f()`: the name is still assigned.
  static const std::regex assigned(R"(^(\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*)[%!])");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_search(line.begin(), line.end(), m, assigned)) {
    st = before;
    st.magic_continues = backslash(line);
    return m[1].str() + "None";
  }
  return std::string(line);
}

namespace {

// A cell's `source`: one string, or a list of strings to concatenate.
std::optional<std::string> cell_source(const nlohmann::json& cell) {
  auto it = cell.find("source");
  if (it == cell.end()) return std::string();
  if (it->is_string()) return it->get<std::string>();
  if (!it->is_array()) return std::nullopt;
  std::string out;
  for (const auto& part : *it) {
    if (!part.is_string()) return std::nullopt;
    out += part.get_ref<const std::string&>();
  }
  return out;
}

// 1-based line and column of a byte offset, for JSON syntax errors.
std::pair<size_t, size_t> line_column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  size_t column = nl == std::string_view::npos || offset == 0 ? offset + 1 : offset - nl;
  return {line, column};
}

}  // namespace

std::optional<Notebook> parse_notebook(std::string_view bytes, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<Notebook> {
    if (error) *error = "not a valid notebook: " + std::move(message);
    return std::nullopt;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(bytes.begin(), bytes.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the byte the parser stopped at.
    auto [line, column] = line_column(bytes, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    if (size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    // The parser quotes what it read, which may be the invalid bytes themselves.
    if (find_invalid_utf8(what) != std::string_view::npos)
      for (char& c : what)
        if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    return fail(fmt::format("invalid JSON at {}:{}: {}", line, column, what));
  }
  if (!doc.is_object()) return fail("the top level is not a JSON object");
  auto cells = doc.find("cells");
  if (cells == doc.end()) return fail("no `cells` list");
  if (!cells->is_array()) return fail("`cells` is not a list");
  Notebook nb;
  // A notebook of another kernel's language (R, Julia) has no Python to lint.
  auto meta = doc.find("metadata");
  if (meta != doc.end() && meta->is_object()) {
    auto info = meta->find("language_info");
    if (info != meta->end() && info->is_object()) {
      auto name = info->find("name");
      if (name != info->end() && name->is_string() && name->get_ref<const std::string&>() != "python") return nb;
    }
  }
  uint32_t number = 0;
  for (const auto& cell : *cells) {
    ++number;
    if (!cell.is_object()) return fail(fmt::format("cell {} is not a JSON object", number));
    auto type = cell.find("cell_type");
    if (type == cell.end() || !type->is_string())
      return fail(fmt::format("cell {} has no string `cell_type`", number));
    std::optional<std::string> source = cell_source(cell);
    if (!source) return fail(fmt::format("the `source` of cell {} is neither a string nor a list of strings", number));
    if (type->get_ref<const std::string&>() != "code") continue;
    // A cell magic (`%%bash`, `%%time`) makes the whole cell another language's.
    std::string_view text = *source;
    if (text.substr(text.find_first_not_of(" \t\r\n") == std::string_view::npos ? text.size()
                                                                               : text.find_first_not_of(" \t\r\n"))
            .starts_with("%%"))
      continue;
    Notebook::Cell range{number, static_cast<uint32_t>(nb.python.size()), 0};
    LineScanState state;
    uint32_t line = 0;
    for (size_t at = 0; at < text.size() || line == 0;) {
      size_t nl = text.find('\n', at);
      std::string_view l = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
      nb.python += replace_magic(l, state);
      nb.python += '\n';
      nb.lines.push_back({number, ++line});
      nb.original.emplace_back(l.ends_with('\r') ? l.substr(0, l.size() - 1) : l);
      if (nl == std::string_view::npos) break;
      at = nl + 1;
    }
    range.end = static_cast<uint32_t>(nb.python.size());
    nb.cells.push_back(range);
  }
  return nb;
}

void locate_in_cells(const Notebook& nb, std::vector<Diagnostic>& found) {
  auto place = [&](Location& l) -> uint32_t {
    if (nb.lines.empty()) return 0;
    if (l.line == 0 || l.line > nb.lines.size()) {
      // Past the last line (a syntax error at the end): after the last cell's last line.
      const CellLine& end = nb.lines.back();
      l = {end.line + 1, 1};
      return end.cell;
    }
    const CellLine& c = nb.lines[l.line - 1];
    l.line = c.line;
    return c.cell;
  };
  for (Diagnostic& d : found) {
    if (d.cell != 0) continue;  // already placed (a result from the cache)
    uint32_t start_cell = place(d.start);
    uint32_t end_cell = place(d.end);
    // A range running into the next cell ends at the end of its own cell's text.
    if (end_cell != start_cell) d.end = d.start;
    d.cell = start_cell;
    d.fix.reset();  // fixes are not applied to notebooks
  }
  std::sort(found.begin(), found.end());
}

}  // namespace asl
