// Generates complete answer sets from the rules' questions with a seeded PRNG: every question
// asked is answered with a known value (no "ne_sait_pas"), so each set has a definite
// eligibility that engines without three-valued logic (json-logic-js) can compute too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonLogic from 'json-logic-js';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The questions of rules/questions.json (the source of truth the core reads too). */
export function readQuestions(rulesDir) {
  return JSON.parse(readFileSync(join(rulesDir, 'questions.json'), 'utf8')).questions;
}

// A known answer to `question`, among the options its options_when leave open.
function pickAnswer(question, answers, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  if (question.type === 'boolean') return random() < 0.5;
  const offered = question.options.filter(
    (option) => !question.options_when?.[option] || jsonLogic.truthy(jsonLogic.apply(question.options_when[option], answers)),
  );
  if (question.type === 'choice') return pick(offered);
  // multi: an exclusive option alone, or a non-empty subset of the others.
  const exclusive = offered.filter((option) => question.exclusive?.includes(option));
  const others = offered.filter((option) => !exclusive.includes(option));
  if (exclusive.length > 0 && random() < 0.25) return [pick(exclusive)];
  const chosen = others.filter(() => random() < 0.5);
  return chosen.length > 0 ? chosen : [pick(others)];
}

/**
 * `count` answer sets: questions in the rules' order, each answered when its asked_when holds
 * for the answers so far (complete answers, so the condition is always decided).
 */
export function generateAnswerSets(questions, count, seed = 20261123) {
  const random = seededRandom(seed);
  const sets = [];
  for (let n = 0; n < count; n += 1) {
    const answers = {};
    for (const question of questions) {
      if (jsonLogic.truthy(jsonLogic.apply(question.asked_when, answers))) {
        answers[question.id] = pickAnswer(question, answers, random);
      }
    }
    sets.push(answers);
  }
  return sets;
}
