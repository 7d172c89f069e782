// Builds the reviewers' document from the rules. All its own words are French: it is written for
// a French caisse's reviewer; the rules' texts appear in every language they exist in.
#include "core/doc/rules_document.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "core/doc/condition_words.hpp"
#include "core/texts.hpp"

namespace pdp::doc {
namespace {

std::string guillemets(const std::string& text) {
  return "« " + text + " »";
}

const char* kind_heading(ItemKind kind) {
  switch (kind) {
    case ItemKind::programme:
      return "Programmes";
    case ItemKind::measure:
      return "Mesures";
    case ItemKind::actor:
      return "Acteurs";
    case ItemKind::channel:
      return "Canaux de contact";
    case ItemKind::next_step:
      return "Prochaines étapes";
  }
  return "";
}

const char* eligibility_words(const std::string& eligibility) {
  if (eligibility == "eligible") return "semble remplir les conditions";
  if (eligibility == "not_eligible") return "ne semble pas remplir les conditions";
  if (eligibility == "incomplete") return "à vérifier avec la caisse";
  return "résultat inconnu";
}

const char* criterion_status_words(const std::string& status) {
  if (status == "met") return "rempli";
  if (status == "unmet") return "non rempli";
  if (status == "unknown") return "inconnu";
  return "statut inconnu";
}

const char* period_status_words(const std::string& status) {
  if (status == "not_yet") return "pas encore commencée";
  if (status == "in_force") return "en cours";
  if (status == "to_confirm") return "à confirmer avec la caisse";
  return "période inconnue";
}

// The French name of a text's key in the locale files, for the "Textes" lists; the list's order is
// the order a reviewer reads them in (the label before its help, the title before the text).
const std::pair<const char*, const char*> kTextKeys[] = {
    {"label", "Question"},
    {"help", "Aide"},
    {"title", "Titre"},
    {"short", "Titre court"},
    {"now", "Maintenant"},
    {"text", "Texte"},
    {"role", "Rôle"},
    {"how", "Comment faire"},
    {"met", "Si rempli"},
    {"unmet", "Si non rempli"},
    {"unknown", "Si inconnu"},
    {"to_check", "À vérifier"},
    {"eligible", "Semble remplir les conditions"},
    {"not_eligible", "Ne semble pas remplir les conditions"},
    {"incomplete", "À vérifier avec la caisse"},
    {"indicative", "Résultat indicatif"},
    {"privacy", "Confidentialité"},
    {"information_date", "Date des informations"},
    {"rules_version", "Version des règles"},
    {"programme_period", "Période annoncée d'une offre"},
    {"programme_in_force", "Offre en cours"},
    {"programme_in_force_past", "Offre en cours (à une date passée)"},
    {"programme_not_yet", "Offre pas encore commencée"},
    {"programme_not_yet_past", "Offre pas encore commencée (à une date passée)"},
    {"programme_to_confirm", "Offre à confirmer, encore présentée après sa fin annoncée"},
    {"programme_ended_to_confirm", "Offre à confirmer après sa fin annoncée"},
};

std::string text_key_words(const std::string& key) {
  for (const auto& [name, words] : kTextKeys) {
    if (key == name) return words;
  }
  return "« " + key + " »";
}

// The keys of a locale object in reading order: the known ones first, in kTextKeys' order, then
// the others as the file sorts them.
std::vector<std::string> keys_in_reading_order(const Json& node) {
  std::vector<std::string> keys;
  for (const auto& [name, words] : kTextKeys) {
    if (node.contains(name)) keys.emplace_back(name);
  }
  for (const auto& [key, value] : node.items()) {
    bool known = false;
    for (const auto& [name, words] : kTextKeys) known = known || key == name;
    if (!known) keys.push_back(key);
  }
  return keys;
}

ListItem item(Text text, std::vector<ListItem> children = {}) {
  return ListItem{std::move(text), std::move(children)};
}

ListItem labelled(const std::string& label, const std::string& value) {
  return item({strong(label + " : "), plain(value)});
}

Block heading(int level, std::string text, std::string anchor = "") {
  Block block;
  block.kind = Block::Kind::heading;
  block.level = level;
  block.anchor = std::move(anchor);
  block.text = {plain(std::move(text))};
  return block;
}

Block paragraph(Text text) {
  Block block;
  block.kind = Block::Kind::paragraph;
  block.text = std::move(text);
  return block;
}

Block list(std::vector<ListItem> items) {
  Block block;
  block.kind = Block::Kind::list;
  block.items = std::move(items);
  return block;
}

// A condition as a list item: one line when it is one clause, else a lead and its parts below.
ListItem condition_item(const std::string& lead, const ConditionWords& words) {
  if (words.join == ConditionWords::Join::none) return labelled(lead, words.text);
  const bool all = words.join == ConditionWords::Join::all;
  ListItem out = item({strong(lead + " : "),
                       plain(all ? "toutes ces conditions à la fois" : "l'une de ces conditions")});
  for (const ConditionWords& part : words.parts) {
    if (part.join == ConditionWords::Join::none) {
      out.children.push_back(item({plain(part.text)}));
    } else {
      ListItem nested = condition_item("", part);
      // The lead is empty for a nested condition: keep only "toutes…" / "l'une…".
      nested.text.erase(nested.text.begin());
      out.children.push_back(std::move(nested));
    }
  }
  return out;
}

class Builder {
 public:
  Builder(const RuleSet& rules, const std::vector<Scenario>& scenarios)
      : rules_(rules), scenarios_(scenarios), texts_(rules, rules.default_locale) {}

