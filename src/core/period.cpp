#include "core/period.hpp"

namespace pdp {

PeriodStatus period_status(const Item& programme, const Date& date) {
  if (programme.valid_from && date < *programme.valid_from) return PeriodStatus::not_yet;
  if (programme.valid_until && *programme.valid_until < date) return PeriodStatus::to_confirm;
  return PeriodStatus::in_force;
}

const char* period_status_name(PeriodStatus status) {
  switch (status) {
    case PeriodStatus::not_yet:
      return "not_yet";
    case PeriodStatus::to_confirm:
      return "to_confirm";
    case PeriodStatus::in_force:
      break;
  }
  return "in_force";
}

}  // namespace pdp
