// A calendar date (YYYY-MM-DD), the only notion of time the core needs.
#pragma once

#include <optional>
#include <string>

namespace pdp {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Accepts exactly YYYY-MM-DD naming a real day of the Gregorian calendar (years 1900–2999).
  static std::optional<Date> parse(const std::string& text);
  std::string iso() const;

  friend bool operator<(const Date& a, const Date& b) { return a.key() < b.key(); }
  friend bool operator<=(const Date& a, const Date& b) { return a.key() <= b.key(); }
  friend bool operator==(const Date& a, const Date& b) { return a.key() == b.key(); }

 private:
  int key() const { return year * 10000 + month * 100 + day; }
};

}  // namespace pdp
