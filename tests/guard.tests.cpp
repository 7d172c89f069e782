// The WebAssembly interface's guard (src/wasm/guard.hpp), natively and compiled to wasm: nothing
// thrown crosses it, running out of memory included, and the next call answers normally.
#include <cstdint>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "wasm/guard.hpp"

using pdp::Json;

namespace {

Json reply_of(const char* text) {
  return Json::parse(text);
}

// Asks for more than any wasm memory (4 GiB) or any machine can give, so that operator new
// throws std::bad_alloc. AddressSanitizer reports such a failure and stops instead of throwing:
// under it, the exception is thrown by hand.
void allocate_too_much() {
#if defined(__SANITIZE_ADDRESS__)
  throw std::bad_alloc();
#else
  void* huge = ::operator new(std::numeric_limits<std::size_t>::max() / 2);
  ::operator delete(huge);
#endif
}

}  // namespace

TEST_CASE("the wasm guard answers engine.out_of_memory when an allocation fails, then works again",
          "[wasm][guard]") {
  std::string reply;
  const Json failed = reply_of(pdp::wasm::guarded(reply, [] {
    allocate_too_much();
    return Json{{"never", true}};
  }));
  REQUIRE(failed.contains("error"));
  CHECK(failed.size() == 1);
  CHECK(failed.at("error").at("code") == "engine.out_of_memory");
  CHECK(failed.at("error").at("path") == "");
  const Json next = reply_of(pdp::wasm::guarded(reply, [] { return Json{{"answer", 42}}; }));
  CHECK(next == Json{{"answer", 42}});
}

TEST_CASE("the wasm guard turns any other exception into internal.error", "[wasm][guard]") {
  std::string reply;
  const Json failed = reply_of(
      pdp::wasm::guarded(reply, []() -> Json { throw std::runtime_error("a broken invariant"); }));
  CHECK(failed.at("error").at("code") == "internal.error");
  CHECK(failed.at("error").at("message") == "the engine failed: a broken invariant");
  const Json odd = reply_of(pdp::wasm::guarded(reply, []() -> Json { throw 42; }));
  CHECK(odd.at("error").at("code") == "internal.error");
}

TEST_CASE("the wasm guard replies with valid UTF-8 even for a value that is not", "[wasm][guard]") {
  std::string reply;
  const Json answer = reply_of(pdp::wasm::guarded(reply, [] {
    return Json{{"text", std::string("a\xff")}};
  }));
  CHECK(answer.at("text") == "a\xef\xbf\xbd");  // U+FFFD
}
