// Whole numbers in decimal: see decimal_text.hpp.
#include "core/decimal_text.hpp"

namespace pdp {

void append_decimal(std::string& out, unsigned long long value) {
  char buffer[20];  // the digits of 2^64 - 1
  char* start = buffer + sizeof buffer;
  do {
    *--start = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  out.append(start, buffer + sizeof buffer);
}

}  // namespace pdp
