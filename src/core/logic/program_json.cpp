// A flat program as JSON data: written by the build (natively, from the flattened rules), read by
// the page's module, which then carries neither the compiler of JsonLogic trees nor the flattener
// (docs/performance.md).
#include <limits>

#include "core/logic/node.hpp"
#include "core/logic/program.hpp"

namespace pdp::logic {

Json Program::to_json() const {
  Json out = Json::array();
  for (const Instruction& in : code_) {
    Json& entry = out.emplace_back(Json::array({in.op, in.symbol, in.units}));
    entry.push_back(in.literal != nullptr ? *in.literal : Json());
    for (std::uint16_t i = 0; i < in.count; ++i) entry.push_back(arguments_[in.first + i]);
  }
  return out;
}

std::optional<Program> Program::read(const Json& instructions) {
  if (!instructions.is_array() || instructions.empty() ||
      instructions.size() > std::numeric_limits<std::uint16_t>::max()) {
    return std::nullopt;
  }
  Program program;
  program.code_.reserve(instructions.size());
  const std::size_t size = instructions.size();
  for (std::size_t index = 0; index < size; ++index) {
    const Json& entry = instructions[index];
    if (!entry.is_array() || entry.size() < 4 || !entry[0].is_number_unsigned() ||
        !entry[1].is_number_integer() || !entry[2].is_number_unsigned()) {
      return std::nullopt;
    }
    const auto op = entry[0].get<std::uint8_t>();
    const auto symbol = entry[1].get<std::int32_t>();
    // Only what the flattener writes (an op past the enum's end is none too).
    if (flat_form(static_cast<Op>(op)) == FlatForm::none || symbol < -1 || symbol >= 64) {
      return std::nullopt;
    }
    Instruction in{op,
                   static_cast<std::uint16_t>(program.arguments_.size()),
                   static_cast<std::uint16_t>(entry.size() - 4),
                   symbol,
                   nullptr,
                   entry[2].get<std::uint64_t>()};
    if (static_cast<Op>(op) == Op::literal) in.literal = &entry[3];
    if (symbol >= 0) program.reads_ |= SymbolMask{1} << symbol;
    // Operands come after their operation (as the flattener emits them): no cycle to run into.
    for (std::size_t i = 4; i < entry.size(); ++i) {
      const Json& operand = entry[i];
      if (!operand.is_number_unsigned() || operand.get<std::size_t>() <= index ||
          operand.get<std::size_t>() >= size) {
        return std::nullopt;
      }
      program.arguments_.push_back(operand.get<std::uint16_t>());
    }
    program.code_.push_back(in);
  }
  return program;
}

}  // namespace pdp::logic
