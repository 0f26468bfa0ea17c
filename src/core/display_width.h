// Terminal display width of code points, for drawing under source text (the
// `full` report's carets). Reported columns still count code points.
#pragma once

#include <cstddef>
#include <string_view>

namespace asl {

// 2 for East Asian Wide and Fullwidth characters (CJK, most emoji), 0 for
// combining marks, format characters and Hangul medial and final jamo, 1
// otherwise (Unicode 14, as wcwidth and the unicode-width crate count).
int code_point_width(char32_t c);

// Decodes the UTF-8 sequence starting at text[i] (a bad byte counts as one
// code point, U+FFFD); `length` is set to its byte length.
char32_t decode_utf8(std::string_view text, size_t i, size_t& length);

}  // namespace asl
