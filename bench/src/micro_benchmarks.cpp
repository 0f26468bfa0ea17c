// Google Benchmark micro-benchmarks for the hot paths: parsing, the semantic
// model, rule matching (all checks on one file), and translating a
// 5,000-line file. Inputs are generated, so the numbers compare across runs.
#include <benchmark/benchmark.h>

#include <string>

#include "core/semantic_model.h"
#include "core/source_file.h"
#include "core/syntax.h"
#include "lint/linter.h"
#include "translate/translator.h"

namespace {

// A realistic async module of about `functions` * 10 lines.
std::string sample_module(int functions) {
  std::string s = "import asyncio\nimport time\nimport requests\nfrom pathlib import Path\n\n";
  for (int i = 0; i < functions; ++i) {
    std::string n = std::to_string(i);
    s += "async def fetch_" + n + "(url: str, retries: int = 3) -> str:\n";
    s += "    for attempt in range(retries):\n";
    s += "        await asyncio.sleep(0.01 * attempt)\n";
    s += "        if attempt % 2 == 0:\n";
    s += "            text = f\"{url}/{attempt}\"\n";
    s += "    return url\n\n";
    s += "def helper_" + n + "(values: list[int]) -> int:\n";
    s += "    return sum(v * 2 for v in values if v > " + n + ")\n\n";
  }
  s += "async def main():\n    results = await asyncio.gather(" ;
  for (int i = 0; i < functions && i < 50; ++i) s += "fetch_" + std::to_string(i) + "(\"u\"), ";
  s += ")\n    print(len(results))\n\nasyncio.run(main())\n";
  return s;
}

const std::string& text_5000() {
  static const std::string t = sample_module(560);  // ~5,000 lines
  return t;
}

void BM_Parse(benchmark::State& state) {
  asl::Parser parser;
  for (auto _ : state) {
    asl::Tree tree = parser.parse(text_5000());
    benchmark::DoNotOptimize(tree.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text_5000().size()));
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_SemanticModel(benchmark::State& state) {
  asl::Parser parser;
  asl::Tree tree = parser.parse(text_5000());
  for (auto _ : state) {
    asl::SemanticModel model(ts_tree_root_node(tree.get()), text_5000(), asl::builtin_catalog());
    benchmark::DoNotOptimize(model.calls().size());
  }
}
BENCHMARK(BM_SemanticModel)->Unit(benchmark::kMillisecond);

void BM_LintFile(benchmark::State& state) {
  asl::Linter linter(asl::builtin_catalog(), asl::RuleSelection{{"ALL"}, {}, {}});
  for (auto _ : state) {
    asl::FileResult r = linter.lint_bytes("bench.py", text_5000());
    benchmark::DoNotOptimize(r.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text_5000().size()));
}
BENCHMARK(BM_LintFile)->Unit(benchmark::kMillisecond);

void BM_Translate5000Lines(benchmark::State& state) {
  asl::LoadError e;
  asl::SourceFile file = asl::SourceFile::from_bytes("bench.py", text_5000(), &e);
  asl::tr::TranslateOptions options;
  options.target = state.range(0) == 0 ? asl::tr::Target::CSharp : asl::tr::Target::Cpp;
  for (auto _ : state) {
    asl::tr::TranslateResult r = asl::tr::translate(file, options);
    benchmark::DoNotOptimize(r.code.size());
  }
}
BENCHMARK(BM_Translate5000Lines)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
