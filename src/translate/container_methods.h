// Where the arguments of the builtin containers' methods go. One table read
// both ways: what the code puts into a container types it (`xs.append(1)`:
// a list of int), and a container of known type types an empty literal given
// to it (`d.setdefault(k, [])`: the dict's value type).
#pragma once

#include <string_view>

#include "translate/types.h"

namespace asl::tr {

enum class ContainerPart : unsigned char {
  Element,  // an element of a list or set
  Items,    // an iterable of elements (`extend`, `update`)
  Key,      // a dict's key
  Value,    // a dict's value
};

struct ContainerArgument {
  TypeKind container;
  std::string_view method;
  size_t position;
  ContainerPart part;
  bool puts;  // the value goes into the container (not a default that is only read: `d.pop(k, 0)`)
};

// The entry for argument `position` of `method` on a container of kind `container`, or null.
const ContainerArgument* container_argument(TypeKind container, std::string_view method, size_t position);

// The type an argument in `part` has, for a container of type `container`.
Type container_part(const Type& container, ContainerPart part);

}  // namespace asl::tr
