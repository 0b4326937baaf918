package dev.kiln.samples.binary;

import static dev.kiln.dsl.LossKind.BCE_WITH_LOGITS;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;

/** The second way: one logit, sigmoid and binary cross-entropy fused in the loss. */
@Model
@Loss(BCE_WITH_LOGITS)
public interface LogitsBce {
  @Linear(in = 2, out = 1) Layer out();
}