  Document build() {
    document_.language = "fr";
    document_.title = "Les règles de l'autodiagnostic PDP";
    add(heading(1, document_.title));
    add(paragraph({plain("Version des règles " + rules_.version + ", informations à jour au " +
                         texts_.date(rules_.information_date) + ".")}));
    introduction();
    questions();
    criteria();
    outcomes();
    for (ItemKind kind : kItemKinds) items(kind);
    documents();
    notices();
    scenario_index();
    return std::move(document_);
  }

 private:
  void add(Block block) { document_.blocks.push_back(std::move(block)); }

  void introduction() {
    add(heading(2, "Comment lire ce document", "comment-lire"));
    add(paragraph({plain(
        "Ce document décrit toutes les règles de l'outil d'autodiagnostic de l'accompagnement "
        "« prévention de la désinsertion professionnelle » (PDP). Il est produit à partir des "
        "fichiers de règles par la commande pdp-assess doc : il ne s'écrit pas à la main, et les "
        "tests échouent s'il ne correspond plus aux règles.")}));
    add(list({
        item({plain("Les questions sont posées dans l'ordre ci-dessous, chacune seulement quand "
                    "sa condition « Posée quand » est vraie.")}),
        item({plain("Une question sans réponse, ou répondue « Je ne sais pas », est inconnue : une "
                    "condition qui en dépend reste inconnue, sauf si le reste suffit à la décider. "
                    "L'outil ne pose que les questions qui peuvent encore changer le résultat.")}),
        item({plain("La personne semble remplir les conditions quand tous les critères sont "
                    "remplis ; elle ne semble pas les remplir dès qu'un critère n'est pas rempli ; "
                    "sinon, le résultat est à vérifier avec la caisse.")}),
        item({plain("Les programmes, mesures, acteurs, canaux et étapes s'affichent quand leur "
                    "condition est vraie. Sauf mention contraire, seulement tant que la personne "
                    "peut encore remplir les conditions.")}),
        item({plain("Chaque élément donne ses textes dans chaque langue, les passages des sources "
                    "sur lesquels il repose, et les scénarios de test (tests/scenarios) dont le "
                    "résultat attendu le cite.")}),
        item({plain("Le résultat reste indicatif : seul le médecin-conseil de la caisse décide.")}),
    }));
  }

  // ---- Texts, sources and scenarios, shared by every entry.

