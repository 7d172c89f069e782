// The bounds on what a host, a person or a rule file may send, so that hostile input costs
// bounded time and memory natively and in WebAssembly. README.md lists the codes they give.
#pragma once

#include <cstddef>

namespace pdp::limits {

// A request: a real one holds a few hundred bytes, at most 64 answers a few levels deep.
inline constexpr std::size_t kRequestBytes = 64 * 1024;  // "request.too_large"
inline constexpr std::size_t kRequestDepth = 16;         // "request.too_deep"
inline constexpr std::size_t kStringBytes = 256;         // "request.string_too_long"
inline constexpr std::size_t kAnswers = 64;              // "answers.too_many"

// `pdp-assess logic RULE DATA`: each text, and how deeply it nests.
inline constexpr std::size_t kLogicBytes = 64 * 1024;  // "logic.too_large"
inline constexpr std::size_t kLogicDepth = 256;        // "logic.too_deep"

// A multiple-choice question: its 2^n selections are what the loader's checks and the walk try.
inline constexpr std::size_t kMultiOptions = 16;  // "rules.too_many_options"
// Any question: the options offered at a step are remembered as one bit each (conversation.cpp).
inline constexpr std::size_t kOptions = 64;  // "rules.too_many_options"

// The rules bundle and each rule file (the shipped rules are about 50 KB).
inline constexpr std::size_t kRulesBytes = 2 * 1024 * 1024;  // "rules.too_large"
inline constexpr std::size_t kRulesDepth = 256;              // "rules.too_deep"

}  // namespace pdp::limits
