package dev.kiln.processor.writing;

import dev.kiln.processor.model.NetworkLayer;
import java.util.List;

/** One member as the writers see it: its arrays, and each of its steps with its emitter. */
record MemberCode(LayerPlan plan, List<StepCode> steps) {
  MemberCode {
    steps = List.copyOf(steps);
  }

  NetworkLayer layer() {
    return plan.layer();
  }

  /** The summary comment above the member's code: {@code hidden: Linear(2 -> 10) + ReLU}. */
  String comment() {
    return layer().name() + ": " + layer().describe();
  }
}
