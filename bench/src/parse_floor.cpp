// The parse floor: read, parse with tree-sitter and walk every node of each
// file named in a list, doing nothing else. What any tree-sitter-based linter
// pays at least; the benchmark reports asynclint's cost as a multiple of it.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_python(void);

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parse_floor LISTFILE\n";
    return 2;
  }
  std::ifstream list(argv[1]);
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_python());
  std::string path;
  size_t files = 0, nodes = 0;
  while (std::getline(list, path)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    TSTree* tree = ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
    TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
    // Preorder walk of every node, iteratively.
    for (bool more = true; more;) {
      ++nodes;
      if (ts_tree_cursor_goto_first_child(&c)) continue;
      while (!ts_tree_cursor_goto_next_sibling(&c)) {
        if (!ts_tree_cursor_goto_parent(&c)) {
          more = false;
          break;
        }
      }
    }
    ts_tree_cursor_delete(&c);
    ts_tree_delete(tree);
    ++files;
  }
  ts_parser_delete(parser);
  std::printf("%zu files, %zu nodes\n", files, nodes);
  return 0;
}
