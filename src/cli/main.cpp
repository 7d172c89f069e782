// pdp-assess: assess a request, validate rules, try a JsonLogic expression, list every path,
// bundle the rules and give their info for the page, document the rules.
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/doc_command.hpp"
#include "cli/logic_command.hpp"
#include "cli/rules_folder.hpp"
#include "core/assessment.hpp"
#include "core/compiled_rules.hpp"
#include "core/limits.hpp"
#include "core/reply_texts.hpp"
#include "core/response.hpp"
#include "core/walk.hpp"

namespace {

using pdp::Json;

// Every response is printed this way: a stray invalid UTF-8 byte is replaced, never thrown on.
std::string text_of(const Json& json, int indent = 2) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

constexpr const char* kUsage =
    "usage:\n"
    "  pdp-assess assess [--rules DIR] [--date YYYY-MM-DD] [--locale fr] [--texts] FILE|-\n"
    "  pdp-assess validate [--rules DIR]\n"
    "  pdp-assess logic RULE [DATA]\n"
    "  pdp-assess paths [--rules DIR] [--date YYYY-MM-DD] [--locale fr] [--json [--texts]]\n"
    "  pdp-assess bundle [--rules DIR]\n"
    "  pdp-assess info [--rules DIR] [--locale fr]\n"
    "  pdp-assess doc [--rules DIR] [--scenarios DIR] [--format md|html]\n";

int usage_error(const std::string& message) {
  std::cerr << "pdp-assess: " << message << "\n" << kUsage;
  return 2;
}

struct Options {
  std::string rules = PDP_DEFAULT_RULES_DIR;
  std::optional<std::string> date;
  std::optional<std::string> locale;
  bool json = false;
  bool texts = false;  // the reply with its texts beside the ids, for a person to read
  std::vector<std::string> positional;
};

std::optional<Options> parse_options(const std::vector<std::string>& args, bool allow_date,
                                     std::string& problem) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (arg == "--rules" || (allow_date && (arg == "--date" || arg == "--locale"))) {
      auto given = value();
      if (!given) {
        problem = arg + " needs a value";
        return std::nullopt;
      }
      if (arg == "--rules") options.rules = *given;
      if (arg == "--date") options.date = *given;
      if (arg == "--locale") options.locale = *given;
    } else if (arg == "--json") {
      options.json = true;
    } else if (allow_date && arg == "--texts") {
      options.texts = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      problem = "unknown option " + arg;
      return std::nullopt;
    } else {
      options.positional.push_back(arg);
    }
  }
  return options;
}

pdp::Date today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return pdp::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// A file holding a bare answers object is accepted as {"answers": that object}.
Json as_request(const Json& input) {
  if (!input.is_object()) return input;
  for (const char* field : {"answers", "date", "locale"}) {
    if (input.contains(field)) return input;
  }
  return Json{{"answers", input}};
}

// Reads at most one byte more than a request may hold: enough to refuse a longer one.
std::string read_request_text(std::istream& in) {
  std::string text(pdp::limits::kRequestBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

int run_assess(const Options& options) {
  if (options.positional.size() != 1) return usage_error("assess takes one FILE (or - for stdin)");
  const std::string& name = options.positional[0];
  std::string text;
  if (name == "-") {
    text = read_request_text(std::cin);
  } else {
    std::ifstream in(name, std::ios::binary);
    if (!in) return usage_error("cannot read " + name);
    text = read_request_text(in);
  }
  auto rules = pdp::cli::load_rules_folder(options.rules, std::cout);
  if (!rules) return 1;
  auto parsed = pdp::parse_request_text(text);
  if (!parsed) {
    std::cout << text_of(pdp::error_response(parsed.error())) << "\n";
    return 1;
  }
  Json request = as_request(parsed.value());
  if (request.is_object()) {
    if (options.date) request["date"] = *options.date;
    if (options.locale) request["locale"] = *options.locale;
  }
  Json response = pdp::assess(*rules, request, today());
  if (options.texts && !response.contains("error")) {
    auto worded = pdp::with_texts(*rules, response, response["locale"].get<std::string>());
    response = worded ? std::move(worded).value() : pdp::error_response(worded.error());
  }
  std::cout << text_of(response) << "\n";
  return response.contains("error") ? 1 : 0;
}

int run_validate(const Options& options) {
  if (!options.positional.empty()) return usage_error("validate takes no FILE");
  auto rules = pdp::cli::load_rules_folder(options.rules, std::cout);
  if (!rules) return 1;
  std::size_t items = 0;
  for (pdp::ItemKind kind : pdp::kItemKinds) items += rules->items_of(kind).size();
  std::cout << text_of(Json{{"valid", true},
                            {"version", rules->version},
                            {"questions", rules->questions.size()},
                            {"criteria", rules->criteria.size()},
                            {"items", items},
                            {"locales", rules->locales}})
            << "\n";
  return 0;
}

// Prints the rules' info in a language (the default one without --locale): its languages, its
// texts, how each question is answered, the passages and documents cited. The build puts the
// parts no language changes in the page's rules.json (scripts/rules-for-page.mjs), where the page
// reads them with each language's texts (web/rules-info.js).
int run_info(const Options& options) {
  if (!options.positional.empty()) return usage_error("info takes no FILE");
  if (options.date || options.texts) return usage_error("info takes no --date nor --texts");
  auto rules = pdp::cli::load_rules_folder(options.rules, std::cout);
  if (!rules) return 1;
  const Json info = pdp::rules_info(*rules, options.locale.value_or(rules->default_locale));
  std::cout << text_of(info, -1) << "\n";
  return info.contains("error") ? 1 : 0;
}

// Validates the rules and prints them as one JSON document, with each condition's flat program
// (what the page's rules.json is made from).
int run_bundle(const Options& options) {
  if (!options.positional.empty()) return usage_error("bundle takes no FILE");
  auto rules = pdp::cli::load_rules_folder(options.rules, std::cerr);
  if (!rules) return 1;
  const pdp::RuleFiles files = pdp::cli::read_rules_folder(options.rules);
  // The page's module reads the bundle as read_checked_rules does: without the tree evaluator.
  const pdp::LoadedRules for_the_page = pdp::read_checked_rules(files);
  if (!for_the_page.rules) {
    std::cerr << text_of(pdp::problems_response(for_the_page.problems), 2) << "\n";
    return 1;
  }
  Json bundle = pdp::bundle_rule_files(files);
  // Each condition flat, as the module evaluates it: it reads these instead of the trees.
  bundle["conditions"] = pdp::flat_programs_json(*for_the_page.rules);
  std::cout << text_of(bundle, -1) << "\n";
  return 0;
}

std::string ids_of(const Json& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ",") + item["id"].get<std::string>();
    if (item["status"] == "to_check") out += "?";
  }
  return out.empty() ? "-" : out;
}