  // Every text of `path` (e.g. {"questions", "situation_pro"}) in every language, by key.
  void texts(std::initializer_list<std::string> path,
             const std::vector<std::string>& options = {}) {
    std::vector<ListItem> languages;
    for (const std::string& locale : rules_.locales) {
      const auto found = rules_.texts.find(locale);
      if (found == rules_.texts.end()) continue;
      const Json* node = &found->second;
      for (const std::string& key : path) {
        if (!node->is_object() || !node->contains(key)) {
          node = nullptr;
          break;
        }
        node = &(*node)[key];
      }
      if (node == nullptr) continue;
      ListItem language = item({strong(found->second.value("name", locale))});
      text_lines(*node, "", options, language.children);
      languages.push_back(std::move(language));
    }
    add(paragraph({strong("Textes")}));
    add(list(std::move(languages)));
  }

  // One line per text of `node`. `options` orders a question's choices as the question does.
  static void text_lines(const Json& node, const std::string& prefix,
                         const std::vector<std::string>& options, std::vector<ListItem>& out) {
    if (node.is_string()) {
      out.push_back(labelled(prefix, node.get<std::string>()));
      return;
    }
    if (!node.is_object()) return;
    for (const std::string& key : keys_in_reading_order(node)) {
      const Json& value = node[key];
      if (key == "options" && value.is_object()) {
        std::vector<std::string> order = options;
        for (const auto& [option, label] : value.items()) {
          if (std::find(order.begin(), order.end(), option) == order.end()) order.push_back(option);
        }
        for (const std::string& option : order) {
          if (value.contains(option))
            text_lines(value[option], "Choix « " + option + " »", {}, out);
        }
      } else if (key == "variants" && value.is_object()) {
        for (const auto& [variant, text] : value.items()) {
          text_lines(text, "Variante " + guillemets(variant), {}, out);
        }
      } else {
        const std::string words = text_key_words(key);
        text_lines(value, prefix.empty() ? words : prefix + " — " + words, options, out);
      }
    }
  }

  void sources(const std::vector<SourceRef>& refs) {
    std::vector<ListItem> lines;
    for (const SourceRef& ref : refs) {
      const pdp::Document* document = rules_.document(ref.document);
      Text text;
      if (document == nullptr) {
        text.push_back(plain(ref.document));
      } else if (document->url.empty()) {
        text.push_back(plain(document->title));
      } else {
        text.push_back(link(document->title, document->url));
      }
      std::string rest;
      if (document != nullptr && document->date) rest += ", " + texts_.date(*document->date);
      if (!ref.article.empty()) rest += ", article " + ref.article;
      rest += " : passage " + guillemets(ref.passage);
      text.push_back(plain(rest));
      lines.push_back(item(std::move(text)));
    }
    add(paragraph({strong("Sources")}));
    add(list(std::move(lines)));
  }

  std::string scenario_line(const Scenario& scenario) const {
    std::string date = scenario.date;
    if (auto parsed = Date::parse(scenario.date)) date = texts_.date(*parsed);
    return scenario.file + " : " + guillemets(scenario.name) + ", le " + date;
  }

  // `said` gives, for a scenario, what it expects of the entry (empty: it does not name it).
  template <typename Said>
  void scenarios_naming(Said said) {
    std::vector<ListItem> lines;
    for (const Scenario& scenario : scenarios_) {
      const std::string expected = said(scenario);
      if (expected.empty()) continue;
      lines.push_back(item({plain(scenario_line(scenario) + " → " + expected)}));
    }
    add(paragraph({strong("Scénarios qui l'exercent")}));
    if (lines.empty()) {
      add(paragraph({plain("Aucun scénario de tests/scenarios ne le cite.")}));
    } else {
      add(list(std::move(lines)));
    }
  }

  ConditionWords words(const Expression& expression) const {
    return condition_words(expression.logic(), rules_, rules_.default_locale);
  }

  ListItem condition_or_always(const std::string& lead, const Expression& expression,
                               const std::string& always) const {
    const Json logic = expression.logic();
    if (is_always(logic)) return labelled(lead, always);
    return condition_item(lead, words(expression));
  }

