// A reply of the core with its words put back beside each id, from the rules' info in the reply's
// language (handed once by the core: engine.useLocale). The same wording as the core's
// with_texts (src/core/reply_texts.cpp), which `pdp-assess assess --texts` prints;
// tests/wasm/reply-texts.test.mjs holds both equal on every path. Nothing here decides anything:
// which text (a variant, a "to check", a note's tense) is the reply's choice, by id.
// No DOM here: it runs under Node too.

const has = (object, key) => object !== null && typeof object === 'object' && Object.prototype.hasOwnProperty.call(object, key);
const UNKNOWN = 'ne_sait_pas';

/** A text the info lacks, or a reply it cannot word: a clear error, never a blank screen. */
export class ReplyTextsError extends Error {
  constructor(code, message, path = '') {
    super(message);
    this.name = 'ReplyTextsError';
    this.code = code;
    this.path = path;
    this.problems = [];
  }
}

/**
 * `reply` with its texts, as the core's with_texts words it.
 * @param {object} reply the core's reply (ids and values)
 * @param {{locale: string, texts: object, questions: object, sources: object, documents: object}} info
 *   the rules' info in the reply's language
 * @returns {object} a new object; `reply` is left as it is
 * @throws {ReplyTextsError} "texts.missing" (path: the text's JSON pointer in the locale) or
 *   "reply.invalid"
 */
export function withTexts(reply, info) {
  const words = wording(info);
  const out = JSON.parse(JSON.stringify(reply));
  // Each step as it was asked: the question with the choices offered then, the answer kept, the
  // progress shown then.
  out.rules.information_date = info.rules.information_date;
  out.steps = reply.steps.map((step, index) => {
    const answer = reply.answers[step.question];
    return {
      question: questionWords(words, asked(words.question(step.question), step)),
      answer,
      answer_label: words.answerLabel(step.question, answer),
      progress: { answered: index, remaining_at_most: step.remaining_at_most },
    };
  });
  if (out.next_question) out.next_question = questionWords(words, out.next_question);
  for (const dropped of out.dropped) {
    // An answer to a question these rules lack (rules_changed) has no words.
    if (has(info.questions, dropped.question)) dropped.label = words.at('questions', dropped.question, 'label');
  }
  for (const criterion of out.criteria) criterionWords(words, criterion, info);
  if (out.outcome) {
    const group = has(info.texts.outcomes, out.outcome.id) ? 'outcomes' : 'eligibility';
    for (const part of ['title', 'now', 'text']) out.outcome[part] = words.at(group, out.outcome.id, part);
  }
  for (const entry of out.to_check) {
    const [group, id, title] = has(entry, 'criterion') ? ['criteria', entry.criterion, 'title'] : ['questions', entry.question, 'label'];
    entry.label = words.at(group, id, title);
    entry.text = words.at(group, id, 'to_check');
  }
  for (const [list, second] of ITEM_LISTS) {
    for (const item of out[list]) itemWords(words, reply, list, second, item, info);
  }
  const informationDate = words.date(info.rules.information_date);
  out.notices = {
    indicative: words.at('notices', 'indicative'),
    privacy: words.at('notices', 'privacy'),
    information_date: fill(words.at('notices', 'information_date'), { date: informationDate }),
    rules_version: fill(words.at('notices', 'rules_version'), { version: reply.rules.version }),
  };
  return out;
}

// Each list of items with the key of the text beside its title (item_text_key in the core).
const ITEM_LISTS = [['programmes', 'text'], ['measures', 'text'], ['actors', 'role'], ['channels', 'how'], ['next_steps', 'text']];

/** "{name}" in `text` replaced by values.name, as the core's Texts::fill does. */
export function fill(text, values) {
  return Object.entries(values).reduce((out, [name, value]) => out.split(`{${name}}`).join(value), text);
}