int run_paths(const Options& options) {
  if (!options.positional.empty()) return usage_error("paths takes no FILE");
  auto rules = pdp::cli::load_rules_folder(options.rules, std::cout);
  if (!rules) return 1;
  Json settings = Json::object();
  if (options.date) settings["date"] = *options.date;
  if (options.locale) settings["locale"] = *options.locale;
  auto request = pdp::read_request(*rules, settings, today());
  if (!request) {
    std::cout << text_of(pdp::error_response(request.error())) << "\n";
    return 1;
  }
  std::optional<pdp::Error> failure;
  const auto count = pdp::walk_paths(
      *rules, request->date,
      [&](const pdp::WalkPath& path, const pdp::Answers& answers, const pdp::Situation&) {
        if (failure) return;
        pdp::Request at_leaf = request.value();
        at_leaf.answers = answers;
        pdp::logic::Budget budget;
        Json response = pdp::respond(*rules, at_leaf, budget);
        if (budget.spent()) {
          failure = pdp::too_costly(budget);
          return;
        }
        if (options.texts) {
          auto worded = pdp::with_texts(*rules, response, at_leaf.locale);
          if (!worded) {
            failure = worded.error();
            return;
          }
          response = std::move(worded).value();
        }
        if (options.json) {
          // Keys sort as path, request, response: the response's text ends the line, exactly as
          // the core serialises it, so that other hosts can be compared byte for byte.
          Json order = Json::array();
          Json answers_json = Json::object();
          for (const auto& step : path) {
            order.push_back(rules->questions[step.question].id);
            answers_json[rules->questions[step.question].id] = step.answer;
          }
          const Json request_json = {
              {"answers", answers_json}, {"date", at_leaf.date.iso()}, {"locale", at_leaf.locale}};
          std::cout << text_of(
                           Json{{"path", order}, {"request", request_json}, {"response", response}},
                           -1)
                    << "\n";
          return;
        }
        std::string line;
        for (const auto& step : path) {
          line += rules->questions[step.question].id + "=" + step.answer.dump() + " ";
        }
        line += "=> " + response["eligibility"].get<std::string>();
        for (const char* kind : {"programmes", "measures", "actors", "channels", "next_steps"}) {
          line += " | " + std::string(kind) + ": " + ids_of(response[kind]);
        }
        std::cout << line << "\n";
      });
  if (!count) failure = count.error();
  if (failure) {
    std::cout << text_of(pdp::error_response(*failure)) << "\n";
    return 1;
  }
  std::cerr << count.value() << " paths\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "logic") return run_logic_command(args, std::cout);
  if (command == "doc") return run_doc_command(args, PDP_DEFAULT_RULES_DIR, std::cout, std::cerr);

  std::string problem;
  const bool with_date = command == "assess" || command == "paths" || command == "info";
  auto options = parse_options(args, with_date, problem);
  if (!options) return usage_error(problem);
  if (command == "assess") return run_assess(*options);
  if (command == "validate") return run_validate(*options);
  if (command == "paths") return run_paths(*options);
  if (command == "bundle") return run_bundle(*options);
  if (command == "info") return run_info(*options);
  return usage_error("unknown command \"" + command + "\"");
}
