// Wording of JsonLogic conditions. Only the shapes the rules use are worded (and, or, comparisons
// of an answer with choices, some/all/none over a multiple choice); anything else falls back to
// its JsonLogic, which is exact if less readable, so a new operator never silently disappears.
#include "core/doc/condition_words.hpp"

#include <optional>
#include <utility>

#include "core/texts.hpp"

namespace pdp::doc {
namespace {

std::string guillemets(const std::string& text) {
  return "« " + text + " »";
}

// "« a »", "« a » ou « b »", "« a », « b » ou « c »".
std::string alternatives(const std::vector<std::string>& labels) {
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i > 0) out += i + 1 == labels.size() ? " ou " : ", ";
    out += guillemets(labels[i]);
  }
  return out;
}

class Wording {
 public:
  Wording(const RuleSet& rules, const std::string& locale) : rules_(rules), texts_(rules, locale) {}

  ConditionWords words(const Json& logic) const {
    if (logic.is_boolean()) return clause(logic.get<bool>() ? "toujours" : "jamais");
    if (!is_operation(logic)) return fallback(logic);
    const std::string& op = logic.begin().key();
    const Json& operand = logic.begin().value();
    if ((op == "and" || op == "or") && operand.is_array() && !operand.empty()) {
      return joined(op == "and" ? ConditionWords::Join::all : ConditionWords::Join::any, operand);
    }
    if (std::optional<std::string> text = comparison(op, operand)) return clause(*text);
    if (std::optional<std::string> text = quantified(op, operand)) return clause(*text);
    return fallback(logic);
  }

 private:
  static bool is_operation(const Json& logic) { return logic.is_object() && logic.size() == 1; }

  static ConditionWords clause(std::string text) {
    ConditionWords words;
    words.text = std::move(text);
    return words;
  }

  static ConditionWords fallback(const Json& logic) {
    return clause("expression JsonLogic " +
                  logic.dump(-1, ' ', false, Json::error_handler_t::replace));
  }

  // "a et (b et c)" reads as "a et b et c": a join nested in the same join is flattened.
  ConditionWords joined(ConditionWords::Join join, const Json& operands) const {
    ConditionWords out;
    out.join = join;
    for (const Json& operand : operands) {
      ConditionWords part = words(operand);
      if (part.join == join) {
        for (auto& inner : part.parts) out.parts.push_back(std::move(inner));
      } else {
        out.parts.push_back(std::move(part));
      }
    }
    if (out.parts.size() == 1) return std::move(out.parts.front());
    return out;
  }

  // The question a {"var": "id"} reads, or nullptr.
  const Question* question_of(const Json& logic) const {
    if (!is_operation(logic) || logic.begin().key() != "var") return nullptr;
    const Json* name = &logic.begin().value();
    if (name->is_array() && name->size() == 1) name = &(*name)[0];
    if (!name->is_string()) return nullptr;
    const int index = rules_.question_index(name->get<std::string>());
    return index < 0 ? nullptr : &rules_.questions[static_cast<std::size_t>(index)];
  }

  static bool is_element(const Json& logic) {
    if (!is_operation(logic) || logic.begin().key() != "var") return false;
    const Json& name = logic.begin().value();
    return name == "" || name == Json::array({""});
  }

  std::string question_label(const Question& question) const {
    const std::string& label = texts_.at({"questions", question.id, "label"});
    return guillemets(label.empty() ? question.id : label);
  }

  // The label of an answer as the person sees it; the raw value when it has none.
  std::optional<std::string> answer_label(const Question& question, const Json& answer) const {
    if (!answer.is_string() && !answer.is_boolean()) return std::nullopt;
    std::string label = texts_.answer_label(question, answer);
    if (label.empty()) label = answer.is_string() ? answer.get<std::string>() : answer.dump();
    return label;
  }

  std::optional<std::vector<std::string>> answer_labels(const Question& question,
                                                        const Json& answers) const {
    if (!answers.is_array() || answers.empty()) return std::nullopt;
    std::vector<std::string> labels;
    for (const Json& answer : answers) {
      std::optional<std::string> label = answer_label(question, answer);
      if (!label) return std::nullopt;
      labels.push_back(*label);
    }
    return labels;
  }