  std::string title_of(const char* list, const std::string& id) const {
    const std::string& title = texts_.at({list, id, "title"});
    return title.empty() ? id : title;
  }

  // ---- Questions.

  void questions() {
    add(heading(2, "Questions", "questions"));
    add(
        paragraph({plain("Dans l'ordre où elles peuvent être posées. Les réponses possibles sont "
                         "données avec le texte que la personne voit.")}));
    for (std::size_t i = 0; i < rules_.questions.size(); ++i) {
      const Question& question = rules_.questions[i];
      add(heading(3,
                  std::to_string(i + 1) + ". " + texts_.at({"questions", question.id, "label"}) +
                      " (" + question.id + ")",
                  "question-" + question.id));
      std::vector<ListItem> facts;
      static const char* const kTypes[] = {"oui ou non", "un seul choix", "plusieurs choix"};
      facts.push_back(labelled("Réponse", kTypes[static_cast<int>(question.type)]));
      facts.push_back(condition_or_always("Posée quand", question.asked_when, "toujours"));
      if (!question.options.empty()) {
        ListItem choices = item({strong("Choix")});
        for (const std::string& option : question.options) {
          ListItem choice = item(
              {plain(guillemets(texts_.answer_label(question, option)) + " (" + option + ")")});
          if (question.is_exclusive(option)) {
            choice.children.push_back(item({plain("ne peut pas être coché avec un autre choix")}));
          }
          const auto when = question.options_when.find(option);
          if (when != question.options_when.end()) {
            choice.children.push_back(
                condition_item("Proposé seulement quand", words(when->second)));
          }
          choices.children.push_back(std::move(choice));
        }
        facts.push_back(std::move(choices));
      }
      if (question.allows_unknown) {
        facts.push_back(
            item({plain("Accepte la réponse " + guillemets(texts_.at({"answers", "unknown"})) +
                        " : le point est alors à vérifier avec la caisse.")}));
      }
      add(list(std::move(facts)));
      texts({"questions", question.id}, question.options);
      sources(question.source);
      scenarios_naming([&](const Scenario& scenario) { return answered(scenario, question); });
    }
  }

  std::string answered(const Scenario& scenario, const Question& question) const {
    for (const ScenarioStep& step : scenario.steps) {
      if (step.question != question.id) continue;
      std::string out = "répond " + guillemets(texts_.answer_label(question, step.answer));
      if (names(scenario.expect, "to_check", question.id)) out += ", point à vérifier";
      return out;
    }
    return "";
  }

  // True when the expectation `key` (a list of ids, or an object keyed by id) names `id`.
  static bool names(const Json& expect, const char* key, const std::string& id) {
    const auto found = expect.find(key);
    if (found == expect.end()) return false;
    if (found->is_object()) return found->contains(id);
    if (!found->is_array()) return false;
    for (const Json& entry : *found) {
      if (entry == id) return true;
    }
    return false;
  }

  // ---- Criteria.

  void criteria() {
    add(heading(2, "Critères", "criteres"));
    add(
        paragraph({plain("Chaque critère est rempli, non rempli ou inconnu. La personne semble "
                         "remplir les conditions quand tous le sont.")}));
    for (const Criterion& criterion : rules_.criteria) {
      add(heading(3, title_of("criteria", criterion.id) + " (" + criterion.id + ")",
                  "critere-" + criterion.id));
      std::vector<ListItem> facts;
      facts.push_back(condition_or_always("Rempli quand", criterion.condition, "toujours"));
      if (criterion.to_check_when) {
        facts.push_back(
            condition_item("Sinon, à vérifier avec la caisse (ce que les sources "
                           "laissent ouvert) quand",
                           words(*criterion.to_check_when)));
      }
      variants(criterion.variants, facts);
      add(list(std::move(facts)));
      texts({"criteria", criterion.id});
      sources(criterion.source);
      scenarios_naming([&](const Scenario& scenario) {
        std::string out;
        const auto expected = scenario.expect.find("criteria");
        if (expected != scenario.expect.end() && expected->is_object() &&
            expected->contains(criterion.id) && (*expected)[criterion.id].is_string()) {
          out = criterion_status_words((*expected)[criterion.id].get<std::string>());
        }
        if (names(scenario.expect, "would_be_met_by", criterion.id)) {
          out += out.empty() ? "ce qui le remplirait" : ", avec ce qui le remplirait";
        }
        if (names(scenario.expect, "to_check", criterion.id)) {
          out += out.empty() ? "à vérifier" : ", à vérifier";
        }
        return out;
      });
    }
  }