// The locale's texts, looked up by key; a missing one is an error naming its path.
function wording(info) {
  const texts = info?.texts;
  if (!texts || typeof texts !== 'object') throw new ReplyTextsError('texts.missing', `no texts for "${info?.locale}"`);
  const at = (...keys) => {
    let node = texts;
    for (const key of keys) {
      if (!has(node, key)) node = undefined;
      else node = node[key];
    }
    if (typeof node !== 'string') {
      const path = keys.map((key) => `/${key}`).join('');
      throw new ReplyTextsError('texts.missing', `the texts in "${info.locale}" lack ${path}`, path);
    }
    return node;
  };
  const question = (id) => {
    if (!has(info.questions, id)) throw new ReplyTextsError('reply.invalid', `not a reply of these rules: a question these rules lack: "${id}"`);
    return info.questions[id];
  };
  // The core's dates in words: the locale's month names, its first day of a month ("1er").
  const date = (iso) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!match) throw new ReplyTextsError('reply.invalid', `not a reply of these rules: a date that is not YYYY-MM-DD: ${iso}`);
    const day = Number(match[3]) === 1 ? at('first_day_of_month') : String(Number(match[3]));
    return `${day} ${texts.months?.[Number(match[2]) - 1] ?? ''} ${Number(match[1])}`;
  };
  const answerLabel = (id, answer) => {
    const { options = [] } = question(id);
    if (answer === UNKNOWN && !options.includes(UNKNOWN)) return at('answers', 'unknown');
    if (typeof answer === 'boolean') return at('answers', answer ? 'yes' : 'no');
    if (Array.isArray(answer)) return answer.map((option) => at('questions', id, 'options', option)).join(' ; ');
    return at('questions', id, 'options', answer);
  };
  return { at, question, date, answerLabel };
}

// A step's question as the reply names the next one: {id, type, choices} (the core's response.cpp).
function asked(question, step) {
  const choices = [...(question.type === 'boolean' ? [true, false] : []), ...(step.offered ?? question.options)];
  if (question.allows_unknown) choices.push(UNKNOWN);
  return { id: step.question, type: question.type, choices };
}

// A question as asked, with the words of its choices ("ne_sait_pas" ends the choices of a
// question that allows it).
function questionWords(words, asked) {
  const { allows_unknown: allowsUnknown, exclusive } = words.question(asked.id);
  const choices = asked.choices.map((value, index) => {
    let label;
    if (typeof value === 'boolean') label = words.at('answers', value ? 'yes' : 'no');
    else if (allowsUnknown && index === asked.choices.length - 1 && value === UNKNOWN) label = words.at('answers', 'unknown');
    else label = words.at('questions', asked.id, 'options', value);
    return { value, label };
  });
  return {
    ...asked,
    label: words.at('questions', asked.id, 'label'),
    help: words.at('questions', asked.id, 'help'),
    choices,
    allows_unknown: allowsUnknown,
    exclusive: [...exclusive],
  };
}

// Each passage with its document's title, date and address.
function sourcesWords(shown, info) {
  return (shown ?? []).map((source) => {
    const document = info.documents?.[source.document];
    const out = { ...source, title: document?.title ?? source.document };
    if (document?.url) out.url = document.url;
    if (document?.date) out.date = document.date;
    return out;
  });
}

function criterionWords(words, criterion, info) {
  const { id } = criterion;
  if (!has(info.sources.criteria, id)) throw new ReplyTextsError('reply.invalid', `not a reply of these rules: a criterion these rules lack: "${id}"`);
  criterion.title = words.at('criteria', id, 'title');
  if (has(criterion, 'variant')) criterion.text = words.at('criteria', id, 'variants', criterion.variant);
  else if (criterion.to_check) criterion.text = words.at('criteria', id, 'to_check');
  else criterion.text = words.at('criteria', id, criterion.status);
  delete criterion.to_check;
  criterion.sources = sourcesWords(info.sources.criteria[id], info);
  for (const way of criterion.would_be_met_by ?? []) {
    for (const change of way.changes) {
      change.question_label = words.at('questions', change.question, 'label');
      change.answer_labels = change.answers.map((answer) => words.answerLabel(change.question, answer));
    }
  }
}

function itemWords(words, reply, list, second, item, info) {
  const { id } = item;
  if (!has(info.sources[list], id)) throw new ReplyTextsError('reply.invalid', `not a reply of these rules: an item these rules lack: ${list} "${id}"`);
  item.title = words.at(list, id, 'title');
  item[second] = has(item, 'variant') ? words.at(list, id, 'variants', item.variant) : words.at(list, id, second);
  item.sources = sourcesWords(info.sources[list][id], info);
  if (list !== 'programmes') return;
  item.short = words.at(list, id, 'short');
  if (!has(item, 'valid_from') || !has(item, 'valid_until')) return;
  const from = words.date(item.valid_from);
  const until = words.date(item.valid_until);
  const informationDate = words.date(item.information_date ?? info.rules.information_date);
  item.period = fill(words.at('notices', 'programme_period'), { from, until, information_date: informationDate });
  // Every date the notes speak of: each note names only its own.
  const dates = { date: words.date(reply.date), from, until };
  if (has(item, 'last_seen')) dates.last_seen = words.date(item.last_seen);
  item.date_note = fill(words.at('notices', item.date_note_id), dates);
  delete item.date_note_id;
}
