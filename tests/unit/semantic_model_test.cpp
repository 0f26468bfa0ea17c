// The semantic model: qualified names through imports, shadowing, async
// context, and receiver types.
#include <gtest/gtest.h>

#include "core/semantic_model.h"
#include "core/syntax.h"
#include "rules/catalog.h"

namespace asl {
namespace {

// Parses `code` and answers questions about the call whose callee text is `callee`.
struct Probe {
  std::string code;
  Parser parser;
  Tree tree;
  std::unique_ptr<SemanticModel> model;

  explicit Probe(std::string c) : code(std::move(c)) {
    tree = parser.parse(code);
    model = std::make_unique<SemanticModel>(ts_tree_root_node(tree.get()), code, builtin_catalog());
  }
  const CallSite& call(std::string_view callee, int nth = 0) const {
    for (const CallSite& s : model->calls())
      if (model->text(field(s.call, "function")) == callee && nth-- == 0) return s;
    throw std::runtime_error("no such call: " + std::string(callee));
  }
  std::string resolve(std::string_view callee, int nth = 0) const {
    const CallSite& s = call(callee, nth);
    return model->resolve_callee(field(s.call, "function"), s.scope).value_or("<unknown>");
  }
  bool async_at(std::string_view callee, int nth = 0) const {
    return model->in_async_context(call(callee, nth).scope);
  }
};

TEST(Imports, AliasesAndFromImports) {
  Probe p(
      "import a.b\nimport a.b as c\nfrom x.y import z as w\nfrom x import q\nimport requests as r\n"
      "a.b.f()\nc.g()\nw()\nq.h()\nr.get()\n");
  EXPECT_EQ(p.resolve("a.b.f"), "a.b.f");
  EXPECT_EQ(p.resolve("c.g"), "a.b.g");
  EXPECT_EQ(p.resolve("w"), "x.y.z");
  EXPECT_EQ(p.resolve("q.h"), "x.q.h");
  EXPECT_EQ(p.resolve("r.get"), "requests.get");
}

TEST(Imports, RelativeImportsKeepTheirDots) {
  Probe p("from . import mod\nfrom ..pkg import f as g\nmod.run()\ng()\n");
  EXPECT_EQ(p.resolve("mod.run"), ".mod.run");
  EXPECT_EQ(p.resolve("g"), "..pkg.f");
}

TEST(Imports, StarImportMakesUnknownNamesUnknown) {
  Probe p("from os import *\nimport time\nopen('x')\ntime.sleep(1)\nsystem('x')\n");
  EXPECT_EQ(p.resolve("open"), "<unknown>");  // os.open or builtins.open: never guessed
  EXPECT_EQ(p.resolve("system"), "<unknown>");
  EXPECT_EQ(p.resolve("time.sleep"), "time.sleep");  // explicitly bound
}

TEST(Imports, BuiltinsResolveOnlyWhenUnbound) {
  Probe p("open('x')\nprint(1)\nfoo()\n");
  EXPECT_EQ(p.resolve("open"), "builtins.open");
  EXPECT_EQ(p.resolve("print"), "builtins.print");
  EXPECT_EQ(p.resolve("foo"), "<unknown>");
}

TEST(Shadowing, LocalDefAssignmentAndParameterHideImports) {
  Probe p(
      "import requests\nfrom time import sleep\n"
      "def f(requests):\n    requests.get()\n"
      "def g():\n    def open(x): pass\n    open('x')\n"
      "def h():\n    sleep = None\n    sleep(1)\n"
      "def k():\n    sleep(1)\n    requests.get()\n");
  EXPECT_EQ(p.resolve("requests.get", 0), "<unknown>");
  EXPECT_EQ(p.resolve("open"), "<unknown>");
  EXPECT_EQ(p.resolve("sleep", 0), "<unknown>");  // bound later in the same function: local
  EXPECT_EQ(p.resolve("sleep", 1), "time.sleep");
  EXPECT_EQ(p.resolve("requests.get", 1), "requests.get");
}

TEST(Shadowing, ClassBodiesAreNotVisibleFromMethods) {
  Probe p("import time\nclass C:\n    time = None\n    def m(self):\n        time.sleep(1)\n");
  EXPECT_EQ(p.resolve("time.sleep"), "time.sleep");
}

TEST(Shadowing, GlobalDeclarationReachesTheModule) {
  Probe p("from time import sleep\ndef f():\n    global sleep\n    sleep = 1\n    sleep(1)\n");
  // The module now has two bindings of `sleep` (import and assignment): unknown.
  EXPECT_EQ(p.resolve("sleep"), "<unknown>");
}

TEST(AsyncContext, NearestFunctionDecides) {
  Probe p(
      "async def a():\n    x()\n    def s():\n        y()\n    l = lambda: z()\n"
      "    [w() for _ in r()]\n    class K:\n        v()\n"
      "    def d(arg=dflt()):\n        pass\n    @deco()\n    def e(): pass\n"
      "def sync():\n    async def inner():\n        u()\n    t()\n");
  EXPECT_TRUE(p.async_at("x"));
  EXPECT_FALSE(p.async_at("y"));
  EXPECT_FALSE(p.async_at("z"));
  EXPECT_TRUE(p.async_at("w"));     // comprehensions are transparent
  EXPECT_TRUE(p.async_at("r"));
  EXPECT_FALSE(p.async_at("v"));    // class body
  EXPECT_TRUE(p.async_at("dflt"));  // default argument of a nested def
  EXPECT_TRUE(p.async_at("deco"));  // decorator of a nested def
  EXPECT_TRUE(p.async_at("u"));
  EXPECT_FALSE(p.async_at("t"));
}

TEST(Receivers, AssignmentWithAnnotationAndSelf) {
  Probe p(
      "import requests, sqlite3\nfrom pathlib import Path\n"
      "async def f(sess: requests.Session, c: 'x'):\n"
      "    s = requests.Session()\n    s.get()\n    sess.post()\n"
      "    with requests.Session() as w:\n        w.put()\n"
      "    conn = sqlite3.connect('db')\n    cur = conn.cursor()\n    cur.execute()\n"
      "    p = Path('x') / 'y'\n    p.read_text()\n"
      "class A:\n    def __init__(self):\n        self.http = requests.Session()\n"
      "    async def go(self):\n        self.http.get()\n");
  EXPECT_EQ(p.resolve("s.get"), "requests.Session.get");
  EXPECT_EQ(p.resolve("sess.post"), "requests.Session.post");
  EXPECT_EQ(p.resolve("w.put"), "requests.Session.put");
  EXPECT_EQ(p.resolve("cur.execute"), "sqlite3.Cursor.execute");
  EXPECT_EQ(p.resolve("p.read_text"), "pathlib.Path.read_text");
  EXPECT_EQ(p.resolve("self.http.get"), "requests.Session.get");
}

TEST(Receivers, ConflictingBindingsAreUnknown) {
  Probe p("import requests\nasync def f(x):\n    s = requests.Session()\n    if x:\n        s = x\n    s.get()\n");
  EXPECT_EQ(p.resolve("s.get"), "<unknown>");
}

TEST(Receivers, TheBindingInEffectAtTheReferenceCounts) {
  Probe p(
      "from pathlib import Path\nasync def f(files, d):\n    path = Path(files[0])\n    path.stat()\n"
      "    for path in d.items():\n        path.stat()\n    s = 'x'\n    s = s.strip()\n"
      "    def later():\n        path.stat()\n");
  EXPECT_EQ(p.resolve("path.stat", 0), "pathlib.Path.stat");
  EXPECT_EQ(p.resolve("path.stat", 1), "<unknown>");  // rebound by the loop
  EXPECT_EQ(p.resolve("s.strip"), "<unknown>");       // its own assignment is not yet in effect
  EXPECT_EQ(p.resolve("path.stat", 2), "<unknown>");  // a nested function sees every binding
}

TEST(Receivers, AnnotatedAssignmentAndTupleUnpacking) {
  Probe p(
      "import httpx\nfrom pathlib import Path\nasync def f(make):\n    c: httpx.Client = make()\n    c.get()\n"
      "    (p1, p2) = (Path('a'), 1)\n    p1.exists()\n    p2.exists()\n"
      "    a, (b, d) = 1, (2, httpx.Client())\n    d.post()\n    e, *g = httpx.Client(), 2\n    e.put()\n");
  EXPECT_EQ(p.resolve("c.get"), "httpx.Client.get");
  EXPECT_EQ(p.resolve("p1.exists"), "pathlib.Path.exists");
  EXPECT_EQ(p.resolve("p2.exists"), "<unknown>");
  EXPECT_EQ(p.resolve("d.post"), "httpx.Client.post");
  EXPECT_EQ(p.resolve("e.put"), "<unknown>");  // starred: no pairing
}

TEST(Robustness, SelfReferentialBindingsTerminate) {
  Probe p("async def f(node):\n    while node:\n        node.close()\n        node = node.parent()\n        x = y.a()\n        y = x.b()\n");
  EXPECT_EQ(p.resolve("node.close"), "<unknown>");
  EXPECT_EQ(p.resolve("y.a"), "<unknown>");
  EXPECT_FALSE(p.model->resolve_project_callee(field(p.call("x.b").call, "function"), p.call("x.b").scope).has_value());
}

TEST(Robustness, DeepNestingDoesNotRecurse) {
  std::string code = "x = " + std::string(20000, '(') + "1" + std::string(20000, ')') + "\n";
  std::string ifs;
  for (int i = 0; i < 3000; ++i) ifs += std::string(i, ' ') + "if x:\n";
  ifs += std::string(3000, ' ') + "f()\n";
  Probe a(code);
  Probe b(ifs);
  EXPECT_EQ(b.model->calls().size(), 1u);
}

}  // namespace
}  // namespace asl
