// A problem found in rules or in a request: a stable code, a sentence a person can act on, and
// the JSON pointer of the offending value.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace pdp {

struct Error {
  std::string code;     // stable identifier, e.g. "answers.unknown_option" (listed in README.md)
  std::string message;  // what is wrong and what is allowed
  std::string path;  // JSON pointer, prefixed by the file name for rule files ("criteria.json#/0")
};

using Errors = std::vector<Error>;

// Either a value or the error that prevented it; the core reports failures with this rather than
// exceptions so that nothing can escape through the WebAssembly boundary.
template <typename T>
class Expected {
 public:
  Expected(T value) : value_(std::move(value)), ok_(true) {}       // NOLINT: implicit by design
  Expected(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T* operator->() const { return &value_; }
  T* operator->() { return &value_; }
  const Error& error() const { return error_; }

 private:
  T value_{};
  Error error_{};
  bool ok_;
};

}  // namespace pdp
