#include "translate/container_methods.h"

#include <array>

namespace asl::tr {

namespace {

using P = ContainerPart;
constexpr std::array kArguments = {
    ContainerArgument{TypeKind::List, "append", 0, P::Element, true},
    ContainerArgument{TypeKind::List, "remove", 0, P::Element, true},
    ContainerArgument{TypeKind::List, "count", 0, P::Element, true},
    ContainerArgument{TypeKind::List, "index", 0, P::Element, true},
    ContainerArgument{TypeKind::List, "insert", 1, P::Element, true},
    ContainerArgument{TypeKind::List, "extend", 0, P::Items, true},
    ContainerArgument{TypeKind::Set, "update", 0, P::Items, true},
    ContainerArgument{TypeKind::Set, "add", 0, P::Element, true},
    ContainerArgument{TypeKind::Set, "discard", 0, P::Element, true},
    ContainerArgument{TypeKind::Set, "remove", 0, P::Element, true},
    ContainerArgument{TypeKind::Dict, "setdefault", 0, P::Key, true},
    ContainerArgument{TypeKind::Dict, "setdefault", 1, P::Value, true},
    // `counts.get(k, 0) + 1`: the default says what the values are.
    ContainerArgument{TypeKind::Dict, "get", 0, P::Key, true},
    ContainerArgument{TypeKind::Dict, "get", 1, P::Value, true},
    ContainerArgument{TypeKind::Dict, "pop", 0, P::Key, false},
    ContainerArgument{TypeKind::Dict, "pop", 1, P::Value, false},
};

}  // namespace

const ContainerArgument* container_argument(TypeKind container, std::string_view method, size_t position) {
  for (const auto& a : kArguments)
    if (a.container == container && a.method == method && a.position == position) return &a;
  return nullptr;
}

Type container_part(const Type& container, ContainerPart part) {
  switch (part) {
    case P::Element: case P::Key: return container.arg(0);
    case P::Value: return container.arg(1);
    case P::Items: return container;
  }
  return {};
}

}  // namespace asl::tr
