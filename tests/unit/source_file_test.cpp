#include <gtest/gtest.h>

#include "core/source_file.h"

namespace asl {
namespace {

SourceFile load(std::string bytes) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", std::move(bytes), &e);
  EXPECT_TRUE(f.valid()) << e.message;
  return f;
}

TEST(SourceFile, ColumnsCountCodePointsNotBytes) {
  SourceFile f = load("x = 'é😀'; y\n");
  // 'y' is the 11th code point on the line although it is byte 16.
  auto at = f.text().find('y');
  EXPECT_EQ(f.location(static_cast<uint32_t>(at)), (Location{1, 11}));
}

TEST(SourceFile, TabCountsAsOneColumn) {
  SourceFile f = load("if x:\n\tfoo()\n");
  EXPECT_EQ(f.location(static_cast<uint32_t>(f.text().find("foo"))), (Location{2, 2}));
}

TEST(SourceFile, CrlfAndLoneCrEndLines) {
  SourceFile f = load("a\r\nb\rc\n");
  EXPECT_EQ(f.location(static_cast<uint32_t>(f.text().find('b'))), (Location{2, 1}));
  EXPECT_EQ(f.location(static_cast<uint32_t>(f.text().find('c'))), (Location{3, 1}));
  EXPECT_EQ(f.line_ending(), LineEnding::CRLF);
  EXPECT_EQ(f.line_text(2), "b");
}

TEST(SourceFile, BomIsStrippedAndRemembered) {
  SourceFile f = load("\xEF\xBB\xBFimport os\n");
  EXPECT_TRUE(f.had_bom());
  EXPECT_EQ(f.text().substr(0, 6), "import");
  EXPECT_EQ(f.location(0), (Location{1, 1}));
}

TEST(SourceFile, InvalidUtf8IsAnErrorWithAPosition) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", "ok = 1\nx = '\xff'\n", &e);
  EXPECT_FALSE(f.valid());
  ASSERT_TRUE(e.where.has_value());
  EXPECT_EQ(*e.where, (Location{2, 6}));
  EXPECT_NE(e.message.find("invalid UTF-8"), std::string::npos);
}

TEST(SourceFile, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_NE(find_invalid_utf8("\xC0\xAF"), std::string_view::npos);
  EXPECT_NE(find_invalid_utf8("\xED\xA0\x80"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xF0\x9F\x98\x80"), std::string_view::npos);
}

TEST(SourceFile, NulByteIsAnError) {
  LoadError e;
  SourceFile f = SourceFile::from_bytes("t.py", std::string("a = 1\n\0\n", 8), &e);
  EXPECT_FALSE(f.valid());
  EXPECT_NE(e.message.find("NUL"), std::string::npos);
  EXPECT_EQ(e.where->line, 2u);
}

TEST(SourceFile, MissingFileIsAnError) {
  LoadError e;
  EXPECT_FALSE(SourceFile::read("/nonexistent/x.py", &e).has_value());
  EXPECT_NE(e.message.find("No such file"), std::string::npos);
}

}  // namespace
}  // namespace asl