  // What is said of an answer (or of one choice of a multiple choice): "est « a »",
  // "n'est pas « a »", "est « a » ou « b »". `subject` tells which operand is the answer.
  std::optional<std::string> predicate(const std::string& op, const Json& operand,
                                       const Question& question,
                                       bool (*is_subject)(const Json&, const Question*)) const {
    if (!operand.is_array() || operand.size() != 2) return std::nullopt;
    const bool subject_first = is_subject(operand[0], &question);
    if (!subject_first && !(op != "in" && is_subject(operand[1], &question))) return std::nullopt;
    const Json& other = operand[subject_first ? 1 : 0];
    if (op == "==" || op == "===" || op == "!=" || op == "!==") {
      std::optional<std::string> label = answer_label(question, other);
      if (!label) return std::nullopt;
      const bool negated = op == "!=" || op == "!==";
      return (negated ? "n'est pas " : "est ") + guillemets(*label);
    }
    if (op == "in") {
      std::optional<std::vector<std::string>> labels = answer_labels(question, other);
      if (!labels) return std::nullopt;
      return "est " + alternatives(*labels);
    }
    return std::nullopt;
  }

  // A comparison of an answer: "la réponse à « question » est « choix »".
  std::optional<std::string> comparison(const std::string& op, const Json& operand) const {
    if (!operand.is_array() || operand.size() != 2) return std::nullopt;
    const Question* question = question_of(operand[0]);
    if (question == nullptr) question = question_of(operand[1]);
    if (question == nullptr) return std::nullopt;
    // A choice ticked in a multiple choice: {"in": ["choix", {"var": "question"}]}.
    if (op == "in" && question_of(operand[1]) == question && operand[0].is_string()) {
      std::optional<std::string> label = answer_label(*question, operand[0]);
      if (!label) return std::nullopt;
      return "les réponses à " + question_label(*question) + " comprennent " + guillemets(*label);
    }
    auto is_answer = [](const Json& logic, const Question*) {
      return is_operation(logic) && logic.begin().key() == "var";
    };
    std::optional<std::string> said = predicate(op, operand, *question, is_answer);
    if (!said) return std::nullopt;
    return "la réponse à " + question_label(*question) + " " + *said;
  }

  // A condition over the choices of a multiple choice: "au moins une réponse cochée à
  // « question » n'est pas « Rien de tout cela »".
  std::optional<std::string> quantified(const std::string& op, const Json& operand) const {
    if (op != "some" && op != "all" && op != "none") return std::nullopt;
    if (!operand.is_array() || operand.size() != 2) return std::nullopt;
    const Question* question = question_of(operand[0]);
    const Json& inner = operand[1];
    if (question == nullptr || !is_operation(inner)) return std::nullopt;
    auto is_element_of = [](const Json& logic, const Question*) { return is_element(logic); };
    std::optional<std::string> said =
        predicate(inner.begin().key(), inner.begin().value(), *question, is_element_of);
    if (!said) return std::nullopt;
    const std::string ticked = "réponse cochée à " + question_label(*question);
    if (op == "some") return "au moins une " + ticked + " " + *said;
    if (op == "all") return "chaque " + ticked + " " + *said;
    return "il n'y a aucune " + ticked + " qui " + *said;
  }

  const RuleSet& rules_;
  Texts texts_;
};

}  // namespace

ConditionWords condition_words(const Json& logic, const RuleSet& rules, const std::string& locale) {
  return Wording(rules, locale).words(logic);
}

std::string condition_sentence(const ConditionWords& words) {
  if (words.join == ConditionWords::Join::none) return words.text;
  const char* joint = words.join == ConditionWords::Join::all ? " et " : " ou ";
  std::string out;
  for (const ConditionWords& part : words.parts) {
    if (!out.empty()) out += joint;
    const bool nested = part.join != ConditionWords::Join::none;
    out += nested ? "(" + condition_sentence(part) + ")" : condition_sentence(part);
  }
  return out;
}

bool is_always(const Json& logic) {
  return logic.is_boolean() && logic.get<bool>();
}

}  // namespace pdp::doc