  void variants(const std::vector<TextVariant>& list, std::vector<ListItem>& facts) const {
    for (const TextVariant& variant : list) {
      std::string lead = "Texte " + guillemets(variant.id) + " à la place du texte habituel quand";
      ListItem line = condition_item(lead, words(variant.when));
      if (variant.valid_from) {
        line.children.push_back(item({plain("à partir du " + texts_.date(*variant.valid_from) +
                                            " ; avant, ces personnes ne voient pas l'élément")}));
      }
      facts.push_back(std::move(line));
    }
  }

  // ---- Results.

  void outcomes() {
    add(heading(2, "Résultats", "resultats"));
    add(
        paragraph({plain("Les textes du résultat selon l'éligibilité, puis les formulations "
                         "propres à certaines personnes.")}));
    add(heading(3, "Textes selon l'éligibilité", "resultats-eligibilite"));
    texts({"eligibility"});
    for (const Outcome& outcome : rules_.outcomes) {
      add(heading(3, title_of("outcomes", outcome.id) + " (" + outcome.id + ")",
                  "resultat-" + outcome.id));
      std::vector<ListItem> facts;
      facts.push_back(labelled("Remplace les textes du résultat",
                               guillemets(eligibility_words(outcome.eligibility))));
      facts.push_back(condition_or_always("Quand, une fois toutes les questions posées",
                                          outcome.when, "toujours"));
      add(list(std::move(facts)));
      texts({"outcomes", outcome.id});
      sources(outcome.source);
      scenarios_naming([&](const Scenario& scenario) {
        return scenario.expect.value("outcome", "") == outcome.id ? std::string("ce résultat")
                                                                  : std::string();
      });
    }
  }

  // ---- Programmes, measures, actors, channels, next steps.

  void items(ItemKind kind) {
    const char* list_name = kind_name(kind);
    add(heading(2, kind_heading(kind), list_name));
    for (const Item& entry : rules_.items_of(kind)) {
      add(heading(3, title_of(list_name, entry.id) + " (" + entry.id + ")",
                  std::string(list_name) + "-" + entry.id));
      std::vector<ListItem> facts;
      facts.push_back(condition_or_always("S'affiche quand", entry.applies_when, "toujours"));
      facts.push_back(
          item({plain(entry.requires_eligibility
                          ? "Seulement tant que la personne peut encore remplir les conditions."
                          : "Même quand la personne ne semble pas remplir les conditions.")}));
      if (!entry.programme.empty()) {
        facts.push_back(labelled("Fait partie du programme",
                                 guillemets(title_of("programmes", entry.programme))));
      }
      if (entry.valid_from && !entry.valid_until) {
        facts.push_back(labelled("À partir du",
                                 texts_.date(*entry.valid_from) + " (avant, il ne s'affiche pas)"));
      }
      if (entry.valid_from && entry.valid_until) {
        std::string period =
            "du " + texts_.date(*entry.valid_from) + " au " + texts_.date(*entry.valid_until);
        if (entry.information_date) {
          period += ", d'après une décision du " + texts_.date(*entry.information_date);
        }
        facts.push_back(labelled("Période annoncée", period));
        facts.push_back(
            item({plain("Avant la période, l'offre s'affiche comme pas encore "
                        "commencée ; après, comme à confirmer avec la caisse.")}));
      }
      if (entry.last_seen) {
        facts.push_back(
            labelled("Encore présentée par une source le", texts_.date(*entry.last_seen)));
      }
      variants(entry.variants, facts);
      add(list(std::move(facts)));
      texts({list_name, entry.id});
      sources(entry.source);
      scenarios_naming([&](const Scenario& scenario) { return shown(scenario, kind, entry.id); });
    }
  }

