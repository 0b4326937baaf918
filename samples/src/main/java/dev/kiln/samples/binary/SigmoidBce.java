package dev.kiln.samples.binary;

import static dev.kiln.dsl.LossKind.BCE;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.dsl.Sigmoid;
import dev.kiln.runtime.Layer;

/**
 * The seed's first way: one output, a sigmoid, binary cross-entropy on the probability. It compiles,
 * with Kiln's warning that BCE_WITH_LOGITS is the more stable way to the same model.
 */
@Model
@Loss(BCE)
public interface SigmoidBce {
  @Linear(in = 2, out = 1) @Sigmoid Layer out();
}
