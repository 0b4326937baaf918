package dev.kiln.samples.binary;

import static dev.kiln.dsl.LossKind.CROSS_ENTROPY;

import dev.kiln.dsl.Linear;
import dev.kiln.dsl.Loss;
import dev.kiln.dsl.Model;
import dev.kiln.runtime.Layer;

/** The third way: two logits, one per class, and cross-entropy. */
@Model
@Loss(CROSS_ENTROPY)
public interface TwoClassCe {
  @Linear(in = 2, out = 2) Layer out();
}