  static std::string shown(const Scenario& scenario, ItemKind kind, const std::string& id) {
    if (!names(scenario.expect, kind_name(kind), id)) return "";
    std::string out = names(scenario.expect, "pending", id) ? "s'affiche, à vérifier" : "s'affiche";
    const auto variant = scenario.expect.find("variants");
    if (variant != scenario.expect.end() && variant->is_object() && variant->contains(id)) {
      const Json& chosen = (*variant)[id];
      out += chosen.is_string() ? ", texte " + guillemets(chosen.get<std::string>())
                                : std::string(", texte habituel");
    }
    const auto period = scenario.expect.find("period_status");
    if (period != scenario.expect.end() && period->is_object() && period->contains(id) &&
        (*period)[id].is_string()) {
      out += ", offre " + std::string(period_status_words((*period)[id].get<std::string>()));
    }
    const auto in_force = scenario.expect.find("in_force");
    if (in_force != scenario.expect.end() && in_force->is_object() && in_force->contains(id)) {
      out += (*in_force)[id] == true ? ", en vigueur" : ", pas en vigueur";
    }
    return out;
  }

  // ---- Documents, notices, scenarios.

  void documents() {
    add(heading(2, "Documents sources", "documents"));
    add(
        paragraph({plain("Le dépôt garde le texte de chaque document, ou les passages vérifiés, "
                         "dans rules/sources. Les documents de travail de l'équipe ne sont montrés "
                         "à la personne que pour un point qu'aucun texte officiel ne couvre.")}));
    Block table;
    table.kind = Block::Kind::table;
    table.table.header = {"Document", "Date", "Adresse", "Note"};
    for (const pdp::Document& document : rules_.documents) {
      table.table.rows.push_back({
          {plain(document.title + " (" + document.id + ")")},
          {plain(document.date ? texts_.date(*document.date) : "non relevée")},
          {document.url.empty() ? plain("aucune (note interne ou adresse non relevée)")
                                : link(document.url, document.url)},
          {plain(document.internal ? (document.note.empty() ? "" : document.note + " ") +
                                         "Document de travail de l'équipe."
                                   : document.note)},
      });
    }
    add(std::move(table));
  }

  void notices() {
    add(heading(2, "Avertissements et mentions", "mentions"));
    add(
        paragraph({plain("Les phrases que l'outil ajoute au résultat. Les mots entre accolades "
                         "sont remplacés (par exemple {date} par la date).")}));
    texts({"notices"});
  }

  void scenario_index() {
    add(heading(2, "Scénarios de test", "scenarios"));
    if (scenarios_.empty()) {
      add(paragraph({plain("Aucun scénario n'a été fourni à la génération de ce document.")}));
      return;
    }
    add(
        paragraph({plain("Chaque scénario de tests/scenarios est une personne qui répond aux "
                         "questions à une date donnée ; les tests vérifient les questions posées "
                         "et le résultat attendu.")}));
    Block table;
    table.kind = Block::Kind::table;
    table.table.header = {"Fichier", "Scénario", "Date", "Résultat attendu"};
    for (const Scenario& scenario : scenarios_) {
      std::string date = scenario.date;
      if (auto parsed = Date::parse(scenario.date)) date = texts_.date(*parsed);
      table.table.rows.push_back(
          {{plain(scenario.file)},
           {plain(scenario.name)},
           {plain(date)},
           {plain(eligibility_words(scenario.expect.value("eligibility", "")))}});
    }
    add(std::move(table));
  }

  const RuleSet& rules_;
  const std::vector<Scenario>& scenarios_;
  Texts texts_;
  Document document_;
};

}  // namespace

Document rules_document(const RuleSet& rules, const std::vector<Scenario>& scenarios) {
  return Builder(rules, scenarios).build();
}

}  // namespace pdp::doc
