// Objective: topicFit = number of presenter assignments that share at least one topic with their panel
// (DESIGN.md §4; Problem.topicMatch).
import { NONE, type Problem } from "../../model/problem.js";
import { ROLE_PRESENTER, type Role, type SearchState, type Tracker, type TrackerKind } from "../../solvers/search/state.js";
import type { ObjectiveRule } from "../rule.js";

interface TopicFit extends Tracker {
  readonly topicFitByPanel: Int32Array;
}

class TopicFitTracker implements TopicFit {
  readonly topicFitByPanel: Int32Array;
  private readonly topicMatch: Uint8Array;
  private readonly panelCount: number;

  constructor(state: SearchState) {
    this.topicMatch = state.problem.topicMatch;
    this.panelCount = state.panelCount;
    this.topicFitByPanel = new Int32Array(state.panelCount);
  }

  add(i: number, p: number, role: Role): void {
    if (role === ROLE_PRESENTER) this.topicFitByPanel[p]! += this.topicMatch[i * this.panelCount + p]!;
  }

  remove(i: number, p: number, role: Role): void {
    if (role === ROLE_PRESENTER) this.topicFitByPanel[p]! -= this.topicMatch[i * this.panelCount + p]!;
  }
}

const TOPIC_FIT: TrackerKind<TopicFit> = {
  name: "presenters sharing a topic",
  create: (state) => new TopicFitTracker(state),
};

export const topicFitRule: ObjectiveRule<"topic-fit"> = {
  code: "topic-fit",
  kind: "objective",
  term: "topicFit",
  isActive: (problem) => problem.weights.topicFit !== 0,
  search: {
    scope: "panel",
    full(problem, assignment) {
      let total = 0;
      assignment.panels.forEach((roster, p) => {
        for (const i of roster.presenters) total += problem.topicMatch[i * problem.panelCount + p]!;
      });
      return total;
    },
    valuer(state) {
      const { topicFitByPanel } = state.use(TOPIC_FIT);
      return (p) => topicFitByPanel[p]!;
    },
  },
  mip: {
    encode(ctx) {
      const { problem, lp, vars } = ctx;
      for (let k = 0; k < vars.presenter.length; k++) {
        const v = vars.presenter[k]!;
        if (v !== NONE && problem.topicMatch[k] === 1) lp.addObjective(v, problem.weights.topicFit);
      }
    },
  },
  greedy: {
    gain(state) {
      const { topicMatch, panelCount } = state.problem;
      return (i, p) => topicMatch[i * panelCount + p]!;
    },
  },
  bound: (problem) => (problem.weights.topicFit > 0 ? problem.weights.topicFit * topicFitBound(problem) : 0),
};

function topicFitBound(problem: Problem): number {
  let byParticipants = 0;
  for (let i = 0; i < problem.participantCount; i++) {
    let matching = 0;
    for (let p = 0; p < problem.panelCount; p++) {
      const k = i * problem.panelCount + p;
      if (problem.topicMatch[k] === 1 && problem.mayPresent[k] === 1) matching++;
    }
    byParticipants += Math.min(problem.presentsByParticipant[i]!, matching);
  }
  let byPanels = 0;
  for (let p = 0; p < problem.panelCount; p++) byPanels += problem.maxPresentersByPanel[p]!;
  return Math.min(byParticipants, byPanels);
}
