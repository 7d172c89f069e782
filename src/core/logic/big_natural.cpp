// Base 10^9 limbs: products by small factors carry in 64 bits, and the decimal digits come out
// nine at a time.
#include "core/logic/big_natural.hpp"

#include "core/decimal_text.hpp"

namespace pdp::logic {
namespace {

constexpr std::uint32_t kBase = 1000000000;

}  // namespace

BigNatural::BigNatural(std::uint64_t value) {
  while (value != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(value % kBase));
    value /= kBase;
  }
}

BigNatural BigNatural::from_digits(std::string_view digits) {
  BigNatural number;
  for (std::size_t end = digits.size(); end > 0;) {
    const std::size_t begin = end >= 9 ? end - 9 : 0;
    std::uint32_t limb = 0;
    for (std::size_t i = begin; i < end; ++i)
      limb = limb * 10 + static_cast<std::uint32_t>(digits[i] - '0');
    number.limbs_.push_back(limb);
    end = begin;
  }
  while (!number.limbs_.empty() && number.limbs_.back() == 0) number.limbs_.pop_back();
  return number;
}

void BigNatural::times(std::uint32_t factor) {
  std::uint64_t carry = 0;
  for (std::uint32_t& limb : limbs_) {
    const std::uint64_t product = std::uint64_t{limb} * factor + carry;
    limb = static_cast<std::uint32_t>(product % kBase);
    carry = product / kBase;
  }
  while (carry != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(carry % kBase));
    carry /= kBase;
  }
}

BigNatural& BigNatural::times_power_of_2(int exponent) {
  for (; exponent >= 31; exponent -= 31) times(std::uint32_t{1} << 31);
  if (exponent > 0) times(std::uint32_t{1} << exponent);
  return *this;
}

BigNatural& BigNatural::times_power_of_5(int exponent) {
  constexpr std::uint32_t kFiveToThe13 = 1220703125;
  for (; exponent >= 13; exponent -= 13) times(kFiveToThe13);
  std::uint32_t rest = 1;
  for (; exponent > 0; --exponent) rest *= 5;
  times(rest);
  return *this;
}

BigNatural& BigNatural::times_power_of_10(int exponent) {
  if (limbs_.empty() || exponent <= 0) return *this;
  limbs_.insert(limbs_.begin(), static_cast<std::size_t>(exponent / 9), 0);
  std::uint32_t rest = 1;
  for (int i = exponent % 9; i > 0; --i) rest *= 10;
  times(rest);
  return *this;
}

std::string BigNatural::digits() const {
  if (limbs_.empty()) return "0";
  std::string out = decimal_text(limbs_.back());
  for (std::size_t i = limbs_.size() - 1; i-- > 0;) {
    std::string limb = decimal_text(limbs_[i]);
    out.append(9 - limb.size(), '0');
    out += limb;
  }
  return out;
}

int compare(const BigNatural& a, const BigNatural& b) {
  if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() < b.limbs_.size() ? -1 : 1;
  for (std::size_t i = a.limbs_.size(); i-- > 0;) {
    if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
  }
  return 0;
}

}  // namespace pdp::logic
