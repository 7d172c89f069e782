// Where `var` (and `missing`) look up data during an evaluation.
#pragma once

#include <optional>
#include <string>

#include "core/logic/value.hpp"

namespace pdp::logic {

class Scope {
 public:
  virtual ~Scope() = default;
  // Resolves a `var` name as JsonLogic does ("" is the whole data, "a.b.0" descends through
  // objects and arrays). Returns std::nullopt when nothing is there (the caller then uses the
  // var's default, or null), a known value, or an unknown one carrying its symbol bit.
  virtual std::optional<Value> lookup(const Json& name) const = 0;
};

// Complete data: plain JSON, as json-logic-js sees it. Never yields unknowns.
class JsonScope final : public Scope {
 public:
  explicit JsonScope(const Json& data) : data_(data) {}
  std::optional<Value> lookup(const Json& name) const override;

 private:
  const Json& data_;
};

}  // namespace pdp::logic
