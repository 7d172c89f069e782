// Where an assessment date stands in a programme's announced period.
#pragma once

#include "core/date.hpp"
#include "core/rules.hpp"

namespace pdp {

// not_yet: before `valid_from`; in_force: within the period (or no period); to_confirm: after
// `valid_until`. An announced end is not a proof that an offer stopped (PDP TI was still presented
// in 2024 with no end date), so after it the tool never says "over": it says "ask your caisse".
enum class PeriodStatus { not_yet, in_force, to_confirm };

PeriodStatus period_status(const Item& programme, const Date& date);
const char* period_status_name(PeriodStatus status);

}  // namespace pdp
