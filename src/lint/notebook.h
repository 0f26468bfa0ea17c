// Jupyter notebooks (.ipynb) as Python source: the code cells joined into one
// text, IPython magics blanked out line for line, and the way back from a line
// of that text to its cell and line, as ruff reports notebook findings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace asl {

struct CellLine {
  uint32_t cell = 0;  // 1-based among all the notebook's cells (markdown ones included)
  uint32_t line = 0;  // 1-based within the cell
};

struct Notebook {
  std::string python;             // the code cells, each ending in a newline
  std::vector<CellLine> lines;    // per line of `python`
  std::vector<std::string> original;  // per line of `python`: the cell's own text, magics and all
  // Byte range of each code cell in `python`, with its cell number.
  struct Cell {
    uint32_t number = 0, start = 0, end = 0;
  };
  std::vector<Cell> cells;
};

bool is_notebook_path(std::string_view path);

// A notebook whose `metadata.language_info.name` is not "python" has no code
// cells here (its cells are another language's).
// Nothing, and `error` set, when the bytes are not a notebook: invalid JSON,
// no `cells` list, a cell without a string `cell_type` or with a `source`
// that is neither a string nor a list of strings.
std::optional<Notebook> parse_notebook(std::string_view bytes, std::string* error);

// Rewrites the lines of `found` (lines of `nb.python`) as cells and lines.
void locate_in_cells(const Notebook& nb, std::vector<Diagnostic>& found);

// One line of a code cell with its magic, if it is one, replaced by Python of
// the same meaning to the linter (`pass`, `None`); exposed for the tests.
// `state` carries the bracket depth and string state from line to line.
struct LineScanState {
  int depth = 0;            // open brackets
  char quote = 0;           // inside a triple-quoted string: its quote character
  bool continued = false;   // the previous line ended with a backslash
  bool magic_continues = false;  // ... and it was a magic's
};
std::string replace_magic(std::string_view line, LineScanState& state);

}  // namespace asl
