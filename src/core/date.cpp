// Strict parsing and formatting of ISO calendar dates.
#include "core/date.hpp"

#include "core/decimal_text.hpp"

namespace pdp {
namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<Date> Date::parse(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < starts[f] + lengths[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (text[i] - '0');
    }
  }
  Date date{fields[0], fields[1], fields[2]};
  if (date.year < 1900 || date.year > 2999 || date.month < 1 || date.month > 12)
    return std::nullopt;
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  return date;
}

// By hand rather than with snprintf, which would bring printf into the page's module, or
// std::to_string, whose strings and their concatenation cost a reply a tenth of its writing.
std::string Date::iso() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    // Not from parse() (a Date built in code): as wide as its numbers need.
    return decimal_text(year) + "-" + decimal_text(month) + "-" + decimal_text(day);
  }
  char text[10];
  const auto put = [&](int at, int n, int width) {
    for (int i = width - 1; i >= 0; --i, n /= 10) text[at + i] = static_cast<char>('0' + n % 10);
  };
  put(0, year, 4);
  text[4] = '-';
  put(5, month, 2);
  text[7] = '-';
  put(8, day, 2);
  return std::string(text, sizeof text);
}

}  // namespace pdp
