// The safety net of the WebAssembly interface: whatever a call throws, even when memory runs out,
// becomes an error reply instead of crossing into JavaScript (which would abort the module).
#pragma once

#include <exception>
#include <new>
#include <string>

#include "core/response.hpp"

namespace pdp::wasm {

// The reply when memory ran out: a constant, since building any reply could fail again.
inline constexpr const char kOutOfMemoryReply[] =
    R"({"error":{"code":"engine.out_of_memory","message":"the engine ran out of memory during )"
    R"(this call; it is still usable, with a smaller request","path":""}})";

// Runs `body` (which returns a Json) and keeps its text in `reply`, which stays valid until the
// next call; returns reply.c_str(). An exception becomes the error "internal.error"; running out
// of memory frees the last reply and returns kOutOfMemoryReply.
template <typename Body>
const char* guarded(std::string& reply, Body body) noexcept {
  const auto out_of_memory = [&] {
    std::string().swap(reply);
    return kOutOfMemoryReply;
  };
  const auto failed = [&](const std::string& message) {
    try {
      reply = error_response(Error{"internal.error", message, ""})
                  .dump(-1, ' ', false, Json::error_handler_t::replace);
      return reply.c_str();
    } catch (...) {
      return out_of_memory();
    }
  };
  try {
    reply = body().dump(-1, ' ', false, Json::error_handler_t::replace);
    return reply.c_str();
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  } catch (const std::exception& e) {
    return failed(std::string("the engine failed: ") + e.what());
  } catch (...) {
    return failed("the engine failed");
  }
}

}  // namespace pdp::wasm
