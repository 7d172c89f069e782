// Validates a request, evaluates it and builds the response.
#include "core/assessment.hpp"

#include "core/json_text.hpp"
#include "core/request.hpp"
#include "core/response.hpp"
#include "core/situation.hpp"

namespace pdp {

Json assess(const RuleSet& rules, const Json& request, const Date& today) {
  auto parsed = read_request(rules, request, today);
  if (!parsed) return error_response(parsed.error());
  const Situation situation = evaluate_situation(rules, parsed->answers);
  return build_response(rules, parsed.value(), situation);
}

Json assess_text(const RuleSet& rules, const std::string& request, const Date& today) {
  auto json = parse_json_text(request, "request.invalid_json", "");
  if (!json) return error_response(json.error());
  return assess(rules, json.value(), today);
}

}  // namespace pdp
